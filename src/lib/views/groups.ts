// What the group pages are given (types only; see src/lib/server/groups/groups.ts).
import type { ProtectedTable } from '$lib/core/disclosure/protect';

export interface GroupSummary {
	id: string;
	name: string;
	code: string;
	endsAt: string;
	createdAt: string;
	closedAt: string | null;
	members: number;
	/** Open: the link takes new members (not closed, end date not passed). */
	open: boolean;
}

export interface LabelledTable {
	title: string;
	total: number | null;
	cells: { key: string; label: string; count: number | null }[];
}

export interface GroupPageView {
	group: GroupSummary & { instruments: { id: string; title: string; finished: number }[] };
	link: string;
	/** Members who share their profile with the counsellor, with the group's questionnaires they finished. */
	sharing: { id: string; name: string; finished: string[] }[];
	/** How many members do not share (counted only). */
	notSharing: number;
	aggregate: {
		interestsCounted: number;
		valuesCounted: number;
		holland: LabelledTable | null;
		scales: LabelledTable[];
		values: LabelledTable | null;
		kept: { title: string; count: number }[];
	};
	/** The instruments the counsellor can add to the group. */
	assignable: { id: string; title: string }[];
}

export type { ProtectedTable };
