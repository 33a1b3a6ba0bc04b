// The shortlist as the profile, the report and the export show it (built by src/lib/server/profile/shortlist.ts).

export interface ShortlistItemView {
	set: string;
	id: string;
	/** In the reader's language where the set has it (see `displayTitle`). */
	title: string;
	originalTitle?: string;
	untranslated?: boolean;
	levelLabel?: string;
	url?: string;
	addedAt: string;
	comment: { body: string; by: string; at: string } | null;
}
