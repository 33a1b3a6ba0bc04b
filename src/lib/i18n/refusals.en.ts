// Refusals that services return as result codes (src/lib/result.ts): taking a questionnaire, the
// author playground, invitees' answers, administration. English is the reference for the keys.
export default {
	'response.error.missing': 'No such response.',
	'response.error.completed': 'This response is already completed; its answers can no longer change.',
	'response.error.completedOn': 'This response was already completed on {date}. Start a new attempt to take it again.',
	'response.error.page': 'The page number is not valid.',
	'response.error.json': 'The answers are not valid JSON.',
	'response.error.invalid': 'Some answers are not valid.',
	'response.error.tooFew': 'Not enough answers for a result.',
	'others.answer.error.notQuality': '{value} is not one of the qualities',
	'others.answer.error.noQuality': 'pick at least one quality',
	'others.answer.error.tooManyQualities': 'pick at most {max} qualities (got {n})',
	'others.answer.error.notText': 'must be text',
	'others.answer.error.textTooLong': 'is {length} characters long; at most {max} are allowed',
	'others.answer.error.textControl': 'contains control characters',
	'others.answer.error.tooManyValues': '{n} values sent; at most {max} are read',
	'author.playground.error.empty': 'The questionnaire is empty.',
	'author.playground.error.questionnaire': 'The questionnaire has problems; fix them first.',
	'author.playground.error.answers': 'The answers were refused.',
	'api.error.noToken': 'Send the API token the person created in Spejl as "Authorization: Bearer <token>".',
	'api.error.invalidToken': 'The token is unknown or has been revoked.'
};
