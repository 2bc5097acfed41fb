import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeAccess, accessFor, platformRouteTable } from './route-access.ts';
import { inventoryRoutes } from './route-inventory.ts';
import { installedModules } from '../kernel/modules.ts';
import { administrators, describeRouteAccess, everyone, routeKeys, signedIn, staff, type Who } from '../testing/route-access-cases.ts';

/**
 * The expected answer for every route of the platform itself, for every kind of person; each module
 * states its own in its folder (e.g. src/modules/atlas/access.test.ts). The tests below check that every
 * route in src/routes has a rule, so nobody ships a page or endpoint without deciding who may use it.
 */
const expected: Record<string, Who[]> = {
	'GET /': everyone,
	'GET /[lang=lang]': everyone,
	'GET /[lang=lang]/[module=module]': everyone,
	'GET /[lang=lang]/accessibility': everyone,
	'GET /[lang=lang]/legal': everyone,
	'GET /[lang=lang]/contact': everyone,
	'POST /[lang=lang]/contact': everyone,
	'GET /[lang=lang]/offline': everyone,
	'GET /[lang=lang]/manifest.webmanifest': everyone,
	'GET /[lang=lang]/service-worker.js': everyone,
	'GET /[lang=lang]/account': signedIn,
	'POST /[lang=lang]/account': signedIn,
	'GET /[lang=lang]/my-space': signedIn,
	'GET /[lang=lang]/account/forgot-password': everyone,
	'POST /[lang=lang]/account/forgot-password': everyone,
	'GET /[lang=lang]/account/reset-password': everyone,
	'POST /[lang=lang]/account/reset-password': everyone,
	'GET /[lang=lang]/account/sign-in': everyone,
	'POST /[lang=lang]/account/sign-in': everyone,
	'POST /[lang=lang]/account/sign-out': everyone,
	'GET /[lang=lang]/account/sign-up': everyone,
	'POST /[lang=lang]/account/sign-up': everyone,
	'GET /[lang=lang]/account/verify-email': everyone,
	'POST /[lang=lang]/account/verify-email': everyone,
	'GET /[lang=lang]/admin': staff,
	'GET /[lang=lang]/admin/audit': administrators,
	'GET /[lang=lang]/admin/jobs': administrators,
	'POST /[lang=lang]/admin/jobs': administrators,
	'GET /api/v1/jobs': administrators,
	'POST /api/v1/jobs/[queue]/[id]/retry': administrators,
	'GET /[lang=lang]/admin/organisations': staff,
	'POST /[lang=lang]/admin/organisations': staff,
	'GET /[lang=lang]/admin/organisations/[id]': staff,
	'POST /[lang=lang]/admin/organisations/[id]': staff,
	'GET /[lang=lang]/admin/site': administrators,
	'POST /[lang=lang]/admin/site': administrators,
	'GET /[lang=lang]/admin/users': administrators,
	'POST /[lang=lang]/admin/users': administrators,
	'GET /[lang=lang]/admin/users/[id]': administrators,
	'POST /[lang=lang]/admin/users/[id]': administrators,
	'GET /api/docs': everyone,
	'GET /api/docs/[group]': everyone,
	'GET /api/v1/audit-events': administrators,
	'GET /api/v1/health': everyone,
	'GET /api/v1/health/live': everyone,
	'GET /api/v1/health/ready': everyone,
	'GET /metrics': everyone,
	'GET /api/v1/me': signedIn,
	'GET /api/v1/me/tokens': signedIn,
	'POST /api/v1/me/tokens': signedIn,
	'DELETE /api/v1/me/tokens/[id]': signedIn,
	'GET /api/v1/openapi.json': everyone,
	'GET /api/v1/organisations': everyone,
	'POST /api/v1/organisations': staff,
	'GET /api/v1/organisations/[id]': everyone,
	'PATCH /api/v1/organisations/[id]': staff,
	'GET /api/v1/users': administrators,
	'PUT /api/v1/users/[id]/role': administrators,
	'GET /api/v1/users/[id]/grants': administrators,
	'POST /api/v1/users/[id]/grants': administrators,
	'DELETE /api/v1/users/[id]/grants/[grantId]': administrators,
	'GET /api/v1/me/export': signedIn,
	'DELETE /api/v1/me': signedIn,
};

describeRouteAccess('the platform', platformRouteTable, expected);

describe('route policy', () => {
	const inventory = inventoryRoutes(path.resolve('src/routes'));
	const existing = [...inventory].flatMap(([id, methods]) => [...methods].map((method) => `${method} ${id}`)).sort();

	it('has an access rule for every method of every route in src/routes', () => {
		const missing = existing.filter((key) => {
			const [method, id] = key.split(' ');
			return accessFor(id, method) === undefined;
		});
		expect(missing).toEqual([]);
	});

	it('has no rule for a route or method that does not exist', () => {
		const declared = Object.entries(routeAccess()).flatMap(([id, methods]) => Object.keys(methods).map((m) => `${m} ${id}`));
		expect(declared.filter((key) => !existing.includes(key))).toEqual([]);
	});

	it('has an owner for every rule: the platform or one installed module, each with its expectations', () => {
		const owned = [...routeKeys(platformRouteTable), ...installedModules().flatMap((manifest) => routeKeys(manifest.routes ?? {}))].sort();
		expect(owned).toEqual(routeKeys(routeAccess()));
	});

	it('refuses a method a route does not declare', () => {
		expect(accessFor('/api/v1/health', 'DELETE')).toBeUndefined();
		expect(accessFor('/[lang=lang]/admin/audit', 'POST')).toBeUndefined();
		expect(accessFor(null, 'GET')).toBeUndefined();
	});
});

describe('routes that accept files', () => {
	it('are real routes that accept a body', async () => {
		const { uploadRoutes } = await import('../http/body-limits.ts');
		const inventory = inventoryRoutes(path.resolve('src/routes'));
		for (const routeId of uploadRoutes()) {
			const methods = [...(inventory.get(routeId) ?? [])];
			expect(methods.some((method) => ['POST', 'PUT'].includes(method)), routeId).toBe(true);
		}
	});
});
