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
	'adaptive.author.title': 'Adaptiv itembank (version {version})',
	'adaptive.author.rule': 'Regel: en skala stopper ved SE ≤ {se} efter mindst {min} svar eller efter {max} udsagn; det næste udsagn er et af de {k} mest informative ved det nuværende estimat.',
	'adaptive.author.respondents': 'Observeret eksponering fra {n} gennemførte test af denne version.',
	'adaptive.author.chart': 'Item- og testinformationskurver for {scale}; tallene står i tabellerne nedenfor.',
	'adaptive.author.parameters': 'Itemparametre og eksponering for {scale}',
	'adaptive.author.item': 'Item',
	'adaptive.author.infoAt0': 'Information ved θ = 0',
	'adaptive.author.exposure': 'Vist for',
	'adaptive.author.information': 'Information',
	'adaptive.author.testInfo': 'Testinformation',
	'adaptive.author.testTable': 'Testinformation for alle items og den SE, den giver',
	'response.error.adaptive': 'Denne test er adaptiv: den besvares ét udsagn ad gangen på sin side.'
} satisfies Record<keyof typeof en, string>;
