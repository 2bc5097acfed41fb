import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { caseFileForms, caseFilePage } from '#platform/casework/casework.web.ts';
import { openFollowUp } from '#modules/jobs/counsellors/follow-up.service.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';

/** A person's follow-up file; opening it is an audited read of their profile. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	return caseFilePage(ctx, await forPage(openFollowUp(ctx, params.id)), url);
}

const form =
	(name: keyof typeof caseFileForms) =>
	async ({ request, locals, params }: { request: Request; locals: App.Locals; params: { id: string } }) =>
		caseFileForms[name](requestContext(await getApp(), locals), agencyFollowUp, params.id, await request.formData());

export const actions = {
	note: form('note'),
	deleteNote: form('deleteNote'),
	appointment: form('appointment'),
	appointmentStatus: form('appointmentStatus'),
	referralStatus: form('referralStatus')
};
