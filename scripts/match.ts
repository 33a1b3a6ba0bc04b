// npm run match -- <profile.json> [--set <id>] [--level N] [--top N]
//
// Matches a profile export (docs/profile-export.md) — or a JSON array of them — against an opportunity set from
// OPPORTUNITIES_DIR (default ./opportunities; default set onet-29-3) and prints, per profile, the ranked
// list [{ "id", "title", "fit", "agreement", "why", "level" }] with fit unrounded (docs/opportunity-sets.md). For an
// array of profiles the output is an array of such lists, in the same order. A profile that cannot be
// matched (no RIASEC scores, flat, incomplete) gets [] and a note on stderr.
// Exit codes: 0 ok, 1 bad input (the file, the profile and the JSON path are named), 2 bad usage.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { matchOpportunities } from '../src/lib/core/matching/match.ts';
import { riasecFromDimensions } from '../src/lib/core/matching/profile-riasec.ts';
import type { ProfileExport } from '../src/lib/core/profile/export.ts';
import { DEFAULTS } from '../src/lib/server/config.ts';
import { DEFAULT_SET_ID, formatSetProblems, loadOpportunitySets } from '../src/lib/server/profile/opportunities.ts';
import { CliExit, parseCommandLine, run, write } from './lib/cli.ts';

const USAGE = 'npm run match -- <profile.json> [--set <id>] [--level N] [--top N]   (default: --set onet-29-3 --top 10)';
const SCHEMA = fileURLToPath(new URL('../static/schema/profile-v1.json', import.meta.url));

function positiveInteger(name: string, value: string | undefined, min: number): number | undefined {
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value) || Number(value) < min) {
		throw new CliExit(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''} (got "${value}")\nusage: ${USAGE}`, 2);
	}
	return Number(value);
}

function readProfiles(file: string): { profiles: unknown[]; single: boolean } {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code) throw e; // ENOENT etc.: reported by run()
		throw new CliExit(`${file}: not valid JSON: ${(e as Error).message}`, 1);
	}
	return Array.isArray(json) ? { profiles: json, single: false } : { profiles: [json], single: true };
}

async function main() {
	const { values, positionals } = parseCommandLine(
		process.argv.slice(2),
		{ set: { type: 'string', default: DEFAULT_SET_ID }, level: { type: 'string' }, top: { type: 'string' } },
		1,
		USAGE
	);
	const level = positiveInteger('level', values.level, 0);
	const top = positiveInteger('top', values.top, 1) ?? 10;
	const [file] = positionals;

	const dir = process.env.OPPORTUNITIES_DIR || DEFAULTS.opportunitiesDir;
	const loaded = loadOpportunitySets(dir);
	const set = loaded.sets.get(values.set);
	if (!set) {
		const refused = loaded.refused.filter((r) => r.file.replace(/\.csv$/i, '') === values.set);
		if (refused.length > 0) throw new CliExit(`${formatSetProblems(refused).join('\n')}\nthe set "${values.set}" is not valid`, 1);
		const known = [...loaded.sets.keys()].join(', ') || 'none';
		throw new CliExit(`--set: no opportunity set "${values.set}" in ${dir} (sets: ${known})\nusage: ${USAGE}`, 2);
	}

	const { profiles, single } = readProfiles(file);
	const validate = new Ajv({ allErrors: true }).compile<ProfileExport>(JSON.parse(readFileSync(SCHEMA, 'utf8')));
	const problems: string[] = [];
	profiles.forEach((p, i) => {
		if (validate(p)) return;
		const where = single ? file : `${file} [${i}]`;
		for (const e of validate.errors ?? []) problems.push(`${where} $${e.instancePath.replaceAll('/', '.')}: ${e.message}`);
	});
	if (problems.length > 0) throw new CliExit(`${problems.join('\n')}\nnot a Spejl profile export, version 1 (${SCHEMA})`, 1);

	const lists = (profiles as ProfileExport[]).map((p, i) => {
		const who = `${single ? file : `${file} [${i}]`} (subject ${p.subject.id})`;
		const { found, profile } = riasecFromDimensions(p.dimensions);
		if (!found) {
			process.stderr.write(`${who}: no riasec.R–riasec.C dimensions (no interest result); nothing to match\n`);
			return [];
		}
		const result = matchOpportunities(profile, set, { top, ...(level !== undefined ? { level } : {}) });
		if (!result.matchable) {
			process.stderr.write(`${who}: ${result.reason}: ${result.advice}\n`);
			return [];
		}
		return result.matches.map((m) => ({ id: m.id, title: m.title, fit: m.fit, agreement: m.agreement, why: m.why, level: m.level ?? null }));
	});
	await write(JSON.stringify(single ? lists[0] : lists, null, 2) + '\n');
}

await run(main);
