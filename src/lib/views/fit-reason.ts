// "You like investigating and helping people; this job is mostly about both." from the letters that drove the
// fit (docs/opportunity-sets.md): used by the matches list, the counsellor's report and the occupation page.
import type { MessageKey, Translate } from '$lib/i18n';

export function fitReason(t: Translate, why: string[], options: { occupation: boolean; forClient: boolean }): string {
	const who = options.forClient ? 'matching.reason' : 'matching.reasonOther';
	const thing = t(options.occupation ? 'matching.thing.occupation' : 'matching.thing.other');
	if (why.length === 0) return t(`${who}.0` as MessageKey, { thing });
	// "practical work with your hands" speaks to the client; the counsellor reads a neutral wording.
	const [a, b, c] = why.map((l) => t(`${options.forClient ? 'matching.likes' : 'summary.likesOther'}.${l}` as MessageKey));
	return t(`${who}.${why.length}` as MessageKey, { a, b: b ?? '', c: c ?? '', thing });
}
