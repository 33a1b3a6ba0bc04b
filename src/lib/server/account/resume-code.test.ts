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
		expect(parseResumeCode(' abcd efgh-jkmn–pqrs ')).toEqual({ ok: true, value: 'ABCDEFGHJKMNPQRS' });
		expect(resumeCodeHash('ABCD-EFGH-JKMN-PQRS')).toBe(resumeCodeHash('abcdefghjkmnpqrs'));
		expect(resumeCodeHash('ABCD-EFGH-JKMN-PQRS')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('name what is wrong with a typed code, as the message of the code asked for', () => {
		expect(parseResumeCode('   ')).toEqual({ ok: false, error: { code: 'resume.error.empty', field: 'code' } });
		expect(parseResumeCode('ABCD-EFGH-JKMN-PQR')).toEqual({ ok: false, error: { code: 'resume.error.length', params: { n: 16 }, field: 'code' } });
		expect(parseResumeCode('ABCD-EFGH-JKMN-PQRSS')).toEqual({ ok: false, error: { code: 'resume.error.length', params: { n: 16 }, field: 'code' } });
		expect(parseResumeCode('ABCD-EFGH-JKMN-PQR0')).toEqual({ ok: false, error: { code: 'resume.error.character', params: { c: '0' }, field: 'code' } });
		expect(parseResumeCode('IBCD-EFGH-JKMN-PQRS')).toEqual({ ok: false, error: { code: 'resume.error.character', params: { c: 'I' }, field: 'code' } });
		expect(parseResumeCode('', 'recovery')).toEqual({ ok: false, error: { code: 'recovery.error.empty', field: 'code' } });
		expect(parseResumeCode('ABCD-EFGH', 'recovery')).toEqual({ ok: false, error: { code: 'recovery.error.length', params: { n: 16 }, field: 'code' } });
		expect(parseResumeCode('ABCD-EFGH-JKMN-PQRO', 'recovery')).toEqual({ ok: false, error: { code: 'recovery.error.character', params: { c: 'O' }, field: 'code' } });
		expect(parseResumeCode('abcd efgh jkmn pqrs', 'recovery')).toEqual({ ok: true, value: 'ABCDEFGHJKMNPQRS' });
	});
});
