import { z } from 'zod';
import { accountEndpoints } from '../accounts/accounts.openapi.ts';
import { adminEndpoints } from '../admin/admin.openapi.ts';
import { queueEndpoints } from '../queue/queue.openapi.ts';
import { fromModules } from '../kernel/modules.ts';

/**
 * The API registry: every endpoint of `/api/v1` is declared here once, with zod schemas.
 * The OpenAPI document (`document.ts`), the readable docs page (/api/docs) and the test that
 * compares them with the files under src/routes all read this list — an endpoint that is
 * not declared fails the test suite.
 *
 * To document an endpoint, add one entry to `endpoints` (or a `...moduleEndpoints` list
 * typed `Endpoint[]` from the module's own `<module>.openapi.ts`, importing only the type
 * from here):
 *
 *   {
 *     method: 'GET', path: '/api/v1/users/{id}', tags: ['Users'], auth: 'bearer',
 *     summary: 'One person’s account',
 *     params: z.object({ id: z.string() }),
 *     responses: { 200: { description: 'The account', schema: userSchema } },
 *     errors: [403, 404]
 *   }
 *
 * Name a schema with `.meta({ id: 'User' })` to make it a reusable component
 * (`#/components/schemas/User`); describe fields with `.describe('…')`.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The shared error responses of `document.ts`; each answers with the Error schema. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

export interface EndpointResponse {
	description: string;
	/** the body; omit for an empty response (204) */
	schema?: z.ZodType;
	/** default application/json */
	contentType?: string;
	/**
	 * Other media types the same status answers with (e.g. chosen by a `format` parameter), each with its
	 * body schema, or null for a file described only by its media type (a spreadsheet).
	 */
	contentTypes?: Record<string, z.ZodType | null>;
}

export interface Endpoint {
	method: HttpMethod;
	/** OpenAPI form, parameters in braces: `/api/v1/users/{id}` (the route folder is `[id]`) */
	path: string;
	/** one line, in English (the OpenAPI document's language) */
	summary: string;
	description?: string;
	/** the docs page groups endpoints by their first tag */
	tags: string[];
	/** 'bearer': needs `Authorization: Bearer <personal API token>`; 'none': public */
	auth: 'bearer' | 'none';
	params?: z.ZodObject;
	query?: z.ZodObject;
	/** a JSON request body */
	body?: z.ZodType;
	/** the successful (and other non-error) responses, by status */
	responses: Partial<Record<number, EndpointResponse>>;
	/**
	 * Error statuses the endpoint can answer besides the automatic ones:
	 * 401 for 'bearer' endpoints; 400 when it reads params, query or body; 413 and 415 with a body.
	 */
	errors?: ErrorStatus[];
}

/** The platform's tags; modules add theirs (manifest `apiTags`) after them. */
const platformTags: { name: string; description: string }[] = [
	{ name: 'Platform', description: 'Health of the service and this API description.' },
	{ name: 'Account', description: 'The caller’s own account and personal API tokens.' },
	{ name: 'Users', description: 'People’s accounts and roles (administrators).' },
	{ name: 'Organisations', description: 'Organisations and their members.' },
	{ name: 'Audit', description: 'The append-only audit trail (administrators).' },
	{ name: 'Jobs queue', description: 'Background work: e-mails and the modules’ scheduled jobs (administrators).' },
];

export const healthSchema = z
	.object({
		status: z.enum(['ok', 'unavailable']).describe('`ok` when the database answers, `unavailable` otherwise'),
		database: z.enum(['pglite', 'postgresql']).describe('the database engine in use'),
		version: z.string().describe('the version of Sharaka that answers')
	})
	.meta({ id: 'Health', description: 'Liveness and database check.' });

export const openApiDocumentSchema = z
	.looseObject({
		openapi: z.string().describe('the OpenAPI version, 3.1.x'),
		info: z.looseObject({ title: z.string(), version: z.string() }),
		paths: z.record(z.string(), z.unknown()).describe('every endpoint, by path'),
		components: z.record(z.string(), z.unknown()).describe('shared schemas, responses and security schemes')
	})
	.meta({ description: 'An OpenAPI 3.1 document.' });

const healthAnswers: Endpoint['responses'] = {
	200: { description: 'The service and its database answer.', schema: healthSchema },
	503: { description: 'The database does not answer (with Retry-After on readiness).', schema: healthSchema }
};

const platformEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/health',
		tags: ['Platform'],
		auth: 'none',
		summary: 'Check that the service and its database answer',
		description: 'For load balancers and monitoring. Never cached.',
		responses: healthAnswers
	},
	{
		method: 'GET',
		path: '/api/v1/health/live',
		tags: ['Platform'],
		auth: 'none',
		summary: 'Check that this instance answers (liveness)',
		description: 'Does not ask the database: a process that answers here needs no restart. Never cached.',
		responses: { 200: { description: 'The process answers.', schema: z.object({ status: z.literal('ok'), version: z.string() }) } }
	},
	{
		method: 'GET',
		path: '/api/v1/health/ready',
		tags: ['Platform'],
		auth: 'none',
		summary: 'Check that this instance can serve (readiness)',
		description: 'For load balancers: 200 when its database answers, 503 with Retry-After otherwise. Never cached.',
		responses: healthAnswers
	},
	{
		method: 'GET',
		path: '/api/v1/openapi.json',
		tags: ['Platform'],
		auth: 'none',
		summary: 'This API described in OpenAPI 3.1',
		description: 'The machine-readable description of every endpoint; a readable version is at /api/docs.',
		responses: { 200: { description: 'The OpenAPI document.', schema: openApiDocumentSchema } }
	}
];

/** Every endpoint of the API: the platform's and every installed module's (manifest `endpoints`). */
export const endpoints = fromModules((manifests): readonly Endpoint[] => [
	...platformEndpoints,
	...accountEndpoints,
	...adminEndpoints,
	...queueEndpoints,
	...manifests.flatMap((manifest) => manifest.endpoints ?? [])
]);

/** Tags in the order the docs show them, with a one-line description. */
export const tags = fromModules((manifests) => [...platformTags, ...manifests.flatMap((manifest) => manifest.apiTags ?? [])]);
