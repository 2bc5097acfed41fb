import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { filterQuery, filterValues, readFilters } from '#platform/admin/admin-forms.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { localiseProblems } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listOccupationGroups } from '#modules/jobs/jobs.service.ts';
import { SeekerListQuery } from '#modules/jobs/counsellors/counsellors.schemas.ts';
import { listAgencySeekers, occupationTitles } from '#modules/jobs/counsellors/follow-up.service.ts';
import { residenceStatuses } from '#modules/jobs/seekers/seekers.model.ts';

const FILTERS = ['q', 'agency', 'occupation', 'residence', 'cv'] as const;

/** The counsellor's space: the consenting job seekers of their agencies (the names shown are an audited read). */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const values = filterValues(url, FILTERS);
	const filters = readFilters(locals.language, SeekerListQuery, url);
	const query = filters.ok ? filters.data : SeekerListQuery.parse({});
	let result;
	let errors = filters.ok ? {} : filters.errors;
	try {
		result = await listAgencySeekers(ctx, query);
	} catch (failure) {
		if (!isAppError(failure) || failure.code !== 'invalid_input') throw failure;
		errors = localiseProblems(locals.language, failure.fields);
		result = await listAgencySeekers(ctx, SeekerListQuery.parse({}));
	}
	const [titles, occupations] = await Promise.all([
		occupationTitles(ctx, result.items.flatMap((item) => item.occupationCodes)),
		listOccupationGroups(ctx.db, locals.language)
	]);
	return {
		values,
		errors,
		query: filterQuery({ q: query.q, agency: query.agency, occupation: query.occupation, residence: query.residence, cv: query.cv }),
		agencies: result.agencies.map((row) => ({ id: row.id, name: row.name, status: row.status })),
		total: result.total,
		page: result.page,
		pageSize: result.pageSize,
		items: result.items.map((item) => ({ ...item, occupations: item.occupationCodes.map((code) => titles[code] ?? code) })),
		occupations: occupations.map((row) => ({ value: row.code, label: `${row.level === 2 ? '— ' : ''}${row.code} ${row.title}` })),
		residences: [...residenceStatuses]
	};
}
