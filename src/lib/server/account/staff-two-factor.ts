// REQUIRE_TOTP_FOR_STAFF=1: a counsellor, author or administrator without two-factor sign-in is sent
// to set it up at their next request, before anything else (hooks.server.ts), as a person whose
// password an administrator chose is sent to choose their own first (first-password.ts).
import type { Db } from '../db';
import { hasTwoFactor, isStaff } from './two-factor';

/** Where staff who must still set up two-factor sign-in may go: that page, signing out, the language switch. */
export const WITHOUT_TWO_FACTOR = /^\/(account\/two-factor|logout|language)\/?$/;

/** Whether this signed-in person must set up two-factor sign-in first (the setting itself is checked by the caller). */
export async function mustSetUpTwoFactor(db: Db, user: { id: string; role: string }): Promise<boolean> {
	return isStaff(user.role) && !(await hasTwoFactor(db, user.id));
}
