// Finishing touches a client, counsellor or author meets, against the real built server, as a
// browser without JavaScript would: the resume code kept as a file and a page for printing, and
// "continue" back to the test begun; a page that says an account is deleted; each role landing on
// its own page after signing in; no author-only text or version numbers on client pages.
import { hash } from '@node-rs/argon2';
import { describe, expect, inject, it } from 'vitest';
import { openDb } from '../support/db';
import { Jar, PASSWORD } from '../support/jar';

const base = inject('baseUrl');
const dbTarget = inject('dbTarget');
const CODE = /data-testid="resume-code">([2-9A-HJKMNP-TV-Z]{4}(?:-[2-9A-HJKMNP-TV-Z]{4}){3})</;
const tag = () => crypto.randomUUID().slice(0, 8);
const DA = { 'accept-language': 'da' };

async function insertUser(role: 'counsellor' | 'author' | 'admin' | 'client') {
	const email = `${role}-${tag()}@example.org`;
	await openDb(dbTarget)
		.insertInto('user')
		.values({ id: crypto.randomUUID(), email, password_hash: await hash(PASSWORD), role, display_name: `Test ${role}`, locale: 'en', created_at: new Date().toISOString(), privacy_version: '2026-12-01', privacy_agreed_at: new Date().toISOString() })
		.execute();
	return email;
}

describe('the resume code of an anonymous start', () => {
	for (const [lang, headers, words] of [
		['en', {}, { download: 'Download as a text file', print: 'Page for printing', title: 'Spejl – your resume code', hint: 'Use your browser’s Print command' }],
		['da', DA, { download: 'Hent som tekstfil', print: 'Side til udskrift', title: 'Spejl – din genoptagelseskode', hint: 'Brug browserens udskriv-kommando' }]
	] as const) {
		it(`can be downloaded and printed without JavaScript, and "continue" leads back to the test (${lang})`, async () => {
			const jar = new Jar(base);
			const get = (path: string) => jar.request(path, { headers });
			const start = await jar.request('/start?next=%2Fq%2Fstudy-habits', {
				method: 'POST',
				headers: { ...headers, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ privacy: 'agree' })
			});
			expect(start.headers.get('location')).toBe('/start/code?next=%2Fq%2Fstudy-habits');
			const page = await (await get(start.headers.get('location')!)).text();
			const code = CODE.exec(page)?.[1];
			expect(code).toBeDefined();
			// Without JavaScript: a download link and a link to the page for printing (copy/print buttons need scripts).
			expect(page).toContain(`href="/start/code/resume-code.txt"`);
			expect(page).toContain(words.download);
			expect(page).toContain(words.print);
			expect(page).not.toContain('data-testid="copy-code"');

			const file = await get('/start/code/resume-code.txt');
			expect(file.status).toBe(200);
			expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
			expect(file.headers.get('content-disposition')).toBe('attachment; filename="spejl-resume-code.txt"');
			expect(file.headers.get('cache-control')).toContain('no-store');
			const text = await file.text();
			expect(text.split('\r\n').slice(0, 3)).toEqual([words.title, '', code]);
			expect(text).toContain(`${base}/resume`);

			const printView = await (await get('/start/code?next=%2Fq%2Fstudy-habits&print')).text();
			expect(CODE.exec(printView)?.[1]).toBe(code);
			expect(printView).toContain(words.hint);
			expect(printView).not.toContain('action="/start/code');

			// "Continue" goes back to the test that was begun, and the code is gone from the page and the file.
			const cont = await jar.request('/start/code?next=%2Fq%2Fstudy-habits', { method: 'POST', headers: { ...headers, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
			expect(cont.status).toBe(303);
			expect(cont.headers.get('location')).toBe('/q/study-habits');
			expect((await get('/start/code/resume-code.txt')).headers.get('location')).toBe('/');
		});
	}
});

describe('deleting an account', () => {
	for (const [lang, headers, title] of [
		['en', {}, 'Your account is deleted'],
		['da', DA, 'Din konto er slettet']
	] as const) {
		it(`ends on a page that says it is done (${lang})`, async () => {
			const jar = await new Jar(base).register(`delete-${tag()}@example.org`);
			const res = await jar.request('/account?/delete', {
				method: 'POST',
				headers: { ...headers, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ confirm: lang === 'da' ? 'SLET' : 'DELETE', password: PASSWORD })
			});
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/account/deleted');
			expect(jar.cookies.has('spejl_session')).toBe(false);
			const page = await jar.request('/account/deleted', { headers });
			expect(page.status).toBe(200);
			const html = await page.text();
			expect(html).toContain(`<h1>${title}</h1>`);
			// Signed out: the menu offers signing in, not the account.
			expect(html).not.toContain('href="/account"');
		});
	}
});

describe('signing in', () => {
	it('takes each role to its own page, and a page asked for first', async () => {
		for (const [role, landing] of [['counsellor', '/counsellor'], ['author', '/author'], ['admin', '/admin'], ['client', '/']] as const) {
			const email = await insertUser(role);
			const res = await new Jar(base).post('/login', { email, password: PASSWORD });
			expect(res.status, role).toBe(303);
			expect(res.headers.get('location'), role).toBe(landing);
			// With a page asked for, that page.
			const asked = await new Jar(base).post('/login?next=%2Faccount', { email, password: PASSWORD });
			expect(asked.headers.get('location'), role).toBe('/account');
		}
	});
});

describe('client pages', () => {
	it('show no author-only text or version numbers; the author pages do', async () => {
		const client = await new Jar(base).register(`plain-${tag()}@example.org`);
		const versionText = /\bv?\d+\.\d+\.\d+\b/;
		for (const path of ['/', '/q/study-habits', '/q/riasec-48']) {
			const html = await (await client.request(path)).text();
			// The visible text: the page without its scripts (SvelteKit's data) and tags.
			const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
			expect(text, path).not.toMatch(/An example of a Likert grid|example instrument|Et eksempel på et Likert-skema/i);
			expect(text, path).not.toMatch(versionText);
		}
		const author = await new Jar(base).login(await insertUser('author'));
		const authorPage = await (await author.request('/author')).text();
		expect(authorPage).toMatch(/<dd[^>]*>\d+\.\d+\.\d+<\/dd>/);
		// The playground's editor numbers its lines (rendered on the server, so also without JavaScript).
		const playground = await (await author.request('/author/playground?example=study-habits.json')).text();
		const lines = /data-testid="line-numbers"[^>]*>([\d\n]+)<\/pre>/.exec(playground)?.[1].split('\n');
		expect(lines?.slice(0, 3)).toEqual(['1', '2', '3']);
		expect(Number(lines?.at(-1))).toBeGreaterThan(100);
	});
});
