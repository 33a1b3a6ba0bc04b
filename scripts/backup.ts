// npm run backup -- <file>: a consistent copy of the running SQLite database (DATABASE_PATH, see
// src/lib/server/config.ts) while the server keeps serving. The README says how to restore it.
// PostgreSQL (DATABASE_URL) is backed up with pg_dump instead.
import { ConfigError, readConfig, type Config } from '../src/lib/server/config.ts';
import { BackupError, backupSqlite } from '../src/lib/server/db/backup.ts';

const usage = 'usage: npm run backup -- <backup-file>   (e.g. npm run backup -- backups/spejl-2026-12-01.db)';
const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length || file.startsWith('-')) {
	console.error(usage);
	process.exit(2);
}

let config: Config;
try {
	config = readConfig(process.env);
} catch (e) {
	if (!(e instanceof ConfigError)) throw e;
	for (const p of e.problems) console.error(p);
	process.exit(1);
}
if (config.database.kind !== 'sqlite') {
	console.error('DATABASE_URL is a PostgreSQL database: back it up with pg_dump (see the README, "Backups").');
	process.exit(1);
}

try {
	const started = Date.now();
	const { pages, pageSize } = await backupSqlite(config.database.path, file);
	const kib = Math.ceil((pages * pageSize) / 1024);
	console.log(`Backed up ${config.database.path} to ${file}: ${kib.toLocaleString('en')} KiB, integrity ok, ${Date.now() - started} ms.`);
} catch (e) {
	if (!(e instanceof BackupError)) throw e;
	console.error(`Backup failed: ${e.message}. Nothing was written.`);
	process.exit(1);
}
