// Who may do what: every page, form action and endpoint under src/routes, tried as every kind of
// person, against the real built server. The routes are read from the file system, so a new route
// or action that is not in the table below makes this test fail until someone decides who may use it.
import { openDb } from '../support/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD, insertAdmin } from '../support/jar';
import { discoverEndpoints } from '../support/routes';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

// ——— Who: one of each kind of person ——————————————————————————————————————————————————

const ACTORS = [
	'anonymous',
	'client', // client A, whose data the rows touch
	'otherClient', // client B, trying A's data
	'sharingCounsellor', // A shares with them
	'counsellor', // A does not share with them
	'revokedCounsellor', // A shared with them and then revoked
	'author',
	'admin'
] as const;
type Actor = (typeof ACTORS)[number];

/** An HTTP status, `login` (303 to /login?next=…), or a redirect somewhere else. */
type Expect = number | 'login' | { redirect: string };

interface Fixture {
	clientId: string;
	responseId: string;
	sharingCounsellorId: string;
	revokedCounsellorId: string;
	spareCounsellorId: string;
	sharingCode: string;
	spareCode: string;
	/** Two of client A's API tokens (ids): one for A to revoke, one for others to try. */
	ownTokenId: string;
	keptTokenId: string;
	/** Two groups of the sharing counsellor: one to open and join, one to close. */
	groupId: string;
	groupCode: string;
	spareGroupId: string;
}

interface Row {
	/** The URL to call (default: the route with [id] → riasec-48, [clientId] → client A, [code] → a counsellor's code). */
	path?: (f: Fixture) => string;
	body?: (f: Fixture, actor: Actor) => Record<string, string>;
	/** Sent as a JSON body (application/json) instead of a form. */
	json?: (f: Fixture, actor: Actor) => unknown;
	/** Ends the actor's session (logout): use a fresh one for this request. */
	freshSession?: boolean;
	/** Ends all the actor's sessions: sign the actor in again afterwards. */
	endsAllSessions?: boolean;
	expect: Record<Actor, Expect>;
}

const everyone = (e: Expect) => Object.fromEntries(ACTORS.map((a) => [a, e])) as Record<Actor, Expect>;
/** Signed in: anything; anonymous: sent to /login. */
const signedIn = (e: Expect) => ({ ...everyone(e), anonymous: 'login' as Expect });
const only = (allowed: Expect, actors: Actor[], others: Expect = 403) => {
	const r = { ...signedIn(others) };
	for (const a of actors) r[a] = allowed;
	return r;
};
const COUNSELLORS: Actor[] = ['sharingCounsellor', 'counsellor', 'revokedCounsellor'];
const CLIENTS: Actor[] = ['client', 'otherClient'];

const TABLE: Record<string, Row> = {
	// Public pages.
	'GET /': { expect: everyone(200) },
	'GET /schema/questionnaire-v1.json': { expect: everyone(200) },
	'GET /setup': { expect: everyone(200) },
	// An admin exists: setting up again is refused to everybody.
	'POST /setup': { body: () => ({ email: 'x@example.org', password: PASSWORD }), expect: everyone(403) },
	'GET /login': { expect: { ...everyone({ redirect: '/' }), anonymous: 200 } },
	// Signed-in people are sent home by the page's load, whatever the action answered.
	// A new email each time: wrong passwords for one account soon make the next try wait.
	'POST /login': { body: () => ({ email: `nobody-${crypto.randomUUID()}@example.org`, password: 'wrong password' }), expect: { ...everyone({ redirect: '/' }), anonymous: 400 } },
	// Resetting a forgotten password with a recovery code: for people not signed in.
	'GET /login/recover': { expect: { ...everyone({ redirect: '/account' }), anonymous: 200 } },
	'POST /login/recover': { body: () => ({ email: 'nobody@example.org', code: 'nope', password: 'another long password' }), expect: { ...everyone({ redirect: '/account' }), anonymous: 400 } },
	// The new recovery code page shows the code in the browser's cookie (the clients registered just
	// now, through the form, still carry theirs); without one it goes on to `next`.
	'GET /account/recovery-code': { expect: { ...everyone({ redirect: '/' }), client: 200, otherClient: 200 } },
	'POST /account/recovery-code': { expect: everyone({ redirect: '/' }) },
	'GET /register': { expect: { ...everyone({ redirect: '/' }), anonymous: 200 } },
	'POST /register': { body: () => ({ email: 'not-an-email', password: 'short' }), expect: { ...everyone({ redirect: '/' }), anonymous: 400 } },
	// Starting without an account: only for people not signed in (a fresh browser, so the shared one stays signed out).
	'GET /start': { expect: { ...everyone({ redirect: '/' }), anonymous: 200 } },
	'GET /privacy': { expect: everyone(200) },
	// Without the box ticked: refused; anonymous people have nothing to agree with here.
	'POST /privacy?/agree': { expect: signedIn(400) },
	'POST /start': { freshSession: true, body: () => ({ privacy: 'agree' }), expect: { ...everyone({ redirect: '/' }), anonymous: { redirect: '/start/code?next=%2F' } } },
	// The code page without a new code (none in the cookie) goes on to `next`.
	'GET /start/code': { expect: everyone({ redirect: '/' }) },
	'POST /start/code': { expect: everyone({ redirect: '/' }) },
	// The new code as a file: only while the code page can show it (its short-lived cookie); else back home.
	'GET /start/code/resume-code.txt': { expect: everyone({ redirect: '/' }) },
	'GET /resume': { expect: { ...everyone({ redirect: '/' }), anonymous: 200 } },
	'POST /resume': { body: () => ({ code: 'nope' }), expect: { ...everyone({ redirect: '/' }), anonymous: 400 } },
	'GET /logout': { expect: everyone({ redirect: '/' }) },
	'POST /logout': { freshSession: true, expect: everyone({ redirect: '/' }) },
	'GET /language': { expect: everyone({ redirect: '/' }) },
	'POST /language': { body: () => ({ locale: 'en', next: '/' }), expect: everyone({ redirect: '/' }) },

	// A person's own things: any signed-in person, each only their own.
	'GET /profile': { expect: signedIn(200) },
	// Notes go only to a counsellor one shares with now: A to A's counsellor; nobody to the one A revoked.
	'POST /profile?/reply': {
		body: (f, actor) => ({ counsellor: actor === 'client' ? f.sharingCounsellorId : f.revokedCounsellorId, body: 'Thank you!' }),
		expect: { ...signedIn(400), client: 200 }
	},
	// Removing from one's own shortlist: anyone signed in, for themself (nothing there is no error).
	'POST /profile?/unstar': { body: () => ({ set: 'onet-29-3', id: '15-1252.00' }), expect: signedIn(200) },
	'GET /account/data.json': { expect: signedIn(200) },
	// After deleting an account: a page that says so (nothing personal on it, no session needed).
	'GET /account/deleted': { expect: everyone(200) },
	'GET /profile/export.json': { expect: signedIn(200) },
	'GET /profile/export.csv': { expect: signedIn(200) },
	'GET /matches': { expect: signedIn(200) },
	// The decision step is each person's own; with fewer than two kept options, saving and choosing are refused (400).
	'GET /decision': { expect: signedIn(200) },
	'POST /decision?/save': { body: () => ({ 'o0-key': 'onet-29-3|15-1252.00' }), expect: signedIn(400) },
	'POST /decision?/choose': { body: () => ({ option: 'onet-29-3|15-1252.00' }), expect: signedIn(400) },
	// The preparation level and the shortlist are each person's own: any signed-in person, for themself.
	'POST /matches?/prep': { body: () => ({ level: '3', set: '' }), expect: signedIn({ redirect: '/matches' }) },
	'POST /matches?/star': { body: () => ({ set: 'onet-29-3', id: '15-1252.00' }), expect: signedIn(200) },
	'POST /matches?/unstar': { body: () => ({ set: 'onet-29-3', id: '15-1252.00' }), expect: signedIn(200) },
	// An occupation's page shows each person their own fit; keeping it is their own shortlist.
	'GET /occupations/[set]/[id]': { path: () => '/occupations/onet-29-3/15-1252.00', expect: signedIn(200) },
	'POST /occupations/[set]/[id]?/star': { path: () => '/occupations/onet-29-3/15-1252.00', expect: signedIn(200) },
	'POST /occupations/[set]/[id]?/unstar': { path: () => '/occupations/onet-29-3/15-1252.00', expect: signedIn(200) },
	// Not signed in: the page offers to start without an account.
	'GET /q/[id]': { expect: everyone(200) },
	// Client A's response: A may save it, nobody else may even see that it exists (404).
	'POST /q/[id]?/save': {
		body: (f) => ({ responseId: f.responseId, answers: '{"R1":4}', page: '0' }),
		expect: { ...signedIn(404), client: 200 }
	},
	'POST /q/[id]?/complete': {
		body: (f) => ({ responseId: f.responseId, answers: '{"R1":9}' }),
		expect: { ...signedIn(404), client: 400 }
	},
	// The SurveyJS page completes with JSON: the same answer, and 401 rather than a redirect when not signed in.
	'POST /q/[id]/complete': {
		json: (f) => ({ responseId: f.responseId, answers: { R1: 9 } }),
		expect: { ...signedIn(404), anonymous: 401, client: 400 }
	},
	// The plain HTML form: each signed-in person saves their own response (going back from the last page).
	'POST /q/[id]?/plain': { body: () => ({ page: '7', nav: 'prev' }), expect: signedIn({ redirect: '/q/riasec-48?page=6' }) },
	// One answer to an adaptive test: any signed-in person takes their own; riasec-48 is not adaptive (404).
	'POST /q/[id]?/adaptive': { body: () => ({ item: 'R1', value: '3' }), expect: signedIn(404) },
	'GET /account': { expect: signedIn(200) },
	'POST /account?/language': { body: () => ({ locale: 'en' }), expect: signedIn(200) },
	'POST /account?/delete': { body: () => ({ confirm: 'no' }), expect: signedIn(400) },
	// Ending a session that is not one's own is "no such session"; ending them all signs out (a fresh session).
	'POST /account?/endSession': { body: (f) => ({ id: f.responseId }), expect: signedIn(404) },
	'POST /account?/endAllSessions': { endsAllSessions: true, expect: { ...everyone({ redirect: '/login?signedOut=everywhere' }), anonymous: 'login' } },
	'GET /account/password': { expect: signedIn(200) },
	'POST /account/password': { body: () => ({ current: 'not the password', password: 'another long password' }), expect: signedIn(400) },
	'GET /account/email': { expect: signedIn(200) },
	'POST /account/email': { body: () => ({ email: 'not an email', password: 'not the password' }), expect: signedIn(400) },
	// Only clients revoke; revoking a share that does not exist (B has none with the spare counsellor) is a 400.
	'POST /account?/revoke': {
		body: (f) => ({ counsellorId: f.spareCounsellorId }),
		expect: only(400, CLIENTS)
	},
	// Only anonymous clients have a resume code or lack an email: any other client is told no (400).
	'POST /account?/replaceCode': { expect: only(400, CLIENTS) },
	// A new recovery code needs the password (wrong here); clients without an account have none.
	'POST /account?/replaceRecoveryCode': { body: () => ({ password: 'not the password' }), expect: signedIn(400) },
	'POST /account?/addCredentials': { body: () => ({ email: 'bad', password: '' }), expect: only(400, CLIENTS) },
	'GET /account/tokens': { expect: signedIn(200) },
	'POST /account/tokens?/create': { body: () => ({ name: '' }), expect: signedIn(400) },
	// A revokes one of A's tokens; everybody else tries A's other token and is told there is no such token.
	'POST /account/tokens?/revoke': {
		body: (f, actor) => ({ id: actor === 'client' ? f.ownTokenId : f.keptTokenId }),
		expect: { ...signedIn(404), client: 200 }
	},

	// Sharing: only clients share.
	'GET /share': { expect: only(200, CLIENTS) },
	'POST /share?/find': { body: () => ({ code: 'nope' }), expect: only(400, CLIENTS) },
	'GET /share/[code]': { path: (f) => `/share/${f.spareCode}`, expect: only(200, CLIENTS) },
	// A already shares (nothing changes); B starts sharing with the same counsellor.
	'POST /share/[code]?/confirm': { path: (f) => `/share/${f.sharingCode}`, expect: only(200, CLIENTS) },

	// How others see me: the exercise page is the client's own; the invitation pages are public.
	// A has not picked any qualities, so making a link is refused; B has no such link to close.
	'GET /others/[id]': { path: () => '/others/others-view', expect: only(200, CLIENTS) },
	'POST /others/[id]?/invite': { path: () => '/others/others-view', body: () => ({ shownName: 'Ann', days: '7' }), expect: only(400, CLIENTS) },
	'POST /others/[id]?/revoke': { path: () => '/others/others-view', body: () => ({ id: 'nope' }), expect: only(404, CLIENTS) },
	'POST /others/[id]?/delete': { path: () => '/others/others-view', body: () => ({ confirm: 'no' }), expect: only(400, CLIENTS) },
	'GET /o': { expect: everyone(200) },
	'POST /o': { body: () => ({ code: 'not a code' }), expect: everyone(400) },
	'GET /o/[code]': { path: () => '/o/ZZZZ2222', expect: everyone(200) },
	'POST /o/[code]': { path: () => '/o/ZZZZ2222', body: () => ({ quality: 'kind' }), expect: everyone(404) },

	// Counsellors, and only for a client who shares with them now.
	'GET /counsellor': { expect: only(200, COUNSELLORS) },
	'GET /counsellor/clients/[clientId]': { expect: only(200, ['sharingCounsellor']) },
	'POST /counsellor/clients/[clientId]?/note': {
		body: () => ({ body: '' }),
		expect: only(400, ['sharingCounsellor'])
	},
	// A comment on an item that is not on the shortlist: refused (400) for the sharing counsellor, 403 for others.
	'POST /counsellor/clients/[clientId]?/comment': { body: () => ({ set: 'onet-29-3', id: 'not-starred', comment: 'x' }), expect: only(400, ['sharingCounsellor']) },
	// Nothing to comment on (the client has no decision step yet), and an interpretation too long: refused (400) for the sharing counsellor, 403 for others.
	'POST /counsellor/clients/[clientId]?/decisionComment': { body: () => ({ comment: 'x' }), expect: only(400, ['sharingCounsellor']) },
	'POST /counsellor/clients/[clientId]?/interpretation': { body: () => ({ interpretation: 'x'.repeat(4001) }), expect: only(400, ['sharingCounsellor']) },
	'POST /counsellor/clients/[clientId]?/assign': { body: () => ({}), expect: only(400, ['sharingCounsellor']) },
	'POST /counsellor/clients/[clientId]?/cancel': {
		body: () => ({ assignment: '-1' }),
		expect: only(400, ['sharingCounsellor'])
	},
	'GET /counsellor/clients/[clientId]/export.json': { expect: only(200, ['sharingCounsellor']) },
	'GET /counsellor/clients/[clientId]/export.csv': { expect: only(200, ['sharingCounsellor']) },

	// Groups: a counsellor's own; any other counsellor is told there is no such group (404).
	'GET /counsellor/groups': { expect: only(200, COUNSELLORS) },
	'POST /counsellor/groups?/create': { body: () => ({ name: '', ends: 'soon' }), expect: only(400, COUNSELLORS) },
	'GET /counsellor/groups/[groupId]': { expect: { ...only(404, COUNSELLORS), sharingCounsellor: 200 } },
	'POST /counsellor/groups/[groupId]?/assign': { body: () => ({ instrument: 'nope' }), expect: { ...only(404, COUNSELLORS), sharingCounsellor: 400 } },
	'POST /counsellor/groups/[groupId]?/close': { path: (f) => `/counsellor/groups/${f.spareGroupId}`, expect: { ...only(404, COUNSELLORS), sharingCounsellor: 200 } },
	// Without the confirming tick nothing is deleted.
	'POST /counsellor/groups/[groupId]?/delete': { body: () => ({}), expect: { ...only(404, COUNSELLORS), sharingCounsellor: 400 } },
	'GET /counsellor/groups/[groupId]/aggregate.csv': { expect: { ...only(404, COUNSELLORS), sharingCounsellor: 200 } },
	'GET /counsellor/groups/[groupId]/print': { expect: { ...only(404, COUNSELLORS), sharingCounsellor: 200 } },
	// A group's link is public; joining is for clients (A and B join), leaving refuses a group one is not in.
	'GET /g': { expect: everyone(200) },
	'GET /g/[code]': { path: (f) => `/g/${f.groupCode}`, expect: everyone(200) },
	'POST /g/[code]?/join': { path: (f) => `/g/${f.groupCode}`, expect: only(200, CLIENTS) },
	'POST /g/[code]?/leave': { path: (f) => `/g/${f.groupCode}`, body: () => ({ group: 'nope' }), expect: only(400, CLIENTS) },

	// A matching service with a bearer token; a session cookie is not enough.
	'GET /api/v1/profile': { expect: everyone(401) },

	// Authors (and admins).
	'GET /author': { expect: only(200, ['author', 'admin']) },
	'GET /author/playground': { expect: only(200, ['author', 'admin']) },
	'POST /author/playground?/validate': { body: () => ({ text: '{' }), expect: only(400, ['author', 'admin']) },
	'POST /author/playground?/score': { body: () => ({ text: '{' }), expect: only(400, ['author', 'admin']) },
	'GET /author/[id]': { expect: only(200, ['author', 'admin']) },
	// A version that was never stored: 404 for authors, and the role check comes first for everyone else.
	'GET /author/[id]/analysis.json': { path: () => '/author/riasec-48/analysis.json?version=0.0.0-none', expect: only(404, ['author', 'admin']) },
	'GET /author/[id]/analysis.csv': { path: () => '/author/riasec-48/analysis.csv?version=0.0.0-none', expect: only(404, ['author', 'admin']) },

	// Administration.
	'GET /admin': { expect: only(200, ['admin']) },
	'POST /admin?/create': { body: () => ({ email: 'bad', name: '', password: '', role: 'admin' }), expect: only(400, ['admin']) },
	// Only administrators issue reset links (for an account that does not exist here: 400).
	'POST /admin?/resetLink': { body: () => ({ userId: 'no-such-account', password: PASSWORD }), expect: only(400, ['admin']) },
	// A reset link is for whoever holds it; an unknown one is refused with a message (the page itself is shown).
	'GET /reset/[token]': { path: () => '/reset/notalink', expect: everyone(200) },
	'POST /reset/[token]': { path: () => '/reset/notalink', body: () => ({ password: 'another long password' }), expect: everyone(400) },
	// Nobody here must choose their password: the page goes on to `next`.
	'GET /account/set-password': { expect: signedIn({ redirect: '/' }) },
	'POST /account/set-password': { body: () => ({ password: 'another long password' }), expect: signedIn({ redirect: '/' }) },
	// Two-factor sign-in: everyone signed in manages their own; nobody here has it on.
	'GET /account/two-factor': { expect: signedIn(200) },
	'POST /account/two-factor?/start': { expect: signedIn({ redirect: '/account/two-factor' }) },
	'POST /account/two-factor?/confirm': { body: () => ({ code: 'abcdef' }), expect: signedIn(400) },
	'POST /account/two-factor?/codes': { body: () => ({ 'codes-password': 'not the password' }), expect: signedIn(400) },
	'POST /account/two-factor?/disable': { body: () => ({ 'disable-password': 'not the password' }), expect: signedIn(400) },
	// The second step of a sign-in: without a pending sign-in in this browser there is nothing to complete.
	'GET /login/two-factor': { expect: { ...everyone({ redirect: '/' }), anonymous: 200 } },
	'POST /login/two-factor': { body: () => ({ code: '123456' }), expect: { ...everyone({ redirect: '/' }), anonymous: 401 } }
};

// ——— The people and their data ——————————————————————————————————————————————————————

const jars = {} as Record<Actor, Jar>;
const emails = {} as Record<Actor, string>;
const f = {} as Fixture;
const db = () => openDb(dbPath);
const run = crypto.randomUUID().slice(0, 8);
const emailOf = (who: string) => `authz-${who}-${run}@example.org`.toLowerCase();
const idOf = async (email: string) => (await db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const codeOf = async (id: string) =>
	(await db().selectFrom('user').select('share_code').where('id', '=', id).executeTakeFirstOrThrow()).share_code!;
const activeShares = async (clientId: string) =>
	(
		await db()
			.selectFrom('share')
			.select('counsellor_id')
			.where('client_id', '=', clientId)
			.where('revoked_at', 'is', null)
			.orderBy('counsellor_id')
			.execute()
	).map((r) => r.counsellor_id);

beforeAll(async () => {
	jars.anonymous = new Jar(base);
	emails.admin = emailOf('admin');
	await insertAdmin(dbPath, emails.admin);
	jars.admin = await new Jar(base).login(emails.admin);
	// Staff accounts are made the way admins make them.
	for (const [who, role] of [
		['sharingCounsellor', 'counsellor'],
		['counsellor', 'counsellor'],
		['revokedCounsellor', 'counsellor'],
		['spareCounsellor', 'counsellor'],
		['author', 'author']
	] as const) {
		// With a password the admin chose; at first sign-in each chooses their own (the usual one here).
		const res = await jars.admin.post('/admin?/create', { email: emailOf(who), name: who, password: 'temporary staff passphrase', role });
		expect(res.status, `creating ${who}`).toBe(200);
		const jar = await new Jar(base).login(emailOf(who), 'temporary staff passphrase');
		expect((await jar.post('/account/set-password', { password: PASSWORD })).status, `${who} sets a password`).toBe(303);
		if (who !== 'spareCounsellor') {
			emails[who] = emailOf(who);
			jars[who] = jar;
		}
	}
	for (const who of ['client', 'otherClient'] as const) {
		emails[who] = emailOf(who);
		jars[who] = await new Jar(base).register(emails[who]);
	}
	f.clientId = await idOf(emails.client);
	f.sharingCounsellorId = await idOf(emails.sharingCounsellor);
	f.spareCounsellorId = await idOf(emailOf('spareCounsellor'));
	// Counsellors get their code on their account page.
	for (const who of ['sharingCounsellor', 'revokedCounsellor'] as const) expect((await jars[who].request('/account')).status).toBe(200);
	const spare = await new Jar(base).login(emailOf('spareCounsellor'));
	expect((await spare.request('/account')).status).toBe(200);
	f.sharingCode = await codeOf(f.sharingCounsellorId);
	f.spareCode = await codeOf(f.spareCounsellorId);
	const revokedId = (f.revokedCounsellorId = await idOf(emails.revokedCounsellor));
	// A shares with two counsellors and takes one share back.
	expect((await jars.client.post(`/share/${f.sharingCode}?/confirm`)).status).toBe(200);
	expect((await jars.client.post(`/share/${await codeOf(revokedId)}?/confirm`)).status).toBe(200);
	expect((await jars.client.post('/account?/revoke', { counsellorId: revokedId })).status).toBe(200);
	expect(await activeShares(f.clientId)).toEqual([f.sharingCounsellorId]);
	// A has two API tokens.
	for (const name of ['own', 'kept']) expect((await jars.client.post('/account/tokens?/create', { name, password: PASSWORD })).status).toBe(200);
	const tokenOf = async (name: string) =>
		(await db().selectFrom('api_token').select('id').where('user_id', '=', f.clientId).where('name', '=', name).executeTakeFirstOrThrow()).id;
	f.ownTokenId = await tokenOf('own');
	f.keptTokenId = await tokenOf('kept');
	// A has a response in progress.
	const save = await jars.client.request('/q/riasec-48?/save', {
		method: 'POST',
		headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
		body: new URLSearchParams({ answers: '{"R1":3}', page: '0' })
	});
	expect(save.status).toBe(200);
	// The sharing counsellor's groups.
	const ends = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	for (const name of ['Class', 'Spare class']) {
		const res = await jars.sharingCounsellor.post('/counsellor/groups?/create', { name, instrument: 'riasec-48', ends });
		expect(res.status, `creating group ${name}`).toBe(303);
		const id = res.headers.get('location')!.split('/').pop()!;
		if (name === 'Class') f.groupId = id;
		else f.spareGroupId = id;
	}
	f.groupCode = (await db().selectFrom('counsellor_group').select('code').where('id', '=', f.groupId).executeTakeFirstOrThrow()).code;
	f.responseId = (
		await db().selectFrom('response').select('id').where('user_id', '=', f.clientId).where('status', '=', 'in_progress').executeTakeFirstOrThrow()
	).id;
});

function urlOf(endpoint: string, row: Row): string {
	const [, route] = endpoint.split(' ');
	const [path, action] = route.split('?');
	const url = row.path ? row.path(f) : path.replace('[id]', 'riasec-48').replace('[clientId]', f.clientId).replace('[groupId]', f.groupId).replace('[code]', f.spareCode);
	return action ? `${url}?${action}` : url;
}

async function call(endpoint: string, row: Row, actor: Actor): Promise<Response> {
	let jar = jars[actor];
	if (row.freshSession) jar = actor === 'anonymous' ? new Jar(base) : await new Jar(base).login(emails[actor]);
	const method = endpoint.split(' ')[0];
	const url = urlOf(endpoint, row);
	if (method === 'POST') {
		const res = row.json
			? await jar.request(url, { method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(row.json(f, actor)) })
			: await jar.post(url, row.body?.(f, actor) ?? {});
		if (row.endsAllSessions && actor !== 'anonymous') jars[actor] = await new Jar(base).login(emails[actor]);
		return res;
	}
	return jar.request(url, { method, headers: { accept: 'text/html' } });
}

function describeOutcome(res: Response): string {
	const location = res.headers.get('location');
	return location ? `${res.status} → ${location}` : String(res.status);
}

const discovered = discoverEndpoints();

describe('the table covers every route', () => {
	it('has a row for every page, form action and endpoint in src/routes', () => {
		const waiting = Object.keys(TABLE).filter((e) => !discovered.includes(e));
		if (waiting.length) console.log(`authz rows waiting for their route to exist: ${waiting.join(', ')}`);
		const missing = discovered.filter((e) => !(e in TABLE));
		expect(missing, 'Add these to TABLE in tests/http/authz.test.ts, saying who may use them').toEqual([]);
	});

	it('reads routes, actions and handlers from the files', () => {
		expect(discovered).toEqual(expect.arrayContaining(['GET /', 'POST /account?/revoke', 'POST /login', 'GET /schema/questionnaire-v1.json', 'GET /q/[id]']));
	});
});

describe.each(Object.entries(TABLE))('%s', (endpoint, row) => {
	// Rows for routes still being written wait until the route exists.
	const exists = discovered.includes(endpoint);
	it.skipIf(!exists).each(ACTORS)('as %s', async (actor) => {
		const expected = row.expect[actor];
		const res = await call(endpoint, row, actor);
		await res.arrayBuffer();
		const got = describeOutcome(res);
		if (expected === 'login') {
			expect(res.status, got).toBe(303);
			expect(res.headers.get('location'), got).toMatch(/^\/login\?next=/);
		} else if (typeof expected === 'object') {
			expect(res.status, got).toBe(303);
			expect(res.headers.get('location'), got).toBe(expected.redirect);
		} else expect(res.status, got).toBe(expected);
	});
});

describe('after every attempt', () => {
	it("A still shares with exactly the counsellor A chose, and nobody else's attempts changed that", async () => {
		expect(await activeShares(f.clientId)).toEqual([f.sharingCounsellorId]);
		const response = await db().selectFrom('response').select(['status', 'answers']).where('id', '=', f.responseId).executeTakeFirst();
		expect(response).toEqual({ status: 'in_progress', answers: '{"R1":4}' });
		const revoked = async (id: string) =>
			(await db().selectFrom('api_token').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()).revoked_at;
		if (discovered.includes('POST /account/tokens?/revoke')) {
			expect(await revoked(f.ownTokenId)).not.toBeNull();
			expect(await revoked(f.keptTokenId)).toBeNull();
		}
	});

});
