// What administrators do: create staff accounts and look through accounts. Every change is audited.
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { err, errs, ok, type Problem, type Result } from '../../result';
import { hashPassword, type SessionUser } from '../account/auth';
import { checkCredentials, insertAccount } from '../account/accounts';
import { countAuditEntries, insertAuditEvent, listAuditActions, listAuditEntries } from '../repositories/audit';
import { countAccounts, listAccounts, updateUser } from '../repositories/users';
import { paging } from '../http/paging';

/** The roles an administrator hands out; clients register themselves. */
export const STAFF_ROLES = ['counsellor', 'author'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (v: unknown): v is StaffRole => STAFF_ROLES.includes(v as StaffRole);

export interface StaffInput {
	email: string;
	name: string;
	password: string;
	role: string;
}

/**
 * Creates a counsellor or author account with an initial password, which the person must replace
 * with their own at first sign-in (account/first-password.ts). The account, its first-password mark
 * and the audit event `admin.account.created` (actor: the admin, subject: the new account, detail:
 * the role) are written in one transaction: all of them or none. Refusals are every problem of the
 * form, each with its field, in the order of the form's fields.
 */
export async function createStaffAccount(db: Db, admin: SessionUser, input: StaffInput): Promise<Result<{ id: string }>> {
	if (admin.role !== 'admin') throw new Error('only administrators create staff accounts');
	const problems: Problem[] = checkCredentials(input.email, input.password, input.name);
	if (!input.name.trim()) problems.push({ code: 'counsellor.admin.error.name', field: 'name' });
	const role = isStaffRole(input.role) ? input.role : null;
	if (!role) problems.push({ code: 'counsellor.admin.error.role', field: 'role' });
	const order = ['name', 'email', 'password', 'role'];
	problems.sort((x, y) => order.indexOf(x.field!) - order.indexOf(y.field!));
	// Without a staff role its problem is in the list, so the list is never empty here.
	if (problems.length || !role) return errs(problems as [Problem, ...Problem[]]);
	const passwordHash = await hashPassword(input.password);
	const taken = err('auth.error.taken', undefined, 'email');
	try {
		return await db.transaction().execute(async (trx) => {
			const id = await insertAccount(trx, { email: input.email, passwordHash, name: input.name, role, locale: null });
			if (!id) return taken;
			// The administrator knows this password: the person chooses their own at first sign-in.
			await updateUser(trx, id, { must_set_password: 1 });
			await insertAuditEvent(trx, { actorId: admin.id, action: 'admin.account.created', subjectId: id, detail: role });
			return ok({ id });
		});
	} catch (e) {
		// The same email created at the same moment by another request: this one rolled back.
		if (isUniqueViolation(e)) return taken;
		throw e;
	}
}

/**
 * One page of the audit trail for the admin page, filtered by one action when `askedAction` is one
 * that occurs (anything else shows every action), with the actions to choose from.
 */
export async function loadAuditTrail(db: Db, q: { askedAction: string | null; page: string | null; perPage: number }) {
	const actions = await listAuditActions(db);
	const action = q.askedAction && actions.includes(q.askedAction) ? q.askedAction : '';
	const auditPage = paging(q.page, await countAuditEntries(db, action), q.perPage);
	const events = await listAuditEntries(db, { action, limit: auditPage.size, offset: auditPage.offset });
	return { actions, action, events, auditPage };
}

export { countAccounts, listAccounts, type AccountRow } from '../repositories/users';

/** One page of the accounts whose e-mail contains `search` (all when empty), newest first. */
export async function loadAccounts(db: Db, q: { search: string; page: string | null; perPage: number }) {
	const accountsPage = paging(q.page, await countAccounts(db, q.search), q.perPage);
	const accounts = await listAccounts(db, { search: q.search, limit: accountsPage.size, offset: accountsPage.offset });
	return { accounts, accountsPage };
}
