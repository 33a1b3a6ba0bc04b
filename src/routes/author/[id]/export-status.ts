// Which HTTP status each refusal of an analysis export gets (both the JSON and the CSV download).
import type { MessageKey } from '$lib/i18n';

const STATUS: Partial<Record<MessageKey, number>> = {
	'author.export.error.noVersion': 400,
	'author.export.error.ambiguous': 400,
	'author.export.error.noSuchVersion': 404,
	'author.export.error.tooFew': 403
};

export const exportStatus = (code: MessageKey): number => STATUS[code] ?? 400;
