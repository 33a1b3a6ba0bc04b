// npm run analyze -- <questionnaire.json> <responses.csv> [--lenient]
//
// Item analysis of collected responses (docs/batch-csv.md): per scale the complete cases, Cronbach's alpha, and per
// item n, mean, SD, corrected item–total correlation and the share missing, printed as JSON.
// Exit codes: 0 ok, 1 bad input (the message names the line and column), 2 bad usage.
import { createItemAnalysis } from '../src/lib/core/analysis/index.ts';
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

	// Two passes over the file (means first, then the deviations from them), so memory stays flat however
	// many rows there are; the second pass reads the same rows again with a fresh reader.
	const analysis = createItemAnalysis(q);
	const pass = async (add: (answers: Answers) => void): Promise<ResponseReader | undefined> => {
		let reader: ResponseReader | undefined;
		for await (const records of csvRecords(file)) {
			for (const record of records) {
				if (reader) add(reader.read(record).answers);
				else reader = createResponseReader(record, q, { lenient: values.lenient });
			}
		}
		reader?.finish();
		return reader;
	};
	const reader = await pass(analysis.first);
	if (!reader) throw new BatchError({ row: 1, message: 'the file is empty; expected a header row of element names' });
	await pass(analysis.second);
	await write(`${JSON.stringify(analysis.report(), null, 2)}\n`);
	reportWarnings(file, reader.warnings);
}

await run(main, () => responsesFile);
