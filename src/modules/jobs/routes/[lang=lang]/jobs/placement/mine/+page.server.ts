import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { myOpportunities } from '#modules/jobs/placement/pipeline.service.ts';

/** The candidate's own opportunities abroad: each campaign they are in, the stage, the next step, the path so far. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const items = await myOpportunities(ctx);
	return { items: items.map((item) => ({ ...item, country: countryName(item.campaign.hostCountry, locals.language) })) };
}
