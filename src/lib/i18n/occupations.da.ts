// UI-tekster for erhverv, som en klient kan handle på (dansk): erhvervets side, arbejdsmarkedstal ved
// hvert match, niveaufiltret på matchsiden og hvordan en dansk titel blev valgt.
import type en from './occupations.en';

const messages: Record<keyof typeof en, string> = {
	'matching.titleMatch.iscoGroup': 'ESCO: det danske navn på den erhvervsgruppe (DISCO-08), erhvervet hører til',
	'matching.titleChecked': 'kontrolleret i hånden {date}'
};

export default messages;
