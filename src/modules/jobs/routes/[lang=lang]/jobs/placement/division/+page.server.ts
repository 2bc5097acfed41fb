import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { listAllAgreements } from '#modules/jobs/placement/placement.service.ts';
import { listPlacementOffers } from '#modules/jobs/placement/placement-offers.service.ts';

/** The international placement division's space: its agreements and its offers abroad, drafts included. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [agreements, offers] = await Promise.all([listAllAgreements(ctx), ctx.can('placement.offer.manage') ? listPlacementOffers(ctx) : []]);
	return {
		agreements: agreements.map((row) => ({
			id: row.id,
			title: row.title,
			lang: row.lang,
			country: countryName(row.hostCountry, locals.language),
			status: row.status,
			published: row.published,
			isSample: row.isSample
		})),
		offers: offers.map((row) => ({
			id: row.offer.id,
			title: row.offer.title,
			country: countryName(row.offer.hostCountry, locals.language),
			city: row.offer.city,
			channel: row.offer.channel,
			positions: row.offer.positions,
			status: row.status,
			isSample: row.offer.isSample
		})),
		canOffer: ctx.can('placement.offer.manage')
	};
}
