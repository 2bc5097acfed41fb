import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../openapi/document.ts';
import { adminEndpoints } from './admin.openapi.ts';
import { adminRoutes } from './admin.routes.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the staff API description', () => {
	const document = buildOpenApiDocument(adminEndpoints) as Json;

	it('describes every staff endpoint that the route table lets through, and only those', () => {
		const described = adminEndpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort();
		const routed = Object.entries(adminRoutes)
			.filter(([id]) => id.startsWith('/api/'))
			.flatMap(([id, methods]) => Object.keys(methods).map((method) => `${method} ${id.replace(/\[(\w+)\]/g, '{$1}')}`))
			.sort();
		expect(described).toEqual(routed);
	});

	it('marks public endpoints as public and the others as needing a token', () => {
		for (const endpoint of adminEndpoints) {
			const access = adminRoutes[endpoint.path.replace(/\{(\w+)\}/g, '[$1]')][endpoint.method];
			expect(endpoint.auth, `${endpoint.method} ${endpoint.path}`).toBe(access === 'public' ? 'none' : 'bearer');
		}
	});

	it('gives the named schemas as components, with integer paging limits', () => {
		const schemas = document.components.schemas as Json;
		for (const name of ['Organisation', 'OrganisationCreate', 'OrganisationUpdate', 'OrganisationList', 'UserSummary', 'UserList', 'UserRoleUpdate', 'AuditEvent', 'AuditEventList', 'Role', 'OrganisationType']) {
			expect(schemas[name], name).toBeDefined();
		}
		const parameters = document.paths['/api/v1/audit-events'].get.parameters as Json[];
		const pageSize = parameters.find((parameter) => parameter.name === 'pageSize');
		expect(pageSize?.schema).toMatchObject({ maximum: 200 });
		expect(document.paths['/api/v1/organisations'].post.responses['201']).toBeDefined();
		expect(document.paths['/api/v1/users/{id}/role'].put.responses['409']).toBeDefined();
	});
});
