import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { listPublicAgreements } from '#modules/jobs/placement/placement.service.ts';
import { agreementCard } from '#modules/jobs/placement/placement-pages.ts';

/** The published international placement agreements and cooperations, by host country when asked. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const country = url.searchParams.get('country') ?? '';
	const ctx = requestContext(await getApp(), locals);
	const all = await listPublicAgreements(ctx);
	const countries = new Set(all.map((row) => row.hostCountry));
	const shown = all.filter((row) => !country || row.hostCountry === country);
	return {
		country,
		countries: countryOptions(locals.language).filter((option) => countries.has(option.value)),
		items: shown.map((row) => agreementCard(row, locals.language))
	};
}
