// npm start: builds the app when the build is missing or older than the sources, then serves it on
// http://localhost:3000 with an embedded SQLite file and the shipped questionnaires.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
	}
	return newest;
}

const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (built < Math.max(newestMtime('src'), newestMtime('static'), statSync('package.json').mtimeMs)) {
	console.log('Building Spejl…');
	const r = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT || '3000';
const env = {
	...process.env,
	PORT: port,
	HOST: process.env.HOST || '0.0.0.0',
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	DATABASE_PATH: process.env.DATABASE_PATH || './data/spejl.db',
	QUESTIONNAIRES_DIR: process.env.QUESTIONNAIRES_DIR || './questionnaires'
};
console.log(`Spejl: open ${env.ORIGIN} (on a new installation, ${env.ORIGIN}/setup creates the first administrator)`);
// WORKERS=2 (or more) runs that many processes on one port, one per core (scripts/cluster.js).
const args = Number(process.env.WORKERS) > 1 ? ['scripts/cluster.js', 'build'] : ['build'];
const child = spawn(process.execPath, args, { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
