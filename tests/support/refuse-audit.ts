// A database that refuses to record one audit action, as a full disk or a lost connection would at
// that moment: for tests proving that an action and its audit event are written in one transaction
// (the refused event takes the action with it).
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db';
import { testDialect } from './db';

/** Audit events are recorded again (undoes refuseAuditAction). */
export async function dropAuditRefusal(db: Db): Promise<void> {
	await sql.raw(testDialect() === 'postgres' ? 'DROP TRIGGER IF EXISTS refuse_audit ON audit_event' : 'DROP TRIGGER IF EXISTS refuse_audit').execute(db);
}

/** From now on, inserting an audit event with `action` fails with "audit refused". */
export async function refuseAuditAction(db: Db, action: string): Promise<void> {
	if (!/^[\w.-]+$/.test(action)) throw new Error(`not an audit action: ${action}`);
	if (testDialect() === 'postgres') {
		await sql
			.raw(`CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$`)
			.execute(db);
		await sql
			.raw(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW WHEN (NEW.action = '${action}') EXECUTE FUNCTION refuse_audit()`)
			.execute(db);
	} else {
		await sql
			.raw(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`)
			.execute(db);
	}
}
