import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { caseFilePage, caseFilePageActions } from '#platform/casework/casework.web.ts';
import { openFollowUp } from '#modules/jobs/counsellors/follow-up.service.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';

/** A person's follow-up file; opening it is an audited read of their profile. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	return caseFilePage(ctx, agencyFollowUp, await forPage(openFollowUp(ctx, params.id)), url);
}

// notes, appointments, the referrals' next steps: the address names the person
export const actions = caseFilePageActions(agencyFollowUp, async ({ locals, params }) => ({ ctx: requestContext(await getApp(), locals), personId: params.id }));
