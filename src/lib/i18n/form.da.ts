import type form from './form.en';

// Answer errors as shown to respondents (Danish): every key of the English file.
const messages: Record<keyof typeof form, string> = {
	'form.error.notObject': 'Svaret har en forkert form.',
	'form.error.unknownQuestion': 'Skemaet har ikke dette spørgsmål.',
	'form.error.unknownRow': 'Tabellen har ingen række {row}.',
	'form.error.unknownColumn': 'Tabellen har ingen kolonne {column}.',
	'form.error.required': 'Besvar venligst dette spørgsmål.',
	'form.error.notNumber': 'Skriv venligst et tal.',
	'form.error.notText': 'Skriv venligst tekst.',
	'form.error.notList': 'Svaret har en forkert form.',
	'form.error.notSingle': 'Vælg venligst ét svar.',
	'form.error.notAllowed': 'Vælg venligst et af de viste svar.',
	'form.error.duplicate': 'Det samme svar er valgt to gange.',
	'form.error.exclusive': 'Dette svar kan ikke kombineres med andre.',
	'form.error.tooLong': 'Brug højst {max} tegn (nu {count}).',
	'form.error.tooShort': 'Brug mindst {min} tegn (nu {count}).',
	'form.error.tooFewSelected': 'Vælg venligst mindst {min}.',
	'form.error.tooManySelected': 'Vælg venligst højst {max}.',
	'form.error.tooManyRows': 'Der må højst være {max} rækker (nu {count}).',
	'form.error.tooFewRows': 'Der skal være mindst {min} rækker (nu {count}).',
	'form.error.incompleteRanking': 'Sæt venligst alle punkter i rækkefølge.',
	'form.error.outOfRange': 'Angiv venligst en værdi fra {min} til {max}.',
	'form.error.step': 'Angiv venligst et multiplum af {step}.',
	'form.error.format': 'Dette er ikke en gyldig {format}.',
	'form.error.email': 'Skriv venligst en gyldig e-mailadresse.',
	'form.error.pattern': 'Brug venligst formen {pattern}.',
	'form.error.noDigits': 'Slut venligst ikke med tal.',
	'form.error.expression': 'Svaret passer ikke med de andre svar.',
	'form.error.file': 'Upload venligst filen igen.',
	'form.error.fileType': 'Denne filtype ({type}) accepteres ikke. Tilladt: {accepted}.',
	'form.error.fileSize': 'Filen er for stor: højst {max} bytes.',
	'form.error.tooManyFiles': 'Upload venligst kun én fil.'
};
export default messages;
