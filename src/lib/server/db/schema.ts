import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Role = 'client' | 'counsellor' | 'author' | 'admin';

export interface UserTable {
	id: string;
	/** null for an anonymous client, who signs back in with a resume code. */
	email: string | null;
	password_hash: string | null;
	role: Role;
	display_name: string | null;
	locale: string | null;
	created_at: string;
	/** Counsellors: the short code clients enter to share with them (unique). */
	share_code: string | null;
	/** SHA-256 (hex) of an anonymous client's resume code; the code itself is never stored. */
	resume_code_hash: string | null;
	/** Last use by an anonymous client (ISO time), for deletion after inactivity. */
	last_active_at: string | null;
	/** Clients: the preparation chosen on the matches page: null = not asked yet, 'all', or a level number. */
	preparation_level: string | null;
	/** The version of the privacy notice the person agreed to (see privacy.ts), or null: not yet. */
	privacy_version: string | null;
	/** When they agreed to it (ISO time). */
	privacy_agreed_at: string | null;
	/** SHA-256 (hex) of the account recovery code (recovery.ts); the code itself is never stored. */
	recovery_code_hash: string | null;
	/** 1: an administrator chose the password (a new staff account); the person must set their own first. */
	must_set_password: Generated<number>;
}

export interface SessionTable {
	id: string;
	user_id: string;
	/**
	 * The absolute end of the session, however busy it is. ISO time (see docs/architecture.md, "Times");
	 * the code works with epoch ms (repositories/sessions.ts).
	 */
	expires_at: string;
	/** ISO-8601 UTC; null only for sessions from before these were recorded. */
	created_at: string | null;
	/** ISO-8601 UTC, updated at most once a minute: the idle timeout counts from here. */
	last_used_at: string | null;
	/** The browser's User-Agent when signing in (cut to 300 characters), to recognise the device. */
	user_agent: string | null;
	/** The address the session was opened from. */
	address: string | null;
}

export interface InstrumentVersionTable {
	id: Generated<number>;
	instrument_id: string;
	version: string;
	sha256: string;
	/** The whole questionnaire file as loaded (JSON): immutable, so old answers can always be re-scored. */
	definition: string;
	first_loaded_at: string;
}

export interface ResponseTable {
	id: string;
	user_id: string;
	instrument_id: string;
	instrument_version_id: number;
	status: 'in_progress' | 'completed';
	/** JSON of the answers (SurveyJS `data`). */
	answers: string;
	current_page: number;
	/** JSON of the ScoredResult, once completed. */
	result: string | null;
	started_at: string;
	updated_at: string;
	completed_at: string | null;
	/**
	 * The idempotency key the page sent with the completion (made when the page opened), unique per
	 * person: the same completion sent again finds this row instead of storing another. Null for an
	 * unfinished response and for a completion sent without a key.
	 */
	completion_key: string | null;
}

export interface AuditEventTable {
	id: Generated<number>;
	actor_id: string | null;
	action: string;
	subject_id: string | null;
	detail: string | null;
	at: string;
}

/** A client's grant of access to a counsellor; revoking sets revoked_at (rows are kept for the log). */
export interface ShareTable {
	id: Generated<number>;
	client_id: string;
	counsellor_id: string;
	granted_at: string;
	revoked_at: string | null;
}

/** A note in the thread between a counsellor and a client; `author_id` is either of them. */
export interface NoteTable {
	id: Generated<number>;
	client_id: string;
	counsellor_id: string;
	author_id: string;
	body: string;
	created_at: string;
}

/** An instrument a counsellor asked a client to take. */
export interface AssignmentTable {
	id: Generated<number>;
	counsellor_id: string;
	client_id: string;
	instrument_id: string;
	message: string | null;
	created_at: string;
	cancelled_at: string | null;
}

/** A bearer token a client created for a matching service; `id` is the SHA-256 of the token. */
export interface ApiTokenTable {
	id: string;
	user_id: string;
	name: string;
	created_at: string;
	last_used_at: string | null;
	revoked_at: string | null;
}

/** Failed attempts per limiter (`scope`) and key in the current window (see rate-limit.ts). */
export interface RateLimitTable {
	scope: string;
	key: string;
	failures: number;
	/** ISO time when the window ends and the count starts again. */
	resets_at: string;
	/** Per-account sign-in delay: ISO time before which the account takes no try (null for window limiters). */
	blocked_until: string | null;
}

/** A named lock row: writing it inside a transaction serialises that step across app servers. */
export interface AppLockTable {
	name: string;
	taken_at: string;
}

/** An invitation link of "How others see me"; `code` is the short code in the link (see others-view.ts). */
export interface OthersInviteTable {
	id: string;
	user_id: string;
	instrument_id: string;
	code: string;
	/** The first name the client chose to show to the people they invite. */
	shown_name: string;
	/** Only the client sees it ("Mum", "my manager"). */
	nickname: string | null;
	created_at: string;
	expires_at: string;
	revoked_at: string | null;
}

/** One invitee's answer; `id` is the SHA-256 of the random answer id kept in their browser. */
export interface OthersAnswerTable {
	id: string;
	invite_id: string;
	/** JSON array of quality ids. */
	qualities: string;
	free_text: string | null;
	created_at: string;
	updated_at: string;
}

/** An opportunity a client starred; a counsellor they share with may comment on it. */
export interface ShortlistItemTable {
	user_id: string;
	set_id: string;
	opportunity_id: string;
	/** The set's own title when it was starred (shown if the set no longer has the opportunity). */
	title: string;
	added_at: string;
	comment: string | null;
	comment_by: string | null;
	comment_at: string | null;
}

/** A client's decision step (JSON of `DecisionData`, src/lib/core/decision) and a counsellor's comment on it. */
export interface DecisionTable {
	user_id: string;
	data: string;
	updated_at: string;
	comment: string | null;
	comment_by: string | null;
	comment_at: string | null;
}

/** A counsellor's written interpretation of one client's profile, printed in the report. */
export interface InterpretationTable {
	client_id: string;
	counsellor_id: string;
	body: string;
	updated_at: string;
}

/** A one-time password reset link (account/password-reset.ts). */
export interface PasswordResetTable {
	/** SHA-256 (hex) of the link's token; the token itself is never stored. */
	id: string;
	user_id: string;
	created_at: string;
	expires_at: string;
	/** When the link was used; a used link is refused. */
	used_at: string | null;
}

/** A person's TOTP key (two-factor sign-in, account/two-factor.ts): being set up until enabled_at is set. */
export interface TwoFactorTable {
	user_id: string;
	/** The key as hex (20 random bytes). */
	secret: string;
	created_at: string;
	enabled_at: string | null;
	/** The last 30-second time step a code was accepted for: a code of this step or an earlier one is refused. */
	last_step: number | null;
}

/** A one-time recovery code for the second step: the SHA-256 (hex) of the code, deleted when used. */
export interface TwoFactorRecoveryTable {
	id: string;
	user_id: string;
	created_at: string;
}

/** Between a correct password and the second step: the SHA-256 (hex) of a short-lived token; not a session. */
export interface SignInPendingTable {
	id: string;
	user_id: string;
	created_at: string;
	expires_at: string;
}

/** A counsellor's group (a class, an outreach campaign); `code` is the short code in its link (groups/groups.ts). */
export interface CounsellorGroupTable {
	id: string;
	counsellor_id: string;
	name: string;
	code: string;
	/** JSON array of instrument ids. */
	instruments: string;
	/** ISO time after which the link stops taking new members. */
	ends_at: string;
	created_at: string;
	/** Set when the counsellor closes the group: the link stops working. */
	closed_at: string | null;
}

/** A person in a group: only who and since when, never their answers. */
export interface GroupMemberTable {
	group_id: string;
	user_id: string;
	joined_at: string;
}

/** Fields of a completed result that group totals count, taken out once (repositories/groups.ts). */
export interface ResultSummaryTable {
	response_id: string;
	/** Which fields (the paths, joined), so a change of fields makes new rows. */
	fields_key: string;
	user_id: string;
	instrument_id: string;
	completed_at: string;
	/** JSON array of the values at the paths, as text or null. */
	fields: string;
}

export interface DB {
	user: UserTable;
	session: SessionTable;
	instrument_version: InstrumentVersionTable;
	response: ResponseTable;
	audit_event: AuditEventTable;
	share: ShareTable;
	note: NoteTable;
	assignment: AssignmentTable;
	api_token: ApiTokenTable;
	rate_limit: RateLimitTable;
	app_lock: AppLockTable;
	others_invite: OthersInviteTable;
	others_answer: OthersAnswerTable;
	shortlist_item: ShortlistItemTable;
	password_reset: PasswordResetTable;
	two_factor: TwoFactorTable;
	two_factor_recovery: TwoFactorRecoveryTable;
	sign_in_pending: SignInPendingTable;
	counsellor_group: CounsellorGroupTable;
	group_member: GroupMemberTable;
	result_summary: ResultSummaryTable;
	decision: DecisionTable;
	interpretation: InterpretationTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type PasswordReset = Selectable<PasswordResetTable>;
export type InstrumentVersion = Selectable<InstrumentVersionTable>;
export type Response = Selectable<ResponseTable>;
export type NewResponse = Insertable<ResponseTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type Share = Selectable<ShareTable>;
export type Note = Selectable<NoteTable>;
export type Assignment = Selectable<AssignmentTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type OthersInvite = Selectable<OthersInviteTable>;
export type CounsellorGroup = Selectable<CounsellorGroupTable>;
