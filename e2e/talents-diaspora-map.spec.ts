// Knowing the diaspora (issue 11, item 4): the world map. A moderator adds a reference figure in French without
// JavaScript and the map draws it (a server-made SVG named by its title and described in words, the same
// figures in the table); the map of the platform's talents on request; the page in Arabic on a phone with
// axe-core. Screenshots at 360 and 1280 px go to test-results/screenshots/talents-diaspora-map-*.
import { describe, expect, onTestFinished, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';
import { check, screenshotsFor, signedInAs } from './flows.ts';

const browser = useBrowser();
const stamp = Date.now().toString(36);
const shoot = screenshotsFor('talents-diaspora-map');

describe('Talents: the world map of the diaspora', () => {
	test('a moderator’s figure is drawn on the map without JavaScript; the talents’ map; Arabic with axe', { timeout: 180_000 }, async () => {
		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		onTestFinished(() => moderator.context().close());
		await moderator.goto('/fr/talents/diaspora');
		await moderator.getByLabel(t('fr', 'talents.field_host_country'), { exact: true }).selectOption('NO');
		await moderator.getByLabel(t('fr', 'talents.field_people'), { exact: true }).fill('12345');
		await moderator.getByLabel(t('fr', 'talents.field_year'), { exact: true }).fill('2020');
		await moderator.getByLabel(t('fr', 'talents.field_source'), { exact: true }).fill(`Statistics Norway, exemple ${stamp}`);
		await moderator.getByRole('button', { name: t('fr', 'talents.diaspora_add_submit') }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'talents.done_figure_added'));

		// the reference figures' map: named by its title, Norway's figure in its description and on the map
		await moderator.goto('/fr/talents/diaspora');
		const map = moderator.getByRole('img', { name: t('fr', 'diaspora.map_title_figures') });
		await expect(map.count()).resolves.toBe(1);
		const description = await moderator.locator('.point-map desc').textContent();
		expect(description).toMatch(/Norvège — 12\D?345/u);
		await expect(moderator.locator('.point-map circle').count()).resolves.toBeGreaterThan(0);
		await expect(moderator.getByRole('link', { name: t('fr', 'diaspora.map_series_figures') }).getAttribute('aria-current')).resolves.toBe('true');
		await check(moderator, 'fr', false);
		await shoot(moderator, 'figures-fr');

		// the talents' map, by a link (no script): the demo's sample talents by host country
		await moderator.getByRole('link', { name: t('fr', 'diaspora.map_series_talents') }).click();
		await expect(moderator.getByRole('img', { name: t('fr', 'diaspora.map_title_talents') }).count()).resolves.toBe(1);
		await expect(moderator.getByRole('link', { name: t('fr', 'diaspora.map_series_talents') }).getAttribute('aria-current')).resolves.toBe('true');
		await check(moderator, 'fr', false);

		// Arabic, on a phone, with axe-core: the map is never wider than the page
		const visitor = await browser.newPage({ locale: 'ar', phone: true });
		onTestFinished(() => visitor.context().close());
		await visitor.goto('/ar/talents/diaspora');
		await expect(visitor.getByRole('img', { name: t('ar', 'diaspora.map_title_figures') }).count()).resolves.toBe(1);
		await check(visitor, 'ar');
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'figures-ar');
	});
});
