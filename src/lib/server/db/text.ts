// Text search that behaves the same on SQLite and PostgreSQL: SQLite's LIKE ignores ASCII case,
// PostgreSQL's does not, so both sides are lower-cased explicitly.
import { sql, type Expression, type SqlBool } from 'kysely';

/** A LIKE pattern matching text that contains `search`; `%`, `_` and `\` match themselves. */
export const containsPattern = (search: string): string =>
	`%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** True where `column` contains `search`, ignoring case (ASCII on SQLite, all letters on PostgreSQL). */
export const containsText = (column: Expression<string | null>, search: string): Expression<SqlBool> =>
	sql<SqlBool>`lower(${column}) LIKE ${containsPattern(search)} ESCAPE '\\'`;
