// Små ting gjort færdige: at gemme genoptagelseskoden, siden efter en slettet konto og
// itemanalysens advarsler til forfattere.
import type en from './roughedges.en';

export default {
	'codeKeep.label': 'Gem koden',
	'codeKeep.copy': 'Kopiér koden',
	'codeKeep.copied': 'Koden er kopieret. Sæt den ind et sikkert sted.',
	'codeKeep.copyFailed': 'Kopiering virker ikke her. Skriv koden ned, eller hent den som fil.',
	'codeKeep.print': 'Udskriv siden',
	'codeKeep.download': 'Hent som tekstfil',
	'codeKeep.printView': 'Side til udskrift',
	'codeKeep.printHint': 'Brug browserens udskriv-kommando (for eksempel Ctrl+P) for at udskrive siden.',
	'codeKeep.back': 'Tilbage til koden',
	'codeKeep.fileTitle': 'Spejl – din genoptagelseskode',
	'codeKeep.fileMade': 'Lavet {date}.',
	'deleted.title': 'Din konto er slettet',
	'deleted.body': 'Din konto, dine svar, dine resultater og alt, hvad du har delt, er slettet. Du er logget ud.',
	'deleted.backups': 'Sikkerhedskopier hos dem, der driver dette Spejl, kan stadig rumme dine data, indtil de udløber.',
	'deleted.home': 'Gå til forsiden',
	'analysis.alphaTooFew': 'For få besvarelser til α: der skal mindst {min} til, der er {n}.',
	'analysis.alphaTooFewShort': 'n for lille',
	'analysis.itemText': 'Itemtekst'
} satisfies Record<keyof typeof en, string>;
