// Registration refuses easily guessed passwords and says why, in English and Danish; control
// characters are refused; emails are stored normalised, so the same address typed another way finds
// the same account.
import { describe, expect, inject, it } from 'vitest';
import { Jar, PASSWORD } from '../support/jar';

const base = inject('baseUrl');
const email = (who: string) => `pw-${who}-${crypto.randomUUID().slice(0, 8)}@example.org`;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('registration', () => {
	it.each([
		['password12', 'This is a commonly used password.'],
		['1234567890', 'This is a frequently used password.'],
		['          ', 'Repeated characters like "aaa" are easy to guess.']
	])('refuses %j and explains why and how to choose better', async (password, why) => {
		const res = await new Jar(base).post('/register', { email: email('weak'), password });
		expect(res.status).toBe(400);
		const page = text(await res.text());
		expect(page).toContain('This password is too easy to guess.');
		expect(page).toContain(why);
		expect(page).toContain('a passphrase of four or five unrelated words');
	});

	it('explains it in Danish too', async () => {
		const res = await new Jar(base).request('/register', {
			method: 'POST',
			headers: { accept: 'text/html', 'accept-language': 'da', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: email('da'), password: 'password12' })
		});
		expect(res.status).toBe(400);
		const page = text(await res.text());
		expect(page).toContain('Denne adgangskode er for nem at gætte.');
		expect(page).toContain('Det er en almindeligt brugt adgangskode.');
	});

	it('accepts a long passphrase', async () => {
		const res = await new Jar(base).post('/register', { email: email('long'), password: 'violin river lamp sock cobalt meadow '.repeat(5).trim(), privacy: 'agree' });
		expect(res.status).toBe(303);
	});

	it('refuses a tab in the password and a line break in the name', async () => {
		const tab = await new Jar(base).post('/register', { email: email('tab'), password: 'correct horse\tbattery' });
		expect(tab.status).toBe(400);
		expect(text(await tab.text())).toContain('Remove the invisible characters');
		const name = await new Jar(base).post('/register', { email: email('name'), password: PASSWORD, name: 'Ann\nLee' });
		expect(name.status).toBe(400);
	});

	it('stores the email normalised: NFC, trimmed, lower case', async () => {
		const tag = crypto.randomUUID().slice(0, 8);
		// "é" typed as e + combining accent, with spaces and capitals.
		await new Jar(base).register(`  Ren\u0065\u0301-${tag}@Example.ORG `);
		await new Jar(base).login(`ren\u00e9-${tag}@example.org`);
		const again = await new Jar(base).post('/register', { email: `REN\u00c9-${tag}@example.org`, password: PASSWORD, privacy: 'agree' });
		expect(again.status).toBe(400);
		expect(text(await again.text())).toContain('An account with this email already exists');
	});
});
