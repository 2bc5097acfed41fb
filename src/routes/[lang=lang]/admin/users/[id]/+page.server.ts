import { error, redirect } from '@sveltejs/kit';
import { organisationChoices } from '#platform/accounts/organisation.service.ts';
import { getApp } from '#platform/app.ts';
import { getUser } from '#platform/accounts/user.service.ts';
import { grantableRoles, grantRole, listGrants, revokeGrant, scopeChoices } from '#platform/accounts/grant.service.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { adminFormAction } from '../../form-action.ts';
import { isAppError } from '#platform/http/app-error.ts';

/** One person's access: their platform role and their roles in modules (administrators). */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const person = await getUser(app.database.db, params.id).catch((failure) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	return {
		person: { id: person.id, name: person.name, email: person.email, role: person.role },
		grants: await listGrants(ctx, person.id),
		// a role limited to a scope (a network, a strategy…) is given on its module's own pages, unless its module lists its scopes (an agency): picked here
		roles: grantableRoles().filter((role) => role.limit !== 'scope' || role.scopePicker),
		organisations: await organisationChoices(app.database.db),
		scopes: await scopeChoices(ctx),
		added: url.searchParams.get('added'),
		revoked: url.searchParams.has('revoked')
	};
}

export const actions = {
	grant: ({ request, locals, params }) =>
		adminFormAction(
			{ request, locals },
			undefined,
			(app, _, data) => {
				const role = grantableRoles().find((candidate) => candidate.key === data.get('role'));
				const organisationId = role?.limit === 'organisation' ? String(data.get('organisationId') ?? '') || undefined : undefined;
				// the scope picker's value is `<role>|<scope>` (one list for every role whose scopes are picked); another role's is no choice
				const picked = String(data.get('scope') ?? '');
				const scope = role?.limit === 'scope' ? (picked.startsWith(`${role.key}|`) ? picked.slice(role.key.length + 1) : picked) || undefined : undefined;
				return grantRole(requestContext(app, locals), params.id, { role: data.get('role') ?? '', organisationId, scope });
			},
			(_, data) => redirect(303, `/${locals.language}/admin/users/${encodeURIComponent(params.id)}?added=${encodeURIComponent(String(data.get('role')))}`)
		),
	revoke: ({ request, locals, params }) =>
		adminFormAction(
			{ request, locals },
			undefined,
			(app, _, data) => revokeGrant(requestContext(app, locals), params.id, String(data.get('grantId') ?? '')),
			() => redirect(303, `/${locals.language}/admin/users/${encodeURIComponent(params.id)}?revoked`)
		)
};
