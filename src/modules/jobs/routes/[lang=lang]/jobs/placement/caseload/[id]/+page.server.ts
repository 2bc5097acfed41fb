import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { countryName } from '#platform/geo/countries.ts';
import { caseFileForms, caseFilePage } from '#platform/casework/casework.web.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';
import { mobilityNeedKinds } from '#modules/jobs/placement/mobility.model.ts';
import { assignCandidate, openMobilityCase } from '#modules/jobs/placement/mobility.service.ts';

/** A qualified candidate's mobility file: opportunities, needs, appointments, private notes, referrals; the division reassigns. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const file = await forPage(openMobilityCase(ctx, params.id));
	return {
		...caseFilePage(ctx, { ...file, opportunities: file.opportunities.map((row) => ({ ...row, country: countryName(row.hostCountry, locals.language) })) }, url),
		needKinds: [...mobilityNeedKinds],
		assigned: url.searchParams.get('done') === 'assigned'
	};
}

const form =
	(name: keyof typeof caseFileForms) =>
	async ({ request, locals, params }: { request: Request; locals: App.Locals; params: { id: string } }) =>
		caseFileForms[name](requestContext(await getApp(), locals), placementFollowUp, params.id, await request.formData());

export const actions = {
	need: form('need'),
	needUpdate: form('needUpdate'),
	note: form('note'),
	deleteNote: form('deleteNote'),
	appointment: form('appointment'),
	appointmentStatus: form('appointmentStatus'),
	referralStatus: form('referralStatus'),
	/** the division (re)assigns the candidate */
	assign: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => assignCandidate(ctx, params.id, { counsellorUserId: data.get('counsellorUserId') }), { done: () => ({ done: 'assigned' }) });
	}
};
