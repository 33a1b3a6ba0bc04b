// Resume codes for anonymous clients: the only key to their answers, so they must be easy to read
// aloud, write down and type, and hard to guess. 16 characters from a 30-character alphabet without
// look-alikes (no 0/O, 1/I/L, and no U) carry 16 × log2(30) ≈ 78.5 bits of randomness; they are shown
// in four groups of four. Only the SHA-256 of the code is stored, like session tokens.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { err, ok, type Result } from '../../result';

export const RESUME_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RESUME_CODE_LENGTH = 16;
const GROUP = 4;

/** A new random code, grouped for reading: `K7QM-3HXT-9WAC-PRDE`. */
export function generateResumeCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
	const n = RESUME_ALPHABET.length;
	const limit = 256 - (256 % n); // rejection sampling keeps every character equally likely
	let out = '';
	while (out.length < RESUME_CODE_LENGTH) {
		for (const b of random(RESUME_CODE_LENGTH * 2)) {
			if (b < limit && out.length < RESUME_CODE_LENGTH) out += RESUME_ALPHABET[b % n];
		}
	}
	return groupResumeCode(out);
}

export const groupResumeCode = (code: string): string => code.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');

/** The message keys of a badly typed code, by the code the person was asked for. */
const CODE_PROBLEMS = {
	resume: { empty: 'resume.error.empty', character: 'resume.error.character', length: 'resume.error.length' },
	recovery: { empty: 'recovery.error.empty', character: 'recovery.error.character', length: 'recovery.error.length' }
} as const;

/**
 * What a person typed, made comparable: case, spaces and hyphens do not matter; the value is the code
 * ungrouped in upper case. A character that is never in a code is named back to them (people often
 * type O for 0 or I for 1; codes have neither). `kind` says which code the person was asked for, so
 * the message names it: `resume.error.*` or `recovery.error.*` (`empty`, `length` with `n`,
 * `character` with `c`), about the field `code`.
 */
export function parseResumeCode(input: string, kind: keyof typeof CODE_PROBLEMS = 'resume'): Result<string> {
	const problems = CODE_PROBLEMS[kind];
	const code = input.toUpperCase().replace(/[\s\-–—.]/g, '');
	if (!code) return err(problems.empty, undefined, 'code');
	const bad = [...code].find((c) => !RESUME_ALPHABET.includes(c));
	if (bad) return err(problems.character, { c: bad }, 'code');
	if (code.length !== RESUME_CODE_LENGTH) return err(problems.length, { n: RESUME_CODE_LENGTH }, 'code');
	return ok(code);
}

/** The stored form of a code (ungrouped, upper case). */
export const resumeCodeHash = (code: string): string =>
	encodeHexLowerCase(sha256(new TextEncoder().encode(code.replace(/-/g, '').toUpperCase())));
