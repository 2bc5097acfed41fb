import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { loadMyCasework } from '#platform/casework/casework.web.ts';
import { getOwnProfile } from '#modules/jobs/seekers/seekers.service.ts';
import { agencyChoice, agencyView, chooseAgency } from '#modules/jobs/counsellors/agencies.service.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';
import { myAgencyReferrals } from '#modules/jobs/counsellors/agency-referrals.service.ts';
import { placeName } from '#modules/jobs/jobs.service.ts';

/** The person's agency (chosen or suggested), their appointments and their referrals to programmes. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [choice, profile, followUp, agencyReferrals] = await Promise.all([agencyChoice(ctx), getOwnProfile(ctx), loadMyCasework(ctx, agencyFollowUp), myAgencyReferrals(ctx)]);
	const label = (row: { name: string; city: string; provinceCode: string | null; regionCode: string }) =>
		`${row.name} — ${placeName(row.provinceCode ?? row.regionCode, locals.language)}`;
	return {
		current: choice.current ? { ...agencyView(choice.current.agency), chosenAt: choice.current.chosenAt.toISOString(), place: placeName(choice.current.agency.provinceCode ?? choice.current.agency.regionCode, locals.language) } : null,
		suggested: choice.suggested ? { id: choice.suggested.id, name: choice.suggested.name } : null,
		agencies: choice.agencies.map((row) => ({ value: row.id, label: label(row) })),
		hasProfile: choice.hasProfile,
		consent: profile?.consentScope ?? null,
		...followUp,
		agencyReferrals
	};
}

export const actions = {
	agency: async ({ request, locals }) => {
		const data = await request.formData();
		try {
			const chosen = await chooseAgency(requestContext(await getApp(), locals), { agencyId: String(data.get('agencyId') ?? '') });
			return { done: chosen ? 'agency_saved' : 'agency_left' };
		} catch (failure) {
			const result = formFailureFrom(locals.language, failure, data);
			if (result.data.errors.agencyId) result.data.errors.agencyId = translate(locals.language, 'counsellors.error_agency_choice');
			return fail(result.status, result.data);
		}
	}
};
