import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, openApiDocument, type OpenApiDocument } from './document.ts';
import { docsView } from './docs-view.ts';
import { endpoints } from './registry.ts';

describe('the readable API docs', () => {
	it('lists every registered endpoint once, grouped by its first tag', () => {
		const view = docsView(openApiDocument());
		const shown = view.groups.flatMap((group) => group.operations.map((operation) => `${operation.method} ${operation.path}`));
		expect(shown.sort()).toEqual(endpoints().map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort());
		for (const group of view.groups) {
			for (const operation of group.operations) {
				const endpoint = endpoints().find((entry) => entry.method === operation.method && entry.path === operation.path)!;
				expect(group.name).toBe(endpoint.tags[0]);
				expect(operation.summary).toBe(endpoint.summary);
				expect(operation.auth).toBe(endpoint.auth);
			}
		}
	});

	it('shows the health answer as a field list', () => {
		const view = docsView(openApiDocument());
		const health = view.groups.flatMap((group) => group.operations).find((operation) => operation.path === '/api/v1/health')!;
		expect(health.auth).toBe('none');
		expect(health.responses.map((response) => response.status)).toEqual(['200', '503']);
		const body = health.responses[0].body!;
		expect(body.type).toBe('Health');
		expect(body.fields.map((field) => [field.name, field.type, field.required])).toEqual([
			['status', 'string', true],
			['database', 'string', true],
			['version', 'string', true]
		]);
		expect(body.fields[1].constraints).toEqual([{ key: 'enum', value: '"pglite", "postgresql"' }]);
	});

	it('describes the shared error shape and statuses', () => {
		const view = docsView(openApiDocument());
		expect(view.errorShape.map((field) => field.name)).toEqual([
			'error',
			'error.code',
			'error.message',
			'error.details',
			'error.details.fields',
			'error.details.fields[].path',
			'error.details.fields[].message'
		]);
		expect(view.errorShape.find((field) => field.name === 'error.details')?.type).toBe('object | null');
		expect(view.errorResponses.map((response) => response.status)).toEqual(['400', '401', '403', '404', '409', '413', '415', '429']);
		expect(view.bearerDescription).toContain('create-token');
	});

	it('flattens nested objects, arrays and nullable references into dotted paths', () => {
		const organisation = z.object({ slug: z.string() }).meta({ id: 'DocsOrganisation' });
		const person = z
			.object({
				id: z.string(),
				role: z.enum(['member', 'administrator']),
				tokens: z.array(z.object({ id: z.uuid(), revokedAt: z.iso.datetime().nullable() })),
				organisation: organisation.nullable()
			})
			.meta({ id: 'DocsPerson' });
		const document = buildOpenApiDocument([
			{
				method: 'POST',
				path: '/api/v1/people/{id}',
				tags: ['Users'],
				auth: 'bearer',
				summary: 'Change a person',
				params: z.object({ id: z.string().describe('the person') }),
				query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
				body: z.object({ name: z.string().min(2).max(80) }),
				responses: { 200: { description: 'The people', schema: z.object({ items: z.array(person), total: z.number().int() }) } },
				errors: [404]
			}
		]);
		const [group] = docsView(document).groups;
		const [operation] = group.operations;
		expect(operation.auth).toBe('bearer');
		expect(operation.parameters.map((parameter) => [parameter.location, parameter.name, parameter.type, parameter.required])).toEqual([
			['path', 'id', 'string', true],
			['query', 'page', 'integer', false]
		]);
		expect(operation.parameters[0].description).toBe('the person');
		expect(operation.parameters[1].constraints).toEqual([
			{ key: 'minimum', value: 1 },
			{ key: 'default', value: '1' }
		]);
		expect(operation.requestBody?.fields).toEqual([
			{
				name: 'name',
				type: 'string',
				required: true,
				description: null,
				constraints: [
					{ key: 'min_length', value: 2 },
					{ key: 'max_length', value: 80 }
				]
			}
		]);
		const fields = operation.responses[0].body!.fields;
		expect(fields.map((field) => [field.name, field.type])).toEqual([
			['items', 'DocsPerson[]'],
			['items[].id', 'string'],
			['items[].role', 'string'],
			['items[].tokens', 'object[]'],
			['items[].tokens[].id', 'string'],
			['items[].tokens[].revokedAt', 'string | null'],
			['items[].organisation', 'DocsOrganisation | null'],
			['items[].organisation.slug', 'string'],
			['total', 'integer']
		]);
		expect(operation.responses.map((response) => [response.status, response.error])).toEqual([
			['200', false],
			['400', true],
			['401', true],
			['404', true],
			['413', true],
			['415', true]
		]);
	});

	it('stops at a schema that contains itself', () => {
		const document = {
			openapi: '3.1.0',
			info: { title: 'T', version: '1' },
			paths: {
				'/api/v1/tree': {
					get: {
						tags: ['Tree'],
						responses: {
							200: { description: 'A tree', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } }
						}
					}
				}
			},
			components: {
				schemas: {
					Node: {
						type: 'object',
						properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
						required: ['name']
					}
				}
			}
		} as unknown as OpenApiDocument;
		const body = docsView(document).groups[0].operations[0].responses[0].body!;
		expect(body.fields.map((field) => [field.name, field.type])).toEqual([
			['name', 'string'],
			['children', 'Node[]']
		]);
	});
});
