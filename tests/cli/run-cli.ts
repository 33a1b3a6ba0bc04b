// Spawns a real CLI and collects its exit code and output: score, analyze, calibrate and cat as `npm run` runs them
// (scripts/cli.js, the bundled JavaScript).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name: string) => join(root, 'tests/fixtures/psych', name);

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export function runCli(script: 'score' | 'analyze' | 'calibrate' | 'cat', args: string[]): Promise<CliResult> {
	return new Promise((resolve) => {
		execFile(process.execPath, [join(root, 'scripts/cli.js'), script, ...args], { cwd: root, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
			resolve({ code, stdout, stderr });
		});
	});
}

const dir = mkdtempSync(join(tmpdir(), 'spejl-cli-'));

/** Writes a temporary file and returns its path. */
export function tempFile(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

/**
 * Each test spawns a real process (and the first one bundles the CLI, or tsx compiles it), several
 * at once: on a loaded machine that is many times slower than here, hence the generous timeout.
 */
export const CLI = { timeout: 180_000 };
