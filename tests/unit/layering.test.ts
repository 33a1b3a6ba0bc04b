// Keeps the layers of docs/architecture.md apart: routes → services → repositories → db.
// - a route (anything under src/routes) never imports a repository or the database module;
// - a component (a .svelte file under src/lib/components or src/routes) never imports $lib/server,
//   not even a type: view types live in src/lib/views;
// - a repository never imports a service: of $lib/server only the database module and other repositories.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');
const LIB = join(SRC, 'lib');
const SERVER = join(LIB, 'server');
const REPOSITORIES = join(SERVER, 'repositories');
const DB = join(SERVER, 'db');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(path, keep);
		return keep(entry.name) ? [path] : [];
	});
}

const isSource = (name: string) => /\.(ts|js|svelte)$/.test(name) && !/\.test\.ts$/.test(name);

/** Module specifiers of static imports/exports (type imports too), dynamic import() and require(). */
function specifiers(source: string): string[] {
	const patterns = [
		/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
		/\bimport\s*['"]([^'"]+)['"]/g,
		/\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g
	];
	return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

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
		const source = `<script lang="ts">\n\timport type { ClientSummary } from '$lib/server/counsellor/counsellor-clients';\n</script>`;
		expect(specifiers(source)).toEqual(['$lib/server/counsellor/counsellor-clients']);
	});

	it('finds the files to scan', () => {
		const routes = filesUnder(join(SRC, 'routes'), isSource).map((f) => relative(SRC, f));
		expect(routes).toContain(join('routes', 'admin', '+page.server.ts'));
		expect(routes).toContain(join('routes', 'admin', '+page.svelte'));
		expect(filesUnder(REPOSITORIES, isSource).map((f) => relative(SERVER, f))).toContain(join('repositories', 'users.ts'));
	});

	it('routes, components and repositories import only what their layer may', () => {
		const files = [
			...filesUnder(join(SRC, 'routes'), isSource),
			...filesUnder(join(LIB, 'components'), isSource),
			...filesUnder(REPOSITORIES, isSource)
		];
		expect(problemsIn(files)).toEqual([]);
	});
});
