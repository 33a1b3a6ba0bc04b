import { fail, redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { anonymousRetentionDays, getDb, getSessionPolicy } from '$lib/server/app';
import { addCredentials, replaceResumeCode } from '$lib/server/account/anonymous';
import { rememberNewCode } from '$lib/server/account/new-code-cookie';
import { confirmPassword, endAllSessions, endSession, listSessions } from '$lib/server/account/account-sessions';
import { clearSessionCookie } from '$lib/server/account/auth';
import { saveLocale } from '$lib/server/account/accounts';
import { eraseAccount } from '$lib/server/account/erasure';
import { listSharedWith, loadAccessLog } from '$lib/server/account/account-access';
import { requireRole, requireUser } from '$lib/server/http/guards';
import { ensureShareCode, shareLink, withdrawShareFromAccount } from '$lib/server/counsellor/sharing';
import { rememberNewRecoveryCode } from '$lib/server/account/new-code-cookie';
import { hasRecoveryCode, issueRecoveryCode } from '$lib/server/account/recovery';
import { hasTwoFactor } from '$lib/server/account/two-factor';
import { countWorkingApiTokens } from '$lib/server/account/tokens';
import { listMemberships } from '$lib/server/groups/groups';
import type { Actions, PageServerLoad } from './$types';

const LOG_PER_PAGE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const db = getDb();
	const { log, logPage } = await loadAccessLog(db, user.id, { page: url.searchParams.get('log'), perPage: LOG_PER_PAGE });
	const code = user.role === 'counsellor' ? await ensureShareCode(db, user.id) : null;
	return {
		email: user.email,
		anonymous: user.email === null ? { days: anonymousRetentionDays() } : null,
		role: user.role,
		userId: user.id,
		share: code ? { code, link: shareLink(url.origin, code) } : null,
		sharedWith: user.role === 'client' ? await listSharedWith(db, user.id) : [],
		groups: user.role === 'client' ? await listMemberships(db, user.id) : [],
		log,
		logPage,
		sessions: await listSessions(db, user.id, locals.sessionId),
		activeTokens: await countWorkingApiTokens(db, user.id),
		hasRecoveryCode: user.email !== null && (await hasRecoveryCode(db, user.id)),
		twoFactorOn: user.email !== null && (await hasTwoFactor(db, user.id)),
		sessionPolicy: { idleMinutes: Math.round(getSessionPolicy().idleMs / 60_000), maxHours: Math.round(getSessionPolicy().maxMs / 3_600_000) }
	};
};

export const actions: Actions = {
	replaceCode: async ({ locals, url, cookies }) => {
		const user = requireRole(locals, url, ['client']);
		const code = await replaceResumeCode(getDb(), user.id);
		if (!code) return fail(400, { replaceError: true });
		rememberNewCode(cookies, code, url.protocol === 'https:');
		redirect(303, '/start/code?next=/account');
	},
	addCredentials: async ({ request, locals, url, cookies }) => {
		const user = requireRole(locals, url, ['client']);
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const db = getDb();
		const r = await addCredentials(db, user.id, { email, password: String(form.get('password') ?? '') });
		if (!r.ok) return fail(400, { email, errors: r.problems ?? [r.error] });
		rememberNewRecoveryCode(cookies, await issueRecoveryCode(db, user.id), url.protocol === 'https:');
		redirect(303, '/account/recovery-code?next=/account');
	},
	// A new recovery code needs the password: a stolen session must not be able to make itself one.
	replaceRecoveryCode: async ({ request, locals, url, cookies }) => {
		const user = requireUser(locals, url);
		if (user.email === null) return fail(400, { recoveryPassword: { code: 'trust.error.currentPassword' as const, params: undefined } });
		const db = getDb();
		const password = await confirmPassword(db, user.id, String((await request.formData()).get('password') ?? ''));
		if (!password.ok) return fail(400, { recoveryPassword: password.error });
		rememberNewRecoveryCode(cookies, await issueRecoveryCode(db, user.id), url.protocol === 'https:');
		redirect(303, '/account/recovery-code?next=/account');
	},
	language: async ({ request, locals, url, cookies }) => {
		const user = requireUser(locals, url);
		const locale = (await request.formData()).get('locale');
		if (!isLocale(locale)) return fail(400, { languageError: true });
		await saveLocale(getDb(), user.id, locale);
		cookies.set('lang', locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 31536000 });
		return { languageSaved: true };
	},
	revoke: async ({ request, locals, url }) => {
		const user = requireRole(locals, url, ['client']);
		const counsellorId = String((await request.formData()).get('counsellorId') ?? '');
		const withdrawn = await withdrawShareFromAccount(getDb(), user, counsellorId);
		if (!withdrawn.ok) return fail(400, { revokeError: true });
		return { revoked: withdrawn.value.name };
	},
	endSession: async ({ request, locals, url, cookies }) => {
		const user = requireUser(locals, url);
		const id = String((await request.formData()).get('id') ?? '');
		if (!id || !(await endSession(getDb(), user.id, id))) return fail(404, { sessionNotFound: true });
		if (id === locals.sessionId) {
			clearSessionCookie(cookies, url.protocol === 'https:');
			redirect(303, '/login');
		}
		return { sessionEnded: true };
	},
	endAllSessions: async ({ locals, url, cookies, request }) => {
		const user = requireUser(locals, url);
		const endTokens = (await request.formData()).get('tokens') === 'end';
		const ended = await endAllSessions(getDb(), user.id, endTokens);
		clearSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, `/login?signedOut=everywhere${ended.tokens > 0 ? `&tokens=${ended.tokens}` : ''}`);
	},
	delete: async ({ request, locals, url, cookies }) => {
		const user = requireUser(locals, url);
		const form = await request.formData();
		const confirm = String(form.get('confirm') ?? '').trim();
		if (confirm !== 'DELETE' && confirm !== 'SLET') return fail(400, { deleteError: true });
		const db = getDb();
		const password = await confirmPassword(db, user.id, String(form.get('password') ?? ''));
		if (!password.ok) return fail(400, { deletePassword: password.error });
		// The audit trail keeps that it happened, not who it was.
		const deleted = await eraseAccount(db, user);
		if (!deleted.ok) return fail(400, { lastAdmin: true });
		clearSessionCookie(cookies, url.protocol === 'https:');
		// A page that says it is done, instead of the front page without a word.
		redirect(303, '/account/deleted');
	}
};
