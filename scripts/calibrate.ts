// npm run calibrate -- <questionnaire.json> <responses.csv> [--source <text>] [--tolerance <x>] [--max-iterations <n>] [--lenient]
//
// Calibrates the graded response model (one dimension per scale, θ ~ N(0, 1)) by marginal maximum likelihood
// (EM over a quadrature grid) on a responses CSV (docs/batch-csv.md) and prints the item parameters with n,
// convergence and fit information as one JSON document (docs/adaptive-testing.md).
// Exit codes: 0 ok, 1 bad input, 2 bad usage.
import { BatchError, createResponseReader, type ResponseReader } from '../src/lib/core/batch/index.ts';
import { calibrateGraded } from '../src/lib/core/irt/calibrate.ts';
import { keyedValue } from '../src/lib/core/scoring/scale.ts';
import { parameterDocument } from '../src/lib/core/irt/parameters.ts';
import type { Answers } from '../src/lib/core/questionnaire/types.ts';
import { CliExit, csvRecords, loadQuestionnaire, parseCommandLine, reportWarnings, run, write } from './lib/cli.ts';

const USAGE = 'npm run calibrate -- <questionnaire.json> <responses.csv> [--source <text>] [--tolerance <x>] [--max-iterations <n>] [--lenient]';

let responsesFile = '';

function positiveNumber(text: string | undefined, option: string, integer: boolean): number | undefined {
	if (text === undefined) return undefined;
	const x = Number(text);
	if (!(x > 0) || (integer && !Number.isInteger(x))) throw new CliExit(`${option} must be a positive ${integer ? 'whole number' : 'number'} (got "${text}")\nusage: ${USAGE}`, 2);
	return x;
}

async function main() {
	const { values, positionals } = parseCommandLine(
		process.argv.slice(2),
		{
			source: { type: 'string' },
			tolerance: { type: 'string' },
			'max-iterations': { type: 'string' },
			lenient: { type: 'boolean', default: false }
		},
		2,
		USAGE
	);
	const tolerance = positiveNumber(values.tolerance, '--tolerance', false);
	const maxIterations = positiveNumber(values['max-iterations'], '--max-iterations', true);
	const [questionnaireFile, file] = positionals;
	responsesFile = file;
	const q = await loadQuestionnaire(questionnaireFile);
	const scales = q.scoring?.scales ?? [];
	if (scales.length === 0) throw new CliExit(`${questionnaireFile}: ${q.id} has no scales to calibrate`, 1);
	const rows: Answers[] = [];
	let reader: ResponseReader | undefined;
	for await (const records of csvRecords(file)) {
		for (const record of records) {
			if (reader) rows.push(reader.read(record).answers);
			else reader = createResponseReader(record, q, { lenient: values.lenient });
		}
	}
	if (!reader) throw new BatchError({ row: 1, message: 'the file is empty; expected a header row of element names' });
	reader.finish();

	const calibrations = scales.map((scale) => {
		const [min, max] = scale.range;
		const J = scale.items.length;
		const data = new Uint8Array(rows.length * J);
		rows.forEach((answers, i) => {
			scale.items.forEach((item, j) => {
				const v = answers[item];
				if (typeof v === 'number') data[i * J + j] = keyedValue(v, scale.range, (scale.reverse ?? []).includes(item)) - min + 1;
			});
		});
		const result = calibrateGraded(data, J, max - min + 1, { tolerance, maxIterations });
		return { scale, result };
	});
	const doc = parameterDocument(q, rows.length, calibrations);
	if (values.source !== undefined) doc.source = values.source;
	await write(`${JSON.stringify(doc, null, 2)}\n`);
	for (const { scale, result } of calibrations) {
		if (!result.converged) process.stderr.write(`${scale.id}: not converged after ${result.iterations} cycles (last change ${result.lastChange.toPrecision(3)})\n`);
	}
	reportWarnings(file, reader.warnings);
}

await run(main, () => responsesFile);
