import { describe, expect, it } from 'vitest';
import { checkActionName, checkFormPost, hasAnyControlCharacter, hasControlCharacter, safeClientAddress } from './request-guard';

const post = (body: BodyInit, type: string) =>
	new Request('http://x.test/login', { method: 'POST', headers: { 'content-type': type }, body });

describe('checkFormPost', () => {
	it('passes an ordinary form and leaves its body readable', async () => {
		const checked = await checkFormPost(post('email=a%40b.dk&note=line%0Aline', 'application/x-www-form-urlencoded'));
		if (!checked.ok) throw new Error(checked.refusal.message);
		const form = await checked.request.formData();
		expect(form.get('note')).toBe('line\nline');
		expect(form.get('email')).toBe('a@b.dk');
		expect(checked.request.method).toBe('POST');
		expect(checked.request.url).toBe('http://x.test/login');
	});

	it.each([
		['text/plain', 'x=1', 415, /not text\/plain/],
		['multipart/form-data', 'x', 400, /without a boundary/],
		['multipart/form-data; boundary=zz', 'garbage', 400, /could not be read/],
		['application/x-www-form-urlencoded', 'name=a%00b', 400, /field "name" contains a control character/],
		['application/x-www-form-urlencoded', 'a%07=1', 400, /field name contains a control character/],
		['application/x-www-form-urlencoded', 'x=%C2%85', 400, /control character/]
	])('%s %j → %i', async (type, body, status, message) => {
		const checked = await checkFormPost(post(body, type));
		if (checked.ok) throw new Error('not refused');
		expect(checked.refusal.status).toBe(status);
		expect(checked.refusal.message).toMatch(message);
	});

	it('passes a multipart form (what the browser sends) with its fields and files readable', async () => {
		const body = new FormData();
		body.set('answers', '{"a":"line\\nline"}');
		body.set('file', new Blob(['x,y\n1,2\n'], { type: 'text/csv' }), 'data.csv');
		const checked = await checkFormPost(new Request('http://x.test/q/a?/complete', { method: 'POST', body }));
		if (!checked.ok) throw new Error(checked.refusal.message);
		const form = await checked.request.formData();
		expect(form.get('answers')).toBe('{"a":"line\\nline"}');
		expect(await (form.get('file') as File).text()).toBe('x,y\n1,2\n');
	});

	it('refuses a control character in a multipart field', async () => {
		const body = new FormData();
		body.set('name', 'a\u0000b');
		const checked = await checkFormPost(new Request('http://x.test/login', { method: 'POST', body }));
		expect(checked.ok ? null : checked.refusal.message).toMatch(/field "name" contains a control character/);
	});

	it('leaves other content types to SvelteKit, unread', async () => {
		const req = post('{', 'application/json');
		const checked = await checkFormPost(req);
		expect(checked.ok && checked.request).toBe(req);
		expect(await req.text()).toBe('{');
	});
});

describe('control characters', () => {
	it('multi-line fields may hold tabs and line breaks, one-line fields may not', () => {
		expect(hasControlCharacter('a\tb\r\nc')).toBe(false);
		expect(hasAnyControlCharacter('a\tb')).toBe(true);
		expect(hasControlCharacter('a\u0000b')).toBe(true);
		expect(hasControlCharacter('æøå — “quoted” 😀')).toBe(false);
	});
});

describe('safeClientAddress', () => {
	it('gives a placeholder when the address is gone', () => {
		expect(safeClientAddress(() => { throw new Error('no socket'); })()).toBe('unknown');
		expect(safeClientAddress(() => undefined as unknown as string)()).toBe('unknown');
		expect(safeClientAddress(() => '10.0.0.1')()).toBe('10.0.0.1');
	});
});

describe('checkActionName', () => {
	it.each([
		['?/__proto__', 404],
		['?/constructor', 404],
		['?/default', 404],
		['?/save', null],
		['?x=1', null]
	])('%s → %s', (search, status) => {
		expect(checkActionName(new URL(`http://x.test/q/a${search}`))?.status ?? null).toBe(status);
	});
});
