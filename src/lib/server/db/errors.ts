// Database errors recognised by the driver's error code, the same way on SQLite and PostgreSQL
// (never by the message text, which differs between drivers and versions).

/** True when `e` is a violated unique index or primary key. */
export function isUniqueViolation(e: unknown): boolean {
	const code = (e as { code?: unknown } | null)?.code;
	// PostgreSQL: SQLSTATE 23505 unique_violation. better-sqlite3: the extended SQLite result code.
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
