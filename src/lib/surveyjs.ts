// SurveyJS, loaded on demand in the browser for the questionnaires and the playground preview.

/** survey-core (with its Danish strings) and the UI; SurveyJS's animations are off for people who ask for reduced motion. */
export async function loadSurveyJs() {
	const [core, ui] = await Promise.all([import('survey-core'), import('survey-js-ui'), import('survey-core/i18n/danish')]);
	core.settings.animationEnabled = !matchMedia('(prefers-reduced-motion: reduce)').matches;
	return { Model: core.Model, ui };
}
