// SurveyJS, loaded on demand in the browser for the questionnaires and the playground preview.

/**
 * survey-core (with its Danish strings), the UI and its styles; SurveyJS's animations are off for
 * people who ask for reduced motion. The styles (about 30 KB compressed) come with the scripts, so a
 * browser without JavaScript, which gets the plain HTML form, never downloads them.
 */
export async function loadSurveyJs() {
	const [core, ui] = await Promise.all([
		import('survey-core'),
		import('survey-js-ui'),
		import('survey-core/i18n/danish'),
		import('survey-core/survey-core.fontless.css')
	]);
	core.settings.animationEnabled = !matchMedia('(prefers-reduced-motion: reduce)').matches;
	return { Model: core.Model, ui };
}
