// A group's aggregate for its counsellor: Holland codes, interest bands, top values and the
// occupations kept, each table protected by ../disclosure/protect.ts. Pure: rows in, tables out.
import { MIN_PEOPLE, protectShare, protectTable, type ProtectedTable } from '../disclosure/protect';

/** One member's finished interests test: the first letter of the Holland code and each scale's band. */
export interface InterestRow {
	/** The member shares their profile with this counsellor (who can see it one by one anyway). */
	known: boolean;
	/** First letter of the Holland code, or null (no code: too few answers). */
	letter: string | null;
	/** Per scale (in the questionnaire's order), the band index, or null without a score. */
	bands: (number | null)[];
}

/** One member's finished values sort: the value ranked first, or null. */
export interface ValueRow {
	known: boolean;
	first: string | null;
}

/** One occupation on members' shortlists: how many members kept it and how many of those share. */
export interface KeptRow {
	key: string;
	title: string;
	count: number;
	known: number;
}

export interface ScaleTable {
	id: string;
	table: ProtectedTable<number | 'none'>;
}

export interface GroupAggregate {
	/** Members whose interests test is counted (see takeInSteps). */
	interestsCounted: number;
	valuesCounted: number;
	holland: ProtectedTable<string>;
	scales: ScaleTable[];
	values: ProtectedTable<string>;
	/** Shown occupations only, most kept first (at most `keptLimit`). */
	kept: { key: string; title: string; count: number }[];
}

/**
 * The rows counted: every known member's, and of the others only the first ⌊n/MIN⌋·MIN in the order
 * given (completion order). So the counted unknown people grow 5 at a time, and comparing the page
 * before and after one more person finishes shows nothing about that person.
 */
export function takeInSteps<T extends { known: boolean }>(rows: readonly T[], min = MIN_PEOPLE): T[] {
	const unknown = rows.filter((r) => !r.known).length;
	let room = Math.floor(unknown / min) * min;
	return rows.filter((r) => r.known || room-- > 0);
}

const tally = <K>(keys: readonly K[], rows: { known: boolean; key: K | null }[]) =>
	[...keys, 'none' as const].map((key) => {
		const inCell = rows.filter((r) => (r.key ?? 'none') === key);
		return { key, count: inCell.length, known: inCell.filter((r) => r.known).length };
	});

export function buildGroupAggregate(input: {
	letters: readonly string[];
	scaleIds: readonly string[];
	bandCount: number;
	valueIds: readonly string[];
	/** In completion order. */
	interests: readonly InterestRow[];
	/** In completion order. */
	values: readonly ValueRow[];
	kept: readonly KeptRow[];
	/** The members (the base of the occupations kept). */
	members: { count: number; known: number };
	keptLimit?: number;
	min?: number;
}): GroupAggregate {
	const min = input.min ?? MIN_PEOPLE;
	const interests = takeInSteps(input.interests, min);
	const values = takeInSteps(input.values, min);
	const bandKeys = Array.from({ length: input.bandCount }, (_, i) => i);
	return {
		interestsCounted: interests.length,
		valuesCounted: values.length,
		holland: protectTable(
			tally(input.letters, interests.map((r) => ({ known: r.known, key: r.letter && input.letters.includes(r.letter) ? r.letter : null }))),
			min
		),
		scales: input.scaleIds.map((id, s) => ({
			id,
			table: protectTable<number | 'none'>(
				tally<number>(bandKeys, interests.map((r) => ({ known: r.known, key: r.bands[s] !== null && r.bands[s]! < input.bandCount ? r.bands[s] : null }))),
				min
			)
		})),
		values: protectTable(
			tally(input.valueIds, values.map((r) => ({ known: r.known, key: r.first && input.valueIds.includes(r.first) ? r.first : null }))),
			min
		),
		kept: input.kept
			.filter((k) => k.count > 0 && protectShare(k, input.members, min))
			.sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
			.slice(0, input.keptLimit ?? 10)
			.map(({ key, title, count }) => ({ key, title, count }))
	};
}
