import { error, redirect } from '@sveltejs/kit';
import { requestContext } from '#platform/http/request-context.ts';
import { getApp } from '#platform/app.ts';
import { organisationTypes } from '#platform/accounts/accounts.model.ts';
import { OrganisationCreate, OrganisationListQuery } from '#platform/accounts/organisation.schemas.ts';
import { countryCodes } from '#platform/geo/countries.ts';
import { createOrganisation, listOrganisations } from '#platform/accounts/organisation.service.ts';
import { filterQuery, filterValues, readFilters } from '#platform/admin/admin-forms.ts';
import { adminFormAction } from '../form-action.ts';

const FILTERS = ['q', 'type', 'country', 'pageSize'] as const;

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const values = filterValues(url, FILTERS);
	const filters = readFilters(locals.language, OrganisationListQuery, url);
	const list = filters.ok
		? await listOrganisations(app.database.db, filters.data, { withPending: true })
		: { total: 0, page: 1, pageSize: 50, items: [] };
	return {
		values,
		filterErrors: filters.ok ? {} : filters.errors,
		list,
		query: filterQuery(values),
		types: [...organisationTypes],
		countries: countryCodes
	};
}

export const actions = {
	create: ({ request, locals }) =>
		adminFormAction(
			{ request, locals },
			OrganisationCreate,
			(app, input) => createOrganisation(requestContext(app, locals), input),
			(created) => redirect(303, `/${locals.language}/admin/organisations/${created.id}?done=created`)
		)
};
