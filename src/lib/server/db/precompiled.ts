import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { DB } from './schema';
import type { Db } from './index';

/** A database handle or a transaction on it: both run a query compiled for the handle. */
type Runner = Kysely<DB>;

/**
 * A query built and compiled by Kysely once per database handle and then run with new parameter values:
 * building and compiling a query costs more than running a short one, and the hottest ones (the session
 * lookup on every request, the statements of a completion) always have the same shape. `build` receives
 * placeholder values, one per parameter (strings, whatever the column's type), and must use each exactly
 * once as a value (never in an IN list or as a column name); the compiled parameters are checked against
 * them, so a query of another shape fails at once, loudly. Works on either database: the SQL is compiled
 * by the handle's own dialect. A transaction of a handle runs the handle's compiled query (they share the
 * dialect's adapter, by which the compiled query is kept; no plugins are used that could make them differ).
 */
export function precompiledResult<Args extends unknown[], Row>(
	arity: Args['length'],
	build: (db: Db, ...args: Args) => Compilable<Row>
): (db: Runner, ...args: Args) => Promise<QueryResult<Row>> {
	const compiled = new WeakMap<object, CompiledQuery<Row>>();
	const placeholders = Array.from({ length: arity }, (_, i) => `\u0000precompiled-parameter-${i}\u0000`) as Args;
	return async (db, ...args) => {
		const key = db.getExecutor().adapter;
		let query = compiled.get(key);
		if (!query) {
			query = build(db, ...placeholders).compile();
			const same = query.parameters.length === arity && query.parameters.every((p, i) => p === placeholders[i]);
			if (!same) throw new Error(`precompiled: the query must use its ${arity} parameter(s) once each, in order: ${query.sql}`);
			compiled.set(key, query);
		}
		return db.executeQuery<Row>({ ...query, parameters: args });
	};
}

/** `precompiledResult`, giving the rows only. */
export function precompiled<Args extends unknown[], Row>(
	arity: Args['length'],
	build: (db: Db, ...args: Args) => Compilable<Row>
): (db: Runner, ...args: Args) => Promise<Row[]> {
	const run = precompiledResult(arity, build);
	return async (db, ...args) => (await run(db, ...args)).rows;
}
