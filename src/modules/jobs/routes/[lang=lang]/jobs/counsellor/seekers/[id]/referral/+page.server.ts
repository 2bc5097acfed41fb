import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { translate } from '#platform/i18n/translator.ts';
import { filterQuery, filterValues, readFilters } from '#platform/admin/admin-forms.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom, formValues, parseForm } from '#platform/http/form.ts';
import { ProgrammeListQuery } from '#modules/jobs/support-schemas.ts';
import { searchDirectory } from '#platform/directory/directory.service.ts';
import { supportProgrammes } from '#modules/jobs/programmes.ts';
import { programmeView, regionOptions } from '#modules/jobs/support-pages.ts';
import { programmeServices } from '#modules/jobs/support.model.ts';
import { seekerEnvOf } from '#modules/jobs/seekers/seekers.service.ts';
import { ReferralForm } from '#modules/jobs/counsellors/counsellors.schemas.ts';
import { followedSeekerName, referToProgramme } from '#modules/jobs/counsellors/follow-up.service.ts';

const FILTERS = ['q', 'region', 'service'] as const;

/** The referral form: find a programme of the directory, write the message, record the person's agreement. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	let seeker;
	try {
		seeker = await followedSeekerName(app.database.db, locals.actor, params.id);
	} catch (failure) {
		if (isAppError(failure)) error(failure.status === 403 ? 403 : 404, failure.code);
		throw failure;
	}
	const values = filterValues(url, FILTERS);
	const filters = readFilters(locals.language, ProgrammeListQuery, url);
	const query = filters.ok ? { ...filters.data, pageSize: 30 } : ProgrammeListQuery.parse({ pageSize: 30 });
	const result = await searchDirectory(app.database.db, supportProgrammes, query, locals.language);
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
	default: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, ReferralForm, data);
		if (!parsed.ok) {
			const errors = { ...parsed.failure.data.errors };
			if (errors.agreed) errors.agreed = translate(locals.language, 'counsellors.error_agreement');
			if (errors.programmeId) errors.programmeId = translate(locals.language, 'counsellors.error_programme');
			return fail(400, { values: parsed.failure.data.values, errors });
		}
		try {
			await referToProgramme(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), { ...parsed.data, agreed: true, seekerId: params.id });
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			if (isAppError(failure) && failure.extra?.reason === 'already_referred') {
				return fail(409, { values: formValues(data), errors: { '': translate(locals.language, 'counsellors.error_already_referred') } });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/jobs/counsellor/seekers/${params.id}?done=referral_sent#referrals-title`);
	}
};
