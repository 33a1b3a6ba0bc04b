// Loads the opportunity sets of OPPORTUNITIES_DIR (docs/opportunity-sets.md): every `<id>.csv` with its `<id>.json`
// sidecar. A broken set is refused alone, with every problem named by file, row and column; the others
// are served. No SvelteKit imports: `npm run match` uses this module too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOpportunitySet } from '../../core/opportunities/parse-set';
import type { OpportunityProblem, OpportunitySet } from '../../core/opportunities/types';

/** The set shown and exported when none is chosen. */
export const DEFAULT_SET_ID = 'onet-29-3';

export interface RefusedSet {
	file: string;
	problems: OpportunityProblem[];
}

export interface OpportunitySets {
	/** Loaded sets by id, in file-name order. */
	sets: Map<string, OpportunitySet>;
	refused: RefusedSet[];
	/** `onet-29-3` when it loaded, else the first loaded set; undefined when there is none. */
	defaultId?: string;
}

function readSet(dir: string, csvFile: string): { set?: OpportunitySet; refused?: RefusedSet } {
	const stem = csvFile.replace(/\.csv$/i, '');
	const sidecarFile = `${stem}.json`;
	let csv: string;
	let sidecar: unknown;
	try {
		csv = readFileSync(join(dir, csvFile), 'utf8');
	} catch (e) {
		return { refused: { file: csvFile, problems: [{ file: csvFile, message: `cannot read: ${(e as Error).message}` }] } };
	}
	try {
		sidecar = JSON.parse(readFileSync(join(dir, sidecarFile), 'utf8'));
	} catch (e) {
		const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
		const message = missing
			? `the JSON sidecar ${sidecarFile} is missing (it names the source, licence and R–C scale)`
			: `the JSON sidecar is not valid JSON: ${(e as Error).message}`;
		return { refused: { file: csvFile, problems: [{ file: sidecarFile, message }] } };
	}
	const result = parseOpportunitySet(csv, sidecar, csvFile);
	return result.ok ? { set: result.set } : { refused: { file: csvFile, problems: result.problems } };
}

/** Reads every `*.csv` in `dir` with its sidecar. A missing folder gives no sets and one refusal. */
export function loadOpportunitySets(dir: string): OpportunitySets {
	const out: OpportunitySets = { sets: new Map(), refused: [] };
	let files: string[];
	try {
		files = readdirSync(dir).filter((f) => /\.csv$/i.test(f)).sort();
	} catch (e) {
		out.refused.push({ file: dir, problems: [{ message: `cannot read the folder: ${(e as Error).message}` }] });
		return out;
	}
	for (const file of files) {
		const { set, refused } = readSet(dir, file);
		if (set) out.sets.set(set.id, set);
		if (refused) out.refused.push(refused);
	}
	out.defaultId = out.sets.has(DEFAULT_SET_ID) ? DEFAULT_SET_ID : out.sets.keys().next().value;
	return out;
}

/** One line per problem: `onet-29-3.csv line 12, column R: R "x" is not a number …`. */
export function formatSetProblems(refused: RefusedSet[]): string[] {
	return refused.flatMap((r) =>
		r.problems.map((p) => {
			const where = [p.row !== undefined ? `line ${p.row}` : '', p.column ? `column ${p.column}` : '']
				.filter(Boolean)
				.join(', ');
			return `${p.file ?? r.file}${where ? ` ${where}` : ''}: ${p.message}`;
		})
	);
}
