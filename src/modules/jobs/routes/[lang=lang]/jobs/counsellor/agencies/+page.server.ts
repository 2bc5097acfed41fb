import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { agencyCounsellorCounts, agencySeekerCounts, createAgency, listAgencies } from '#modules/jobs/counsellors/agencies.service.ts';
import { agencyInputFrom, agencyPlaceOptions } from './agency-form.ts';

/** The agencies (open and closed), with how many counsellors and seekers each has; a form adds one. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [agencies, seekers, counsellors] = await Promise.all([listAgencies(ctx, { includeClosed: true }), agencySeekerCounts(ctx), agencyCounsellorCounts(ctx)]);
	return {
		agencies: agencies.map((row) => ({ ...row, seekers: seekers.get(row.id) ?? 0, counsellors: counsellors.get(row.id) ?? 0 })),
		...agencyPlaceOptions(locals.language)
	};
}

export const actions = {
	create: async ({ request, locals }) => {
		const data = await request.formData();
		let id: string;
		try {
			id = (await createAgency(requestContext(await getApp(), locals), agencyInputFrom(data))).id;
		} catch (failure) {
			const result = formFailureFrom(locals.language, failure, data);
			return fail(result.status, result.data);
		}
		redirect(303, `/${locals.language}/jobs/counsellor/agencies/${id}?done=created`);
	}
};
