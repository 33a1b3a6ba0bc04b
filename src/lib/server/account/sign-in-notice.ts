// A notice for the first page shown after signing in, wherever the sign-in lands: after a two-factor
// recovery code, how many codes are left. It waits in a short-lived cookie until the root layout
// takes it (src/routes/+layout.server.ts), so it is shown once, also without JavaScript.
import type { Cookies } from '@sveltejs/kit';

const NAME = 'spejl_notice';
const RECOVERY = /^recovery-codes:(\d{1,2})$/;

export type SignInNotice = { kind: 'recoveryCodesLeft'; n: number };

/** After signing in with a recovery code: tell the next page how many are left. */
export function noteRecoveryCodesLeft(cookies: Cookies, n: number, secure: boolean): void {
	cookies.set(NAME, `recovery-codes:${n}`, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 10 * 60 });
}

/** The waiting notice, if any, removed from the browser so it is shown once. */
export function takeSignInNotice(cookies: Cookies, secure: boolean): SignInNotice | null {
	const value = cookies.get(NAME);
	if (value === undefined) return null;
	cookies.delete(NAME, { path: '/', httpOnly: true, sameSite: 'lax', secure });
	const m = RECOVERY.exec(value);
	return m ? { kind: 'recoveryCodesLeft', n: Number(m[1]) } : null;
}
