import type en from './complete.en';

export default {
	'complete.signedOut': 'Du er ikke længere logget ind, så dine svar blev ikke sendt. Log ind igen (dine svar indtil nu er gemt), og send dem en gang til.',
	'complete.badRequest': 'Svarene kom ikke frem i en form, serveren kan læse. Genindlæs siden, og prøv igen.'
} satisfies Record<keyof typeof en, string>;
