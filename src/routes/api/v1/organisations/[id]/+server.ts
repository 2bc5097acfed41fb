import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { can } from '#platform/policy/policy.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { OrganisationUpdate } from '#platform/accounts/organisation.schemas.ts';
import { getOrganisation, publicOrganisation, updateOrganisation } from '#platform/accounts/organisation.service.ts';

/** One organisation, by id or slug (public, no member data); a pending one for staff only. */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const withPending = can(locals.actor, 'organisation.manage');
	return Response.json(publicOrganisation(await getOrganisation(app.database.db, params.id ?? '', { withPending })));
});

/** Changes the fields given (route policy: 'organisation.manage'); 409 when the new slug is taken. */
export const PATCH = apiEndpoint(async ({ request, params, locals }) => {
	const app = await getApp();
	const changes = await readJson(request, OrganisationUpdate);
	const updated = await updateOrganisation(requestContext(app, locals), params.id ?? '', changes);
	return Response.json(publicOrganisation(updated));
});
