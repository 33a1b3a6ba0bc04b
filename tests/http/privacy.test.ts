// The privacy notice and agreement to it, against the real built app: /privacy in both languages;
// registering and starting without an account need the "I agree" box and record the notice
// version and time; a client whose agreement is to an older notice is asked again before anything
// else; counsellors do not see a client who never agreed.
import { describe, expect, inject, it } from 'vitest';
import { openDb } from '../support/db';
import { Jar, PASSWORD } from '../support/jar';
import { PRIVACY_NOTICE_VERSION } from '../../src/lib/server/account/privacy';

const base = inject('baseUrl');
const db = () => openDb(inject('dbTarget'));
const tag = () => crypto.randomUUID().slice(0, 8);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const userByEmail = (email: string) => db().selectFrom('user').selectAll().where('email', '=', email).executeTakeFirst();

describe('/privacy', () => {
	it('is readable by anyone, in English and Danish, with the configured periods', async () => {
		const en = text(await (await fetch(`${base}/privacy`)).text());
		expect(en).toContain('Privacy: what Spejl keeps about you');
		expect(en).toContain('has not been used for 1095 days');
		expect(en).toContain('Without an account: deleted after 180 days without use.');
		expect(en).toContain('Download all my data');
		const da = text(await (await fetch(`${base}/privacy`, { headers: { 'accept-language': 'da' } })).text());
		expect(da).toContain('Privatliv: hvad Spejl gemmer om dig');
		expect(da).toContain('Uden konto: slettes efter 180 dage uden brug.');
	});
});

describe('agreeing', () => {
	it('registration needs the box ticked, and records the notice version and time', async () => {
		const email = `privacy-${tag()}@example.org`;
		const refused = await new Jar(base).post('/register', { email, password: PASSWORD });
		expect(refused.status).toBe(400);
		expect(text(await refused.text())).toContain('Please tick the box to agree to the privacy notice');
		expect(await userByEmail(email)).toBeUndefined();

		const before = Date.now();
		await new Jar(base).register(email);
		const row = await userByEmail(email);
		expect(row?.privacy_version).toBe(PRIVACY_NOTICE_VERSION);
		const at = Date.parse(row!.privacy_agreed_at!);
		expect(at).toBeGreaterThanOrEqual(before - 1000);
		expect(at).toBeLessThanOrEqual(Date.now() + 1000);
	});

	it('starting without an account needs the box too', async () => {
		const jar = new Jar(base);
		const refused = await jar.post('/start');
		expect(refused.status).toBe(400);
		expect(text(await refused.text())).toContain('Please tick the box to agree to the privacy notice first.');
		expect(jar.cookies.has('spejl_session')).toBe(false);
		const started = await jar.post('/start', { privacy: 'agree' });
		expect(started.status).toBe(303);
		expect(jar.cookies.has('spejl_session')).toBe(true);
		const rows = await db().selectFrom('user').select(['privacy_version', 'privacy_agreed_at']).where('email', 'is', null).orderBy('created_at', 'desc').limit(1).execute();
		expect(rows[0].privacy_version).toBe(PRIVACY_NOTICE_VERSION);
	});
});

describe('a changed notice', () => {
	it('asks the client again before anything else, and lets them reach their account meanwhile', async () => {
		const email = `changed-${tag()}@example.org`;
		const jar = await new Jar(base).register(email);
		await db().updateTable('user').set({ privacy_version: '2020-01-01' }).where('email', '=', email).execute();

		const profile = await jar.request('/profile');
		expect(profile.status).toBe(303);
		expect(profile.headers.get('location')).toBe('/privacy?next=%2Fprofile');
		const page = text(await (await jar.request('/privacy?next=%2Fprofile')).text());
		expect(page).toContain('The privacy notice has changed');
		// Nothing is stored meanwhile.
		const save = new FormData();
		save.set('answers', '{"R1":5}');
		save.set('page', '0');
		const saved = await jar.request('/q/riasec-48?/save', { method: 'POST', body: save, headers: { 'x-sveltekit-action': 'true' } });
		expect(saved.status).toBe(403);
		const { id } = (await userByEmail(email))!;
		expect(await db().selectFrom('response').select('id').where('user_id', '=', id).execute()).toEqual([]);
		// Their account (download, delete) stays reachable.
		expect((await jar.request('/account')).status).toBe(200);
		expect((await jar.request('/account/data.json')).status).toBe(200);

		expect((await jar.post('/privacy?/agree&next=%2Fprofile')).status).toBe(400);
		const agreed = await jar.post('/privacy?/agree&next=%2Fprofile', { privacy: 'agree' });
		expect(agreed.status).toBe(303);
		expect(agreed.headers.get('location')).toBe('/profile');
		expect((await userByEmail(email))?.privacy_version).toBe(PRIVACY_NOTICE_VERSION);
		const log = await db().selectFrom('audit_event').select(['action', 'detail']).where('subject_id', '=', id).where('action', '=', 'privacy.agreed').execute();
		expect(log).toEqual([{ action: 'privacy.agreed', detail: PRIVACY_NOTICE_VERSION }]);
		expect((await jar.request('/profile')).status).toBe(200);
	});
});

describe('counsellors', () => {
	it('do not see a client who never agreed to a notice, and do once they have', async () => {
		const counsellorEmail = `pc-${tag()}@example.org`;
		const counsellor = await new Jar(base).register(counsellorEmail, 'Privacy Counsellor');
		await db().updateTable('user').set({ role: 'counsellor' }).where('email', '=', counsellorEmail).execute();
		expect((await counsellor.request('/counsellor')).status).toBe(200); // hands out the share code
		const code = (await userByEmail(counsellorEmail))!.share_code!;
		const clientEmail = `pcl-${tag()}@example.org`;
		const client = await new Jar(base).register(clientEmail, `Never Agreed ${tag()}`);
		expect((await client.post(`/share/${code}?/confirm`)).status).toBe(200);
		const { id, display_name } = (await userByEmail(clientEmail))!;
		expect(await counsellor.request(`/counsellor/clients/${id}`).then((r) => r.status)).toBe(200);

		// As an account from before agreements were recorded.
		await db().updateTable('user').set({ privacy_version: null, privacy_agreed_at: null }).where('id', '=', id).execute();
		expect(text(await (await counsellor.request('/counsellor')).text())).not.toContain(display_name!);
		expect((await counsellor.request(`/counsellor/clients/${id}`)).status).toBe(403);

		expect((await client.request('/profile')).headers.get('location')).toBe('/privacy?next=%2Fprofile');
		expect((await client.post('/privacy?/agree', { privacy: 'agree' })).status).toBe(303);
		expect(text(await (await counsellor.request('/counsellor')).text())).toContain(display_name!);
		expect((await counsellor.request(`/counsellor/clients/${id}`)).status).toBe(200);
	});
});
