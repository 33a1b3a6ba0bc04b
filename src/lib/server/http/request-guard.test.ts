import { describe, expect, it } from 'vitest';
import { checkActionName, checkFormPost, hasAnyControlCharacter, hasControlCharacter, safeClientAddress } from './request-guard';

const post = (body: BodyInit, type: string) =>
	new Request('http://x.test/login', { method: 'POST', headers: { 'content-type': type }, body });

describe('checkFormPost', () => {
	it('passes an ordinary form and leaves its body readable', async () => {
		const req = post('email=a%40b.dk&note=line%0Aline', 'application/x-www-form-urlencoded');
		expect(await checkFormPost(req)).toBeNull();
		expect((await req.formData()).get('note')).toBe('line\nline');
	});

	it.each([
		['text/plain', 'x=1', 415, /not text\/plain/],
		['multipart/form-data', 'x', 400, /without a boundary/],
		['multipart/form-data; boundary=zz', 'garbage', 400, /could not be read/],
		['application/x-www-form-urlencoded', 'name=a%00b', 400, /field "name" contains a control character/],
		['application/x-www-form-urlencoded', 'a%07=1', 400, /field name contains a control character/],
		['application/x-www-form-urlencoded', 'x=%C2%85', 400, /control character/]
	])('%s %j → %i', async (type, body, status, message) => {
		const refusal = await checkFormPost(post(body, type));
		expect(refusal?.status).toBe(status);
		expect(refusal?.message).toMatch(message);
	});

	it('leaves other content types to SvelteKit', async () => {
		expect(await checkFormPost(post('{', 'application/json'))).toBeNull();
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
