// Keeps src/lib/core pure (STYLE.md "Keeping the core pure"): core modules may only import each other.
// This test may use node:* itself — it is a test, not core code.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORE = dirname(fileURLToPath(import.meta.url));

function coreFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return coreFiles(path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

/** Module specifiers of static imports/exports, dynamic import() and require(). */
function specifiers(source: string): string[] {
	const patterns = [
		/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
		/\bimport\s*['"]([^'"]+)['"]/g,
		/\b(?:import|require)\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g
	];
	return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

/** Why a specifier is not allowed in `file`, or undefined when it is a relative path inside the core. */
function violation(file: string, spec: string): string | undefined {
	if (!spec.startsWith('./') && !spec.startsWith('../')) return `imports "${spec}" (only relative imports within src/lib/core)`;
	const target = relative(CORE, resolve(dirname(file), spec));
	if (target.startsWith('..')) return `imports "${spec}", which is outside src/lib/core`;
	return undefined;
}

describe('core purity', () => {
	it('recognises the import forms it guards against', () => {
		const source = `import a from 'node:fs';\nimport type { B } from "$lib/server/db";\nexport * from './x.ts';\nimport 'survey-core';\nconst c = await import('@sveltejs/kit');`;
		expect(specifiers(source).sort()).toEqual(['$lib/server/db', './x.ts', '@sveltejs/kit', 'node:fs', 'survey-core']);
		expect(violation(join(CORE, 'scoring/x.ts'), '../../server/db.ts')).toMatch('outside src/lib/core');
		expect(violation(join(CORE, 'scoring/x.ts'), '../questionnaire/types.ts')).toBeUndefined();
	});

	it('finds core files to scan', () => {
		expect(coreFiles(CORE).map((f) => relative(CORE, f))).toContain(join('scoring', 'score.ts'));
	});

	it('core modules import only relative paths inside src/lib/core', () => {
		const problems = coreFiles(CORE).flatMap((file) =>
			specifiers(readFileSync(file, 'utf8')).flatMap((spec) => {
				const why = violation(file, spec);
				return why ? [`${relative(CORE, file)} ${why}`] : [];
			})
		);
		expect(problems).toEqual([]);
	});
});
