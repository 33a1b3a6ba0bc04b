// What administrators do: create staff accounts and look through accounts. Every change is audited.
import type { MessageKey } from '$lib/i18n';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import type { SessionUser } from '../account/auth';
import { checkCredentials, createAccount, type FieldError } from '../account/accounts';
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

export type StaffError = FieldError | { field: 'role'; key: MessageKey };

/**
 * Creates a counsellor or author account with an initial password, which the person must replace
 * with their own at first sign-in (account/first-password.ts). Audited as
 * `admin.account.created` (actor: the admin, subject: the new account, detail: the role).
 */
export async function createStaffAccount(
	db: Db,
	admin: SessionUser,
	input: StaffInput
): Promise<{ ok: true; id: string } | { ok: false; errors: StaffError[] }> {
	if (admin.role !== 'admin') throw new Error('only administrators create staff accounts');
	const errors: StaffError[] = checkCredentials(input.email, input.password, input.name);
	if (!input.name.trim()) errors.push({ field: 'name', key: 'counsellor.admin.error.name' });
	if (!isStaffRole(input.role)) errors.push({ field: 'role', key: 'counsellor.admin.error.role' });
	// In the order of the form's fields.
	const order = ['name', 'email', 'password', 'role'];
	errors.sort((x, y) => order.indexOf(x.field) - order.indexOf(y.field));
	if (errors.length || !isStaffRole(input.role)) return { ok: false, errors };
	const created = await createAccount(db, {
		email: input.email,
		password: input.password,
		name: input.name,
		role: input.role,
		locale: null
	});
	if (!created.ok) return { ok: false, errors: [{ field: 'email', key: 'auth.error.taken' }] };
	// The administrator knows this password: the person chooses their own at first sign-in.
	await updateUser(db, created.id, { must_set_password: 1 });
	await insertAuditEvent(db, {
		actorId: admin.id,
		action: 'admin.account.created',
		subjectId: created.id,
		detail: input.role
	});
	return { ok: true, id: created.id };
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
