// The API over HTTP: its conventions (error shape, statuses, headers) and, for every documented
// endpoint, bad input of every kind answered with a 4xx in the error shape — never a 500.
import { beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type Endpoint } from '#platform/openapi/registry.ts';
import { server } from './harness.ts';

const { url } = server();

interface ErrorBody {
	error: { code: string; message: string; details: unknown };
}

async function call(method: string, path: string, init: { token?: string; cookie?: string; body?: BodyInit; type?: string; language?: string } = {}) {
	const headers: Record<string, string> = { 'accept-language': init.language ?? 'fr' };
	if (init.token) headers.authorization = `Bearer ${init.token}`;
	if (init.cookie) headers.cookie = init.cookie;
	if (init.type) headers['content-type'] = init.type;
	if (init.cookie) headers.origin = new URL(url('/')).origin;
	const response = await fetch(url(path), { method, headers, body: init.body, redirect: 'manual' });
	const text = await response.text();
	let json: unknown = undefined;
	try {
		json = JSON.parse(text);
	} catch {
		// not JSON: the assertions say so
	}
	return { status: response.status, headers: response.headers, json, text };
}

function expectErrorShape(result: Awaited<ReturnType<typeof call>>, context: string) {
	expect(result.status, `${context} → ${result.status} ${result.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
	expect(result.status, `${context} → ${result.status} ${result.text.slice(0, 200)}`).toBeLessThan(500);
	const body = result.json as ErrorBody;
	expect(body?.error, `${context}: error shape, got ${result.text.slice(0, 200)}`).toBeDefined();
	expect(typeof body.error.code).toBe('string');
	expect(body.error.message.length).toBeGreaterThan(0);
	expect('details' in body.error).toBe(true);
	expect(result.text).not.toMatch(/at .*\.(js|ts):\d+/); // never a stack trace
}

/** Signs in through the page's form like a browser, then creates a personal token with the session. */
async function tokenFor(email: string): Promise<string> {
	const form = new URLSearchParams({ email, password: 'sharaka-demo-2026' });
	const origin = new URL(url('/')).origin;
	const signIn = await fetch(url('/fr/account/sign-in'), {
		method: 'POST',
		// accept: text/html, as a browser sends: SvelteKit answers a script's */* with a JSON action result
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html' },
		body: form,
		redirect: 'manual'
	});
	expect(signIn.status, 'demo sign-in').toBe(303);
	const cookie = signIn.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	const created = await call('POST', '/api/v1/me/tokens', { cookie, type: 'application/json', body: JSON.stringify({ name: 'api spec' }) });
	expect(created.status).toBe(201);
	return (created.json as { token: string }).token;
}

let adminToken: string;
let memberToken: string;

beforeAll(async () => {
	adminToken = await tokenFor('admin@demo.sharaka.ma');
	memberToken = await tokenFor('member@demo.sharaka.ma');
});

describe('API conventions', () => {
	it('answers health with the database in use', async () => {
		const result = await call('GET', '/api/v1/health');
		expect(result.status).toBe(200);
		expect(result.json).toMatchObject({ status: 'ok', database: server().database === 'postgresql' ? 'postgresql' : 'pglite' });
	});

	it('answers an unknown endpoint with 404 in the error shape, in the request language', async () => {
		const result = await call('GET', '/api/v1/no-such-thing', { language: 'ar' });
		expect(result.status).toBe(404);
		expectErrorShape(result, 'unknown endpoint');
		expect((result.json as ErrorBody).error.message).toBe('المورد غير موجود.');
	});

	it('refuses a method an endpoint does not have with 405 and an Allow header', async () => {
		const result = await call('DELETE', '/api/v1/health', { token: adminToken });
		expect(result.status).toBe(405);
		expectErrorShape(result, 'DELETE /api/v1/health');
		expect(result.headers.get('allow')).toBe('GET');
	});

	it('answers 401 to an unknown or malformed token, 403 to a person without the role', async () => {
		expect((await call('GET', '/api/v1/me', { token: 'shk_not-a-real-token' })).status).toBe(401);
		expect((await call('GET', '/api/v1/me', { token: 'garbage' })).status).toBe(401);
		const forbidden = await call('GET', '/api/v1/audit-events', { token: memberToken });
		expect(forbidden.status).toBe(403);
		expectErrorShape(forbidden, 'member reading the audit trail');
		const anonymous = await call('GET', '/api/v1/audit-events');
		expect(anonymous.status).toBe(401);
	});

	it('refuses a body over the size limit with 413', async () => {
		const big = JSON.stringify({ name: 'x'.repeat(1_100_000) });
		const result = await call('POST', '/api/v1/organisations', { token: adminToken, type: 'application/json', body: big });
		expect(result.status).toBe(413);
		expectErrorShape(result, 'oversized body');
	});

	it('refuses a NUL character in an address or a form with 400, changing nothing', async () => {
		const inAddress = await call('GET', '/api/v1/organisations?q=%00');
		expectErrorShape(inAddress, 'NUL in the query');
		const origin = new URL(url('/')).origin;
		const form = await fetch(url('/fr/account/sign-in'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html' },
			body: 'email=a%00%40x.ma&password=whatever-123',
			redirect: 'manual'
		});
		expect(form.status).toBe(400);
	});

	it('sends security headers and a request id', async () => {
		const result = await call('GET', '/api/v1/health');
		expect(result.headers.get('x-content-type-options')).toBe('nosniff');
		expect(result.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
		const page = await fetch(url('/fr'));
		const csp = page.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain('unsafe-inline');
	});

	it('records the use of a personal token in the audit trail', async () => {
		await call('GET', '/api/v1/me', { token: memberToken });
		const result = await call('GET', '/api/v1/audit-events?action=api_token.use&pageSize=50', { token: adminToken });
		expect(result.status).toBe(200);
		const items = (result.json as { items: { after: { path: string } | null; actorLabel: string | null }[] }).items;
		expect(items.some((item) => item.actorLabel === 'member@demo.sharaka.ma' && item.after?.path === '/api/v1/me')).toBe(true);
	});
});

/** Paths with their parameters filled with values that do not exist or are malformed. */
function concretePaths(endpoint: Endpoint): string[] {
	if (!endpoint.path.includes('{')) return [endpoint.path];
	return ['00000000-0000-0000-0000-000000000000', 'not-an-id', '%00%27%22', 'x'.repeat(300)].map((value) =>
		endpoint.path.replace(/\{[^}]+\}/g, value)
	);
}

const badBodies: { body: string; type?: string; label: string }[] = [
	{ label: 'no content type', body: '{}' },
	{ label: 'text/plain', body: 'hello', type: 'text/plain' },
	{ label: 'broken JSON', body: '{"name": ', type: 'application/json' },
	{ label: 'JSON array', body: '[1,2,3]', type: 'application/json' },
	{ label: 'JSON null', body: 'null', type: 'application/json' },
	{ label: 'wrong types', body: JSON.stringify({ name: 42, role: ['x'], type: {}, email: false, country: 7, website: 'javascript:alert(1)' }), type: 'application/json' },
	{ label: 'form-encoded', body: 'name=x&role=y', type: 'application/x-www-form-urlencoded' }
];

const badQueries = ['page=-1', 'page=abc', 'pageSize=100000', 'pageSize=0', 'from=not-a-date', 'to=2026-13-45', 'role=emperor', 'type=%00', 'q=' + 'x'.repeat(5000)];

describe('bad input to every documented endpoint', () => {
	for (const endpoint of endpoints()) {
		const withBody = ['POST', 'PUT', 'PATCH'].includes(endpoint.method);
		it(`${endpoint.method} ${endpoint.path} never answers 5xx, and answers bad input with a 4xx error`, async () => {
			for (const path of concretePaths(endpoint)) {
				if (withBody) {
					for (const bad of badBodies) {
						const result = await call(endpoint.method, path, { token: adminToken, body: bad.body, type: bad.type });
						expectErrorShape(result, `${endpoint.method} ${path} with ${bad.label}`);
					}
				} else {
					const result = await call(endpoint.method, path, { token: adminToken });
					expect(result.status, `${endpoint.method} ${path}`).toBeLessThan(500);
					if (result.status >= 400) expectErrorShape(result, `${endpoint.method} ${path}`);
				}
			}
			if (endpoint.query) {
				for (const query of badQueries) {
					const result = await call(endpoint.method, `${endpoint.path}?${query}`, { token: adminToken });
					expect(result.status, `${endpoint.method} ${endpoint.path}?${query.slice(0, 40)} → ${result.text.slice(0, 200)}`).toBeLessThan(500);
					if (result.status >= 400) expectErrorShape(result, `${endpoint.method} ${endpoint.path}?${query.slice(0, 40)}`);
				}
			}
		});
	}
});
