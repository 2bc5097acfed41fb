// A visitor opens an initiative of the Atlas — in French without JavaScript, in Arabic (right-to-left) with it:
// title, the "not available in this language" note, organisations by role, budget in EUR and MAD, sources,
// version history; the public API answers the same data. Texts come from messages/*/atlas.json.
import { describe, expect, test } from 'vitest';
import type { Language } from '#platform/i18n/languages.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, t, useBrowser } from './harness.ts';

const browser = useBrowser();

const flows: { language: Language; javaScriptEnabled: boolean }[] = [
	{ language: 'fr', javaScriptEnabled: false },
	{ language: 'ar', javaScriptEnabled: true }
];

describe('the initiative page', () => {
	for (const { language, javaScriptEnabled } of flows) {
		test(`in ${language}${javaScriptEnabled ? '' : ', without JavaScript'}`, async () => {
			const page = await browser.newPage({ javaScriptEnabled, locale: language });
			// SHARAKA: French and Arabic titles, three funders, sources from the seeds.
			const response = await page.goto(`/${language}/atlas/initiatives/sharaka`);
			expect(response?.status()).toBe(200);
			await expectLanguage(page, language);
			const main = page.getByRole('main');
			const heading = await main.getByRole('heading', { level: 1 }).textContent();
			expect(heading).toContain(language === 'ar' ? 'شراكة' : 'SHARAKA');
			await expect(main.getByRole('heading', { name: t(language, 'atlas.role_funder'), exact: true }).count()).resolves.toBe(1);
			const text = (await main.textContent()) ?? '';
			expect(text).toContain('Union européenne');
			expect(text).toContain(t(language, 'atlas.budget_mad'));
			expect(text).toContain(t(language, 'atlas.history'));
			await expect(main.getByRole('table').getByRole('rowheader').count()).resolves.toBeGreaterThan(0);
			expect(text).not.toContain(t(language, 'atlas.not_in_language', { language: 'Français' }));
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			// PRIMO exists only in French: the Arabic page says so.
			await page.goto(`/${language}/atlas/initiatives/primo-oriental`);
			const primo = (await page.getByRole('main').textContent()) ?? '';
			if (language === 'ar') expect(primo).toContain(t('ar', 'atlas.not_in_language', { language: 'Français' }));
			else expect(primo).not.toContain(t('fr', 'atlas.not_in_language', { language: 'Français' }));
			expect(primo).toContain(t(language, 'atlas.theme_migration_governance'));
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			const missing = await page.goto(`/${language}/atlas/initiatives/does-not-exist`);
			expect(missing?.status()).toBe(404);
		});
	}

	test('the API gives the list with facets and the detail with its ETag', async () => {
		const page = await browser.newPage();
		const list = await page.request.get('/api/v1/initiatives?region=MA-02&sort=title');
		expect(list.status()).toBe(200);
		const body = await list.json();
		expect(body.items.map((item: { slug: string }) => item.slug)).toContain('primo-oriental');
		// the region's own initiatives; the national programmes that also cover it are counted apart
		expect(body.facets.region[0]).toMatchObject({ key: 'MA-02', count: body.total - body.national.onlyNational });
		expect(body.national.onlyNational).toBeGreaterThan(0);
		const detail = await page.request.get('/api/v1/initiatives/recosa-cooperation-sud-sud');
		expect(detail.headers()['etag']).toBe('"1"');
		const stats = await page.request.get('/api/v1/atlas/stats?by=region');
		expect((await stats.json()).rows).toHaveLength(12);
		const bad = await page.request.get('/api/v1/initiatives?budgetMin=lots');
		expect(bad.status()).toBe(400);
	});
});
