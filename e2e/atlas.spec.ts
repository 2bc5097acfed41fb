// A visitor opens an initiative of the Atlas — in French without JavaScript, in Arabic (right-to-left) with it:
// title, the "not available in this language" note, organisations by role, budget in EUR and MAD, sources,
// version history; the public API answers the same data. Texts come from messages/*/atlas.json.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { Language } from '#platform/i18n/languages.ts';
import { languageNameIn } from '#platform/i18n/content-language.ts';
import { signedInAs } from './flows.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, t, useBrowser, savesScreenshots } from './harness.ts';

const browser = useBrowser();
const screenshots = path.resolve('test-results/screenshots');
fs.mkdirSync(screenshots, { recursive: true });

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
			expect(text).not.toContain(t(language, 'atlas.not_in_language', { language: languageNameIn('fr', language) }));
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			// PRIMO exists only in French: the Arabic page says so.
			await page.goto(`/${language}/atlas/initiatives/primo-oriental`);
			const primo = (await page.getByRole('main').textContent()) ?? '';
			// the language's name is written in the page's language ("الفرنسية" on an Arabic page)
			if (language === 'ar') expect(primo).toContain(t('ar', 'atlas.not_in_language', { language: languageNameIn('fr', 'ar') }));
			else expect(primo).not.toContain(t('fr', 'atlas.not_in_language', { language: languageNameIn('fr', 'fr') }));
			expect(primo).toContain(t(language, 'atlas.theme_migration_governance'));
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);

			// programmes within programmes, from both sides: SHARAKA lists its components; PRIMO is the pilot of component 1
			expect(primo).toContain(t(language, 'atlas.part_of_pilot'));
			await page.getByRole('link', { name: /SHARAKA, composante 1/ }).click();
			await expect(page.getByRole('main').textContent()).resolves.toContain(t(language, 'atlas.part_of_component'));
			await page.goto(`/${language}/atlas/initiatives/sharaka`);
			const parts = page.getByRole('heading', { name: t(language, 'atlas.parts') });
			await expect(parts.count()).resolves.toBe(1);
			await expect(page.locator('ul.parts > li').count()).resolves.toBe(5);
			// a deliverable announced but not out when the source was written says so
			await page.goto(`/${language}/atlas/initiatives/sharaka-composante-3a-insertion-immigres-regularises`);
			const deliverables = page.locator('ul.deliverables');
			await expect(deliverables.textContent()).resolves.toContain(t(language, 'atlas.deliverable_forthcoming'));
			await expect(deliverables.textContent()).resolves.toContain(t(language, 'atlas.deliverable_study'));
			await expectNoRawMessageKeys(page);
			if (javaScriptEnabled) await expectNoAxeViolations(page);
			for (const width of [360, 1280]) {
				await page.setViewportSize({ width, height: 900 });
				if (savesScreenshots) await page.screenshot({ path: path.join(screenshots, `atlas-parts-${language}-${width}.png`), fullPage: true });
			}
			// a year filter says how many initiatives of unknown years it leaves out, and includes them on request
			const total = async () => Number(((await page.locator('.atlas-count strong').textContent()) ?? '').replace(/\D/g, ''));
			await page.goto(`/${language}/atlas?from=2015&to=2016`);
			const dated = await total();
			await page.getByRole('link', { name: t(language, 'atlas.undated_include_link') }).click();
			expect(page.url()).toContain('undated=include');
			expect(await total()).toBeGreaterThan(dated);

			const missing = await page.goto(`/${language}/atlas/initiatives/does-not-exist`);
			expect(missing?.status()).toBe(404);
		});
	}

	test('a moderator recognises a good practice to redeploy (fr, without JavaScript); the public list shows it with its reason (ar, axe)', async () => {
		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		onTestFinished(() => moderator.context().close());
		await moderator.goto('/fr/atlas/initiatives/primo-oriental');
		const section = moderator.getByRole('region', { name: t('fr', 'atlas.good_practice') });
		// no reason: refused with a message, nothing marked
		await section.getByRole('button', { name: t('fr', 'atlas.good_practice_mark') }).click();
		await expect(moderator.getByRole('alert').first().textContent()).resolves.toContain(t('fr', 'errors.field_required'));
		await moderator.getByLabel(t('fr', 'atlas.good_practice_reason_in', { language: languageNameIn('ar', 'fr') })).fill('نموذج للحوار الجهوي حول الهجرة');
		await moderator.getByRole('button', { name: t('fr', 'atlas.good_practice_mark') }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas.good_practice_marked'));

		const page = await browser.newPage({ locale: 'ar' });
		onTestFinished(() => page.context().close());
		await page.goto('/ar/atlas');
		await page.getByRole('link', { name: t('ar', 'atlas.good_practices_link') }).click();
		const main = page.getByRole('main');
		await expect(main.textContent()).resolves.toContain('نموذج للحوار الجهوي حول الهجرة');
		await expect(main.getByRole('link', { name: /PRIMO/ }).getAttribute('lang')).resolves.toBe('fr');
		await expectNoRawMessageKeys(page);
		await expectNoAxeViolations(page);
		for (const width of [360, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			if (savesScreenshots) await page.screenshot({ path: path.join(screenshots, `atlas-good-practices-ar-${width}.png`), fullPage: true });
		}
		// and the moderator removes the mark again: the list says there is none left for the Oriental
		await moderator.goto('/fr/atlas/initiatives/primo-oriental');
		await moderator.getByRole('button', { name: t('fr', 'atlas.good_practice_remove') }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas.good_practice_removed'));
		await page.goto('/ar/atlas/good-practices?region=MA-02&national=exclude');
		await expect(page.getByRole('main').textContent()).resolves.not.toContain('PRIMO');
	});

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
