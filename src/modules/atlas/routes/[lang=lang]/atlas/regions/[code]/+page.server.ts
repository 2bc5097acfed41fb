import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { regions } from '#platform/geo/morocco.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { regionGeometry } from '#platform/geo/geometry/index.ts';
import { regionCode, regionContributions } from '#platform/kernel/regions.ts';
import { atlasReads } from '#modules/atlas/atlas-reads.ts';
import { InitiativeQuery } from '#modules/atlas/atlas.schemas.ts';

/** How many of the region's initiatives the page shows (the list's page has the others). */
const SHOWN = 10;

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const code = regionCode(params.code);
	if (!code) error(404, 'not_found');
	if (code !== params.code) redirect(308, `/${locals.language}/atlas/regions/${code}`);
	const app = await getApp();
	const atlas = await atlasReads(app);
	const language = locals.language;
	const region = regions.find((entry) => entry.iso === code)!;
	// the region's own initiatives first (national scope apart: they cover every region)
	const [own, national, contributions] = await Promise.all([
		atlas.search(InitiativeQuery.parse({ region: code, national: 'exclude', sort: 'updated', pageSize: SHOWN, lang: language })),
		atlas.search(InitiativeQuery.parse({ region: code, pageSize: 1, lang: language })),
		// what the other modules add (the missions of the diaspora's talents…): the platform asks them, the Atlas imports none
		regionContributions(app.database.db, code, language)
	]);
	return {
		region: { code, name: placeNameIn(region, language), population: region.population2024 },
		initiatives: { total: own.total, withNational: national.total, items: own.items },
		contributions,
		regions: regions.map((entry) => ({ code: entry.iso, name: placeNameIn(entry, language) })),
		map: { regions: regionGeometry, highlight: [code] }
	};
}
