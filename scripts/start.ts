// npm start: checks the configuration, builds the app when the build is missing or older than the
// sources (the first time takes about a minute; the build's own output is shown only if it fails),
// then serves it. Configuration: environment variables, see src/lib/server/config.ts and the README.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, describeDatabase, readConfig, type Config } from '../src/lib/server/config.ts';

let config: Config;
try {
	config = readConfig(process.env);
} catch (e) {
	if (!(e instanceof ConfigError)) throw e;
	console.error('Spejl cannot start: the configuration has problems.');
	for (const p of e.problems) console.error(`  ${p}`);
	process.exit(1);
}

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
	}
	return newest;
}

const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (built < Math.max(newestMtime('src'), newestMtime('static'), statSync('package.json').mtimeMs)) {
	console.log(built ? 'Sources changed: rebuilding Spejl (about a minute)…' : 'First start: building Spejl (about a minute)…');
	const started = Date.now();
	const r = spawnSync('npm', ['run', 'build', '--silent'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0) {
		process.stdout.write(r.stdout ?? '');
		process.stderr.write(r.stderr ?? '');
		console.error('The build failed (output above).');
		process.exit(r.status ?? 1);
	}
	console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}

const everywhere = config.host === '0.0.0.0' || config.host === '::';
console.log(
	`Spejl: ${config.origin} · ${describeDatabase(config.database)} · ` +
		(everywhere ? `listening on every network interface, port ${config.port}` : `listening on ${config.host}:${config.port}`)
);
console.log(`New installation? ${config.origin}/setup creates the first administrator. Stop with Ctrl+C.`);
const env = {
	...process.env,
	PORT: String(config.port),
	HOST: config.host,
	ORIGIN: config.origin
};
// WORKERS=2 (or more) runs that many processes on one port, one per core (scripts/cluster.js).
const args = Number(process.env.WORKERS) > 1 ? ['scripts/cluster.js', 'build'] : ['build'];
const child = spawn(process.execPath, args, { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
