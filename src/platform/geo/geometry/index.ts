// The committed SVG geometry of Morocco's régions and provinces (see README.md beside this file).
// Server-side only: pages pick what they need and pass it to #platform/ui/map/RegionMap.svelte or SmallMap.svelte.
import type { MapFeature, MapGeometry } from '../../ui/map/types.ts';
import regionsJson from './regions.json' with { type: 'json' };
import provincesJson from './provinces.json' with { type: 'json' };

export type { MapFeature, MapGeometry };

export const regionGeometry = regionsJson as MapGeometry;
export const provinceGeometry = provincesJson as MapGeometry;

/** The credit lines every map must show (ODbL geometry, CC BY 4.0 codes). */
export const geoAttribution: readonly string[] = regionGeometry.attribution;

const byIso = new Map<string, MapFeature>([...regionGeometry.features, ...provinceGeometry.features].map((f) => [f.iso, f]));

/** The région or province with this ISO 3166-2 code, or undefined. */
export function geoFeature(iso: string): MapFeature | undefined {
	return byIso.get(iso);
}

/** The provinces of one région. */
export function provincesOfRegion(regionIso: string): MapFeature[] {
	return provinceGeometry.features.filter((f) => f.region === regionIso);
}

/** Where a place (latitude, longitude in degrees) falls in the maps' SVG user space. */
export function mapPoint(lat: number, lon: number, projection = regionGeometry.projection): [number, number] {
	return [projection.margin + (lon - projection.west) * projection.xPerDegree, projection.margin + (projection.north - lat) * projection.yPerDegree];
}
