import type { MessageKey } from '$lib/i18n';

/** Why a share code or a share was refused, as a message key (the code is its `{code}` parameter). */
export const SHARE_PROBLEM: Record<string, MessageKey> = {
	empty: 'counsellor.share.error.empty',
	format: 'counsellor.share.error.format',
	unknown: 'counsellor.share.error.unknown',
	'too-many': 'counsellor.share.error.tooMany',
	self: 'counsellor.share.error.self',
	'not-counsellor': 'counsellor.share.error.notCounsellor',
	'not-client': 'counsellor.share.error.notCounsellor'
};
