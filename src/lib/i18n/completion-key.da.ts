import type en from './completion-key.en';

// Afvisninger af en afslutnings idempotensnøgle: siger det samme som den engelske fil.
export default {
	'response.error.completionKey':
		'Afslutningsnøglen (completionKey) er ikke gyldig: den skal være 16 til 64 tegn, hver et bogstav A–Z eller a–z, et ciffer, “-” eller “_”. Genindlæs siden, og afslut igen.',
	'response.error.keyUsed':
		'Denne afslutningsnøgle er allerede brugt til at afslutte et andet spørgeskema. Genindlæs siden, og afslut igen.'
} satisfies Record<keyof typeof en, string>;
