// One import scanner for the tests that guard the layers (tests/unit/layering.test.ts) and the pure
// core (src/lib/core/purity.test.ts): which files there are, and what each one imports.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir` whose name `keep` accepts. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return filesUnder(path, keep);
		return keep(entry.name) ? [path] : [];
	});
}

/** Module specifiers of static imports/exports (type imports too), dynamic import() and require(). */
export function specifiers(source: string): string[] {
	const patterns = [
		/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
		/\bimport\s*['"]([^'"]+)['"]/g,
		/\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g
	];
	return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}
