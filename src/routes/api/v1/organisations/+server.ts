import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { can } from '#platform/policy/policy.ts';
import { apiEndpoint, readJson, readQuery } from '#platform/http/api.ts';
import { OrganisationCreate, OrganisationListQuery } from '#platform/accounts/organisation.schemas.ts';
import { createOrganisation, listOrganisations, publicOrganisation } from '#platform/accounts/organisation.service.ts';

/** The public directory of organisations (no member data); staff also see the pending ones. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const query = readQuery(url, OrganisationListQuery);
	const result = await listOrganisations(app.database.db, query, { withPending: can(locals.actor, 'organisation.manage') });
	return Response.json({
		total: result.total,
		page: result.page,
		pageSize: result.pageSize,
		items: result.items.map(publicOrganisation)
	});
});

/** Creates an organisation (route policy: 'organisation.manage'); 409 when the slug is taken. */
export const POST = apiEndpoint(async ({ request, locals }) => {
	const app = await getApp();
	const input = await readJson(request, OrganisationCreate);
	const created = await createOrganisation(requestContext(app, locals), input);
	return Response.json(publicOrganisation(created), {
		status: 201,
		headers: { location: `/api/v1/organisations/${created.id}` }
	});
});
