// Loads the labour-market tables of LABOUR_MARKET_DIR (docs/labour-market.md): every `<id>.csv` with its
// `<id>.json` sidecar. A broken table is refused alone, every problem named by file, line and column; the others
// are served. No SvelteKit imports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabourMarketTable } from '../../core/labour-market/parse-table';
import type { LabourMarketProblem, LabourMarketTable } from '../../core/labour-market/types';

export interface RefusedTable {
	file: string;
	problems: LabourMarketProblem[];
}

export interface LabourMarketTables {
	/** Loaded tables in file-name order. */
	tables: LabourMarketTable[];
	refused: RefusedTable[];
}

/** Reads every `*.csv` in `dir` with its sidecar. A missing folder gives no tables and one refusal. */
export function loadLabourMarketTables(dir: string): LabourMarketTables {
	const out: LabourMarketTables = { tables: [], refused: [] };
	let files: string[];
	try {
		files = readdirSync(dir).filter((f) => /\.csv$/i.test(f)).sort();
	} catch (e) {
		out.refused.push({ file: dir, problems: [{ file: dir, message: `cannot read the folder: ${(e as Error).message}` }] });
		return out;
	}
	for (const file of files) {
		const sidecarFile = file.replace(/\.csv$/i, '.json');
		let csv: string;
		let sidecar: unknown;
		try {
			csv = readFileSync(join(dir, file), 'utf8');
			sidecar = JSON.parse(readFileSync(join(dir, sidecarFile), 'utf8'));
		} catch (e) {
			const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
			const message = missing ? `${sidecarFile} is missing (it names the source, licence and areas)` : `${sidecarFile} is not valid JSON: ${(e as Error).message}`;
			out.refused.push({ file, problems: [{ file: sidecarFile, message }] });
			continue;
		}
		const result = parseLabourMarketTable(csv, sidecar, file);
		if (result.ok) out.tables.push(result.table);
		else out.refused.push({ file, problems: result.problems });
	}
	return out;
}

/** One line per problem: `dk.csv line 4, column value: value "x" is not a number …`. */
export function formatTableProblems(refused: RefusedTable[]): string[] {
	return refused.flatMap((r) =>
		r.problems.map((p) => {
			const where = [p.row !== undefined ? `line ${p.row}` : '', p.column ? `column ${p.column}` : ''].filter(Boolean).join(', ');
			return `${p.file}${where ? ` ${where}` : ''}: ${p.message}`;
		})
	);
}
