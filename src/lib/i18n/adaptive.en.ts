// The adaptive test (docs/adaptive-testing.md): one statement per step, chosen on the server.
export default {
	'adaptive.step': 'Statement {n}',
	'adaptive.about': 'This test chooses each statement from your answers so far and stops when your result is precise enough, after at most {n} of the {of} statements.',
	'adaptive.pauseHint': 'Each answer is saved when you go on. You can stop and come back later.',
	'adaptive.next': 'Next',
	'adaptive.choose': 'Choose an answer to go on.',
	'adaptive.stale': 'That statement was already answered. Here is the next one.',
	'adaptive.usedOf': 'Adaptive: {n} of {of} statements',
	'adaptive.author.title': 'Adaptive item bank (version {version})',
	'adaptive.author.rule': 'Rule: stop a scale at SE ≤ {se} after at least {min} answers, or after {max} statements; the next statement is one of the {k} most informative at the current estimate.',
	'adaptive.author.respondents': 'Observed exposure from {n} completed tests of this version.',
	'adaptive.author.chart': 'Item and test information curves of {scale}; the numbers are in the tables below.',
	'adaptive.author.parameters': 'Item parameters and exposure of {scale}',
	'adaptive.author.item': 'Item',
	'adaptive.author.infoAt0': 'Information at θ = 0',
	'adaptive.author.exposure': 'Shown to',
	'adaptive.author.information': 'Information',
	'adaptive.author.testInfo': 'Test information',
	'adaptive.author.testTable': 'Test information of all items and the SE it gives',
	'response.error.adaptive': 'This test is adaptive: it is answered one statement at a time on its page.'
};
