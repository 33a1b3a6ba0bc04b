// The adaptive test (docs/adaptive-testing.md): one statement per step, chosen on the server.
export default {
	'adaptive.step': 'Statement {n}',
	'adaptive.about': 'This test chooses each statement from your answers so far and stops when your result is precise enough, after at most {n} of the {of} statements.',
	'adaptive.pauseHint': 'Each answer is saved when you go on. You can stop and come back later.',
	'adaptive.next': 'Next',
	'adaptive.choose': 'Choose an answer to go on.',
	'adaptive.stale': 'That statement was already answered. Here is the next one.',
	'adaptive.usedOf': 'Adaptive: {n} of {of} statements',
	'response.error.adaptive': 'This test is adaptive: it is answered one statement at a time on its page.'
};
