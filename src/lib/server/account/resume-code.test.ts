import { describe, expect, it } from 'vitest';
import { RESUME_ALPHABET, RESUME_CODE_LENGTH, generateResumeCode, parseResumeCode, resumeCodeHash } from './resume-code';

describe('resume codes', () => {
	it('carry at least 60 bits: 16 characters from 30 symbols', () => {
		expect(RESUME_ALPHABET).toHaveLength(30);
		expect(new Set(RESUME_ALPHABET).size).toBe(30);
		expect(RESUME_CODE_LENGTH * Math.log2(RESUME_ALPHABET.length)).toBeGreaterThan(78);
	});

	it('never contain look-alike characters and come in four groups of four', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateResumeCode();
			expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
			expect(code).not.toMatch(/[01ILOU]/);
		}
	});

	it('rejects the bytes 240–255 that would favour some symbols (no modulo bias)', () => {
		const batches = [new Uint8Array(32).fill(245), new Uint8Array(32).fill(255), new Uint8Array(32).fill(37)];
		const code = generateResumeCode(() => batches.shift()!);
		expect(batches).toHaveLength(0);
		// 37 mod 30 = 7: every character comes from the third batch.
		expect(code).toBe(Array(4).fill(RESUME_ALPHABET[7].repeat(4)).join('-'));
	});

	it('are read back whatever the case, spaces or hyphens', () => {
		expect(parseResumeCode(' abcd efgh-jkmn–pqrs ')).toEqual({ ok: true, code: 'ABCDEFGHJKMNPQRS' });
		expect(resumeCodeHash('ABCD-EFGH-JKMN-PQRS')).toBe(resumeCodeHash('abcdefghjkmnpqrs'));
		expect(resumeCodeHash('ABCD-EFGH-JKMN-PQRS')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('name what is wrong with a typed code', () => {
		expect(parseResumeCode('   ')).toEqual({ ok: false, reason: 'empty' });
		expect(parseResumeCode('ABCD-EFGH-JKMN-PQR')).toEqual({ ok: false, reason: 'length' });
		expect(parseResumeCode('ABCD-EFGH-JKMN-PQRSS')).toEqual({ ok: false, reason: 'length' });
		expect(parseResumeCode('ABCD-EFGH-JKMN-PQR0')).toEqual({ ok: false, reason: 'character', character: '0' });
		expect(parseResumeCode('IBCD-EFGH-JKMN-PQRS')).toEqual({ ok: false, reason: 'character', character: 'I' });
	});
});
