// Keeps the layers of docs/architecture.md apart: routes → services → repositories → db.
// - a route (anything under src/routes) never imports a repository or the database module;
// - a component (a .svelte file under src/lib/components or src/routes) never imports $lib/server,
//   not even a type: view types live in src/lib/views;
// - a repository never imports a service: of $lib/server only the database module and other repositories;
// - a service (anything in src/lib/server outside repositories/ and db/) never imports app.ts: what the
//   process loaded comes in as parameters from the route;
// - no query builder outside repositories: Kysely's selectFrom/insertInto/updateTable/deleteFrom/
//   replaceInto/mergeInto and the sql`…` tag appear only in repositories/ and db/ (QUERY_ALLOWED lists the
//   files still to be moved).
// The import scanner is shared with src/lib/core/purity.test.ts (tests/support/imports.ts).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, specifiers } from '../support/imports';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');
const LIB = join(SRC, 'lib');
const SERVER = join(LIB, 'server');
const REPOSITORIES = join(SERVER, 'repositories');
const DB = join(SERVER, 'db');
const APP = join(SERVER, 'app');

/**
 * Services that still build queries themselves, to be moved into repositories once the work on them
 * now in progress has landed (sign-in throttling, the first administrator, the completion path).
 */
const QUERY_ALLOWED = [
	'account/throttle.ts',
	'account/setup.ts',
	'questionnaires/completion-request.ts',
	'questionnaires/page-completion.ts',
	'questionnaires/plain-submit.ts',
	'questionnaires/responses.ts'
].map((f) => join(SERVER, f));

/** Kysely's query builders and the raw sql tag, outside comments. */
const QUERY_BUILDER = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\s*\(|\bsql\s*(?:<[^>]*>)?\s*`/;

/** The lines of `source` (comments removed) that build a query. */
function queryLines(source: string): string[] {
	const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
	return code.split('\n').filter((line) => QUERY_BUILDER.test(line)).map((line) => line.trim());
}

/** Service files: src/lib/server outside repositories/ and db/, app.ts itself left out. */
const isService = (file: string) => inside(file, SERVER) && !inside(file, REPOSITORIES) && !inside(file, DB) && !inside(file, APP);

const isSource = (name: string) => /\.(ts|js|svelte)$/.test(name) && !/\.test\.ts$/.test(name);

/** The file path a specifier points at (without extension), or null for a package. */
function target(file: string, spec: string): string | null {
	if (spec === '$lib' || spec.startsWith('$lib/')) return join(LIB, spec.slice('$lib'.length));
	if (spec.startsWith('./') || spec.startsWith('../')) return resolve(dirname(file), spec);
	return null;
}

const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep) || path.startsWith(dir + '.');

/** Why importing `spec` from `file` breaks the layering, or undefined when it does not. */
function violation(file: string, spec: string): string | undefined {
	const to = target(file, spec);
	if (!to) return undefined;
	const isRoute = inside(file, join(SRC, 'routes'));
	const isComponent = file.endsWith('.svelte') && (isRoute || inside(file, join(LIB, 'components')));
	if (isComponent && inside(to, SERVER)) return `imports "${spec}": components never import $lib/server (view types go in src/lib/views)`;
	if (isRoute && (inside(to, REPOSITORIES) || inside(to, DB)))
		return `imports "${spec}": routes call services, never repositories or the database module`;
	if (inside(file, REPOSITORIES) && inside(to, SERVER) && !inside(to, REPOSITORIES) && !inside(to, DB))
		return `imports "${spec}": repositories never import a service (only the database module and other repositories)`;
	if (isService(file) && inside(to, APP) && (to === APP || to.startsWith(APP + '.')))
		return `imports "${spec}": services never import app.ts (the route passes what they need)`;
	return undefined;
}

function problemsIn(files: string[]): string[] {
	return files.flatMap((file) =>
		specifiers(readFileSync(file, 'utf8')).flatMap((spec) => {
			const why = violation(file, spec);
			return why ? [`${relative(ROOT, file)} ${why}`] : [];
		})
	);
}

describe('layering', () => {
	it('recognises each kind of violation and lets the allowed imports through', () => {
		const route = join(SRC, 'routes/admin/+page.server.ts');
		const page = join(SRC, 'routes/admin/+page.svelte');
		const component = join(LIB, 'components/counsellor/ClientTable.svelte');
		const repository = join(REPOSITORIES, 'users.ts');
		expect(violation(route, '$lib/server/repositories/audit')).toMatch('never repositories');
		expect(violation(route, '$lib/server/db')).toMatch('never repositories');
		expect(violation(route, '$lib/server/db/schema')).toMatch('never repositories');
		expect(violation(route, '$lib/server/admin/admin')).toBeUndefined();
		expect(violation(route, '@sveltejs/kit')).toBeUndefined();
		expect(violation(page, '$lib/server/counsellor/counsellor-clients')).toMatch('components never import');
		expect(violation(component, '../../server/profile/shortlist')).toMatch('components never import');
		expect(violation(component, '$lib/views/counsellor')).toBeUndefined();
		expect(violation(repository, '../sharing')).toMatch('never import a service');
		expect(violation(repository, '$lib/server/audit-log')).toMatch('never import a service');
		expect(violation(repository, '../db')).toBeUndefined();
		expect(violation(repository, './shares')).toBeUndefined();
		expect(violation(repository, 'kysely')).toBeUndefined();
		expect(violation(repository, '../../views/counsellor')).toBeUndefined();
		const service = join(SERVER, 'profile/export.ts');
		expect(violation(service, '../app')).toMatch('never import app.ts');
		expect(violation(join(SERVER, 'account/erasure.ts'), '$lib/server/app')).toMatch('never import app.ts');
		expect(violation(service, '../../app-shell')).toBeUndefined();
		expect(violation(join(SRC, 'routes/profile/export.json/+server.ts'), '$lib/server/app')).toBeUndefined();
		const source = `<script lang="ts">\n\timport type { ClientSummary } from '$lib/server/counsellor/counsellor-clients';\n</script>`;
		expect(specifiers(source)).toEqual(['$lib/server/counsellor/counsellor-clients']);
	});

	it('finds the files to scan', () => {
		const routes = filesUnder(join(SRC, 'routes'), isSource).map((f) => relative(SRC, f));
		expect(routes).toContain(join('routes', 'admin', '+page.server.ts'));
		expect(routes).toContain(join('routes', 'admin', '+page.svelte'));
		expect(filesUnder(REPOSITORIES, isSource).map((f) => relative(SERVER, f))).toContain(join('repositories', 'users.ts'));
	});

	it('routes, components, repositories and services import only what their layer may', () => {
		const files = [
			...filesUnder(join(SRC, 'routes'), isSource),
			...filesUnder(join(LIB, 'components'), isSource),
			...filesUnder(SERVER, isSource)
		];
		expect(problemsIn(files)).toEqual([]);
	});

	it('recognises a query builder, not its name in a comment or a word', () => {
		expect(queryLines("const r = await db\n\t.selectFrom('user')\n\t.execute();")).toEqual([".selectFrom('user')"]);
		expect(queryLines('await trx.deleteFrom("response").execute();')).toHaveLength(1);
		expect(queryLines('const { rows } = await sql<{ n: number }>`PRAGMA x`.execute(db);')).toHaveLength(1);
		expect(queryLines("// db.selectFrom('user') in a comment\n/* .updateTable( */ const sqlite = 1;")).toEqual([]);
	});

	it('no query builder outside repositories (and the database module)', () => {
		const services = filesUnder(SERVER, isSource).filter((f) => f.endsWith('.ts') && isService(f));
		expect(services).toContain(join(SERVER, 'account', 'erasure.ts'));
		const problems = services
			.filter((f) => !QUERY_ALLOWED.includes(f))
			.flatMap((f) => queryLines(readFileSync(f, 'utf8')).map((line) => `${relative(ROOT, f)}: ${line}`));
		expect(problems).toEqual([]);
	});
});
