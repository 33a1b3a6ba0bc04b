// The dates on the "how others see me" pages are the days of the service's time zone (TIME_ZONE,
// Europe/Copenhagen by default), in the reader's language, like every other page: a link closing
// at 23:30 UTC closes after midnight in Copenhagen, so the page names the next day.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../support/db';
import { Jar } from '../support/jar';

const base = inject('baseUrl');
const db = () => openDb(inject('dbTarget'));

// 23:30 UTC on 14 January is 00:30 on 15 January in Copenhagen (UTC+1 in winter).
const CLOSES = '2031-01-14T23:30:00.000Z';
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ'; // the codes' alphabet (src/lib/server/others/others-view.ts)
const code = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => ALPHABET[b % ALPHABET.length]).join('');

const client = new Jar(base);
const email = `others-dates-${Date.now()}@example.org`;
let userId = '';
const inviteId = crypto.randomUUID();

beforeAll(async () => {
	await client.register(email, 'Ann Jensen');
	userId = (await db().selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
	await db()
		.insertInto('others_invite')
		.values({
			id: inviteId,
			user_id: userId,
			instrument_id: 'others-view',
			code,
			shown_name: 'Ann',
			nickname: 'Family',
			created_at: new Date().toISOString(),
			expires_at: CLOSES,
			revoked_at: null
		})
		.execute();
});
afterAll(async () => {
	await db().deleteFrom('others_invite').where('id', '=', inviteId).execute();
});

/** The page's text without tags, so a date split by markup still reads as one. */
const textOf = async (res: Response) => {
	expect(res.status).toBe(200);
	return (await res.text()).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
};

describe('dates on the how-others-see-me pages', () => {
	it("the client's list of links names the Copenhagen day the link closes, in English and Danish", async () => {
		await db().updateTable('user').set({ locale: 'en' }).where('id', '=', userId).execute();
		const en = await textOf(await client.request('/others/others-view'));
		expect(en).toContain('Family');
		expect(en).toContain('15 January 2031');
		expect(en).not.toContain('14 January 2031');
		expect(en).not.toMatch(/14 Jan/);

		await db().updateTable('user').set({ locale: 'da' }).where('id', '=', userId).execute();
		const da = await textOf(await client.request('/others/others-view'));
		expect(da).toContain('15. januar 2031');
		expect(da).not.toContain('14. januar 2031');
		expect(da).not.toMatch(/14\. jan/);
	});

	it("the invitee's page says the Copenhagen day the link closes, in English and Danish", async () => {
		const page = (language: string) => fetch(`${base}/o/${code}`, { headers: { 'accept-language': language }, redirect: 'manual' });
		const en = await textOf(await page('en-GB,en;q=0.9'));
		expect(en).toContain('How do you see Ann?');
		expect(en).toContain('15 January 2031');
		expect(en).not.toContain('14 January 2031');

		const da = await textOf(await page('da-DK,da;q=0.9'));
		expect(da).toContain('Hvordan ser du Ann?');
		expect(da).toContain('15. januar 2031');
		expect(da).not.toContain('14. januar 2031');
	});
});
