// Which empty questions the "you skipped N questions" review leaves out: those where leaving them empty
// is itself a complete answer. Shared by the SurveyJS page (SurveyForm.svelte, with the SurveyJS
// question's properties) and the plain form (plain-form.ts, with the JSON), so both list the same.

export interface OptionalCheck {
	type: string;
	isRequired?: unknown;
	minPanelCount?: unknown;
	minRowCount?: unknown;
}

/**
 * A list the person adds entries to (a dynamic panel or dynamic matrix) with no minimum and not
 * required: "Courses you are taking now (optional)" with no course added is answered, not skipped.
 */
export function emptyIsAnswer(q: OptionalCheck): boolean {
	if (q.isRequired === true) return false;
	if (q.type === 'paneldynamic') return !(typeof q.minPanelCount === 'number' && q.minPanelCount > 0);
	if (q.type === 'matrixdynamic') return !(typeof q.minRowCount === 'number' && q.minRowCount > 0);
	return false;
}
