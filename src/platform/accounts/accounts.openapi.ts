import { z } from 'zod';
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
	},
	{
		method: 'GET',
		path: '/api/v1/me/export',
		tags: ['Account'],
		auth: 'bearer',
		summary: 'Download all the caller’s data',
		description: 'Account, organisations, roles in modules, what each module holds about the caller (e.g. Jobs: job-seeker profile, consent history, applications, saved searches and offers, follow-up by the employment agency), sessions, API tokens (names only) and the caller’s own actions in the audit trail, as one JSON file.',
		responses: { 200: { description: 'A JSON download.', schema: z.object({ exportedAt: z.string(), account: z.object({ id: z.string(), email: z.string() }).loose() }).loose() } }
	},
	{
		method: 'DELETE',
		path: '/api/v1/me',
		tags: ['Account'],
		auth: 'bearer',
		summary: 'Delete the caller’s account and personal data',
		description:
			'Removes the account, sessions, API tokens, memberships, roles in modules and what each module holds about the caller ' +
			'(Jobs: the job-seeker profile, consent history, CV file, saved searches and offers, the follow-up by the employment agency; ' +
			'applications stay for the employer as status and dates only). The audit trail is kept (it holds ids, field names ' +
			'and the account’s e-mail as author, never profile, CV or message content). Staff accounts (counsellor, moderator, ' +
			'administrator) answer 409 (`details.reason = staff_account`).',
		responses: { 204: { description: 'Deleted.' } },
		errors: [409]
	}
];
