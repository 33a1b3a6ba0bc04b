// "How others see me" where the profile is shown: the client's profile page, a counsellor's report
// and the profile export. Only exercises the client has started (picks or links) are listed.
import { localize } from '$lib/core/localize';
import { othersViewExport, type JohariWindow, type OthersViewExport } from '$lib/core/others-view';
import type { Db } from '../db';
import type { Registry } from '../questionnaires/registry';
import { listInvites } from '../repositories/others-view';
import { loadWindow, othersExercises, qualityLabels } from './others-view';

export interface OthersSummary {
	id: string;
	title: string;
	window: JohariWindow;
	labels: Record<string, string>;
	texts: string[];
	minRespondents: number;
}

export async function loadOthersSummaries(db: Db, registry: Registry, userId: string, locale: string): Promise<OthersSummary[]> {
	const out: OthersSummary[] = [];
	for (const instrument of othersExercises(registry)) {
		const view = await loadWindow(db, userId, instrument);
		if (view.self.status === 'none' && (await listInvites(db, userId, instrument.questionnaire.id)).length === 0) continue;
		out.push({
			id: instrument.questionnaire.id,
			title: localize(view.self.questionnaire.title, locale),
			window: view.window,
			labels: qualityLabels(view.themes, locale),
			texts: view.texts,
			minRespondents: view.definition.minRespondents
		});
	}
	return out;
}

/** The export's `othersView`: the first exercise whose window is ready, or undefined. */
export async function othersViewForExport(db: Db, registry: Registry, userId: string): Promise<OthersViewExport | undefined> {
	for (const instrument of othersExercises(registry)) {
		const found = othersViewExport((await loadWindow(db, userId, instrument)).window);
		if (found) return found;
	}
	return undefined;
}
