// Refusals that services return as result codes (src/lib/result.ts): taking a questionnaire, the
// author playground, invitees' answers, administration. English is the reference for the keys.
export default {
	'response.error.missing': 'No such response.',
	'response.error.completed': 'This response is already completed; its answers can no longer change.',
	'response.error.completedOn': 'This response was already completed on {date}. Start a new attempt to take it again.',
	'response.error.page': 'The page number is not valid.',
	'response.error.json': 'The answers are not valid JSON.',
	'response.error.invalid': 'Some answers are not valid.',
	'response.error.tooFew': 'Not enough answers for a result.'
};
