import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; queries with IN lists of many lengths would otherwise grow it without end. */
const MAX_STATEMENTS = 500;

/**
 * The database as Kysely's SqliteDialect sees it, with each SQL text prepared once and then reused.
 * Kysely prepares every query it runs, and under load preparing costs more than running the short
 * queries of a request. Reuse is safe: Kysely runs one query at a time on its single connection, so a
 * statement is never in use twice at once.
 */
export function withStatementCache(sqlite: Database.Database): SqliteDatabase {
	const statements = new Map<string, SqliteStatement>();
	return {
		close: () => sqlite.close(),
		prepare(sql: string): SqliteStatement {
			let statement = statements.get(sql);
			if (statement === undefined) {
				statement = sqlite.prepare(sql) as unknown as SqliteStatement;
				if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
				statements.set(sql, statement);
			}
			return statement;
		}
	};
}
