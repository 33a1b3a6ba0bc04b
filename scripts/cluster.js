// Runs the built app as several Node processes sharing one port (node:cluster), so a machine with several
// cores uses them all. Every process opens the same SQLite database (WAL lets them read side by side and
// take turns writing) and keeps no state of its own that another would need: sessions, throttling and the
// first-run lock are in the database.
//
// Usage: WORKERS=2 node scripts/cluster.js [build folder]   (default: BUILD_DIR or build; WORKERS default:
// the number of cores). The first process starts alone, so it alone migrates the database and stores the
// questionnaire versions; the others start once it listens. A process that dies is started again.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const buildDir = process.argv[2] || process.env.BUILD_DIR || 'build';

if (cluster.isPrimary) {
	const workers = Number(process.env.WORKERS || availableParallelism());
	if (!Number.isInteger(workers) || workers < 1) {
		console.error(`WORKERS must be a whole number of processes, at least 1 (got "${process.env.WORKERS}")`);
		process.exit(2);
	}
	let stopping = false;
	const listened = new WeakSet();
	const fork = () => {
		const worker = cluster.fork();
		worker.once('listening', () => listened.add(worker));
		return worker;
	};
	fork().once('listening', () => {
		for (let i = 1; i < workers; i++) fork();
	});
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		if (!listened.has(worker)) {
			// It failed while starting (bad configuration, database unreachable): starting it again would fail too.
			console.error(`[cluster] process ${worker.process.pid} failed to start (${signal ?? code}); stopping`);
			stopping = true;
			for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
			process.exitCode = 1;
			return;
		}
		console.error(`[cluster] process ${worker.process.pid} ended (${signal ?? code}); starting another`);
		fork();
	});
	for (const signal of ['SIGTERM', 'SIGINT']) {
		process.on(signal, () => {
			stopping = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
			// Each process finishes its open requests (adapter-node's graceful shutdown), then the primary ends.
			cluster.on('exit', () => {
				if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			});
		});
	}
} else {
	// On SIGTERM/SIGINT the app finishes its open requests, closes its server and emits sveltekit:shutdown;
	// leaving the cluster then lets the process end (its channel to the primary would keep it alive).
	process.on('sveltekit:shutdown', () => cluster.worker?.disconnect());
	await import(pathToFileURL(resolve(buildDir, 'index.js')).href);
}
