// Ending API tokens together with sessions: "log ud overalt" and a password change (Danish).
import type en from './endaccess.en';

export default {
	'endAccess.tokens.signOut': 'Afslut også alle API-nøgler, så ingen tjeneste længere kan læse din profil (lav nye senere, hvis du får brug for dem)',
	'endAccess.tokens.password': 'Afslut også alle min kontos API-nøgler (tjenester, der bruger en, kan ikke længere læse min profil, før jeg laver en ny)',
	'endAccess.tokens.ended': '{n} API-nøgler blev afsluttet.',
	'endAccess.tokens.endedOne': 'Én API-nøgle blev afsluttet.',
	'endAccess.signedOut': 'Du er logget ud overalt.',
	'endAccess.signedOutTokens': 'Du er logget ud overalt, og {n} API-nøgler blev afsluttet.'
} satisfies Record<keyof typeof en, string>;
