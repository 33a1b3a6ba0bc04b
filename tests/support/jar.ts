// A browser stand-in for HTTP tests: fetch with a cookie jar, sending this site's Origin like a
// browser does (SvelteKit refuses cross-site form posts), never following redirects.
import { hash } from '@node-rs/argon2';
import { openDb } from './db';

export const PASSWORD = 'correct horse battery';

export class Jar {
	cookies = new Map<string, string>();
	constructor(public base: string) {}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set('origin', this.base);
		if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		const res = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
		for (const c of res.headers.getSetCookie()) {
			const [pair, ...attrs] = c.split(';');
			const eq = pair.indexOf('=');
			const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
			if (value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return res;
	}

	/** A plain HTML form post, as a browser without JavaScript sends it. */
	post(path: string, fields: Record<string, string> = {}) {
		return this.request(path, {
			method: 'POST',
			headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields)
		});
	}

	async login(email: string, password = PASSWORD) {
		const res = await this.post('/login', { email, password });
		if (res.status !== 303 || !this.cookies.has('spejl_session'))
			throw new Error(`could not sign in ${email}: ${res.status}`);
		return this;
	}

	async register(email: string, name = 'Test Client') {
		const res = await this.post('/register', { email, password: PASSWORD, name, privacy: 'agree' });
		if (res.status !== 303) throw new Error(`could not register ${email}: ${res.status}`);
		return this;
	}
}

/**
 * An administrator, written straight into the test database: /setup makes only the first one, and
 * the test files share one server.
 */
export async function insertAdmin(dbTarget: string, email: string): Promise<string> {
	const id = crypto.randomUUID();
	const passwordHash = await hash(PASSWORD);
	await openDb(dbTarget)
		.insertInto('user')
		.values({
			id,
			email,
			password_hash: passwordHash,
			role: 'admin',
			display_name: 'Test Admin',
			locale: 'en',
			created_at: new Date().toISOString()
		})
		.execute();
	return id;
}
