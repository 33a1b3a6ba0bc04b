import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './index';

/**
 * A query built and compiled by Kysely once per database handle and then run with new parameter values:
 * building and compiling a query costs more than running a short one, and the hottest ones (the session
 * lookup on every request) always have the same shape. `build` receives placeholder values, one per
 * parameter, and must use each exactly once as a value (never in an IN list or as a column name); the
 * compiled parameters are checked against them, so a query of another shape fails at once, loudly.
 * Works on either database: the SQL is compiled by the handle's own dialect.
 */
export function precompiled<Args extends string[], Row>(
	arity: Args['length'],
	build: (db: Db, ...args: Args) => Compilable<Row>
): (db: Db, ...args: Args) => Promise<Row[]> {
	const compiled = new WeakMap<Db, CompiledQuery<Row>>();
	const placeholders = Array.from({ length: arity }, (_, i) => `\u0000precompiled-parameter-${i}\u0000`) as Args;
	return async (db, ...args) => {
		let query = compiled.get(db);
		if (!query) {
			query = build(db, ...placeholders).compile();
			const same = query.parameters.length === arity && query.parameters.every((p, i) => p === placeholders[i]);
			if (!same) throw new Error(`precompiled: the query must use its ${arity} parameter(s) once each, in order: ${query.sql}`);
			compiled.set(db, query);
		}
		const result = await db.executeQuery<Row>({ ...query, parameters: args });
		return result.rows;
	};
}
