import { fail, redirect } from '@sveltejs/kit';
import { normaliseCode } from '$lib/server/others/others-view';
import type { Actions } from './$types';

// Typing the code someone read aloud. Nothing is looked up here: /o/<code> does that (throttled).
export const actions: Actions = {
	default: async ({ request }) => {
		const typed = String((await request.formData()).get('code') ?? '').slice(0, 40);
		const code = normaliseCode(typed);
		if (!code) return fail(400, { typed, bad: true });
		redirect(303, `/o/${code}`);
	}
};
