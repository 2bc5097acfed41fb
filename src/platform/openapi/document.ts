import { z } from 'zod';
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { errorStatus, type ErrorCode } from '../http/app-error.ts';
import { endpoints as registeredEndpoints, tags, type Endpoint, type ErrorStatus } from './registry.ts';
import packageJson from '../../../package.json' with { type: 'json' };

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export const RAW_DOCUMENT_PATH = '/api/v1/openapi.json';

export const BEARER_DESCRIPTION =
	'Authorization: Bearer <personal API token>, created on the account page or with `npm run admin -- create-token`.';

const fieldProblemSchema = z.object({
	path: z.string().describe('dotted path of the field, e.g. `name` or `items.2.title`; empty for the whole body'),
	message: z.string().describe('what is wrong, in the request’s language')
});

/** The one error shape of the API (see `errorResponse` in http/api.ts). */
export const errorSchema = z
	.object({
		error: z.object({
			code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]).describe('stable, machine-readable code'),
			message: z.string().describe('human-readable message in the request’s language (Accept-Language: fr, ar or en)'),
			details: z
				.looseObject({ fields: z.array(fieldProblemSchema).optional().describe('each invalid field (code `invalid_input`)') })
				.nullable()
				.describe('more about the error, or null')
		})
	})
	.meta({ id: 'Error', description: 'Every error answers with this shape.' });

/** The shared error responses, referenced by each operation that can answer them. */
export const errorResponses: Record<ErrorStatus, { name: string; description: string; retryAfter?: boolean }> = {
	400: {
		name: 'InvalidInput',
		description: 'The input is not valid (`invalid_input`): `details.fields` lists each problem.'
	},
	401: {
		name: 'Unauthenticated',
		description: 'No valid personal API token was sent, or it was revoked (`unauthenticated`).'
	},
	403: { name: 'Forbidden', description: 'The token’s account may not do this (`forbidden`).' },
	404: { name: 'NotFound', description: 'No such resource, or not one the caller may see (`not_found`).' },
	409: {
		name: 'Conflict',
		description: 'The resource has changed meanwhile or already exists (`conflict`); `details` may hold the current state.'
	},
	413: { name: 'PayloadTooLarge', description: 'The request body is larger than the server accepts (`payload_too_large`).' },
	415: { name: 'UnsupportedMediaType', description: 'The request body is not `application/json` (`unsupported_media_type`).' },
	429: {
		name: 'RateLimited',
		description: 'Too many requests (`rate_limited`); try again after the number of seconds in `Retry-After`.',
		retryAfter: true
	}
};

/** The error statuses an endpoint answers: the declared ones plus those implied by how it is called. */
export function errorStatusesOf(endpoint: Endpoint): ErrorStatus[] {
	const statuses = new Set<ErrorStatus>(endpoint.errors ?? []);
	if (endpoint.auth === 'bearer') statuses.add(401);
	if (endpoint.params || endpoint.query || endpoint.body) statuses.add(400);
	if (endpoint.body) {
		statuses.add(413);
		statuses.add(415);
	}
	return [...statuses].sort((a, b) => a - b);
}

/** `GET /api/v1/users/{id}/tokens` → `getUsersByIdTokens` */
export function operationId(endpoint: Pick<Endpoint, 'method' | 'path'>): string {
	const words = endpoint.path
		.replace(/^\/api\/v\d+/, '')
		.split(/[/._-]+/)
		.filter(Boolean)
		.map((word) => {
			const param = /^\{(.+)\}$/.exec(word);
			const text = param ? `by${param[1][0].toUpperCase()}${param[1].slice(1)}` : word;
			return text[0].toUpperCase() + text.slice(1);
		});
	return endpoint.method.toLowerCase() + words.join('');
}

function routeConfig(endpoint: Endpoint): RouteConfig {
	const responses: RouteConfig['responses'] = {};
	for (const [status, response] of Object.entries(endpoint.responses)) {
		if (!response) continue;
		const config: ResponseConfig = { description: response.description };
		if (response.schema) config.content = { [response.contentType ?? 'application/json']: { schema: response.schema } };
		for (const [type, schema] of Object.entries(response.contentTypes ?? {})) {
			config.content = { ...config.content, [type]: schema ? { schema } : {} };
		}
		responses[status] = config;
	}
	for (const status of errorStatusesOf(endpoint)) {
		responses[String(status)] = { $ref: `#/components/responses/${errorResponses[status].name}` };
	}
	return {
		method: endpoint.method.toLowerCase() as RouteConfig['method'],
		path: endpoint.path,
		operationId: operationId(endpoint),
		summary: endpoint.summary,
		...(endpoint.description ? { description: endpoint.description } : {}),
		tags: endpoint.tags,
		security: endpoint.auth === 'bearer' ? [{ bearerAuth: [] }] : [],
		request: {
			params: endpoint.params,
			query: endpoint.query,
			body: endpoint.body ? { required: true, content: { 'application/json': { schema: endpoint.body } } } : undefined
		},
		responses
	};
}

/** The OpenAPI 3.1 document of the given endpoints (by default every registered one). */
export function buildOpenApiDocument(list: readonly Endpoint[] = registeredEndpoints()): OpenApiDocument {
	const registry = new OpenAPIRegistry();
	registry.registerComponent('securitySchemes', 'bearerAuth', {
		type: 'http',
		scheme: 'bearer',
		description: BEARER_DESCRIPTION
	});
	for (const response of Object.values(errorResponses)) {
		registry.registerComponent('responses', response.name, {
			description: response.description,
			...(response.retryAfter
				? { headers: { 'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer' } } } }
				: {}),
			content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
		});
	}
	for (const endpoint of list) registry.registerPath(routeConfig(endpoint));

	const usedTags = new Set(list.flatMap((endpoint) => endpoint.tags));
	const generator = new OpenApiGeneratorV31([...registry.definitions, { type: 'schema', schema: errorSchema }]);
	const document = generator.generateDocument({
		openapi: '3.1.0',
		info: {
			title: 'Sharaka API',
			version: packageJson.version,
			description:
				'The open API of Sharaka, the platform for migration, mobility and development cooperation in Morocco. ' +
				'Answers are JSON; errors share one shape (`Error`), with messages in the language asked by Accept-Language (fr, ar, en). ' +
				'A readable version of this document is at /api/docs.',
			license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
		},
		servers: [{ url: '/' }],
		tags: [
			...tags().filter((tag) => usedTags.has(tag.name)),
			...[...usedTags].filter((name) => !tags().some((tag) => tag.name === name)).map((name) => ({ name }))
		]
	});
	// The generator always adds empty `parameters` and `webhooks`; keep the document tidy.
	if (document.components?.parameters && Object.keys(document.components.parameters).length === 0) {
		delete document.components.parameters;
	}
	if (document.webhooks && Object.keys(document.webhooks).length === 0) delete document.webhooks;
	return document;
}

let cached: OpenApiDocument | undefined;

/** The document of the registered endpoints, built once per process. */
export function openApiDocument(): OpenApiDocument {
	cached ??= buildOpenApiDocument();
	return cached;
}
