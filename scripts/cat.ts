// npm run cat -- simulate <questionnaire.json> <responses.csv> [--se <x>] [--min-items <n>] [--max-items <n>] [--randomesque <n>] [--seed <n>] [--lenient]
//
// Replays recorded respondents through an adaptive questionnaire (docs/adaptive-testing.md): each "answer" is
// what that person answered to the chosen item. Prints per respondent and scale the adaptive θ and SE, the items
// used in order, and thetaFull/seFull (the EAP from all of that person's answers), then a summary (items used,
// correlation with thetaFull per scale, exposure of each item). Without options the questionnaire's own rule.
// Exit codes: 0 ok, 1 bad input, 2 bad usage.
import { BatchError, createResponseReader, type ResponseReader } from '../src/lib/core/batch/index.ts';
import { adaptiveTest } from '../src/lib/core/irt/adaptive.ts';
import { seededRandom } from '../src/lib/core/irt/random.ts';
import { simulateRespondent, summarize, type SimulatedRespondent } from '../src/lib/core/irt/simulate.ts';
import type { CatRule } from '../src/lib/core/irt/cat.ts';
import { CliExit, csvRecords, loadQuestionnaire, parseCommandLine, reportWarnings, run, write } from './lib/cli.ts';

const USAGE =
	'npm run cat -- simulate <questionnaire.json> <responses.csv> [--se <x>] [--min-items <n>] [--max-items <n>] [--randomesque <n>] [--seed <n>] [--summary-only] [--lenient]';

let responsesFile = '';

function option(text: string | undefined, name: string, integer: boolean): number | undefined {
	if (text === undefined) return undefined;
	const x = Number(text);
	if (!(x > 0) || (integer && !Number.isInteger(x))) throw new CliExit(`--${name} must be a positive ${integer ? 'whole number' : 'number'} (got "${text}")\nusage: ${USAGE}`, 2);
	return x;
}

async function main() {
	const { values, positionals } = parseCommandLine(
		process.argv.slice(2),
		{
			se: { type: 'string' },
			'min-items': { type: 'string' },
			'max-items': { type: 'string' },
			randomesque: { type: 'string' },
			seed: { type: 'string', default: '1' },
			'summary-only': { type: 'boolean', default: false },
			lenient: { type: 'boolean', default: false }
		},
		3,
		USAGE
	);
	const [command, questionnaireFile, file] = positionals;
	if (command !== 'simulate') throw new CliExit(`unknown command "${command}" (the only one is simulate)\nusage: ${USAGE}`, 2);
	responsesFile = file;
	const override: Partial<CatRule> = {};
	const se = option(values.se, 'se', false);
	if (se !== undefined) override.se = se;
	const minItems = option(values['min-items'], 'min-items', true);
	if (minItems !== undefined) override.minItems = minItems;
	const maxItems = option(values['max-items'], 'max-items', true);
	if (maxItems !== undefined) override.maxItems = maxItems;
	const randomesque = option(values.randomesque, 'randomesque', true);
	if (randomesque !== undefined) override.randomesque = randomesque;
	const seed = option(values.seed, 'seed', true) ?? 1;

	const q = await loadQuestionnaire(questionnaireFile);
	const test = adaptiveTest(q, override);
	if (!test) throw new CliExit(`${questionnaireFile}: ${q.id} is not adaptive (it has no "adaptive" block with item parameters)`, 1);
	const { bank, rule } = test;
	const random = seededRandom(seed);
	const respondents: SimulatedRespondent[] = [];
	let reader: ResponseReader | undefined;
	for await (const records of csvRecords(file)) {
		for (const record of records) {
			if (!reader) {
				reader = createResponseReader(record, q, { lenient: values.lenient });
				continue;
			}
			const { id, answers } = reader.read(record);
			const given = new Map<string, number>();
			for (const [item, value] of Object.entries(answers)) if (typeof value === 'number') given.set(item, value);
			respondents.push(simulateRespondent(bank, rule, id, given, random));
		}
	}
	if (!reader) throw new BatchError({ row: 1, message: 'the file is empty; expected a header row of element names' });
	reader.finish();
	const summary = summarize(bank, rule, respondents);
	if (values['summary-only']) await write(`${JSON.stringify({ summary }, null, 2)}\n`);
	else {
		await write('{ "respondents": [\n');
		let out = '';
		respondents.forEach((r, i) => {
			out += `${i > 0 ? ',\n' : ''}${JSON.stringify(r)}`;
			if (out.length > 1 << 16) {
				process.stdout.write(out);
				out = '';
			}
		});
		await write(`${out}\n],\n"summary": ${JSON.stringify(summary, null, 2)}\n}\n`);
	}
	reportWarnings(file, reader.warnings);
}

await run(main, () => responsesFile);
