// Talents in the Atlas (issue 11): a completed mission shows on the Atlas's region page — the platform asks every
// module for its part of a region (manifest `regionContributions`), the Atlas imports none. From the mission's
// page in French without JavaScript to its region in the Atlas and back; the region page in Arabic on a phone with
// axe-core. Screenshots at 360 and 1280 px go to test-results/screenshots/talents-atlas-*.
import { describe, expect, onTestFinished, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';
import { check, screenshotsFor } from './flows.ts';

const browser = useBrowser();
const shoot = screenshotsFor('talents-atlas');
// the demo's completed mission of the (fictional) regional council, in the Oriental region (MA-02), part of the real PRIMO
const MISSION_FR = 'Plan régional de gestion des déchets agricoles';
const MISSION_AR = 'المخطط الجهوي لتدبير النفايات الفلاحية';

describe('Talents in the Atlas', () => {
	test("a completed mission shows on its region's Atlas page, in French without JavaScript and in Arabic", { timeout: 180_000 }, async () => {
		// 1. French, no JavaScript: the completed missions, one of them, its region in the Atlas.
		const page = await browser.newPage({ javaScriptEnabled: false, locale: 'fr' });
		onTestFinished(() => page.context().close());
		await page.goto('/fr/talents/missions?status=completed');
		await page.getByRole('link', { name: MISSION_FR }).first().click();
		await check(page, 'fr', false);
		await page.getByRole('link', { name: t('fr', 'missions_more.in_atlas') }).click();
		expect(new URL(page.url()).pathname).toBe('/fr/atlas/regions/MA-02');
		await check(page, 'fr', false);
		const main = page.getByRole('main');
		await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Oriental');
		// the module's section: its heading counts the region's completed missions, the mission is listed and badged
		const section = main.locator('section', { has: page.getByRole('link', { name: MISSION_FR }) });
		await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/missions? accomplies? par des talents de la diaspora/);
		await expect(section.textContent()).resolves.toContain(t('fr', 'atlas.sample_badge'));
		// the sample mission belongs to a real initiative of the region, PRIMO, whose Atlas page it links to
		await expect(section.getByRole('link', { name: /PRIMO/ }).first().getAttribute('href')).resolves.toBe('/fr/atlas/initiatives/primo-oriental');
		await shoot(page, 'region-fr');
		// the whole list of the region's completed missions, then back to the mission
		await section.getByRole('link', { name: t('fr', 'missions_more.region_all') }).click();
		expect(new URL(page.url()).search).toContain('region=MA-02');
		await page.getByRole('link', { name: MISSION_FR }).first().click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(MISSION_FR);
		// the Atlas's list filtered by the region links to the region's page
		await page.goto('/fr/atlas?region=MA-02');
		await page.getByRole('link', { name: new RegExp(t('fr', 'atlas_regions.region_link')) }).click();
		expect(new URL(page.url()).pathname).toBe('/fr/atlas/regions/MA-02');

		// 2. Arabic on a phone, axe-core: the mission in its Arabic title, the other regions, an unknown region.
		const arabic = await browser.newPage({ locale: 'ar', phone: true });
		onTestFinished(() => arabic.context().close());
		await arabic.goto('/ar/atlas/regions/ma-02');
		expect(new URL(arabic.url()).pathname).toBe('/ar/atlas/regions/MA-02');
		await check(arabic, 'ar');
		await expect(arabic.getByRole('link', { name: MISSION_AR }).count()).resolves.toBeGreaterThan(0);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'region-ar');
		await arabic.getByRole('link', { name: 'الدار البيضاء-سطات' }).click();
		expect(new URL(arabic.url()).pathname).toBe('/ar/atlas/regions/MA-06');
		await check(arabic, 'ar');
		const missing = await arabic.goto('/ar/atlas/regions/MA-99');
		expect(missing?.status()).toBe(404);
	});
});
