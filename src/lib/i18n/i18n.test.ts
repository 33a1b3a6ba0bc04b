import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from './index';
import en from './en';
import da from './da';
import authorEn from './author.en';
import authorDa from './author.da';
import counsellorEn from './counsellor.en';
import counsellorDa from './counsellor.da';
import matchingEn from './matching.en';
import matchingDa from './matching.da';
import formEn from './form.en';
import formDa from './form.da';
import accessEn from './access.en';
import accessDa from './access.da';
import optionsEn from './options.en';
import optionsDa from './options.da';
import othersEn from './others.en';
import othersDa from './others.da';
import trustEn from './trust.en';
import trustDa from './trust.da';
import privacyEn from './privacy.en';
import privacyDa from './privacy.da';
import throttleEn from './throttle.en';
import throttleDa from './throttle.da';
import errorsEn from './errors.en';
import errorsDa from './errors.da';
import recoveryEn from './recovery.en';
import recoveryDa from './recovery.da';
import refusalsEn from './refusals.en';
import refusalsDa from './refusals.da';
import completionKeyEn from './completion-key.en';
import completionKeyDa from './completion-key.da';
import twoFactorEn from './twofactor.en';
import twoFactorDa from './twofactor.da';
import adaptiveEn from './adaptive.en';
import adaptiveDa from './adaptive.da';
import occupationsEn from './occupations.en';
import occupationsDa from './occupations.da';
import groupsEn from './groups.en';
import groupsDa from './groups.da';
import decisionEn from './decision.en';
import decisionDa from './decision.da';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pairs: [string, Record<string, string>, Record<string, string>][] = [
	['base', en, da],
	['author', authorEn, authorDa],
	['counsellor', counsellorEn, counsellorDa],
	['matching', matchingEn, matchingDa],
	['form', formEn, formDa],
	['access', accessEn, accessDa],
	['options', optionsEn, optionsDa],
	['others', othersEn, othersDa],
	['trust', trustEn, trustDa],
	['privacy', privacyEn, privacyDa],
	['throttle', throttleEn, throttleDa],
	['errors', errorsEn, errorsDa],
	['recovery', recoveryEn, recoveryDa],
	['refusals', refusalsEn, refusalsDa],
	['twofactor', twoFactorEn, twoFactorDa],
	['completion-key', completionKeyEn, completionKeyDa],
	['adaptive', adaptiveEn, adaptiveDa],
	['occupations', occupationsEn, occupationsDa],
	['groups', groupsEn, groupsDa],
	['decision', decisionEn, decisionDa]
];
// The same placeholders (a translation may use one twice).
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('translations', () => {
	it.each(pairs)('%s: Danish has exactly the English keys, none empty, with the same placeholders', (_, e, d) => {
		expect(Object.keys(d).sort()).toEqual(Object.keys(e).sort());
		for (const [k, text] of Object.entries(d)) {
			expect(text.trim(), k).not.toBe('');
			expect(placeholders(text), k).toEqual(placeholders(e[k]));
		}
	});

	it('has a text in English and Danish for every code a service can return', () => {
		const allEn: Record<string, string> = Object.assign({}, ...pairs.map(([, e]) => e));
		const allDa: Record<string, string> = Object.assign({}, ...pairs.map(([, , d]) => d));
		// Services return refusals as err('<message key>', …) or problems { code: '<message key>', … } (src/lib/result.ts).
		const SERVER = join(__dirname, '../server');
		const files = (readdirSync(SERVER, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
		const codes = new Set(files.flatMap((f) => [...readFileSync(join(SERVER, f), 'utf8').matchAll(/\berr\(\s*'([^']+)'|\bcode: '([^']+)'/g)].map((m) => m[1] ?? m[2])));
		expect(codes.size).toBeGreaterThan(0);
		for (const code of codes) {
			expect(allEn[code]?.trim(), `${code} in English`).toBeTruthy();
			expect(allDa[code]?.trim(), `${code} in Danish`).toBeTruthy();
		}
	});

	it('fills placeholders', () => {
		expect(translate('da', 'instrument.minutes', { n: 7 })).toBe('Ca. 7 min');
		expect(translate('en', 'instrument.minutes', { n: 7 })).toBe('About 7 min');
	});
});

describe('pickLocale', () => {
	it.each([
		[null, 'en'],
		['da', 'da'],
		['da-DK,da;q=0.9,en;q=0.8', 'da'],
		['en-GB,en;q=0.9,da;q=0.8', 'en'],
		['de-DE,da;q=0.5', 'da'],
		['nb-NO,nb;q=0.9', 'en'],
		['en;q=0.2,da;q=0.9', 'da'],
		['fr', 'en']
	])('%s → %s', (header, locale) => {
		expect(pickLocale(header)).toBe(locale);
	});
});
