// The adaptive item bank of an instrument's latest version for its author page: the parameters, the item and
// test information curves, the rule, and the observed exposure of each item in the completed responses.
import type { Answers } from '$lib/core/questionnaire/types';
import { adaptiveTest } from '$lib/core/irt/adaptive';
import { informationCurves, observedExposure } from '$lib/core/irt/curves';
import { questionTitle } from '$lib/core/questionnaire/labels';
import { localize } from '$lib/core/localize';
import type { Db } from '../db';
import { listInstrumentVersionsOf } from '../repositories/instrument-versions';
import { listCompletedAnswersOfVersion } from '../repositories/responses';
import { loadDefinition } from '../questionnaires/definitions';

export async function adaptiveBankView(db: Db, instrumentId: string, locale: string) {
	const stored = await listInstrumentVersionsOf(db, instrumentId);
	const latest = stored[stored.length - 1];
	if (!latest) return null;
	const q = await loadDefinition(db, latest.id);
	const test = adaptiveTest(q);
	if (!test) return null;
	const rows = await listCompletedAnswersOfVersion(db, latest.id);
	const responses = rows.map((r) => {
		try {
			return JSON.parse(r.answers) as Answers;
		} catch {
			return {};
		}
	});
	const exposure = observedExposure(test.bank, responses);
	const curves = informationCurves(test.bank);
	const titles = new Map((q.scoring?.scales ?? []).map((s) => [s.id, localize(s.title, locale)]));
	return {
		version: latest.version,
		rule: test.rule,
		respondents: responses.length,
		source: q.adaptive?.parameters.source ?? null,
		theta: curves.theta,
		scales: test.bank.scales.map((scale, s) => ({
			id: scale.id,
			title: titles.get(scale.id) ?? scale.id,
			test: curves.scales[s].test,
			items: scale.items.map((item, i) => ({
				id: item.id,
				text: localize(questionTitle(q.survey, item.id), locale),
				a: item.a,
				b: item.b,
				reverse: item.reverse,
				exposure: exposure[item.id],
				info: curves.scales[s].items[i].info
			}))
		}))
	};
}
