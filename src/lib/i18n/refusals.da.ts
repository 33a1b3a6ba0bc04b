import type en from './refusals.en';

// Afvisninger, som tjenesterne returnerer som resultatkoder: siger det samme som den engelske fil.
export default {
	'response.error.missing': 'Besvarelsen findes ikke.',
	'response.error.completed': 'Besvarelsen er allerede afsluttet; svarene kan ikke ændres mere.',
	'response.error.completedOn': 'Besvarelsen blev allerede afsluttet {date}. Start et nyt forsøg for at tage den igen.',
	'response.error.page': 'Sidenummeret er ikke gyldigt.',
	'response.error.json': 'Svarene er ikke gyldig JSON.',
	'response.error.invalid': 'Nogle svar er ikke gyldige.',
	'response.error.tooFew': 'Der er ikke svar nok til et resultat.',
	'others.answer.error.notQuality': '{value} er ikke en af egenskaberne',
	'others.answer.error.noQuality': 'vælg mindst én egenskab',
	'others.answer.error.tooManyQualities': 'vælg højst {max} egenskaber (valgt: {n})',
	'others.answer.error.notText': 'skal være tekst',
	'others.answer.error.textTooLong': 'er {length} tegn lang; højst {max} er tilladt',
	'others.answer.error.textControl': 'indeholder kontroltegn',
	'others.answer.error.tooManyValues': '{n} værdier sendt; højst {max} læses',
	'author.playground.error.empty': 'Spørgeskemaet er tomt.',
	'author.playground.error.questionnaire': 'Spørgeskemaet har problemer; ret dem først.',
	'author.playground.error.answers': 'Svarene blev afvist.',
	'api.error.noToken': 'Send den API-nøgle, personen har oprettet i Spejl, som "Authorization: Bearer <token>".',
	'api.error.invalidToken': 'Nøglen er ukendt eller er blevet tilbagekaldt.'
} satisfies Record<keyof typeof en, string>;
