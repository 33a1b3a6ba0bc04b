import type en from './errors.en';

// Afvisninger, som tjenesterne returnerer som resultatkoder: siger det samme som den engelske fil.
export default {
	'counsellor.error.onlyCounsellors': 'Kun vejledere kan se klienters rapporter.',
	'counsellor.error.notShared': 'Denne klient deler ikke sin profil med dig.',
	'counsellor.share.error.notClient': 'Kun klientkonti kan dele en profil med en vejleder.',
	'counsellor.share.error.notSharing': 'Du deler ikke din profil med denne vejleder.',
	'others.error.shownName.required': 'Dit fornavn: skriv det, så de ved, hvem der spørger.',
	'others.error.shownName.tooLong': 'Dit fornavn: {length} tegn; højst {max} er tilladt.',
	'others.error.shownName.characters': 'Dit fornavn: det må ikke indeholde < > eller kontroltegn.',
	'others.error.nickname.tooLong': 'Hvem linket er til: {length} tegn; højst {max} er tilladt.',
	'others.error.nickname.characters': 'Hvem linket er til: det må ikke indeholde < > eller kontroltegn.',
	'others.error.days': 'Hvornår linket lukker: vælg {choices} dage.',
	'author.export.error.noVersion': 'Angiv hvilken version der skal eksporteres: ?version=1.0.0',
	'author.export.error.noSuchVersion': 'Der er ingen gemt version {version} af {id}.',
	'author.export.error.ambiguous': 'Version {version} af {id} er gemt med forskelligt indhold; tilføj &sha=<de første cifre af dens SHA-256>.',
	'author.export.error.tooFew': 'Kun {n} af de {min} gennemførte besvarelser, der skal til for version {version}; der mangler {needed}, før statistikken vises.'
} satisfies Record<keyof typeof en, string>;
