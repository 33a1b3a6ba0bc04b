import { fail } from '@sveltejs/kit';
import { getDb, resetLinkHours } from '$lib/server/app';
import { issueResetLink } from '$lib/server/account/password-reset';
import { confirmPassword } from '$lib/server/account/account-sessions';
import { createStaffAccount, loadAccounts, loadAuditTrail, STAFF_ROLES } from '$lib/server/admin/admin';
import { MIN_PASSWORD_LENGTH } from '$lib/server/account/auth';
import { requireRole } from '$lib/server/http/guards';
import { normalizeEmail } from '$lib/server/account/accounts';
import type { Actions, PageServerLoad } from './$types';

const ACCOUNTS_PER_PAGE = 25;
const EVENTS_PER_PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, ['admin']);
	const db = getDb();
	const search = (url.searchParams.get('q') ?? '').trim().slice(0, 254);
	const audit = await loadAuditTrail(db, { askedAction: url.searchParams.get('action'), page: url.searchParams.get('audit'), perPage: EVENTS_PER_PAGE });
	const { accounts, accountsPage } = await loadAccounts(db, { search, page: url.searchParams.get('accounts'), perPage: ACCOUNTS_PER_PAGE });
	return {
		roles: STAFF_ROLES,
		minPassword: MIN_PASSWORD_LENGTH,
		search,
		accounts,
		accountsPage,
		...audit
	};
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const admin = requireRole(locals, url, ['admin']);
		const form = await request.formData();
		const input = {
			email: normalizeEmail(String(form.get('email') ?? '')),
			name: String(form.get('name') ?? '').trim(),
			password: String(form.get('password') ?? ''),
			role: String(form.get('role') ?? '')
		};
		const r = await createStaffAccount(getDb(), admin, input);
		if (!r.ok) return fail(400, { email: input.email, name: input.name, role: input.role, errors: r.problems ?? [r.error] });
		return { created: { email: input.email.toLowerCase(), role: input.role } };
	},
	// A one-time password reset link for any account with an email, shown once to the administrator.
	// It lets whoever holds it into the account, so the administrator types their own password first
	// (a session left open cannot hand out links): without a password the page asks for it.
	resetLink: async ({ request, locals, url }) => {
		const admin = requireRole(locals, url, ['admin']);
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const password = form.get('password');
		if (password === null) return { resetConfirm: userId };
		const db = getDb();
		const confirmed = await confirmPassword(db, admin.id, String(password));
		if (!confirmed.ok) return fail(400, { resetConfirm: userId, resetPassword: confirmed.error });
		const r = await issueResetLink(db, admin, userId, { origin: url.origin, hours: resetLinkHours() });
		if (!r.ok) return fail(400, { resetRefused: true });
		return { resetLink: r.value };
	}
};
