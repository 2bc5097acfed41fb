// Directories of the diaspora (issue 11, item 5): the houses of Moroccans of the world and the MRE desks, and the
// diaspora associations. In French without JavaScript a filter narrows each list (a plain GET form); in Arabic on a
// phone, with axe-core, both pages (one with a filter) fit the width. Screenshots at 360 and 1280 px go to
// test-results/screenshots/talents-directories-*.
import { describe, expect, onTestFinished, test } from 'vitest';
import { t, useBrowser } from './harness.ts';
import { check, checkEach, screenshotsFor } from './flows.ts';

const browser = useBrowser();
const shoot = screenshotsFor('talents-directories');
// the demo's sample entries (directories.demo.ts)
const DESK = 'Guichet MRE du centre régional d’investissement (exemple)';
const HOUSE = 'Maison des Marocains du monde de Souss-Massa (exemple)';
const BRUSSELS = 'Association Pont Bruxelles–Maroc (exemple)';
const LYON = 'Association des compétences marocaines de Lyon (exemple)';

describe('Talents: the directories of the diaspora', () => {
	test('houses, desks and associations filtered without JavaScript; Arabic on a phone with axe', { timeout: 120_000 }, async () => {
		// 1. French, no JavaScript: the filters are a GET form, applied by its button.
		const page = await browser.newPage({ javaScriptEnabled: false, locale: 'fr' });
		onTestFinished(() => page.context().close());
		await page.goto('/fr/talents/houses');
		await check(page, 'fr', false);
		const main = page.getByRole('main');
		await expect(main.getByRole('link', { name: HOUSE }).count()).resolves.toBe(1);
		await main.getByLabel(t('fr', 'directories.filter_kind'), { exact: true }).selectOption('desk');
		await main.getByRole('button', { name: t('fr', 'talents.apply_filters') }).click();
		expect(new URL(page.url()).searchParams.get('kind')).toBe('desk');
		await expect(main.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'directories.houses_count', { count: 1 }));
		await expect(main.getByRole('link', { name: DESK }).count()).resolves.toBe(1);
		await expect(main.getByRole('link', { name: HOUSE }).count()).resolves.toBe(0);
		// the CSV keeps the filter
		await expect(main.getByRole('link', { name: t('fr', 'directories.download_csv') }).getAttribute('href')).resolves.toBe('/fr/talents/houses/export?kind=desk');
		await check(page, 'fr', false);
		await shoot(page, 'houses-fr');

		await main.getByRole('link', { name: t('fr', 'directories.associations_title') }).first().click();
		await check(page, 'fr', false);
		await main.getByLabel(t('fr', 'directories.filter_country'), { exact: true }).selectOption('BE');
		await main.getByRole('button', { name: t('fr', 'talents.apply_filters') }).click();
		expect(new URL(page.url()).searchParams.get('country')).toBe('BE');
		await expect(main.getByRole('link', { name: BRUSSELS }).count()).resolves.toBe(1);
		await expect(main.getByRole('link', { name: LYON }).count()).resolves.toBe(0);
		await shoot(page, 'associations-fr');

		// 2. Arabic on a phone with axe-core: both lists, one of them filtered by a service.
		const arabic = await browser.newPage({ locale: 'ar', phone: true });
		onTestFinished(() => arabic.context().close());
		await checkEach(
			arabic,
			'ar',
			[
				['/ar/talents/houses?service=investment', 'houses-ar'],
				['/ar/talents/associations', 'associations-ar']
			],
			shoot
		);
		await expect(arabic.getByRole('main').getByRole('link', { name: 'جمعية جسر بروكسيل–المغرب (مثال)' }).count()).resolves.toBe(1);
	});
});
