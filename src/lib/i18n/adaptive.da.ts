// Den adaptive test (docs/adaptive-testing.md): ét udsagn ad gangen, valgt på serveren.
import type en from './adaptive.en';

export default {
	'adaptive.step': 'Udsagn {n}',
	'adaptive.about': 'Testen vælger hvert udsagn ud fra dine svar indtil nu og stopper, når dit resultat er præcist nok, efter højst {n} af de {of} udsagn.',
	'adaptive.pauseHint': 'Hvert svar gemmes, når du går videre. Du kan stoppe og komme tilbage senere.',
	'adaptive.next': 'Næste',
	'adaptive.choose': 'Vælg et svar for at gå videre.',
	'adaptive.stale': 'Det udsagn er allerede besvaret. Her er det næste.',
	'adaptive.usedOf': 'Adaptiv: {n} af {of} udsagn',
	'response.error.adaptive': 'Denne test er adaptiv: den besvares ét udsagn ad gangen på sin side.'
} satisfies Record<keyof typeof en, string>;
