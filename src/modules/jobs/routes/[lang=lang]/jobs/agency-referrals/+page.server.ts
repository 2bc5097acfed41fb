import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { listAgencies } from '#modules/jobs/counsellors/agencies.service.ts';
import { listAgencyReferralsSent, referToAgency, senderOrganisations } from '#modules/jobs/counsellors/agency-referrals.service.ts';
import { placeName } from '#modules/jobs/jobs.service.ts';

/** An association's referrals of the people it accompanies to ANAPEC agencies, and the form to send one. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [agencies, organisations, referrals] = await Promise.all([listAgencies(ctx), senderOrganisations(ctx), listAgencyReferralsSent(ctx)]);
	return {
		agencies: agencies.map((row) => ({ value: row.id, label: `${row.name} — ${placeName(row.provinceCode ?? row.regionCode, locals.language)}` })),
		organisations: organisations.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name })),
		referrals
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		const field = (name: string) => String(data.get(name) ?? '');
		try {
			await referToAgency(requestContext(await getApp(), locals), {
				email: field('email').trim(),
				agencyId: field('agencyId'),
				organisationId: field('organisationId'),
				kind: field('kind') || undefined,
				message: field('message'),
				agreed: data.get('agreed') === 'yes'
			});
			return { done: true };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				return fail(409, { values: Object.fromEntries([...data.keys()].map((key) => [key, field(key)])), errors: { '': translate(locals.language, 'counsellors.agency_referral_already') } });
			}
			const result = formFailureFrom(locals.language, failure, data);
			if (result.data.errors.agreed) result.data.errors.agreed = translate(locals.language, 'counsellors.agency_referral_agreed_required');
			return fail(result.status, result.data);
		}
	}
};
