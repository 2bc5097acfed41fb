// GeoJSON (RFC 7946) features for the Atlas's initiatives: longitude/latitude in WGS 84, no "crs" member.
// Geometry: the initiative's own points and the points of its communes (a Point, or a MultiPoint when
// several); otherwise a MultiPoint of the centroids of its regions (a Point when it has one region);
// otherwise (national scope only, or abroad) no geometry (`null`, which RFC 7946 allows for an unlocated
// feature). `properties.location` says which: "points" (its own, with its communes' if any), "communes",
// "regions" or "none".
import { regionCentroids, type LonLat } from './centroids.ts';
import { communeByCode } from '../../../platform/geo/communes.ts';
import type { ExportRecord } from './records.ts';

type Position = [number, number];
export type Geometry = { type: 'Point'; coordinates: Position } | { type: 'MultiPoint'; coordinates: Position[] } | null;

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function geometryOf(positions: Position[]): Geometry {
	if (!positions.length) return null;
	return positions.length === 1 ? { type: 'Point', coordinates: positions[0] } : { type: 'MultiPoint', coordinates: positions };
}

export function initiativeFeature(record: ExportRecord, options: { pageUrl?: (slug: string) => string } = {}) {
	const own: Position[] = record.points.map((entry) => [round(entry.lon), round(entry.lat)]);
	const communes = record.communes.flatMap((code) => communeByCode(code) ?? []);
	const atCommunes: Position[] = communes.flatMap((commune) => (commune.lat == null || commune.lon == null ? [] : [[commune.lon, commune.lat] as Position]));
	const atRegions: Position[] = record.regions
		.map((iso) => regionCentroids[iso])
		.filter((centroid): centroid is LonLat => Boolean(centroid))
		.map(([lon, lat]) => [lon, lat]);
	const location = own.length ? 'points' : atCommunes.length ? 'communes' : atRegions.length ? 'regions' : 'none';
	const byRole = (role: string) => record.organisations.filter((entry) => entry.role === role).map((entry) => entry.name);
	return {
		type: 'Feature' as const,
		id: record.slug,
		geometry: geometryOf(own.length || atCommunes.length ? [...own, ...atCommunes] : atRegions),
		properties: {
			slug: record.slug,
			iatiIdentifier: record.iatiIdentifier,
			title: record.title,
			summary: record.summary,
			status: record.status,
			themes: record.themes,
			targetGroups: record.targetGroups,
			nationalScope: record.nationalScope,
			regions: record.regions,
			provinces: record.provinces,
			communes: communes.map((commune) => ({ code: commune.code, nameFr: commune.nameFr, nameAr: commune.nameAr })),
			otherPlaces: record.otherPlaces,
			countries: record.countries,
			funders: byRole('funder'),
			implementers: byRole('implementer'),
			startYear: record.startYear,
			endYear: record.endYear,
			budgetTotal: record.budgetTotal,
			currency: record.budgetCurrency,
			// the total as the source also gives it in another currency, and the amounts per year (funder by slug)
			budgetSecondFigure: record.budgetSecondFigure,
			yearlyAmounts: record.yearlyAmounts.map((entry) => ({ funder: entry.organisation?.slug ?? null, year: entry.year, amount: entry.amount, currency: entry.currency })),
			budgetEur: record.budgetEur,
			budgetMad: record.budgetMad,
			lastVerifiedOn: record.lastVerifiedOn,
			isSample: record.isSample,
			location,
			...(options.pageUrl ? { url: options.pageUrl(record.slug) } : {})
		}
	};
}
