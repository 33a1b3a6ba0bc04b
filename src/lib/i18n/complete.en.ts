// Completing a questionnaire from the SurveyJS page (src/routes/q/[id]/complete/+server.ts).
export default {
	'complete.signedOut': 'You are no longer signed in, so your answers were not submitted. Sign in again (your answers so far are saved) and submit once more.',
	'complete.badRequest': 'The answers did not arrive in a form the server can read. Reload the page and try again.'
};
