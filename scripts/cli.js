// npm run score|analyze|calibrate|cat: runs the command-line tool as plain JavaScript. The TypeScript sources
// (scripts/<name>.ts and the core they import) are bundled by esbuild into node_modules/.cache/spejl-cli
// the first time and again whenever one of those sources changes, so no loader transforms code on every run.
//
// Usage: node scripts/cli.js <score|analyze|calibrate|cat> [arguments of that command]
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const COMMANDS = ['score', 'analyze', 'calibrate', 'cat'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules/.cache/spejl-cli');
const pointer = join(cacheDir, 'current.json');

/**
 * The folder of the current bundle, or undefined when there is none or one of the files it was built from
 * no longer has the size and mtime recorded.
 */
function currentBuild() {
	let current;
	try {
		current = JSON.parse(readFileSync(pointer, 'utf8'));
	} catch {
		return undefined;
	}
	for (const [file, [size, mtime]] of Object.entries(current.inputs)) {
		try {
			const s = statSync(join(root, file));
			if (s.size !== size || s.mtimeMs !== mtime) return undefined;
		} catch {
			return undefined;
		}
	}
	return join(cacheDir, current.dir);
}

/**
 * Bundles every command (shared code split into chunks) into a new folder and points current.json at it.
 * Folders are never changed once written, so a run started on an older bundle finishes on it, and runs
 * building at the same moment each produce a complete folder.
 */
async function build() {
	const { build: esbuild } = await import('esbuild');
	const dir = `b-${Date.now()}-${process.pid}`;
	const result = await esbuild({
		absWorkingDir: root,
		entryPoints: Object.fromEntries(COMMANDS.map((c) => [c, `scripts/${c}.ts`])),
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		packages: 'external',
		outdir: join(cacheDir, dir),
		metafile: true,
		logLevel: 'error'
	});
	const inputs = {};
	for (const input of Object.keys(result.metafile.inputs)) {
		const s = statSync(join(root, input));
		inputs[input] = [s.size, s.mtimeMs];
	}
	const tmp = `${pointer}.${process.pid}`;
	writeFileSync(tmp, JSON.stringify({ dir, inputs }));
	renameSync(tmp, pointer);
	// Bundles replaced more than an hour ago are no longer in use.
	for (const entry of readdirSync(cacheDir)) {
		const path = join(cacheDir, entry);
		if (entry.startsWith('b-') && entry !== dir && Date.now() - statSync(path).mtimeMs > 3600e3) {
			rmSync(path, { recursive: true, force: true });
		}
	}
	return join(cacheDir, dir);
}

const [command] = process.argv.splice(2, 1);
if (!COMMANDS.includes(command)) {
	process.stderr.write(`usage: node scripts/cli.js <${COMMANDS.join('|')}> [arguments]\n`);
	process.exit(2);
}
const dir = currentBuild() ?? (await build());
await import(pathToFileURL(join(dir, `${command}.js`)).href);
