import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, readConfig } from './config';

const problemsOf = (env: Record<string, string>) => {
	try {
		readConfig(env);
	} catch (e) {
		if (e instanceof ConfigError) return e.problems;
		throw e;
	}
	return [];
};

describe('readConfig', () => {
	it('has working defaults for everything, and is frozen', () => {
		const c = readConfig({});
		expect(c).toEqual({
			port: 3000,
			host: '0.0.0.0',
			origin: 'http://localhost:3000',
			database: { kind: 'sqlite', path: './data/spejl.db', synchronous: 'normal' },
			questionnairesDir: './questionnaires',
			opportunitiesDir: './opportunities',
			labourMarketDir: './labour-market',
			illustrativeData: false,
			addressHeader: null,
			xffDepth: 1,
			timeZone: 'Europe/Copenhagen',
			session: { idleMs: 60 * 60_000, maxMs: 12 * 3_600_000 },
			anonymousRetentionDays: 180,
			clientRetentionDays: 1095,
			auditRetentionDays: 730,
			throttle: { signInFreeFailures: 5, signInMaxDelayMs: 60_000, signInAddressLimit: 50, signInAccountLimit: 100, registerAddressLimit: 50, anonymousStartLimit: 100 },
			resetLinkHours: 24,
			requireTotpForStaff: false
		});
		expect(Object.isFrozen(c)).toBe(true);
		expect(Object.isFrozen(c.database)).toBe(true);
	});

	it('reads where labour-market tables are and whether example data is offered, and refuses anything but 0 or 1', () => {
		const c = readConfig({ LABOUR_MARKET_DIR: '/srv/lmi', ILLUSTRATIVE_DATA: '1' });
		expect([c.labourMarketDir, c.illustrativeData]).toEqual(['/srv/lmi', true]);
		expect(() => readConfig({ ILLUSTRATIVE_DATA: 'yes' })).toThrow(/ILLUSTRATIVE_DATA: "yes" is not 1/);
	});

	it('reads the session lifetimes, the time zone and the retention, and refuses nonsense by name', () => {
		const c = readConfig({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '2', TIME_ZONE: 'America/New_York', ANONYMOUS_RETENTION_DAYS: '30', CLIENT_RETENTION_DAYS: '365', AUDIT_RETENTION_DAYS: '90.5' });
		expect(c.session).toEqual({ idleMs: 15 * 60_000, maxMs: 2 * 3_600_000 });
		expect(c.timeZone).toBe('America/New_York');
		expect(c.anonymousRetentionDays).toBe(30);
		expect(c.clientRetentionDays).toBe(365);
		expect(c.auditRetentionDays).toBe(90.5);
		expect(problemsOf({ SESSION_IDLE_MINUTES: 'soon' })).toEqual(['SESSION_IDLE_MINUTES: "soon" is not a positive number of minutes']);
		expect(problemsOf({ SESSION_MAX_HOURS: '-1' })).toEqual(['SESSION_MAX_HOURS: "-1" is not a positive number of hours']);
		expect(problemsOf({ SESSION_IDLE_MINUTES: '600', SESSION_MAX_HOURS: '1' })).toEqual([
			'SESSION_IDLE_MINUTES: must not be longer than SESSION_MAX_HOURS'
		]);
		expect(problemsOf({ TIME_ZONE: 'Europe/Kopenhagen' })).toEqual([
			'TIME_ZONE: "Europe/Kopenhagen" is not an IANA time zone (e.g. Europe/Copenhagen)'
		]);
		expect(problemsOf({ ANONYMOUS_RETENTION_DAYS: '0' })).toEqual(['ANONYMOUS_RETENTION_DAYS: "0" is not a positive number of days']);
		expect(problemsOf({ CLIENT_RETENTION_DAYS: 'forever', AUDIT_RETENTION_DAYS: '-3' })).toEqual([
			'CLIENT_RETENTION_DAYS: "forever" is not a positive number of days',
			'AUDIT_RETENTION_DAYS: "-3" is not a positive number of days'
		]);
		expect(readConfig({ RESET_LINK_HOURS: '2' }).resetLinkHours).toBe(2);
		expect(problemsOf({ RESET_LINK_HOURS: 'a day' })).toEqual(['RESET_LINK_HOURS: "a day" is not a positive number of hours']);
		expect(readConfig({ REQUIRE_TOTP_FOR_STAFF: '1' }).requireTotpForStaff).toBe(true);
		expect(readConfig({ REQUIRE_TOTP_FOR_STAFF: '0' }).requireTotpForStaff).toBe(false);
		expect(problemsOf({ REQUIRE_TOTP_FOR_STAFF: 'yes' })).toEqual(['REQUIRE_TOTP_FOR_STAFF: "yes" is not 1 (required) or 0 (optional)']);
	});

	it('reads the guessing limits, and refuses nonsense by name', () => {
		const c = readConfig({ SIGN_IN_FREE_FAILURES: '3', SIGN_IN_MAX_DELAY_SECONDS: '300', SIGN_IN_ADDRESS_LIMIT: '20', REGISTER_ADDRESS_LIMIT: '10', ANONYMOUS_START_LIMIT: '500', SIGN_IN_ACCOUNT_LIMIT: '40' });
		expect(c.throttle).toEqual({ signInFreeFailures: 3, signInMaxDelayMs: 300_000, signInAddressLimit: 20, signInAccountLimit: 40, registerAddressLimit: 10, anonymousStartLimit: 500 });
		expect(problemsOf({ SIGN_IN_FREE_FAILURES: '0', SIGN_IN_MAX_DELAY_SECONDS: '1.5', REGISTER_ADDRESS_LIMIT: 'many' })).toEqual([
			'SIGN_IN_FREE_FAILURES: "0" is not a whole number from 1 to 1000',
			'SIGN_IN_MAX_DELAY_SECONDS: "1.5" is not a whole number from 1 to 86400',
			'REGISTER_ADDRESS_LIMIT: "many" is not a whole number from 1 to 1000000'
		]);
	});

	it('derives the origin from the port, and takes PostgreSQL from DATABASE_URL', () => {
		expect(readConfig({ PORT: '8080' }).origin).toBe('http://localhost:8080');
		expect(readConfig({ ORIGIN: 'https://spejl.example.org' }).origin).toBe('https://spejl.example.org');
		const pg = readConfig({ DATABASE_URL: 'postgres://spejl:secret@db.internal:5433/spejl', DATABASE_POOL_SIZE: '20' });
		expect(pg.database).toEqual({ kind: 'postgres', url: 'postgres://spejl:secret@db.internal:5433/spejl', poolSize: 20 });
		expect(describeDatabase(pg.database)).toBe('PostgreSQL db.internal:5433/spejl');
		expect(describeDatabase(readConfig({}).database)).toBe('SQLite ./data/spejl.db');
		expect(readConfig({ SQLITE_SYNCHRONOUS: 'FULL' }).database).toMatchObject({ kind: 'sqlite', synchronous: 'full' });
	});

	it('names every bad variable, its value and what was expected', () => {
		expect(
			problemsOf({ PORT: '80a', ORIGIN: 'localhost:3000', DATABASE_URL: 'mysql://x', XFF_DEPTH: '0' })
		).toEqual([
			'PORT: "80a" is not a whole number from 1 to 65535',
			'ORIGIN: "localhost:3000" is not an http:// or https:// URL (e.g. https://spejl.example.org)',
			'DATABASE_URL: must start with postgres:// (leave it unset for SQLite at DATABASE_PATH)',
			'XFF_DEPTH: "0" is not a whole number from 1 to 100'
		]);
		expect(problemsOf({ ORIGIN: 'https://spejl.example.org/app' })).toEqual([
			'ORIGIN: "https://spejl.example.org/app" must be scheme, host and port only, without a path'
		]);
		expect(problemsOf({ PORT: '70000' })).toEqual(['PORT: "70000" is not a whole number from 1 to 65535']);
		expect(problemsOf({ SQLITE_SYNCHRONOUS: 'off' })).toEqual(['SQLITE_SYNCHRONOUS: "off" is not normal or full']);
	});
});
