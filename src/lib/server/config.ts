// The configuration, read once from the environment, checked, and frozen. Used by the app
// (src/lib/server/app.ts) and by the scripts (npm start, questionnaires:check, match), so every
// default is written here and nowhere else. Bad values stop the start with one line per problem
// naming the variable, the value and what was expected.
import { DEFAULT_TIME_ZONE, isTimeZone } from '../time';

export interface Config {
	/** HTTP port (PORT). */
	readonly port: number;
	/** Interface to listen on (HOST): every interface by default. */
	readonly host: string;
	/** The public URL (ORIGIN), exactly as browsers reach the app: scheme, host and port. */
	readonly origin: string;
	readonly database:
		| { readonly kind: 'sqlite'; readonly path: string; readonly synchronous: 'normal' | 'full' }
		| { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number };
	/** Where questionnaire files are loaded from at start (QUESTIONNAIRES_DIR). */
	readonly questionnairesDir: string;
	/** Where opportunity sets are loaded from at start (OPPORTUNITIES_DIR). */
	readonly opportunitiesDir: string;
	/** Where labour-market tables are loaded from at start (LABOUR_MARKET_DIR). */
	readonly labourMarketDir: string;
	/** Whether opportunity sets and labour-market tables marked illustrative are offered to clients (ILLUSTRATIVE_DATA=1). */
	readonly illustrativeData: boolean;
	/** Behind a proxy: the header carrying the client address (ADDRESS_HEADER), e.g. X-Forwarded-For. */
	readonly addressHeader: string | null;
	/** With X-Forwarded-For: how many proxies are trusted (XFF_DEPTH). */
	readonly xffDepth: number;
	/** Every timestamp is shown in this IANA zone (TIME_ZONE). */
	readonly timeZone: string;
	/** A session unused this long ends (SESSION_IDLE_MINUTES); and in any case this long after signing in (SESSION_MAX_HOURS). */
	readonly session: { readonly idleMs: number; readonly maxMs: number };
	/** Days without use before an anonymous client and all its data is deleted (ANONYMOUS_RETENTION_DAYS). */
	readonly anonymousRetentionDays: number;
	/** Days without use before a client account and all its data is deleted (CLIENT_RETENTION_DAYS). */
	readonly clientRetentionDays: number;
	/** Days an audit event (and so an access-log entry) is kept (AUDIT_RETENTION_DAYS). */
	readonly auditRetentionDays: number;
	/** Guessing limits (README "Security and privacy"). */
	readonly throttle: {
		/** Failed sign-ins from one address at one account before each next try of that address waits (SIGN_IN_FREE_FAILURES). */
		readonly signInFreeFailures: number;
		/** The longest wait between tries of one address at one account: it starts at 1 s and doubles (SIGN_IN_MAX_DELAY_SECONDS). */
		readonly signInMaxDelayMs: number;
		/** Failed sign-ins from one address, over all emails, in 15 minutes (SIGN_IN_ADDRESS_LIMIT). */
		readonly signInAddressLimit: number;
		/** Failed sign-ins at one account, from all addresses, in an hour, after which addresses that failed there wait (SIGN_IN_ACCOUNT_LIMIT). */
		readonly signInAccountLimit: number;
		/** Registrations from one address in an hour (REGISTER_ADDRESS_LIMIT). */
		readonly registerAddressLimit: number;
		/** Anonymous starts from one address in an hour (ANONYMOUS_START_LIMIT). */
		readonly anonymousStartLimit: number;
	};
	/** Hours an administrator's password reset link stays usable (RESET_LINK_HOURS). */
	readonly resetLinkHours: number;
	/** Counsellors, authors and administrators must turn on two-factor sign-in before anything else (REQUIRE_TOTP_FOR_STAFF=1). */
	readonly requireTotpForStaff: boolean;
}

export const DEFAULTS = Object.freeze({
	port: 3000,
	host: '0.0.0.0',
	databasePath: './data/spejl.db',
	sqliteSynchronous: 'normal',
	poolSize: 10,
	/** PostgreSQL: idle connections are closed after this many ms. */
	poolIdleMs: 10_000,
	questionnairesDir: './questionnaires',
	opportunitiesDir: './opportunities',
	labourMarketDir: './labour-market',
	illustrativeData: false,
	xffDepth: 1,
	// Written in $lib/time (the browser formats dates with it too), named here with the rest.
	timeZone: DEFAULT_TIME_ZONE,
	sessionIdleMinutes: 60,
	sessionMaxHours: 12,
	anonymousRetentionDays: 180,
	clientRetentionDays: 1095,
	auditRetentionDays: 730,
	signInFreeFailures: 5,
	signInMaxDelaySeconds: 60,
	signInAddressLimit: 50,
	signInAccountLimit: 100,
	registerAddressLimit: 50,
	anonymousStartLimit: 100,
	resetLinkHours: 24,
	requireTotpForStaff: false
});

export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Configuration: ${problems.join('; ')}`);
	}
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, min: number, max: number, fallback: number, problems: string[]): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || n < min || n > max) {
		problems.push(`${name}: "${raw}" is not a whole number from ${min} to ${max}`);
		return fallback;
	}
	return n;
}

function positive(env: Env, name: string, unit: string, fallback: number, problems: string[]): number {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const n = Number(raw);
	if (!Number.isFinite(n) || n <= 0) {
		problems.push(`${name}: "${raw}" is not a positive number of ${unit}`);
		return fallback;
	}
	return n;
}

const MINUTE = 60 * 1000;

/** The configuration from `env` (process.env): frozen; throws ConfigError listing every problem. */
export function readConfig(env: Env): Config {
	const problems: string[] = [];
	const port = integer(env, 'PORT', 1, 65535, DEFAULTS.port, problems);
	const host = env.HOST?.trim() || DEFAULTS.host;

	let origin = `http://localhost:${port}`;
	const rawOrigin = env.ORIGIN?.trim();
	if (rawOrigin) {
		let url: URL | null = null;
		try {
			url = new URL(rawOrigin);
		} catch {
			/* reported below */
		}
		if (!url || !/^https?:$/.test(url.protocol))
			problems.push(`ORIGIN: "${rawOrigin}" is not an http:// or https:// URL (e.g. https://spejl.example.org)`);
		else if (url.pathname !== '/' || url.search || url.hash)
			problems.push(`ORIGIN: "${rawOrigin}" must be scheme, host and port only, without a path`);
		else origin = url.origin;
	}

	const rawUrl = env.DATABASE_URL?.trim();
	// How hard SQLite pushes each commit to disk (SQLITE_SYNCHRONOUS, see createDb in db/index.ts).
	const rawSync = env.SQLITE_SYNCHRONOUS?.trim().toLowerCase() || DEFAULTS.sqliteSynchronous;
	const synchronous = rawSync === 'full' ? 'full' : 'normal';
	if (rawSync !== 'normal' && rawSync !== 'full')
		problems.push(`SQLITE_SYNCHRONOUS: "${env.SQLITE_SYNCHRONOUS?.trim()}" is not normal or full`);
	let database: Config['database'] = { kind: 'sqlite', path: env.DATABASE_PATH?.trim() || DEFAULTS.databasePath, synchronous };
	if (rawUrl) {
		if (/^postgres(ql)?:\/\//i.test(rawUrl))
			database = { kind: 'postgres', url: rawUrl, poolSize: integer(env, 'DATABASE_POOL_SIZE', 1, 1000, DEFAULTS.poolSize, problems) };
		else problems.push(`DATABASE_URL: must start with postgres:// (leave it unset for SQLite at DATABASE_PATH)`);
	}

	const addressHeader = env.ADDRESS_HEADER?.trim() || null;
	const xffDepth = integer(env, 'XFF_DEPTH', 1, 100, DEFAULTS.xffDepth, problems);

	const timeZone = env.TIME_ZONE?.trim() || DEFAULTS.timeZone;
	if (!isTimeZone(timeZone)) problems.push(`TIME_ZONE: "${timeZone}" is not an IANA time zone (e.g. Europe/Copenhagen)`);

	const session = {
		idleMs: positive(env, 'SESSION_IDLE_MINUTES', 'minutes', DEFAULTS.sessionIdleMinutes, problems) * MINUTE,
		maxMs: positive(env, 'SESSION_MAX_HOURS', 'hours', DEFAULTS.sessionMaxHours, problems) * 60 * MINUTE
	};
	if (session.idleMs > session.maxMs) problems.push('SESSION_IDLE_MINUTES: must not be longer than SESSION_MAX_HOURS');
	const anonymousRetentionDays = positive(env, 'ANONYMOUS_RETENTION_DAYS', 'days', DEFAULTS.anonymousRetentionDays, problems);
	const clientRetentionDays = positive(env, 'CLIENT_RETENTION_DAYS', 'days', DEFAULTS.clientRetentionDays, problems);
	const auditRetentionDays = positive(env, 'AUDIT_RETENTION_DAYS', 'days', DEFAULTS.auditRetentionDays, problems);
	const resetLinkHours = positive(env, 'RESET_LINK_HOURS', 'hours', DEFAULTS.resetLinkHours, problems);

	const rawTotp = env.REQUIRE_TOTP_FOR_STAFF?.trim() ?? '';
	const requireTotpForStaff = rawTotp === '' ? DEFAULTS.requireTotpForStaff : rawTotp === '1';
	if (rawTotp !== '' && rawTotp !== '0' && rawTotp !== '1') problems.push(`REQUIRE_TOTP_FOR_STAFF: "${rawTotp}" is not 1 (required) or 0 (optional)`);

	const throttle = Object.freeze({
		signInFreeFailures: integer(env, 'SIGN_IN_FREE_FAILURES', 1, 1000, DEFAULTS.signInFreeFailures, problems),
		signInMaxDelayMs: integer(env, 'SIGN_IN_MAX_DELAY_SECONDS', 1, 86400, DEFAULTS.signInMaxDelaySeconds, problems) * 1000,
		signInAddressLimit: integer(env, 'SIGN_IN_ADDRESS_LIMIT', 1, 1_000_000, DEFAULTS.signInAddressLimit, problems),
		signInAccountLimit: integer(env, 'SIGN_IN_ACCOUNT_LIMIT', 1, 1_000_000, DEFAULTS.signInAccountLimit, problems),
		registerAddressLimit: integer(env, 'REGISTER_ADDRESS_LIMIT', 1, 1_000_000, DEFAULTS.registerAddressLimit, problems),
		anonymousStartLimit: integer(env, 'ANONYMOUS_START_LIMIT', 1, 1_000_000, DEFAULTS.anonymousStartLimit, problems)
	});

	const rawIllustrative = env.ILLUSTRATIVE_DATA?.trim() ?? '';
	const illustrativeData = rawIllustrative === '' ? DEFAULTS.illustrativeData : rawIllustrative === '1';
	if (rawIllustrative !== '' && rawIllustrative !== '0' && rawIllustrative !== '1') problems.push(`ILLUSTRATIVE_DATA: "${rawIllustrative}" is not 1 (offer example data to clients) or 0 (do not)`);

	if (problems.length) throw new ConfigError(problems);
	return Object.freeze({
		port,
		host,
		origin,
		database: Object.freeze(database),
		questionnairesDir: env.QUESTIONNAIRES_DIR?.trim() || DEFAULTS.questionnairesDir,
		opportunitiesDir: env.OPPORTUNITIES_DIR?.trim() || DEFAULTS.opportunitiesDir,
		labourMarketDir: env.LABOUR_MARKET_DIR?.trim() || DEFAULTS.labourMarketDir,
		illustrativeData,
		addressHeader,
		xffDepth,
		timeZone,
		session: Object.freeze(session),
		anonymousRetentionDays,
		clientRetentionDays,
		auditRetentionDays,
		throttle,
		resetLinkHours,
		requireTotpForStaff
	});
}

/** Where the data is, for start-up messages: the SQLite file, or the PostgreSQL host and database (no password). */
export function describeDatabase(db: Config['database']): string {
	if (db.kind === 'sqlite') return `SQLite ${db.path}`;
	const u = new URL(db.url);
	return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}
