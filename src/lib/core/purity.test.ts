// Keeps src/lib/core pure (STYLE.md "Keeping the core pure"): core modules may only import each other.
// This test may use node:* itself — it is a test, not core code. The import scanner is shared with
// tests/unit/layering.test.ts (tests/support/imports.ts).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, specifiers } from '../../../tests/support/imports.ts';

const CORE = dirname(fileURLToPath(import.meta.url));

const coreFiles = (dir: string) => filesUnder(dir, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

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
