import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, openApiDocument, operationId, type OpenApiDocument } from './document.ts';
import { endpoints, type Endpoint } from './registry.ts';
import { accessFor } from '../policy/route-access.ts';
import { GET as getOpenApiJson } from '../../routes/api/v1/openapi.json/+server.ts';
import packageJson from '../../../package.json' with { type: 'json' };

const routesDir = path.resolve(import.meta.dirname, '../../routes');
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];

type Json = Record<string, unknown>;
const json = (value: unknown) => value as Json;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every `$ref` in the document, with where it was found. */
function collectRefs(node: unknown, at: string, found: { ref: string; at: string }[] = []) {
	if (Array.isArray(node)) node.forEach((item, index) => collectRefs(item, `${at}/${index}`, found));
	else if (isObject(node)) {
		for (const [key, value] of Object.entries(node)) {
			if (key === '$ref' && typeof value === 'string') found.push({ ref: value, at });
			else collectRefs(value, `${at}/${key}`, found);
		}
	}
	return found;
}

function resolvePointer(document: unknown, ref: string): unknown {
	if (!ref.startsWith('#/')) return undefined;
	return ref
		.slice(2)
		.split('/')
		.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), document);
}

/** Structural problems that make a document not valid OpenAPI 3.1. */
function problemsOf(document: OpenApiDocument): string[] {
	const problems: string[] = [];
	const doc = document as unknown as Json;
	if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) problems.push(`openapi is ${String(doc.openapi)}`);
	const info = doc.info as Json | undefined;
	if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') problems.push('info needs title and version');
	if (!isObject(doc.paths)) problems.push('paths missing');
	const operationIds = new Set<string>();
	for (const [pathKey, item] of Object.entries((doc.paths ?? {}) as Json)) {
		if (!pathKey.startsWith('/')) problems.push(`${pathKey}: a path starts with /`);
		if (!isObject(item)) {
			problems.push(`${pathKey}: not a path item`);
			continue;
		}
		const operations = METHODS.filter((method) => isObject(item[method]));
		if (operations.length === 0) problems.push(`${pathKey}: no operation`);
		const templated = [...pathKey.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
		for (const method of operations) {
			const operation = item[method] as Json;
			const where = `${method.toUpperCase()} ${pathKey}`;
			if (typeof operation.operationId === 'string') {
				if (operationIds.has(operation.operationId)) problems.push(`${where}: duplicate operationId ${operation.operationId}`);
				operationIds.add(operation.operationId);
			}
			const responses = operation.responses;
			if (!isObject(responses) || Object.keys(responses).length === 0) problems.push(`${where}: no responses`);
			for (const [status, response] of Object.entries(isObject(responses) ? responses : {})) {
				if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problems.push(`${where}: bad status ${status}`);
				const resolved = isObject(response) && typeof response.$ref === 'string' ? resolvePointer(doc, response.$ref) : response;
				if (!isObject(resolved) || typeof resolved.description !== 'string') problems.push(`${where} ${status}: no description`);
			}
			// Every {param} of the path is declared as a required path parameter, and no other.
			const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []) as Json[];
			const inPath = parameters.filter((parameter) => parameter.in === 'path');
			for (const name of templated) {
				const declared = inPath.find((parameter) => parameter.name === name);
				if (!declared || declared.required !== true) problems.push(`${where}: path parameter ${name} not declared as required`);
			}
			for (const parameter of inPath) {
				if (!templated.includes(String(parameter.name))) problems.push(`${where}: path parameter ${String(parameter.name)} not in the path`);
			}
			for (const requirement of (operation.security ?? []) as Json[]) {
				for (const scheme of Object.keys(requirement)) {
					if (!isObject(resolvePointer(doc, `#/components/securitySchemes/${scheme}`))) problems.push(`${where}: unknown security scheme ${scheme}`);
				}
			}
		}
	}
	for (const { ref, at } of collectRefs(doc, '#')) {
		if (resolvePointer(doc, ref) === undefined) problems.push(`${at}: $ref ${ref} does not resolve`);
	}
	return problems;
}

/** `export const GET`, `export function POST`, `export async function DELETE`, `export { x as PATCH }` */
function exportedMethods(source: string): string[] {
	const found = new Set<string>();
	for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|let|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(match[1]);
	for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
		for (const match of block[1].matchAll(/(?:\w+\s+as\s+)?\b(GET|POST|PUT|PATCH|DELETE)\b/g)) found.add(match[1]);
	}
	return [...found];
}

/** Every `+server.ts` under src/routes/api/v1, as `METHOD /path/{param}` pairs. */
function apiRouteFiles(): { method: string; path: string; file: string }[] {
	const found: { method: string; path: string; file: string }[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts' || entry.name === '+server.js') {
				const routeId = '/' + path.relative(routesDir, dir).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment)).join('/');
				for (const method of exportedMethods(fs.readFileSync(full, 'utf8'))) {
					found.push({ method, path: routeIdToOpenApi(routeId), file: path.relative(routesDir, full) });
				}
			}
		}
	};
	walk(path.join(routesDir, 'api', 'v1'));
	return found;
}

/** `/api/v1/users/[id=uuid]` → `/api/v1/users/{id}` */
function routeIdToOpenApi(routeId: string): string {
	return routeId.replace(/\[(?:\.\.\.)?([A-Za-z_]\w*)(?:=\w+)?\]/g, '{$1}');
}

describe('the OpenAPI document', () => {
	const document = openApiDocument();

	it('is a structurally valid OpenAPI 3.1 document whose every $ref resolves', () => {
		expect(document.openapi).toMatch(/^3\.1\.\d+$/);
		expect(problemsOf(document)).toEqual([]);
	});

	it('names the API, its version and the bearer token scheme', () => {
		expect(document.info.title).toBe('Sharaka API');
		expect(document.info.version).toBe(packageJson.version);
		expect(document.servers).toEqual([{ url: '/' }]);
		const bearer = json(document.components?.securitySchemes?.bearerAuth);
		expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
		expect(bearer.description).toContain('Authorization: Bearer <personal API token>');
		expect(bearer.description).toContain('npm run admin -- create-token');
	});

	it('shares one Error schema and a response for each error status', () => {
		const error = document.components?.schemas?.Error as Json;
		const inner = (error.properties as Json).error as Json;
		expect(Object.keys(inner.properties as Json)).toEqual(['code', 'message', 'details']);
		expect(inner.required).toEqual(['code', 'message', 'details']);
		const responses = json(document.components?.responses) as Record<string, Json>;
		for (const name of ['InvalidInput', 'Unauthenticated', 'Forbidden', 'NotFound', 'Conflict', 'PayloadTooLarge', 'RateLimited']) {
			expect(responses[name].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
		}
	});

	it('describes the health endpoint as public, 200 or 503, with its fields', () => {
		const health = json(document.paths?.['/api/v1/health']?.get);
		expect(health.security).toEqual([]);
		expect(Object.keys(health.responses as Json)).toEqual(['200', '503']);
		const schema = document.components?.schemas?.Health as Json;
		expect(schema.required).toEqual(['status', 'database', 'version']);
		expect(((schema.properties as Json).database as Json).enum).toEqual(['pglite', 'postgresql']);
	});

	it('declares each endpoint once', () => {
		const keys = endpoints().map((endpoint) => `${endpoint.method} ${endpoint.path}`);
		expect(keys.length).toBe(new Set(keys).size);
	});

	it('documents every method of every API route file, and nothing that does not exist', () => {
		const files = apiRouteFiles();
		expect(files.length).toBeGreaterThanOrEqual(2);
		const inFiles = new Set(files.map((route) => `${route.method} ${route.path}`));
		const registered = new Set(endpoints().map((endpoint) => `${endpoint.method} ${endpoint.path}`));
		const undocumented = files.filter((route) => !registered.has(`${route.method} ${route.path}`)).map((route) => `${route.method} ${route.path} (${route.file})`);
		const missing = [...registered].filter((key) => !inFiles.has(key));
		expect(undocumented, 'endpoints without an entry in src/platform/openapi/registry.ts').toEqual([]);
		expect(missing, 'registered endpoints with no route file').toEqual([]);
	});

	it('agrees with the route policy: "none" endpoints are public, "bearer" ones are not', () => {
		for (const endpoint of endpoints()) {
			const routeId = endpoint.path.replace(/\{(\w+)\}/g, '[$1]');
			const access = accessFor(routeId, endpoint.method) ?? accessForMatcher(endpoint);
			if (endpoint.auth === 'none') expect(access, `${endpoint.method} ${endpoint.path}`).toBe('public');
			else expect(access, `${endpoint.method} ${endpoint.path}`).not.toBe('public');
		}
	});

	it('serves the document at /api/v1/openapi.json', async () => {
		const response = await getOpenApiJson();
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
	});
});

/** A route folder may carry a matcher (`[id=uuid]`): find its policy entry by shape. */
function accessForMatcher(endpoint: Endpoint) {
	const files = apiRouteFiles().filter((route) => route.path === endpoint.path && route.method === endpoint.method);
	for (const file of files) {
		const routeId = '/' + path.dirname(file.file).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment)).join('/');
		const access = accessFor(routeId, endpoint.method);
		if (access) return access;
	}
	return undefined;
}

describe('registering an endpoint', () => {
	const item = z.object({ id: z.uuid(), title: z.string().min(1).max(200).describe('the title') }).meta({ id: 'SampleItem' });
	const sample: Endpoint = {
		method: 'PATCH',
		path: '/api/v1/samples/{id}',
		tags: ['Samples'],
		auth: 'bearer',
		summary: 'Change a sample',
		params: z.object({ id: z.uuid() }),
		query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
		body: z.object({ title: z.string().min(1) }),
		responses: { 200: { description: 'The changed sample', schema: item } },
		errors: [403, 404, 409]
	};
	const document = buildOpenApiDocument([sample]);
	const operation = json(document.paths?.['/api/v1/samples/{id}']?.patch);

	it('produces a valid operation with its parameters, body, schemas and security', () => {
		expect(problemsOf(document)).toEqual([]);
		expect(operation.operationId).toBe('patchSamplesById');
		expect(operation.security).toEqual([{ bearerAuth: [] }]);
		expect(operation.tags).toEqual(['Samples']);
		const parameters = operation.parameters as Json[];
		expect(parameters.map((parameter) => [parameter.in, parameter.name, parameter.required])).toEqual([
			['path', 'id', true],
			['query', 'dryRun', false]
		]);
		expect(operation.requestBody).toMatchObject({ required: true, content: { 'application/json': { schema: { type: 'object' } } } });
		expect((document.components?.schemas?.SampleItem as Json).required).toEqual(['id', 'title']);
	});

	it('adds the error responses implied by a token, an input and a body to the declared ones', () => {
		const responses = operation.responses as Record<string, Json>;
		expect(Object.keys(responses)).toEqual(['200', '400', '401', '403', '404', '409', '413', '415']);
		expect(responses['401']).toEqual({ $ref: '#/components/responses/Unauthenticated' });
		expect(responses['409']).toEqual({ $ref: '#/components/responses/Conflict' });
	});

	it('finds a $ref that does not resolve', () => {
		const broken = JSON.parse(JSON.stringify(document)) as OpenApiDocument;
		delete (broken.components!.schemas as Json).SampleItem;
		expect(problemsOf(broken).join('\n')).toContain('#/components/schemas/SampleItem does not resolve');
	});

	it('derives stable operation ids from the method and path', () => {
		expect(operationId({ method: 'GET', path: '/api/v1/me/tokens' })).toBe('getMeTokens');
		expect(operationId({ method: 'DELETE', path: '/api/v1/me/tokens/{tokenId}' })).toBe('deleteMeTokensByTokenId');
		expect(operationId({ method: 'GET', path: '/api/v1/audit-events' })).toBe('getAuditEvents');
	});
});
