// File and signature answers are stored inside the response as data URLs (SurveyJS's default
// `storeDataAsText`), so they travel with the data download and go with the account when it is erased.
// The limits keep a response small enough for one request (the server accepts 512 KiB per request).
import type { FormNode } from './compile';
import { formError, showValue } from './errors';
import type { ShapeContext } from './shape';

/** Largest file or signature accepted, in bytes of decoded content, unless the question's `maxSize` is smaller. */
export const MAX_FILE_BYTES = 200 * 1024;
/** Types accepted when a file question names none (`acceptedTypes`). */
export const DEFAULT_FILE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'];
const SIGNATURE_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?(;[\w-]+=[\w.-]+)*(;base64)?,/;

/** Decoded size of a data URL's content. */
function decodedBytes(url: string, base64: boolean): number {
	const body = url.slice(url.indexOf(',') + 1);
	if (!base64) return decodeURIComponent(body).length;
	const pad = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
	return Math.floor((body.length * 3) / 4) - pad;
}

/** Whether `type` (and file name) matches an `accept` list such as `image/*,.pdf`. */
function accepted(type: string, name: string, accept: string[]): boolean {
	return accept.some((a) => {
		const rule = a.trim().toLowerCase();
		if (rule.startsWith('.')) return name.toLowerCase().endsWith(rule);
		if (rule.endsWith('/*')) return type.startsWith(rule.slice(0, -1));
		return type === rule;
	});
}

function checkDataUrl(url: unknown, name: string, accept: string[], max: number, at: string, ctx: ShapeContext): boolean {
	const m = typeof url === 'string' ? DATA_URL.exec(url) : null;
	if (!m) {
		ctx.errors.push(formError(ctx.top, at, 'file', { value: showValue(url) }));
		return false;
	}
	const type = (m[1] ?? 'text/plain').toLowerCase();
	if (!accepted(type, name, accept)) {
		ctx.errors.push(formError(ctx.top, at, 'fileType', { type, accepted: accept.join(', ') }));
		return false;
	}
	const size = decodedBytes(url as string, m[3] !== undefined);
	if (size > max) {
		ctx.errors.push(formError(ctx.top, at, 'fileSize', { size, max }));
		return false;
	}
	return true;
}

/**
 * Checks a `file` answer (a list of `{ name, type, content }` with `content` a data URL) or a
 * `signaturepad` answer (one data URL of an image): the type against `acceptedTypes` (default
 * DEFAULT_FILE_TYPES), the size against the question's `maxSize` capped at MAX_FILE_BYTES, at most one
 * file unless `allowMultiple`.
 */
export function checkFile(node: FormNode, value: unknown, at: string, ctx: ShapeContext): unknown {
	const own = typeof node.json.maxSize === 'number' && node.json.maxSize > 0 ? node.json.maxSize : MAX_FILE_BYTES;
	const max = Math.min(own, MAX_FILE_BYTES);
	if (node.type === 'signaturepad') return checkDataUrl(value, '', SIGNATURE_TYPES, max, at, ctx) ? value : undefined;
	const accept = typeof node.json.acceptedTypes === 'string' && node.json.acceptedTypes.trim() !== '' ? node.json.acceptedTypes.split(',') : DEFAULT_FILE_TYPES;
	if (!Array.isArray(value)) {
		ctx.errors.push(formError(ctx.top, at, 'file', { value: showValue(value) }));
		return undefined;
	}
	if (value.length > 1 && node.json.allowMultiple !== true) {
		ctx.errors.push(formError(ctx.top, at, 'tooManyFiles'));
		return undefined;
	}
	const out: { name: string; type: string; content: string }[] = [];
	for (const [i, f] of value.entries()) {
		const fileAt = `${at}[${i}]`;
		const file = f as Record<string, unknown> | null;
		if (typeof file !== 'object' || file === null || typeof file.name !== 'string' || typeof file.content !== 'string') {
			ctx.errors.push(formError(ctx.top, fileAt, 'file', { value: showValue(f) }));
			return undefined;
		}
		if (!checkDataUrl(file.content, file.name, accept, max, fileAt, ctx)) return undefined;
		out.push({ name: file.name.slice(0, 255), type: typeof file.type === 'string' ? file.type : '', content: file.content });
	}
	return out;
}
