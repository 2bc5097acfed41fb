import type { Endpoint } from '../openapi/registry.ts';
import { apiTokenIdInput, apiTokenListSchema, createApiTokenSchema, createdApiTokenSchema, meSchema } from './accounts.schemas.ts';

/** The caller's own account and personal API tokens, for the registry in `openapi/registry.ts`. */
export const accountEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/me',
		tags: ['Account'],
		auth: 'bearer',
		summary: 'The person calling the API',
		description: 'Name, e-mail address, role, preferred language and organisations of the caller.',
		responses: { 200: { description: 'The caller.', schema: meSchema } }
	},
	{
		method: 'GET',
		path: '/api/v1/me/tokens',
		tags: ['Account'],
		auth: 'bearer',
		summary: 'List one’s personal API tokens',
		description: 'Newest first, revoked ones included; never the secrets.',
		responses: { 200: { description: 'The caller’s tokens.', schema: apiTokenListSchema } }
	},
	{
		method: 'POST',
		path: '/api/v1/me/tokens',
		tags: ['Account'],
		auth: 'bearer',
		summary: 'Create a personal API token',
		description:
			'The secret is in this answer only. Only from a signed-in browser session (cookie): a request ' +
			'authenticated by a token gets 403, so a leaked token cannot mint others.',
		body: createApiTokenSchema,
		responses: { 201: { description: 'The new token, with its secret.', schema: createdApiTokenSchema } },
		errors: [403]
	},
	{
		method: 'DELETE',
		path: '/api/v1/me/tokens/{id}',
		tags: ['Account'],
		auth: 'bearer',
		summary: 'Revoke one of one’s personal API tokens',
		description: 'The token stops working at once. Another person’s token answers 404.',
		params: apiTokenIdInput,
		responses: { 204: { description: 'Revoked.' } },
		errors: [404]
	}
];
