import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { countryName } from '#platform/geo/countries.ts';
import { myOpportunities } from '#modules/jobs/placement/pipeline.service.ts';
import { myPartnerViews, setIdentityConsent } from '#modules/jobs/placement/shortlist.service.ts';

/**
 * The candidate's own opportunities abroad: each campaign they are in, the stage, the next step, the path so
 * far; the partners reviewing them, their decisions and feedback, and whether to share one's identity with each.
 */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [items, partners] = await Promise.all([myOpportunities(ctx), myPartnerViews(ctx)]);
	return { items: items.map((item) => ({ ...item, country: countryName(item.campaign.hostCountry, locals.language), partners: partners.get(item.id) ?? [] })) };
}

export const actions = {
	/** Shares one's name and e-mail with a partner, or stops sharing them (audited). */
	consent: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => setIdentityConsent(ctx, { organisationId: data.get('organisationId') ?? '', share: data.get('share') ?? '' }), { done: () => ({ consented: true }) });
	}
};
