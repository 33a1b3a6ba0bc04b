// Shared plumbing for the batch CLIs (score, analyze): arguments, exit codes, reading files.
// Everything psychometric happens in src/lib/core; this file only does I/O.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createCsvParser, CsvError, type CsvRow } from '../../src/lib/core/csv/parse.ts';
import { validateQuestionnaire } from '../../src/lib/core/questionnaire/validate.ts';
import type { QuestionnaireProblem, Questionnaire } from '../../src/lib/core/questionnaire/types.ts';
import { BatchError, formatIssue, type BatchIssue } from '../../src/lib/core/batch/index.ts';

/** Ends the command with an exit code: 1 for bad input, 2 for bad usage. */
export class CliExit extends Error {
	readonly code: 1 | 2;
	constructor(message: string, code: 1 | 2) {
		super(message);
		this.code = code;
	}
}

/** Parses argv; unknown options or a wrong number of positionals are usage errors (exit 2). */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(
	argv: string[],
	options: T,
	positionals: number,
	usage: string
) {
	try {
		const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
		if (parsed.positionals.length !== positionals) {
			throw new Error(`expected ${positionals} file arguments, got ${parsed.positionals.length}`);
		}
		return parsed;
	} catch (e) {
		throw new CliExit(`${(e as Error).message}\nusage: ${usage}`, 2);
	}
}

/** The repository root: the nearest folder above this file with a package.json and node_modules (this
 * file also runs bundled, from inside node_modules/.cache). */
function repositoryRoot(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'node_modules'))) && dirname(dir) !== dir) dir = dirname(dir);
	return dir;
}

const root = repositoryRoot();
const verdicts = join(root, 'node_modules/.cache/spejl-cli/surveyjs-verdicts');

/**
 * SurveyJS's verdict on a survey (`surveyJsonProblems`), remembered by the SHA-256 of the survey JSON and
 * the survey-core version: loading SurveyJS and building its model costs more start-up time than scoring
 * a large file, and the verdict on the same JSON by the same SurveyJS never changes.
 */
async function surveyProblems(survey: unknown): Promise<QuestionnaireProblem[]> {
	let key: string | undefined;
	try {
		const { version } = JSON.parse(readFileSync(join(root, 'node_modules/survey-core/package.json'), 'utf8')) as { version: string };
		key = createHash('sha256').update(`survey-core ${version}\n${JSON.stringify(survey)}`).digest('hex');
		return JSON.parse(readFileSync(join(verdicts, `${key}.json`), 'utf8')) as QuestionnaireProblem[];
	} catch {
		// not checked before (or no readable cache): ask SurveyJS
	}
	const { surveyJsonProblems } = await import('../../src/lib/server/questionnaires/survey-errors.ts');
	const problems = surveyJsonProblems(survey);
	if (key !== undefined) {
		try {
			mkdirSync(verdicts, { recursive: true });
			const tmp = join(verdicts, `${key}.${process.pid}.tmp`);
			writeFileSync(tmp, JSON.stringify(problems));
			renameSync(tmp, join(verdicts, `${key}.json`));
		} catch {
			// a read-only checkout: no cache, same verdict
		}
	}
	return problems;
}

/** Reads and validates a questionnaire; every problem is reported with the file and its JSON path. */
export async function loadQuestionnaire(file: string): Promise<Questionnaire> {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		throw new CliExit(`${file}: ${(e as Error).message}`, 1);
	}
	const survey = (json as { survey?: unknown } | null)?.survey;
	const result = validateQuestionnaire(json, { fileName: file, surveyProblems: await surveyProblems(survey) });
	if (!result.ok) {
		const lines = result.problems.map((p) => `${file}: ${p.path}: ${p.message}`);
		throw new CliExit(`${lines.join('\n')}\n${file}: ${result.problems.length} problem(s); not a valid questionnaire`, 1);
	}
	return result.questionnaire;
}

/**
 * Streams the CSV records of a file, a chunk at a time (memory stays bounded by the chunk size and the
 * longest record). Yields the records completed by each chunk.
 */
export async function* csvRecords(file: string): AsyncGenerator<CsvRow[]> {
	let pending: CsvRow[] = [];
	const parser = createCsvParser((row) => pending.push(row));
	const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
	try {
		for await (const chunk of stream) {
			parser.push(chunk as string);
			if (pending.length > 0) {
				yield pending;
				pending = [];
			}
		}
		parser.end();
		if (pending.length > 0) yield pending;
	} finally {
		stream.destroy();
	}
}

/** Streams the bytes of a file in chunks of 1 MiB. */
export async function* byteChunks(file: string): AsyncGenerator<Uint8Array> {
	const stream = createReadStream(file, { highWaterMark: 1 << 20 });
	try {
		for await (const chunk of stream) yield chunk as Uint8Array;
	} finally {
		stream.destroy();
	}
}

/** Writes to stdout, waiting when its buffer is full so output never piles up in memory. */
export async function write(text: string | Uint8Array): Promise<void> {
	if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** Lenient-mode warnings on stderr, one per skipped cell or column. */
export function reportWarnings(file: string, warnings: readonly BatchIssue[]): void {
	if (warnings.length === 0) return;
	const lines = warnings.map((w) => `${file}: warning: ${formatIssue(w)}`);
	process.stderr.write(`${lines.join('\n')}\n${file}: ${warnings.length} bad cell(s) or column(s) skipped (--lenient)\n`);
}

/**
 * Runs a command: bad input and usage errors print to stderr and set the exit code (1, resp. 2) without
 * a stack trace; anything else is a bug and keeps its stack.
 */
export async function run(main: () => Promise<void>, file = () => ''): Promise<void> {
	// `npm run score … | head` closes the pipe early: that is not an error.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code === 'EPIPE') process.exit(0);
		throw e;
	});
	try {
		await main();
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
		if (e instanceof CliExit) {
			process.stderr.write(`${e.message}\n`);
			process.exitCode = e.code;
		} else if (e instanceof BatchError || e instanceof CsvError) {
			process.stderr.write(`${file()}: ${e.message}\n`);
			process.exitCode = 1;
		} else if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') {
			process.stderr.write(`${(e as Error).message}\n`);
			process.exitCode = 1;
		} else {
			throw e;
		}
	}
}
