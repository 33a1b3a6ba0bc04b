// The HTTP status of each refusal of a save or completion, for the page's form actions and the JSON
// completion endpoint (complete/+server.ts) alike; any other is 400 (the answers, the page).
import type { MessageKey } from '$lib/i18n';

export const RESPONSE_STATUS: Partial<Record<MessageKey, number>> = {
	'response.error.missing': 404,
	'response.error.completed': 409,
	'response.error.completedOn': 409,
	'response.error.keyUsed': 409
};
