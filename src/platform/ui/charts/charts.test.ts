import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import BarChart from './BarChart.svelte';
import ColumnChart from './ColumnChart.svelte';
import { wrapLabel } from './layout.ts';
import { byClass, inner, tags, text } from '../map/html-test-utils.ts';

const eur = new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const funders = [
	{ label: 'Union européenne', value: 8_000_000, display: eur.format(8_000_000), href: '/fr/atlas?funder=ue' },
	{ label: 'Agence française de développement — fonds de solidarité pour les projets innovants', value: 2_500_000, display: eur.format(2_500_000) },
	{ label: 'GIZ', value: 0, display: eur.format(0) }
];

function bar(props: Record<string, unknown> = {}) {
	return render(BarChart, {
		props: {
			items: funders,
			title: 'Budget par bailleur',
			caption: 'Budget total par bailleur, en euros',
			labelHeader: 'Bailleur',
			valueHeader: 'Budget',
			...props
		}
	}).body;
}

describe('BarChart', () => {
	it('is an image named by its title whose description reads the data', () => {
		const html = bar();
		const svg = tags(html, 'svg')[0];
		expect(svg.attrs.role).toBe('img');
		const title = tags(html, 'title').find((t) => t.attrs.id === svg.attrs['aria-labelledby'])!;
		expect(text(inner(html, title))).toBe('Budget par bailleur');
		const desc = tags(html, 'desc').find((t) => t.attrs.id === svg.attrs['aria-describedby'])!;
		// each name set apart from the sentence's direction (U+2068…U+2069), as an Arabic page needs for a French name
		const isolated = (name: string) => `\u2068${name}\u2069`;
		expect(text(inner(html, desc))).toBe(
			`${isolated('Union européenne')}: ${eur.format(8_000_000)}; ${isolated(funders[1].label)}: ${eur.format(2_500_000)}; ${isolated('GIZ')}: ${eur.format(0)}`
		);
	});

	it('draws bars proportional to the values, with the formatted values beside them', () => {
		const html = bar();
		const bars = byClass(html, 'rect', 'chart__bar').map((r) => Number(r.attrs.width));
		expect(bars[0]).toBeGreaterThan(0);
		expect(bars[1] / bars[0]).toBeCloseTo(2.5 / 8, 1);
		expect(bars[2]).toBe(0);
		expect(byClass(html, 'text', 'chart__value').map((t) => text(inner(html, t)))).toEqual(funders.map((f) => f.display));
	});

	it('wraps long labels over several lines instead of cutting them', () => {
		const html = bar();
		const label = byClass(html, 'text', 'chart__label')[1];
		const lines = tags(inner(html, label), 'tspan');
		expect(lines.length).toBeGreaterThan(1);
		expect(text(inner(html, label))).toBe(funders[1].label);
	});

	it('grows the bars from the right in RTL, labels aligned to the right', () => {
		const ltr = bar();
		const rtl = bar({ dir: 'rtl' });
		const width = Number(tags(rtl, 'svg')[0].attrs.viewBox.split(' ')[2]);
		const ltrBar = byClass(ltr, 'rect', 'chart__bar')[0];
		const rtlBar = byClass(rtl, 'rect', 'chart__bar')[0];
		expect(Number(ltrBar.attrs.x)).toBe(0);
		expect(Number(rtlBar.attrs.x) + Number(rtlBar.attrs.width)).toBe(width);
		expect(tags(rtl, 'svg')[0].attrs.direction).toBe('rtl');
		expect(Number(byClass(rtl, 'text', 'chart__label')[0].attrs.x)).toBe(width);
		expect(Number(byClass(rtl, 'text', 'chart__value')[0].attrs.x)).toBeLessThan(Number(rtlBar.attrs.x));
	});

	it('has the data table with captions, headers and links, and the CSV download', () => {
		const html = bar({ downloadHref: '/fr/atlas/dashboard/funders.csv', downloadLabel: 'Télécharger les données (CSV)' });
		expect(text(inner(html, tags(html, 'caption')[0]))).toBe('Budget total par bailleur, en euros');
		expect(tags(html, 'th').filter((t) => t.attrs.scope === 'col').map((t) => text(inner(html, t)))).toEqual(['Bailleur', 'Budget']);
		const rows = tags(html, 'tbody').flatMap((b) => tags(inner(html, b), 'tr'));
		expect(rows).toHaveLength(3);
		expect(tags(html, 'th').filter((t) => t.attrs.scope === 'row')).toHaveLength(3);
		expect(tags(html, 'a').find((a) => a.attrs.href === '/fr/atlas?funder=ue')).toBeDefined();
		const download = tags(html, 'a').find((a) => 'download' in a.attrs)!;
		expect(download.attrs.href).toBe('/fr/atlas/dashboard/funders.csv');
		expect(text(inner(html, download))).toBe('Télécharger les données (CSV)');
	});

	it('puts the table in a <details> when asked, and says when there is nothing', () => {
		const html = bar({ tableSummary: 'Voir les données' });
		expect(text(inner(html, tags(html, 'summary')[0]))).toBe('Voir les données');
		const empty = bar({ items: [], emptyLabel: 'Aucune donnée' });
		expect(tags(empty, 'svg')).toHaveLength(0);
		expect(text(empty)).toContain('Aucune donnée');
	});
});

const years = Array.from({ length: 21 }, (_, i) => 2004 + i).map((year, i) => ({ label: String(year), value: i % 7, display: String(i % 7) }));

function column(props: Record<string, unknown> = {}) {
	return render(ColumnChart, {
		props: {
			items: years,
			title: 'Initiatives actives par année',
			caption: 'Initiatives actives par année',
			labelHeader: 'Année',
			valueHeader: 'Initiatives',
			...props
		}
	}).body;
}

describe('ColumnChart', () => {
	it('draws one column per year on a common baseline, with the table of every year', () => {
		const html = column({ highlight: '2024' });
		const columns = byClass(html, 'rect', 'chart__bar');
		expect(columns).toHaveLength(21);
		const bottoms = new Set(columns.map((c) => Number(c.attrs.y) + Number(c.attrs.height)));
		expect(bottoms.size).toBe(1);
		const tallest = columns.reduce((a, b) => (Number(b.attrs.height) > Number(a.attrs.height) ? b : a));
		expect(years[columns.indexOf(tallest)].value).toBe(6);
		expect(tags(html, 'th').filter((t) => t.attrs.scope === 'row').map((t) => text(inner(html, t)))).toEqual(years.map((y) => y.label));
		expect(columns.filter((c) => c.attrs.class.includes('chart__bar--highlight'))).toHaveLength(1);
	});

	it('prints fewer year labels when they would overlap, always the first and the last', () => {
		const html = column();
		const labels = byClass(html, 'text', 'chart__label').map((t) => text(inner(html, t)));
		expect(labels.length).toBeLessThan(21);
		expect(labels[0]).toBe('2004');
		expect(labels.at(-1)).toBe('2024');
		const few = column({ items: years.slice(0, 5) });
		expect(byClass(few, 'text', 'chart__label')).toHaveLength(5);
		expect(byClass(few, 'text', 'chart__value')).toHaveLength(5);
	});

	it('puts the first year on the right in RTL', () => {
		const ltr = byClass(column(), 'rect', 'chart__bar');
		const rtl = byClass(column({ dir: 'rtl' }), 'rect', 'chart__bar');
		expect(Number(rtl[0].attrs.x)).toBeGreaterThan(Number(rtl[20].attrs.x));
		expect(Number(rtl[0].attrs.x)).toBe(Number(ltr[20].attrs.x));
	});
});

describe('wrapLabel', () => {
	it('breaks at spaces within the width, cuts over-long words and ends with … past the line limit', () => {
		expect(wrapLabel('Agence française de développement', 16)).toEqual(['Agence française', 'de développement']);
		expect(wrapLabel('Supercalifragilisticexpialidocious', 10, 4)).toEqual(['Supercalif', 'ragilistic', 'expialidoc', 'ious']);
		expect(wrapLabel('un deux trois quatre cinq six sept huit', 6, 2)).toEqual(['un', 'deux…']);
		expect(wrapLabel('الإدماج الاجتماعي والاقتصادي للمهاجرين', 20)).toEqual(['الإدماج الاجتماعي', 'والاقتصادي للمهاجرين']);
	});
});
