import type { SubmitFunction } from '@sveltejs/kit';
import type { Translate } from './i18n';
import type { Problem } from './result';

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

/**
 * The text of every problem about `field` (src/lib/result.ts), in the reader's language, as one
 * line for the field's error message; empty when there is none.
 */
export function fieldErrorText(problems: readonly Problem[] | undefined, field: string, t: Translate): string {
	return (problems ?? [])
		.filter((p) => p.field === field)
		.map((p) => t(p.code, p.params))
		.join(' ');
}
