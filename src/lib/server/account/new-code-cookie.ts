// A new resume code is shown on its own page after a redirect, so reloading does not start again.
// The code travels there in a short-lived HttpOnly cookie on the person's own browser (the server
// keeps only its hash) and is removed when they continue, so the next person at a shared computer
// cannot see it.
import type { Cookies } from '@sveltejs/kit';

const NAME = 'spejl_new_code';

export function rememberNewCode(cookies: Cookies, code: string, secure: boolean) {
	cookies.set(NAME, code, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: 15 * 60 });
}

export const newCodeOf = (cookies: Cookies): string | null => cookies.get(NAME) ?? null;

export function forgetNewCode(cookies: Cookies, secure: boolean) {
	cookies.delete(NAME, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

// The same for a new account recovery code (recovery.ts), in a cookie of its own.
const RECOVERY = 'spejl_new_recovery_code';

export function rememberNewRecoveryCode(cookies: Cookies, code: string, secure: boolean) {
	cookies.set(RECOVERY, code, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: 15 * 60 });
}

export const newRecoveryCodeOf = (cookies: Cookies): string | null => cookies.get(RECOVERY) ?? null;

export function forgetNewRecoveryCode(cookies: Cookies, secure: boolean) {
	cookies.delete(RECOVERY, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
