// A strategy created and its own details edited (issue #13): an administrator, in French without JavaScript on a
// phone, creates a strategy from the strategies' page (a missing title and a period ending before it starts are
// refused with the fields named, what was typed kept), lands on its plan page, then corrects its details — its
// country too, no item of its plan naming a region yet; the demo owner of the SNIA edits its details in Arabic
// (axe clean, 320 px), where changing the country is refused while its plan names regions; its planner may not.
// Screenshots at 360 and 1280 px go to test-results/screenshots/strategy-details-*.
import { describe, expect, test } from 'vitest';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('strategy-details');
const stamp = Date.now();
const title = `Plan régional d’essai ${stamp}`;

describe('creating a strategy and editing its details', () => {
	test('an administrator creates a strategy without JavaScript, then corrects it; refusals name their fields', { timeout: 240_000 }, async () => {
		const admin = await signedInAs(browser, 'admin@demo.sharaka.ma', 'fr', false, true);
		await admin.goto('/fr/strategy');
		await admin.getByRole('link', { name: t('fr', 'strategy_details.new_link'), exact: true }).click();
		await check(admin, 'fr', false);
		// refused: no title, a period ending before it starts
		await admin.getByLabel(t('fr', 'strategy_details.title_ar'), { exact: true }).fill('');
		await admin.getByLabel(t('fr', 'strategy_details.period_start'), { exact: true }).fill('2030');
		await admin.getByLabel(t('fr', 'strategy_details.period_end'), { exact: true }).fill('2024');
		await admin.getByRole('button', { name: t('fr', 'strategy_details.create'), exact: true }).click();
		await expect(admin.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy_details.error_title'));
		await expect(admin.getByLabel(t('fr', 'strategy_details.period_start'), { exact: true }).inputValue()).resolves.toBe('2030');
		await shoot(admin, 'refused-fr');
		await admin.getByLabel(t('fr', 'strategy_details.title_fr'), { exact: true }).fill(title);
		await admin.getByRole('button', { name: t('fr', 'strategy_details.create'), exact: true }).click();
		await expect(admin.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy_details.error_period'));
		await admin.getByLabel(t('fr', 'strategy_details.period_start'), { exact: true }).fill('2024');
		await admin.getByLabel(t('fr', 'strategy_details.period_end'), { exact: true }).fill('2030');
		await admin.getByLabel(t('fr', 'strategy_details.title_ar'), { exact: true }).fill('مخطط جهوي تجريبي');
		await admin.locator('input[name="sources.0.citation"]').fill('Conseil régional, délibération de 2024');
		await admin.getByRole('button', { name: t('fr', 'strategy_details.create'), exact: true }).click();
		await admin.waitForURL((address) => address.pathname.endsWith('/plan') && address.searchParams.has('created'));
		await expect(admin.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy_details.created'));
		const slug = new URL(admin.url()).pathname.split('/')[3];
		expect(slug).toBe(`plan-regional-d-essai-${stamp}`);

		// its details corrected: published, with a summary
		await admin.getByRole('link', { name: t('fr', 'strategy_details.edit_link'), exact: true }).click();
		await check(admin, 'fr', false);
		await expect(admin.getByLabel(t('fr', 'strategy_details.title_fr'), { exact: true }).inputValue()).resolves.toBe(title);
		await admin.getByLabel(t('fr', 'strategy_details.summary_fr'), { exact: true }).fill('Le volet migratoire du plan de développement régional.');
		await admin.getByLabel(t('fr', 'strategy_details.published'), { exact: true }).check();
		// no item of its plan names a region yet: its country may still change
		const country = admin.getByLabel(t('fr', 'strategy_details.country'), { exact: true });
		await expect(admin.locator('#field-country-hint').textContent()).resolves.toBe(t('fr', 'strategy_details.country_hint_edit'));
		await country.selectOption('SN');
		await admin.getByRole('button', { name: t('fr', 'strategy_details.save'), exact: true }).click();
		await admin.waitForURL((address) => address.searchParams.has('saved'));
		await expect(admin.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy_details.saved'));
		await expect(admin.getByLabel(t('fr', 'strategy_details.published'), { exact: true }).isChecked()).resolves.toBe(true);
		await expect(country.inputValue()).resolves.toBe('SN');
		await shoot(admin, 'edit-fr');
		// published: on the strategies' list
		await admin.goto('/fr/strategy');
		await expect(admin.getByRole('link', { name: title, exact: true }).count()).resolves.toBeGreaterThan(0);
		await admin.close();
	});

	test('the SNIA’s owner edits its details in Arabic; its planner may not', { timeout: 180_000 }, async () => {
		const owner = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await owner.goto('/ar/strategy/snia/plan');
		await owner.getByRole('link', { name: t('ar', 'strategy_details.edit_link'), exact: true }).click();
		await check(owner, 'ar');
		await expectPhoneWidthAndLanguageOfParts(owner, 'ar');
		await shoot(owner, 'edit-ar');
		// its plan names regions of Morocco: another country is refused on its field, said in Arabic, nothing changed
		await owner.getByLabel(t('ar', 'strategy_details.country'), { exact: true }).selectOption('ML');
		await owner.getByRole('button', { name: t('ar', 'strategy_details.save'), exact: true }).click();
		await owner.locator('.error-summary').first().waitFor();
		const refusal = t('ar', 'strategy_details.error_country_regions', { count: 2 }).split(':').at(-1)!.trim();
		await expect(owner.locator('#field-country-error').textContent()).resolves.toContain(refusal);
		await check(owner, 'ar');
		await shoot(owner, 'country-refused-ar');
		await owner.goto('/ar/strategy/snia/edit');
		await expect(owner.getByLabel(t('ar', 'strategy_details.country'), { exact: true }).inputValue()).resolves.toBe('MA');
		// the owner may not create another strategy
		expect((await owner.goto('/ar/strategy/new'))?.status()).toBe(403);
		await owner.close();
		const planner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false);
		expect((await planner.goto('/fr/strategy/snia/edit'))?.status()).toBe(403);
		await planner.close();
	});
});
