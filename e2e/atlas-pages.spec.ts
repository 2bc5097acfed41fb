// The Atlas's public pages: a visitor, in French without JavaScript and in Arabic (right-to-left) with it,
// clicks a region on the map, narrows by theme, opens an initiative and finds the download links of the
// same selection; the dashboard and an organisation page pass axe; a dashboard CSV downloads; the list
// page stays light. Texts come from messages/*/atlas.json.
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import type { Language } from '#platform/i18n/languages.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { screenshotsFor } from './flows.ts';

const browser = useBrowser();
const shoot = screenshotsFor('atlas');

const flows: { language: Language; javaScriptEnabled: boolean }[] = [
	{ language: 'fr', javaScriptEnabled: false },
	{ language: 'ar', javaScriptEnabled: true }
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the Atlas list: map, filters, results, downloads', () => {
	for (const { language, javaScriptEnabled } of flows) {
		test(`in ${language}${javaScriptEnabled ? '' : ', without JavaScript'}`, async () => {
			const page = await browser.newPage({ javaScriptEnabled, locale: language });
			const response = await page.goto(`/${language}/atlas`);
			expect(response?.status()).toBe(200);
			await expectLanguage(page, language);
			const main = page.getByRole('main');
			await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'atlas.atlas'));
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			// Results come first; the map is a view to switch to: 12 region links, the Oriental's leads to
			// the list filtered by it.
			await expect(main.locator('.atlas-results > li').count()).resolves.toBeGreaterThan(0);
			const views = main.getByRole('navigation', { name: t(language, 'common.results_views') });
			await views.getByRole('link', { name: t(language, 'atlas.view_map') }).click();
			await page.waitForURL((url) => url.searchParams.get('view') === 'map');
			const map = main.getByRole('group', { name: t(language, 'atlas.map_title_count') });
			await expect(map.getByRole('link').count()).resolves.toBe(12);
			await map.locator('a[data-iso="MA-02"]').click();
			await page.waitForURL((url) => url.searchParams.get('region') === 'MA-02');
			await expect(main.locator('input[type="checkbox"][name="region"][value="MA-02"]').isChecked()).resolves.toBe(true);

			// National programmes cover the Oriental too: counted, marked, and they can be left out.
			const regional = (await main.getByRole('status').textContent()) ?? '';
			expect(regional).toContain(t(language, 'atlas.national_exclude_link'));
			await main.getByRole('link', { name: t(language, 'atlas.national_exclude_link') }).click();
			await page.waitForURL((url) => url.searchParams.get('national') === 'exclude');
			await expect(main.getByRole('status').textContent()).resolves.toContain(t(language, 'atlas.national_excluded'));
			// …and the filter in force can be removed by its own link
			await main.getByRole('link', { name: t(language, 'common.filter_remove', { filter: t(language, 'atlas.active_national_exclude') }) }).click();
			await page.waitForURL((url) => url.searchParams.get('national') === null && url.searchParams.get('region') === 'MA-02');

			// Several regions at once (the region list is open, since one is chosen), narrowed by a theme,
			// without the sample initiatives, through the form.
			await main.locator('input[name="region"][value="MA-01"]').check();
			await main.getByRole('checkbox', { name: new RegExp(`^\\s*${escape(t(language, 'atlas.theme_migration_governance'))}`) }).check();
			await main.getByLabel(t(language, 'atlas.filter_sample'), { exact: true }).selectOption('exclude');
			await main.getByRole('button', { name: t(language, 'atlas.apply_filters'), exact: true }).click();
			await page.waitForURL((url) => url.searchParams.get('theme') === 'migration_governance');
			const url = new URL(page.url());
			expect(url.searchParams.getAll('region')).toEqual(['MA-01', 'MA-02']);
			expect(url.searchParams.get('sample')).toBe('exclude');
			await expect(main.getByText(t(language, 'common.chosen_count', { count: 2 })).count()).resolves.toBe(1);
			const status = (await main.getByRole('status').textContent()) ?? '';
			expect(status).not.toBe(t(language, 'atlas.results_count', { count: 0 }));
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			// The download block links to the open-data export of the same filter, and states the licence.
			const downloads = main.getByRole('region', { name: t(language, 'atlas.download_heading') });
			const hrefs = await downloads.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
			const csv = hrefs.map((href) => new URL(href, page.url())).find((href) => href.searchParams.get('format') === 'csv' && !href.searchParams.has('hxl'))!;
			expect(csv.pathname).toBe('/api/v1/initiatives');
			expect(csv.searchParams.getAll('region')).toEqual(['MA-01', 'MA-02']);
			expect(csv.searchParams.get('theme')).toBe('migration_governance');
			expect(csv.searchParams.get('sample')).toBe('exclude');
			expect(hrefs.some((href) => href.includes('format=xlsx') && href.includes('hxl=1'))).toBe(true);
			expect(hrefs.some((href) => href.includes('format=geojson'))).toBe(true);
			expect(hrefs.some((href) => href.includes('format=iati'))).toBe(true);
			expect((await downloads.textContent()) ?? '').toContain('ODbL');
			// …and the CSV downloads: the selection, with the page language's column names.
			const file = await page.request.get(csv.toString());
			expect(file.status()).toBe(200);
			expect(file.headers()['content-type']).toContain('text/csv');
			expect((await file.text()).split('\n').length).toBeGreaterThan(1);

			// Open PRIMO (in the Oriental, on migration governance): the initiative page.
			await main.getByRole('link', { name: /PRIMO/ }).click();
			await page.waitForURL(`**/${language}/atlas/initiatives/primo-oriental`);
			await expect(page.getByRole('main').getByRole('heading', { level: 1 }).textContent()).resolves.toContain('PRIMO');
			await page.context().close();
		});
	}

	test('an initiative names its communes with their HCP codes and dots on its map, each a link to the list filtered by it', async () => {
		const page = await browser.newPage({ locale: 'fr' });
		await page.goto('/fr/atlas/initiatives/oim-migration-developpement-durable');
		const main = page.getByRole('main');
		await expect(main.getByText('02.411.01.23', { exact: true }).count()).resolves.toBe(1);
		await expect(main.locator('svg circle').count()).resolves.toBe(2);
		await shoot(page, 'initiative-communes-fr');
		await main.getByRole('link', { name: 'Oujda', exact: true }).click();
		await page.waitForURL((url) => url.searchParams.get('commune') === '02.411.01.23');
		await expect(main.locator('input[type="checkbox"][name="commune"][value="02.411.01.23"]').isChecked()).resolves.toBe(true);
		await expect(main.getByRole('link', { name: /Migration au Service du Développement Durable/ }).count()).resolves.toBeGreaterThan(0);
		const arabic = await browser.newPage({ locale: 'ar' });
		await arabic.goto('/ar/atlas/initiatives/oim-migration-developpement-durable');
		await expect(arabic.getByRole('main').getByRole('link', { name: 'وجدة', exact: true }).count()).resolves.toBe(1);
		// its French summary and description in French and left to right
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'initiative-communes-ar');
		await arabic.context().close();
		await page.context().close();
	});

	test('a wrong filter is explained, not an error page', async () => {
		const page = await browser.newPage({ locale: 'fr' });
		const response = await page.goto('/fr/atlas?from=abc&region=MA-99');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('alert').textContent()).resolves.toContain(t('fr', 'atlas.filters_invalid'));
		await page.context().close();
	});

	test('the list page weighs at most 150 KB compressed, its only script the small filter-box module of long lists', async () => {
		const { url } = server();
		const html = await (await fetch(url('/fr/atlas'))).text();
		// no framework JavaScript (ADR 0001); the forms' one module (ADR 0007), a few KB
		const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => new URL(match[1], url('/fr/atlas')).toString());
		expect(new Set(scripts).size).toBeLessThanOrEqual(1);
		let script = 0;
		for (const src of new Set(scripts)) script += gzipSync(Buffer.from(await (await fetch(src)).arrayBuffer())).length;
		expect(script).toBeLessThanOrEqual(5 * 1024);
		const styles = [...html.matchAll(/<link\b[^>]*>/g)]
			.map((match) => match[0])
			.filter((tag) => /rel="stylesheet"/.test(tag))
			.map((tag) => new URL(tag.match(/href="([^"]+)"/)![1], url('/fr/atlas')).toString());
		expect(styles.length).toBeGreaterThan(0);
		let total = gzipSync(html).length + script;
		for (const href of styles) {
			const css = await fetch(href);
			expect(css.status).toBe(200);
			total += gzipSync(Buffer.from(await css.arrayBuffer())).length;
		}
		expect(total).toBeLessThanOrEqual(150 * 1024);
	});
});

describe('the dashboard', () => {
	for (const { language, javaScriptEnabled } of flows) {
		test(`in ${language}${javaScriptEnabled ? '' : ', without JavaScript'}`, async () => {
			const page = await browser.newPage({ javaScriptEnabled, locale: language });
			const response = await page.goto(`/${language}/atlas/dashboard`);
			expect(response?.status()).toBe(200);
			await expectLanguage(page, language);
			const main = page.getByRole('main');
			await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'atlas.dashboard_title'));
			for (const key of ['region_theme_title', 'years_title', 'budget_years_title', 'funders_title', 'implementers_title', 'gaps_title']) {
				await expect(main.getByRole('heading', { level: 2, name: t(language, `atlas.${key}`) }).count()).resolves.toBe(1);
			}
			await expect(main.getByRole('img', { name: t(language, 'atlas.years_title') }).count()).resolves.toBe(1);
			// budgets by year: the chart, and the sentence saying how a budget is placed in its years
			await expect(main.getByRole('img', { name: t(language, 'atlas.budget_years_title') }).count()).resolves.toBe(1);
			await expect(main.getByText(t(language, 'atlas.budget_years_note')).count()).resolves.toBe(1);
			await shoot(page, `dashboard-${language}`);
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			// Narrow by region through the form: the region × theme table keeps that one row.
			await main.locator('summary', { hasText: t(language, 'atlas.filter_region') }).click(); // opens the region list
			await main.locator('input[name="region"][value="MA-02"]').check();
			await main.getByRole('button', { name: t(language, 'atlas.apply_filters'), exact: true }).click();
			await page.waitForURL((url) => url.searchParams.get('region') === 'MA-02');
			const matrix = main.getByRole('table', { name: t(language, 'atlas.region_theme_caption') });
			await expect(matrix.locator('tbody tr').count()).resolves.toBe(1);
			await page.context().close();
		});
	}

	test('each chart downloads as CSV with its header row in the page language', async () => {
		const { url } = server();
		const fr = await fetch(url('/fr/atlas/dashboard/years.csv?region=MA-02'));
		expect(fr.status).toBe(200);
		expect(fr.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(fr.headers.get('content-disposition')).toContain('attachment');
		const lines = (await fr.text()).replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe([t('fr', 'atlas.col_year'), t('fr', 'atlas.col_initiatives_active'), t('fr', 'atlas.col_budget_eur'), t('fr', 'atlas.col_amount_unknown_year')].join(','));
		expect(lines.length).toBeGreaterThan(2);
		const ar = await (await fetch(url('/ar/atlas/dashboard/funders.csv'))).text();
		expect(ar.replace(/^\uFEFF/, '').split('\r\n')[0].split(',')[0]).toBe(t('ar', 'atlas.col_funder'));
		expect((await fetch(url('/fr/atlas/dashboard/nothing.csv'))).status).toBe(404);
	});
});

describe('an organisation page', () => {
	test('shows the initiatives by role with totals, in French and Arabic', async () => {
		for (const language of ['fr', 'ar'] as const) {
			const page = await browser.newPage({ locale: language });
			const response = await page.goto(`/${language}/atlas/organisations/union-europeenne`);
			expect(response?.status()).toBe(200);
			const main = page.getByRole('main');
			await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Union européenne');
			await expect(main.getByRole('heading', { level: 2, name: new RegExp(`^${escape(t(language, 'atlas.role_funder'))}`) }).count()).resolves.toBe(1);
			await expect(main.getByRole('link', { name: /SHARAKA|شراكة/ }).count()).resolves.toBeGreaterThan(0);
			await expectNoRawMessageKeys(page);
			await expectNoAxeViolations(page);
			expect((await page.goto(`/${language}/atlas/organisations/no-such-organisation`))?.status()).toBe(404);
			await page.context().close();
		}
	});
});
