import type en from './errors.en';

// Afvisninger, som tjenesterne returnerer som resultatkoder: siger det samme som den engelske fil.
export default {
	'counsellor.error.onlyCounsellors': 'Kun vejledere kan se klienters rapporter.',
	'counsellor.error.notShared': 'Denne klient deler ikke sin profil med dig.',
	'counsellor.share.error.notClient': 'Kun klientkonti kan dele en profil med en vejleder.',
	'counsellor.share.error.notSharing': 'Du deler ikke din profil med denne vejleder.'
} satisfies Record<keyof typeof en, string>;
