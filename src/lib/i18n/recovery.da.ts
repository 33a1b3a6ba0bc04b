import type en from './recovery.en';

// Gendannelseskoder, nulstillingslinks, første adgangskode og totrinsbekræftelse (dansk).
export default {
	'recovery.code.title': 'Din gendannelseskode',
	'recovery.code.intro': 'Hvis du en dag glemmer din adgangskode, kan du vælge en ny med din e-mail og denne kode. Spejl kan ikke vise koden igen.',
	'recovery.code.advice': 'Skriv den ned eller udskriv siden nu, og gem den et sikkert sted, ikke sammen med din adgangskode.',
	'recovery.code.reading': 'Koden læses i fire grupper af fire. Den indeholder aldrig 0, O, 1, I, L eller U. Små bogstaver, mellemrum og bindestreger er ligegyldige, når du skriver den.',
	'recovery.code.where': 'Hvis du glemmer din adgangskode, så gå til {url} og indtast din e-mail og denne kode.',
	'recovery.code.recovered': 'Din nye adgangskode er gemt, og alle andre browsere, der var logget ind på din konto, er logget ud. Her er din nye gendannelseskode: den, du brugte, virker ikke længere.',
	'recovery.code.print': 'Udskriv siden',
	'recovery.code.continue': 'Jeg har skrevet den ned – fortsæt',
	'recovery.recover.link': 'Glemt din adgangskode?',
	'recovery.recover.title': 'Glemt din adgangskode?',
	'recovery.recover.intro': 'Indtast din e-mail, den gendannelseskode, du fik, da du oprettede din konto, og en ny adgangskode. Alle browsere, der er logget ind på din konto, bliver derefter logget ud, og du får en ny gendannelseskode.',
	'recovery.recover.code': 'Gendannelseskode',
	'recovery.recover.codeHint': 'Fire grupper af fire bogstaver og tal, for eksempel K7QM-3HXT-9WAC-PRDE.',
	'recovery.recover.password': 'Ny adgangskode',
	'recovery.recover.submit': 'Gem den nye adgangskode',
	'recovery.recover.noCode': 'Medarbejderkonti og personer, der har mistet deres gendannelseskode: bed en administrator hos jeres vejledningstilbud om et nulstillingslink.',
	'recovery.recover.back': 'Tilbage til log ind',
	'recovery.error.empty': 'Indtast din gendannelseskode.',
	'recovery.error.length': 'En gendannelseskode har {n} bogstaver og tal. Tjek, at der ikke mangler eller er et for meget.',
	'recovery.error.character': 'Koden har et tegn, som aldrig indgår i en gendannelseskode: koder bruger kun tallene 2–9 og bogstaverne A–Z uden I, L, O og U.',
	'recovery.error.wrong': 'Denne e-mail og gendannelseskode hører ikke sammen. Tjek begge, tegn for tegn.',
	'recovery.account.title': 'Gendannelseskode',
	'recovery.account.has': 'Du har en gendannelseskode: med den og din e-mail kan du vælge en ny adgangskode, hvis du glemmer din.',
	'recovery.account.none': 'Du har endnu ingen gendannelseskode. Lav en, så du kan vælge en ny adgangskode, hvis du glemmer din.',
	'recovery.account.replaceIntro': 'Hvis du har mistet den, eller en anden kan have set den, så lav en ny: den gamle kode holder op med at virke med det samme.',
	'recovery.account.replace': 'Lav en ny gendannelseskode',
	'counsellor.access.action.account.recovery-code.issued': 'Fik en ny gendannelseskode',
	'counsellor.access.action.account.recovered': 'Valgte en ny adgangskode med gendannelseskoden'
} satisfies Record<keyof typeof en, string>;
