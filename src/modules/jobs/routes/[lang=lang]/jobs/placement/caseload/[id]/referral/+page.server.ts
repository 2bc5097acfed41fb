import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { filterQuery, filterValues, readFilters } from '#platform/admin/admin-forms.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { followedPerson } from '#platform/casework/casework.service.ts';
import { sendReferralForm } from '#platform/casework/casework.web.ts';
import { searchDirectory } from '#platform/directory/directory.service.ts';
import { ProgrammeListQuery } from '#modules/jobs/support-schemas.ts';
import { supportProgrammes } from '#modules/jobs/programmes.ts';
import { programmeView, regionOptions } from '#modules/jobs/support-pages.ts';
import { programmeServices } from '#modules/jobs/support.model.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

const FILTERS = ['q', 'region', 'service'] as const;

/** A qualified candidate's referral: find a programme of the directory, write the message, record the person's agreement. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const seeker = await forPage(followedPerson(ctx, placementFollowUp, params.id));
	const values = filterValues(url, FILTERS);
	const filters = readFilters(locals.language, ProgrammeListQuery, url);
	const query = filters.ok ? { ...filters.data, pageSize: 30 } : ProgrammeListQuery.parse({ pageSize: 30 });
	const result = await searchDirectory(ctx.db, supportProgrammes, query, locals.language);
	return {
		seeker,
		values,
		errors: filters.ok ? {} : filters.errors,
		total: result.total,
		query: filterQuery({ q: query.q, region: query.region, service: query.service }),
		programmes: result.items.map((row) => programmeView(row, locals.language)),
		regions: regionOptions(locals.language),
		services: [...programmeServices]
	};
}

export const actions = {
	default: async ({ request, locals, params }) =>
		sendReferralForm(requestContext(await getApp(), locals), placementFollowUp, params.id, await request.formData(), `/${locals.language}/jobs/placement/caseload/${params.id}`)
};
