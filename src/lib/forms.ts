import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance`: reports while the form is being sent, so its button can be disabled and a
 * double click posts once. `reset: false` keeps what was typed (e.g. an email after a refusal).
 */
export function whileSending(setBusy: (busy: boolean) => void, options: { reset?: boolean } = {}): SubmitFunction {
	return () => {
		setBusy(true);
		return async ({ update }) => {
			try {
				await update({ reset: options.reset ?? true });
			} finally {
				setBusy(false);
			}
		};
	};
}
