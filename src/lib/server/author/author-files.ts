// The questionnaire files the playground can load as examples: the files of QUESTIONNAIRES_DIR the
// registry saw (served or refused), by exact file name only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Registry } from '../questionnaires/registry';

export interface ExampleFile {
	file: string;
	refused: boolean;
}

export function exampleFiles(registry: Registry): ExampleFile[] {
	const served = [...registry.instruments.values()].map((i) => ({ file: i.file, refused: false }));
	const refused = registry.refused.filter((r) => r.file.endsWith('.json')).map((r) => ({ file: r.file, refused: true }));
	return [...served, ...refused].sort((a, b) => a.file.localeCompare(b.file));
}

/** The text of one example file, or null when `file` is not one of them (no paths from the URL reach the disk). */
export function readExample(registry: Registry, dir: string, file: string): string | null {
	if (!exampleFiles(registry).some((e) => e.file === file)) return null;
	try {
		return readFileSync(join(dir, file), 'utf8');
	} catch {
		return null;
	}
}
