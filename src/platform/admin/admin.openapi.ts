import { z } from 'zod';
import { GrantInput } from '../accounts/grant.service.ts';

const GrantSchema = z
	.object({
		id: z.string(),
		module: z.string().describe('the module’s slug'),
		role: z.string().describe('the role’s name in that module'),
		key: z.string().describe('`module:role`'),
		titleKey: z.string().describe('message key of the role’s title'),
		organisation: z.object({ id: z.string(), name: z.string(), acronym: z.string().nullable() }).nullable().describe('the organisation the role is limited to'),
		scope: z.string().nullable().describe('the scope value the role is limited to'),
		scopeLabel: z.string().nullable().describe('the scope’s name, when the role’s module lists its scopes (an agency’s name)'),
		createdAt: z.iso.datetime()
	})
	.meta({ id: 'Grant', description: 'A role held in one module.' });
const GrantList = z.object({ items: z.array(GrantSchema) });
import type { Endpoint } from '../openapi/registry.ts';
import { AuditEventList, AuditEventQuery, UserList, UserListQuery, UserRoleUpdate, UserSummary } from './admin.schemas.ts';
import {
	Organisation,
	OrganisationCreate,
	OrganisationList,
	OrganisationListQuery,
	OrganisationUpdate
} from '../accounts/organisation.schemas.ts';

/** The staff API (people, organisations, audit trail), for the registry in `openapi/registry.ts`. */
export const adminEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/audit-events',
		tags: ['Audit'],
		auth: 'bearer',
		summary: 'Search the audit trail',
		description:
			'Every recorded change, newest first. `actor` is a user id or an e-mail address; `from` and `to` take a day ' +
			'(YYYY-MM-DD, Morocco time, the `to` day included) or an ISO 8601 instant. Administrators only.',
		query: AuditEventQuery,
		responses: { 200: { description: 'One page of events.', schema: AuditEventList } },
		errors: [403]
	},
	{
		method: 'GET',
		path: '/api/v1/users',
		tags: ['Users'],
		auth: 'bearer',
		summary: 'List and search people’s accounts',
		description: 'By words in the name or e-mail address and by role, in name order. Administrators only.',
		query: UserListQuery,
		responses: { 200: { description: 'One page of accounts.', schema: UserList } },
		errors: [403]
	},
	{
		method: 'PUT',
		path: '/api/v1/users/{id}/role',
		tags: ['Users'],
		auth: 'bearer',
		summary: 'Change a person’s role',
		description:
			'The person is told by e-mail; the change is recorded in the audit trail. The last administrator cannot be ' +
			'demoted (409, `details.reason` = `last_administrator`). Administrators only.',
		params: z.object({ id: z.string().describe('the account id') }),
		body: UserRoleUpdate,
		responses: { 200: { description: 'The account with its new role.', schema: UserSummary } },
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/users/{id}/grants',
		tags: ['Users'],
		auth: 'bearer',
		summary: 'A person’s roles in modules',
		description: 'The roles given in single modules beyond the platform role, each maybe limited to one organisation or scope. Administrators only.',
		params: z.object({ id: z.string().describe('the account id') }),
		responses: { 200: { description: 'The person’s module roles.', schema: GrantList } },
		errors: [403]
	},
	{
		method: 'POST',
		path: '/api/v1/users/{id}/grants',
		tags: ['Users'],
		auth: 'bearer',
		summary: 'Give a person a role in one module',
		description:
			'`role` is `module:role` (e.g. `atlas:moderator`); roles limited to an organisation need `organisationId`, roles limited to a scope ' +
			'need `scope` (for a role whose module lists its scopes, such as an agency’s id, one of them, else `field_choice`). Recorded in the audit trail. A role already held answers 409 (`details.reason` = `grant_exists`). Administrators only.',
		params: z.object({ id: z.string().describe('the account id') }),
		body: GrantInput,
		responses: { 201: { description: 'The role given.', schema: GrantSchema } },
		errors: [403, 404, 409]
	},
	{
		method: 'DELETE',
		path: '/api/v1/users/{id}/grants/{grantId}',
		tags: ['Users'],
		auth: 'bearer',
		summary: 'Take back a role in a module',
		description: 'Recorded in the audit trail. Administrators only.',
		params: z.object({ id: z.string().describe('the account id'), grantId: z.string().describe('the grant id') }),
		responses: { 204: { description: 'The role was taken back.' } },
		errors: [403, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/organisations',
		tags: ['Organisations'],
		auth: 'none',
		summary: 'List and search organisations',
		description: 'The public directory: name, acronym, type, country, website and slug; no member data.',
		query: OrganisationListQuery,
		responses: { 200: { description: 'One page of organisations, in name order.', schema: OrganisationList } }
	},
	{
		method: 'POST',
		path: '/api/v1/organisations',
		tags: ['Organisations'],
		auth: 'bearer',
		summary: 'Create an organisation',
		description:
			'The slug is derived from the acronym (or the name) unless given; a slug already used answers 409 ' +
			'(`details.reason` = `slug_taken`). Moderators and administrators.',
		body: OrganisationCreate,
		responses: { 201: { description: 'The organisation created; `Location` gives its address.', schema: Organisation } },
		errors: [403, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/organisations/{id}',
		tags: ['Organisations'],
		auth: 'none',
		summary: 'One organisation, by id or slug',
		params: z.object({ id: z.string().describe('the organisation’s id (UUID) or slug') }),
		responses: { 200: { description: 'The organisation.', schema: Organisation } },
		errors: [404]
	},
	{
		method: 'PATCH',
		path: '/api/v1/organisations/{id}',
		tags: ['Organisations'],
		auth: 'bearer',
		summary: 'Change an organisation',
		description:
			'Only the fields given change; `null` clears the acronym or the website. A slug already used answers 409. ' +
			'Moderators and administrators.',
		params: z.object({ id: z.string().describe('the organisation’s id (UUID) or slug') }),
		body: OrganisationUpdate,
		responses: { 200: { description: 'The organisation as it is now.', schema: Organisation } },
		errors: [403, 404, 409]
	}
];
