// The regions of the RECOSA countries' plans (issue #13): in French without JavaScript, the strategies' home offers
// Senegal's regions (folded under the country), a Senegalese region's page lists the sample actions of Senegal's plan
// there, and the administrator's planning page of that plan offers Senegal's regions, not Morocco's; in Arabic with
// axe at 320 px, the same region's page and a region of Côte d'Ivoire whose Arabic name the source lacks (given in
// French, marked as French). Screenshots at 360 and 1280 px go to test-results/screenshots/strategy-countries-*.
import { describe, expect, test } from 'vitest';
import { countryName } from '#platform/geo/countries.ts';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('strategy-countries');

describe("the regions of other countries' strategies", () => {
	test("Senegal's plan names Senegal's regions: home, region page, planning page (fr, no JavaScript); Arabic with axe", { timeout: 180_000 }, async () => {
		// 1. A visitor, French, no JavaScript: the home folds each other country's regions under its name.
		const visitor = await browser.newPage({ javaScriptEnabled: false });
		await visitor.goto('/fr/strategy');
		await check(visitor, 'fr', false);
		const senegal = visitor.locator('details', { has: visitor.locator('summary', { hasText: t('fr', 'strategy.by_region_country', { country: countryName('SN', 'fr') }) }) });
		await expect(senegal.locator('a').count()).resolves.toBe(14);
		await senegal.locator('summary').click();
		await senegal.getByRole('link', { name: 'Thiès', exact: true }).click();
		await check(visitor, 'fr', false);
		await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Thiès');
		// the sample programme of Senegal's plan in that region, and Thiès' own concertation body; the link to the
		// region's bodies names Thiès, never a Moroccan region
		await expect(visitor.locator('main').textContent()).resolves.toContain('Exemple : Forum régional de la diaspora — Thiès');
		await expect(visitor.locator('main').textContent()).resolves.toContain('Exemple : comité régional de concertation sur la migration de Thiès');
		await expect(visitor.locator('a[href*="/strategy/concertation?region="]').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual(['/fr/strategy/concertation?region=SN-TH']);
		await shoot(visitor, 'region-fr');
		// an unknown code is not a region
		expect((await visitor.goto('/fr/strategy/regions/SN-XX'))?.status()).toBe(404);

		// 2. The administrator's planning page of Senegal's plan offers Senegal's regions only.
		const admin = await signedInAs(browser, 'admin@demo.sharaka.ma', 'fr', false);
		await admin.goto('/fr/strategy/recosa-plan-action-senegal/plan');
		await check(admin, 'fr', false);
		const regions = admin.locator('input[name="regions"]');
		await expect(regions.count()).resolves.toBe(14);
		await expect(admin.locator('input[name="regions"][value="MA-02"]').count()).resolves.toBe(0);
		await expect(admin.locator('input[name="regions"][value="SN-TH"]').count()).resolves.toBe(1);
		await shoot(admin, 'plan-fr');

		// 3. Arabic, with JavaScript and axe, at 320 px: the Senegalese region, then a district of Côte d'Ivoire
		// whose name the source gives in French only.
		const arabic = await browser.newPage({ locale: 'ar-MA' });
		await arabic.goto('/ar/strategy/regions/SN-TH');
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await expect(arabic.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('ثيس');
		await shoot(arabic, 'region-ar');
		await arabic.goto('/ar/strategy');
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await arabic.locator('summary', { hasText: t('ar', 'strategy.by_region_country', { country: countryName('CI', 'ar') }) }).click();
		await expect(arabic.locator('a[lang="fr"]', { hasText: 'Lagunes' }).count()).resolves.toBe(1);
		await shoot(arabic, 'home-ar');
	});
});
