// Writes src/platform/geo/country-centres.json: for each ISO 3166-1 alpha-2 code of the platform, a point
// inside the country to draw it on a world map (the area centroid of its largest polygon, so France is
// drawn in Europe and the United States between its coasts), from Natural Earth 1:50m (public domain,
// through the world-atlas package). Run: node scripts/geo/country-centres.ts
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { countryCodes } from '../../src/platform/geo/countries.ts';

/** ISO 3166-1 numeric codes of the countries whose Natural Earth name differs from their English name. */
const numericOf: Record<string, string> = {
	AG: '028', AX: '248', BA: '070', CD: '180', CF: '140', CG: '178', CK: '184', CV: '132', DO: '214', FK: '238', FO: '234',
	GQ: '226', GS: '239', HK: '344', HM: '334', IO: '086', KN: '659', KY: '136', LC: '662', MH: '584', MK: '807', MM: '104',
	MO: '446', MP: '580', PF: '258', PM: '666', PN: '612', PS: '275', SB: '090', SH: '654', SS: '728', ST: '678', TC: '796',
	TF: '260', TR: '792', TT: '780', US: '840', VA: '336', VC: '670', VG: '092', VI: '850', WF: '876'
};

const topology = JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries).features;
const english = new Intl.DisplayNames(['en'], { type: 'region' });
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

/** Area and centroid of a ring (shoelace formula, in degrees: fine for a point to draw). */
function ringCentroid(ring: number[][]): { area: number; x: number; y: number } {
	let area = 0;
	let x = 0;
	let y = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
		area += cross;
		x += (ring[j][0] + ring[i][0]) * cross;
		y += (ring[j][1] + ring[i][1]) * cross;
	}
	area /= 2;
	return { area: Math.abs(area), x: x / (6 * area), y: y / (6 * area) };
}

const centres: Record<string, [number, number]> = {};
for (const code of countryCodes) {
	const found = countries.find((country) => (numericOf[code] ? country.id === numericOf[code] : fold(String((country.properties as { name?: string } | null)?.name ?? '')) === fold(english.of(code) ?? '')));
	const geometry = found?.geometry as Polygon | MultiPolygon | undefined;
	if (!geometry) continue;
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const largest = polygons.map((rings) => ringCentroid(rings[0])).sort((a, b) => b.area - a.area)[0];
	centres[code] = [Math.round(largest.x * 10) / 10, Math.round(largest.y * 10) / 10];
}
const out = new URL('../../src/platform/geo/country-centres.json', import.meta.url);
fs.writeFileSync(out, `${JSON.stringify(centres)}\n`);
console.log(`${Object.keys(centres).length} of ${countryCodes.length} countries placed`);
