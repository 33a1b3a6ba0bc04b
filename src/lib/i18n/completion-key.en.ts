// Refusals of a completion's idempotency key (questionnaires/completion-key.ts).
export default {
	'response.error.completionKey':
		'The completion key (completionKey) is not valid: it must be 16 to 64 characters, each a letter A–Z or a–z, a digit, “-” or “_”. Reload the page and complete again.',
	'response.error.keyUsed':
		'This completion key was already used to complete another questionnaire. Reload the page and complete again.'
};
