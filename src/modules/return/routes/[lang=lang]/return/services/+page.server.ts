import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { readQuery } from '#platform/http/api.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { regionGeometry } from '#platform/geo/geometry/index.ts';
import { ServiceQuery } from '#modules/return/return.schemas.ts';
import { findServices, returnServices } from '#modules/return/network.ts';
import { canEditEntryOf } from '#platform/directory/directory.service.ts';
import { servicesJsonLd } from '#modules/return/json-ld.ts';

/** The service finder: results first, then the region and need filters (a GET form). */
export async function load({ url, locals }) {
	const app = await getApp();
	let query;
	let invalid = false;
	try {
		query = readQuery(url, ServiceQuery);
	} catch (failure) {
		// a filter the page never offers (an edited address): every service, and a notice
		if (!isAppError(failure)) throw failure;
		query = ServiceQuery.parse({});
		invalid = true;
	}
	const { lang: _lang, ...filters } = query;
	const found = await findServices(app.database.db, filters, locals.language);
	const ctx = requestContext(app, locals);
	const actor = ctx.actor;
	const result = { ...found, items: found.items.map((item) => ({ ...item, editable: canEditEntryOf(actor, returnServices, item.organisation.id) })) };
	// the map counts every region for the chosen need (not only the chosen region)
	const byRegion = filters.region ? (await findServices(app.database.db, { ...filters, region: undefined, page: 1, pageSize: 1 }, locals.language)).facets.regions : found.facets.regions;
	return {
		jsonLd: servicesJsonLd(found.items, `${ctx.publicUrl}/${locals.language}/return/services${url.search}`, locals.language),
		geometry: regionGeometry,
		mapValues: Object.fromEntries(byRegion.map((row) => [row.value, row.count])),
		result, invalid, region: filters.region ?? null, stage: filters.stage ?? null, q: filters.q ?? '', regions: regionChoices(locals.language), search: url.search, added: url.searchParams.get('added') === '1', canContribute: ctx.can('return.network.contribute') };
}
