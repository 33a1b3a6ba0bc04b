import { csvField } from '../batch/output.ts';
import type { ProfileExport } from './export.ts';

/** The columns of the CSV export, in order. */
export const PROFILE_CSV_COLUMNS = [
	'instrument',
	'version',
	'completedAt',
	'scale',
	'score',
	'answered',
	'z',
	't',
	'percentile',
	'sten',
	'band',
	'ci90_low',
	'ci90_high'
] as const;

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function textCell(value: string): string {
	return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

const numberCell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/**
 * The CSV export of a profile (docs/profile-export.md): a header row, then one row per scale result of every
 * exported result — instrument, version, completedAt, scale, score, answered, z, t, percentile, sten,
 * band (its label), and the 90 % band on the score's own metric (ci90_low, ci90_high). Missing values
 * are empty cells; numbers in full precision. RFC 4180 quoting, CRLF line ends (what spreadsheets expect).
 *
 * Reference: docs/profile-export.md; RFC 4180.
 * @example profileExportCsv(doc)
 * // → 'instrument,version,completedAt,scale,score,answered,z,t,percentile,sten,band,ci90_low,ci90_high\r\n
 * //     riasec-48,1.0.0,2026-11-26T10:00:00.000Z,realistic,1.5,8,,,,,Low interest,,\r\n…'
 */
export function profileExportCsv(doc: ProfileExport): string {
	const lines = [PROFILE_CSV_COLUMNS.join(',')];
	for (const r of doc.results) {
		for (const s of r.scales) {
			lines.push(
				[
					textCell(r.instrument),
					textCell(r.version),
					textCell(r.completedAt),
					textCell(s.id),
					numberCell(s.score),
					numberCell(s.answered),
					numberCell(s.z),
					numberCell(s.t),
					numberCell(s.percentile),
					numberCell(s.sten),
					s.band === null ? '' : textCell(s.band),
					numberCell(s.ci90?.score.low),
					numberCell(s.ci90?.score.high)
				].join(',')
			);
		}
	}
	return lines.join('\r\n') + '\r\n';
}
