import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { countryName } from '#platform/geo/countries.ts';
import { caseFilePage, caseFilePageActions } from '#platform/casework/casework.web.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';
import { assignCandidate, openMobilityCase } from '#modules/jobs/placement/mobility.service.ts';

/** A qualified candidate's mobility file: opportunities, needs, appointments, private notes, referrals; the division reassigns. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const file = await forPage(openMobilityCase(ctx, params.id));
	const page = caseFilePage(ctx, placementFollowUp, { ...file, opportunities: file.opportunities.map((row) => ({ ...row, country: countryName(row.hostCountry, locals.language) })) }, url);
	return { ...page, done: url.searchParams.get('done') === 'assigned' ? 'assigned' : page.done };
}

export const actions = {
	// needs, appointments, notes, documents, the referrals' next steps: the address names the person
	...caseFilePageActions(placementFollowUp, async ({ locals, params }) => ({ ctx: requestContext(await getApp(), locals), personId: params.id }), { documents: true }),
	/** the division (re)assigns the candidate */
	assign: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => assignCandidate(ctx, params.id, { counsellorUserId: data.get('counsellorUserId') }), { done: () => ({ done: 'assigned' }) });
	}
};
