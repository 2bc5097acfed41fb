import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { getUser } from '#platform/accounts/user.service.ts';
import { grantableRoles, grantRole, listGrants, revokeGrant } from '#platform/accounts/grant.service.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { adminFormFailure } from '#platform/admin/admin-forms.ts';
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
		roles: grantableRoles().filter((role) => role.limit === 'none'),
		added: url.searchParams.get('added'),
		revoked: url.searchParams.has('revoked')
	};
}

export const actions = {
	grant: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await grantRole(requestContext(app, locals), params.id, { role: data.get('role') ?? '' });
		} catch (failure) {
			return adminFormFailure(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/admin/users/${encodeURIComponent(params.id)}?added=${encodeURIComponent(String(data.get('role')))}`);
	},
	revoke: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await revokeGrant(requestContext(app, locals), params.id, String(data.get('grantId') ?? ''));
		} catch (failure) {
			return adminFormFailure(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/admin/users/${encodeURIComponent(params.id)}?revoked`);
	}
};
