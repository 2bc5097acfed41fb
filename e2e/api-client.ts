// The API as a partner's system calls it, for browser specs that also drive the API: JSON calls with
// a token or a session cookie, and personal tokens of demo accounts obtained like a person would.
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { server } from './harness.ts';

export interface ApiAnswer {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: Record<string, any>;
	text: string;
}

export function apiClient() {
	const { url } = server();
	const origin = () => new URL(url('/')).origin;

	async function call(
		method: string,
		path: string,
		init: { token?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}
	): Promise<ApiAnswer> {
		const headers: Record<string, string> = { 'accept-language': 'fr', ...init.headers };
		if (init.token) headers.authorization = `Bearer ${init.token}`;
		if (init.cookie) {
			headers.cookie = init.cookie;
			headers.origin = origin();
		}
		if (init.body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(url(path), { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), redirect: 'manual' });
		const text = await response.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, headers: response.headers, json: json as ApiAnswer['json'], text };
	}

	/** Signs in through the form like a browser (the demo password); returns the session cookie. */
	async function sessionCookie(email: string): Promise<string> {
		const signIn = await fetch(url('/fr/account/sign-in'), {
			method: 'POST',
			// accept: text/html, as a browser sends: SvelteKit answers a script's */* with a JSON action result
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin(), accept: 'text/html' },
			body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
			redirect: 'manual'
		});
		expect(signIn.status, `sign-in of ${email}`).toBe(303);
		return signIn.headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.join('; ');
	}

	/** A personal API token of a demo account, created with its session as a person would. */
	async function tokenFor(email: string, name = 'browser spec'): Promise<string> {
		const created = await call('POST', '/api/v1/me/tokens', { cookie: await sessionCookie(email), body: { name } });
		expect(created.status, created.text).toBe(201);
		return created.json.token as string;
	}

	return { call, sessionCookie, tokenFor };
}
