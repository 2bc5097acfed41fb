// Which province (and so which région) a point falls in, from the committed map geometry: an IATI location
// given only as a point (issue #17, rule 1) gets its place in Morocco. The geometry is simplified for drawing
// (a unit is about 1.5 km), so a point within a few kilometres of a border may land in the neighbour: callers
// say the place was derived from a point, for a moderator to check.
import type { MapFeature } from '../../ui/map/types.ts';
import { mapPoint, provinceGeometry } from './index.ts';

type Ring = [number, number][];

/** The closed rings of the committed path data: `M x y`, then relative integer `l` steps, each ring ended by `z`. */
export function ringsOf(d: string): Ring[] {
	const rings: Ring[] = [];
	for (const part of d.split('z')) {
		const numbers = part.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
		if (numbers.length < 6) continue;
		let [x, y] = numbers;
		const ring: Ring = [[x, y]];
		for (let i = 2; i + 1 < numbers.length; i += 2) {
			x += numbers[i];
			y += numbers[i + 1];
			ring.push([x, y]);
		}
		rings.push(ring);
	}
	return rings;
}

/** Even–odd rule over every ring of the feature (a hole is a ring inside another). */
function inside(rings: Ring[], x: number, y: number): boolean {
	let odd = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
		}
	}
	return odd;
}

let provinceRings: { feature: MapFeature; rings: Ring[] }[] | undefined;

/** The province or préfecture whose territory holds the point (degrees), or undefined (outside Morocco, at sea). */
export function provinceAt(lat: number, lon: number): MapFeature | undefined {
	provinceRings ??= provinceGeometry.features.map((feature) => ({ feature, rings: ringsOf(feature.d) }));
	const [x, y] = mapPoint(lat, lon, provinceGeometry.projection);
	for (const { feature, rings } of provinceRings) {
		const [x0, y0, x1, y1] = feature.bbox;
		if (x < x0 || x > x1 || y < y0 || y > y1) continue;
		if (inside(rings, x, y)) return feature;
	}
	return undefined;
}
