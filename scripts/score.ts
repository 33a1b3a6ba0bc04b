// npm run score -- <questionnaire.json> <responses.csv> [--norm <id>] [--format json|csv] [--lenient]
//
// Scores every respondent of a responses CSV (docs/batch-csv.md) and prints one result per respondent as it goes:
// the file is read as a stream and each row is written out when scored, so memory stays flat for any size.
// Exit codes: 0 ok, 1 bad input (the message names the line and column), 2 bad usage. On bad input in the
// middle of the file the output written so far is incomplete (a JSON array is left unclosed).
import { createPlanScorer } from '../src/lib/core/batch/plan-scorer.ts';
import { BatchError, batchCsvColumns, batchCsvRow, createResponseReader, toBatchResult, type ResponseReader } from '../src/lib/core/batch/index.ts';
import { scoreResponse } from '../src/lib/core/scoring/score.ts';
import { byteChunks, CliExit, csvRecords, loadQuestionnaire, parseCommandLine, reportWarnings, run, write } from './lib/cli.ts';

const USAGE = 'npm run score -- <questionnaire.json> <responses.csv> [--norm <id>] [--format json|csv] [--lenient]';

let responsesFile = '';

async function main() {
	const { values, positionals } = parseCommandLine(
		process.argv.slice(2),
		{ norm: { type: 'string' }, format: { type: 'string', default: 'json' }, lenient: { type: 'boolean', default: false } },
		2,
		USAGE
	);
	const format = values.format;
	if (format !== 'json' && format !== 'csv') throw new CliExit(`--format must be json or csv (got "${format}")\nusage: ${USAGE}`, 2);
	const [questionnaireFile, file] = positionals;
	responsesFile = file;
	const q = await loadQuestionnaire(questionnaireFile);
	if (q.adaptive) throw new CliExit(`${questionnaireFile}: ${q.id} is adaptive: its scores are θ from the statements each person was given; replay answers with npm run cat -- simulate`, 1);
	const norm = values.norm;
	if (norm !== undefined) {
		const known = [...new Set((q.scoring?.scales ?? []).flatMap((s) => (s.norms ?? []).map((n) => n.id)))];
		if (!known.includes(norm)) {
			throw new CliExit(`--norm: no scale of ${q.id} has a norm "${norm}" (norms: ${known.join(', ') || 'none'})`, 2);
		}
	}

	const scorer = createPlanScorer(q, { norm, format, lenient: values.lenient });
	if (scorer) {
		// The fast path: bytes in, text out, one write per chunk of input.
		for await (const chunk of byteChunks(file)) {
			const out = scorer.push(chunk);
			if (out.length > 0) await write(out);
		}
		await write(scorer.end());
		reportWarnings(file, scorer.warnings);
		return;
	}

	let reader: ResponseReader | undefined;
	let out = '';
	for await (const records of csvRecords(file)) {
		for (const record of records) {
			if (!reader) {
				reader = createResponseReader(record, q, { lenient: values.lenient });
				continue;
			}
			const { id, answers } = reader.read(record);
			const result = toBatchResult(id, scoreResponse(q, answers, { norm }));
			// Nothing is printed before the first valid row, so a bad header or empty file gives no output.
			const first = reader.count === 1;
			if (format === 'csv') out += `${first ? `${batchCsvColumns(q).join(',')}\n` : ''}${batchCsvRow(q, result)}\n`;
			else out += `${first ? '[\n' : ',\n'}${JSON.stringify(result)}`;
		}
		// One write per chunk of input keeps syscalls few and memory bounded.
		await write(out);
		out = '';
	}
	if (!reader) throw new BatchError({ row: 1, message: 'the file is empty; expected a header row of element names' });
	reader.finish();
	if (format === 'json') await write('\n]\n');
	reportWarnings(file, reader.warnings);
}

await run(main, () => responsesFile);
