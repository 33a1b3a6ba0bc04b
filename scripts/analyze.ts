// npm run analyze -- <questionnaire.json> <responses.csv> [--lenient]
//
// Item analysis of collected responses (docs/batch-csv.md): per scale the complete cases, Cronbach's alpha, and per
// item n, mean, SD, corrected item–total correlation and the share missing, printed as JSON.
// Exit codes: 0 ok, 1 bad input (the message names the line and column), 2 bad usage.
import { analyzeItems } from '../src/lib/core/analysis/index.ts';
import { BatchError, createResponseReader, type ResponseReader } from '../src/lib/core/batch/index.ts';
import type { Answers } from '../src/lib/core/questionnaire/types.ts';
import { csvRecords, loadQuestionnaire, parseCommandLine, reportWarnings, run, write } from './lib/cli.ts';

const USAGE = 'npm run analyze -- <questionnaire.json> <responses.csv> [--lenient]';

let responsesFile = '';

async function main() {
	const { values, positionals } = parseCommandLine(process.argv.slice(2), { lenient: { type: 'boolean', default: false } }, 2, USAGE);
	const [questionnaireFile, file] = positionals;
	responsesFile = file;
	const q = await loadQuestionnaire(questionnaireFile);

	let reader: ResponseReader | undefined;
	const rows: Answers[] = [];
	for await (const records of csvRecords(file)) {
		for (const record of records) {
			if (reader) rows.push(reader.read(record).answers);
			else reader = createResponseReader(record, q, { lenient: values.lenient });
		}
	}
	if (!reader) throw new BatchError({ row: 1, message: 'the file is empty; expected a header row of element names' });
	reader.finish();
	await write(`${JSON.stringify(analyzeItems(q, rows), null, 2)}\n`);
	reportWarnings(file, reader.warnings);
}

await run(main, () => responsesFile);
