import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { createCampaign } from '#modules/jobs/placement/campaigns.service.ts';
import { campaignFormChoices, campaignInputFrom } from '#modules/jobs/placement/campaign-forms.ts';
import { rowValues } from '#platform/ui/pickers/rows.ts';

/** The division creates a campaign split into agency quotas. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const choices = await campaignFormChoices(ctx, locals.language);
	// every open agency as a row: the division fills in the shares it gives (a row left at nothing gives none)
	return { choices, initial: rowValues('quotas', choices.agencies.map((option) => ({ agencyId: option.value, positions: '' }))) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		let id: string;
		try {
			id = (await createCampaign(ctx, campaignInputFrom(data))).id;
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/campaigns/${id}?done=created`);
	}
};
