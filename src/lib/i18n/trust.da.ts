// Sessioner, adgangskoder og at indtaste adgangskoden igen (dansk).
import type en from './trust.en';

export default {
	'trust.sessions.title': 'Hvor du er logget ind',
	'trust.sessions.intro': 'Det er de browsere og enheder, der er logget ind på din konto. Kender du ikke en af dem, så log den ud, og skift din adgangskode.',
	'trust.sessions.thisDevice': 'Denne browser',
	'trust.sessions.unknownDevice': 'Ukendt browser',
	'trust.sessions.device': '{browser} på {system}',
	'trust.sessions.from': 'Fra adressen {address}',
	'trust.sessions.signedIn': 'Logget ind {date}',
	'trust.sessions.lastUsed': 'Sidst brugt {date}',
	'trust.sessions.end': 'Log denne browser ud',
	'trust.sessions.ended': 'Browseren er logget ud.',
	'trust.sessions.notFound': 'Den session er allerede slut.',
	'trust.sessions.endAll': 'Log ud overalt',
	'trust.sessions.endAllExplain': 'Logger alle browsere og enheder ud, også denne. Du skal bruge din adgangskode for at logge ind igen.',
	'trust.sessions.expiry': 'Du bliver logget ud automatisk efter {idle} minutter uden aktivitet og altid {max} timer efter, du loggede ind.',
	'trust.password.link': 'Skift din adgangskode',
	'trust.password.title': 'Skift din adgangskode',
	'trust.password.intro': 'Når du har skiftet den, bliver alle andre browsere og enheder, der er logget ind på din konto, logget ud.',
	'trust.password.current': 'Nuværende adgangskode',
	'trust.password.new': 'Ny adgangskode',
	'trust.password.submit': 'Skift adgangskode',
	'trust.password.changed': 'Din adgangskode er skiftet.',
	'trust.password.changedOthers': 'Din adgangskode er skiftet. {n} andre sessioner blev logget ud.',
	'trust.password.back': 'Tilbage til din konto',
	'trust.reauth.label': 'Din adgangskode',
	'trust.reauth.hint': 'Skriv din adgangskode igen, så vi ved, at det er dig.',
	'trust.error.currentPassword': 'Adgangskoden er ikke korrekt.',
	'trust.error.samePassword': 'Den nye adgangskode skal være en anden end den nuværende.',
	'counsellor.access.action.account.password.changed': 'Skiftede adgangskoden',
	'counsellor.access.action.account.sessions.ended': 'Loggede ud overalt'
} satisfies Record<keyof typeof en, string>;
