import { describe, it, expect } from 'vitest';
import { localize } from './localize.ts';

describe('localize', () => {
	const s = { default: 'Mirror', da: 'Spejl', 'pt-BR': 'Espelho' };
	it.each([
		['plain string ignores locale', 'Hello', 'da', 'Hello'],
		['exact locale', s, 'da', 'Spejl'],
		['exact regional locale', s, 'pt-BR', 'Espelho'],
		['language of a regional locale', s, 'da-DK', 'Spejl'],
		['falls back to default', s, 'de', 'Mirror'],
		['falls back to the first value without default', { sv: 'Spegel', nb: 'Speil' }, 'de', 'Spegel'],
		['undefined gives empty string', undefined, 'da', '']
	] as const)('%s', (_, input, locale, expected) => {
		expect(localize(input as Parameters<typeof localize>[0], locale)).toBe(expected);
	});
});
