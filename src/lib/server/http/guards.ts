import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser } from '../account/auth';

/**
 * A same-site path to return to after signing in; anything else becomes `/`. Browsers treat `\` as `/`
 * and drop tabs and line breaks anywhere in a URL, so `/\t/evil.example` would be followed as
 * `//evil.example`: backslashes and control characters are refused outright.
 */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
	if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
	// Belt and braces: resolved against any origin, it must stay on that origin.
	const base = 'http://same.invalid';
	try {
		return new URL(next, base).origin === base ? next : '/';
	} catch {
		return '/';
	}
}

/** Each role's own page: where signing in leads when no other page was asked for. */
export const ROLE_HOME: Record<Role, string> = { client: '/', counsellor: '/counsellor', author: '/author', admin: '/admin' };

/**
 * Where to go after signing in: the page asked for (`next`, made safe), or, when none was asked for,
 * the role's own page, so that a counsellor does not land on the client home.
 */
export function landingAfterSignIn(role: Role, next: string | null | undefined): string {
	const safe = safeNext(next);
	return safe === '/' ? ROLE_HOME[role] : safe;
}

/** The signed-in user, or a redirect to /login that comes back here. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	return locals.user;
}

/** The signed-in user with one of `roles`, else 401/403 (for actions and APIs, where a redirect is wrong). */
export function requireRole(locals: App.Locals, url: URL, roles: Role[]): SessionUser {
	const user = requireUser(locals, url);
	if (!roles.includes(user.role)) error(403, 'You do not have access to this page.');
	return user;
}
