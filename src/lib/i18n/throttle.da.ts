import type en from './throttle.en';

export default {
	'throttle.signIn.one': 'For mange forsøg; prøv igen om 1 sekund.',
	'throttle.signIn.seconds': 'For mange forsøg; prøv igen om {n} sekunder.',
	'throttle.signIn.minutes': 'For mange forsøg fra denne adresse; prøv igen om {n} minutter.',
	'throttle.register.one': 'For mange nye konti fra denne adresse; prøv igen om 1 sekund.',
	'throttle.register.seconds': 'For mange nye konti fra denne adresse; prøv igen om {n} sekunder.',
	'throttle.register.minutes': 'For mange nye konti fra denne adresse; prøv igen om {n} minutter.'
} satisfies Record<keyof typeof en, string>;
