/**
 * Answer validation benchmark: what the server spends checking one riasec-48 response with the compiled
 * form model (`validateForm` on `formModelOf(survey)`, compiled once per instrument version), on a save
 * (`partial: true`: shapes only) and at completion (riasec-48, plain single-choice questions, takes the
 * shortcut of src/lib/form-model/fast-path.ts; `validateFully`, the full walk of visibility, required and
 * validators that every other form gets, is measured beside it), next to a
 * baseline measured in the same run: parsing the answers JSON and writing it back (`JSON.parse` +
 * `JSON.stringify`), which every save does anyway. Goal: well under 1 ms of validation per save.
 * The form model is bundled with esbuild first, as the server's build bundles it: run through tsx
 * directly, every closure would also pay for tsx's name-keeping helper (several times slower).
 *
 * Standalone: `npx tsx bench/validation.bench.ts` prints JSON. Or import `benchValidation()`.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median, mulberry32 } from './lib/stats.ts';

type FormModelModule = typeof import('../src/lib/form-model/index.ts');

const root = fileURLToPath(new URL('../', import.meta.url));

export interface ValidationBench {
	date: string;
	questionnaire: string;
	answers: number;
	callsPerRun: number;
	runs: number;
	/** Medians over runs, microseconds per call. */
	baselineMicros: number;
	saveMicros: number;
	completeMicros: number;
	/** The full walk at completion (`validateFully`), as forms the shortcut does not cover get it. */
	fullMicros: number;
	saveRatio: number;
	completeRatio: number;
	fullRatio: number;
	/** Compiling the form once (the first request for a version), milliseconds. */
	compileMillis: number;
}

function timeCalls(fn: () => unknown, calls: number): number {
	const start = process.hrtime.bigint();
	for (let i = 0; i < calls; i++) fn();
	return Number(process.hrtime.bigint() - start) / 1000 / calls;
}

export async function benchValidation(runs = 9, calls = 2000): Promise<ValidationBench> {
	const outfile = join(tmpdir(), `spejl-bench-form-model-${process.pid}.mjs`);
	await build({ entryPoints: [`${root}src/lib/form-model/index.ts`], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
	const { formModelOf, validateForm, validateFully } = (await import(pathToFileURL(outfile).href)) as FormModelModule;
	rmSync(outfile, { force: true });
	const q = JSON.parse(readFileSync(`${root}questionnaires/riasec-48.json`, 'utf8')) as { survey: Record<string, unknown> };
	const rand = mulberry32(48);
	const items: string[] = [];
	for (const t of 'RIASEC') for (let i = 1; i <= 8; i++) items.push(`${t}${i}`);
	const text = JSON.stringify(Object.fromEntries(items.map((id) => [id, 1 + Math.floor(rand() * 5)])));
	const compileStart = process.hrtime.bigint();
	const model = formModelOf(structuredClone(q.survey));
	const compileMillis = Number(process.hrtime.bigint() - compileStart) / 1e6;
	// Each call parses the request body as the server does, so the three measure the same work plus validation.
	const baseline = () => JSON.stringify(JSON.parse(text));
	const save = () => {
		const r = validateForm(model, JSON.parse(text), { partial: true });
		if (!r.ok) throw new Error('the generated answers must be valid');
		return JSON.stringify(r.answers);
	};
	const done = () => {
		const r = validateForm(model, JSON.parse(text));
		if (!r.ok) throw new Error('the generated answers must be valid');
		return JSON.stringify(r.answers);
	};
	const full = () => {
		const r = validateFully(model, JSON.parse(text));
		if (!r.ok) throw new Error('the generated answers must be valid');
		return JSON.stringify(r.answers);
	};
	for (const fn of [baseline, save, done, full]) timeCalls(fn, calls); // warm up
	const b: number[] = [], s: number[] = [], c: number[] = [], w: number[] = [];
	for (let run = 0; run < runs; run++) {
		b.push(timeCalls(baseline, calls));
		s.push(timeCalls(save, calls));
		c.push(timeCalls(done, calls));
		w.push(timeCalls(full, calls));
	}
	const [baselineMicros, saveMicros, completeMicros, fullMicros] = [median(b), median(s), median(c), median(w)];
	return {
		date: new Date().toISOString(),
		questionnaire: 'riasec-48',
		answers: items.length,
		callsPerRun: calls,
		runs,
		baselineMicros,
		saveMicros,
		completeMicros,
		fullMicros,
		saveRatio: saveMicros / baselineMicros,
		completeRatio: completeMicros / baselineMicros,
		fullRatio: fullMicros / baselineMicros,
		compileMillis
	};
}

const f = (x: number, d = 1) => x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

/** The section of bench/RESULTS.md for these figures. */
export function validationSection(v: ValidationBench): string[] {
	return [
		'## Answer validation per save (compiled form model, riasec-48, one core, in process)',
		'',
		`${v.answers} answers, ${v.callsPerRun.toLocaleString('en-GB')} calls per run, ${v.runs} runs, medians. Each call parses the answers JSON as a request does; the baseline only parses and writes it back.`,
		'',
		'| what | per call | ratio to baseline |',
		'|---|---|---|',
		`| baseline: JSON.parse + JSON.stringify of the answers | ${f(v.baselineMicros)} µs | 1 (baseline) |`,
		`| save: \`validateForm(…, { partial: true })\` (shapes) | **${f(v.saveMicros)} µs** | ${f(v.saveRatio)} |`,
		`| complete: \`validateForm(…)\` (riasec-48 takes the plain single-choice shortcut) | ${f(v.completeMicros)} µs | ${f(v.completeRatio)} |`,
		`| complete, full walk: \`validateFully(…)\` (visibility, required, validators: every other form) | ${f(v.fullMicros)} µs | ${f(v.fullRatio)} |`,
		'',
		`Compiling the form once per instrument version: ${f(v.compileMillis)} ms. Goal: well under 1 ms of validation per save.`,
		''
	];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const v = await benchValidation();
	console.log(process.argv.includes('--markdown') ? validationSection(v).join('\n') : JSON.stringify(v, null, 2));
}
