// Talents missions (issue 11, item 3): a change of a published mission. The demo regional council proposes a change
// of its matched mission in French without JavaScript; the form in Arabic on a phone with axe-core says a change
// waits; a moderator reads it in Arabic (axe-core) and publishes it in French without JavaScript; the mission's
// public page shows the new version. Screenshots at 360 and 1280 px go to test-results/screenshots/talents-mission-change-*.
import { describe, expect, onTestFinished, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';
import { check, screenshotsFor, signedInAs } from './flows.ts';

const browser = useBrowser();
const stamp = Date.now().toString(36);
const shoot = screenshotsFor('talents-mission-change');
// the demo council's mission with a talent selected (matched): changes are still taken
const MISSION = 'Audit énergétique des bâtiments régionaux';
const changed = `${MISSION} et des lycées ${stamp}`;

describe('Talents: a change of a published mission', () => {
	test('the council proposes a change without JavaScript, a moderator publishes it, the page shows the new version; Arabic with axe', { timeout: 180_000 }, async () => {
		// 1. The council, in French without JavaScript: its missions, the mission's page, the change.
		const council = await signedInAs(browser, 'institution@demo.sharaka.ma', 'fr', false);
		onTestFinished(() => council.context().close());
		await council.goto('/fr/talents/missions/mine');
		await council.getByRole('listitem').filter({ hasText: MISSION }).getByRole('link', { name: t('fr', 'missions.manage_link') }).click();
		const slug = new URL(council.url()).pathname.split('/').at(-2)!;
		await council.getByRole('link', { name: t('fr', 'missions_more.edit_link') }).click();
		expect(new URL(council.url()).pathname).toBe(`/fr/talents/missions/${slug}/edit`);
		await check(council, 'fr', false);
		// the form holds the version in force
		await expect(council.locator('#field-title_fr').inputValue()).resolves.toBe(MISSION);
		await council.locator('#field-title_fr').fill(changed);
		await council.getByLabel(t('fr', 'missions.field_duration_days'), { exact: true }).fill('20');
		await council.getByLabel(t('fr', 'missions_more.field_change_comment'), { exact: true }).fill('Les lycées de la région sont ajoutés : cinq jours de plus.');
		await council.getByRole('button', { name: t('fr', 'missions_more.change_submit') }).click();
		await expect(council.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'missions_more.done_change_proposed'));
		await check(council, 'fr', false);
		await shoot(council, 'proposed-fr');
		// the version in force stays until a moderator publishes the change
		await council.goto(`/fr/talents/missions/${slug}`);
		await expect(council.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(MISSION);
		await expect(council.getByRole('heading', { level: 1 }).textContent()).resolves.not.toContain(stamp);

		// 2. The change page in Arabic on a phone, with axe-core: it says a change already waits.
		const councilAr = await signedInAs(browser, 'institution@demo.sharaka.ma', 'ar', true, true);
		onTestFinished(() => councilAr.context().close());
		await councilAr.goto(`/ar/talents/missions/${slug}/edit`);
		await check(councilAr, 'ar');
		await expect(councilAr.locator('.notice--warning').count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(councilAr, 'ar');
		await shoot(councilAr, 'edit-ar');

		// 3. A moderator reads the change in Arabic (axe-core) ...
		const moderatorAr = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		onTestFinished(() => moderatorAr.context().close());
		await moderatorAr.goto('/ar/talents/missions/moderation');
		await moderatorAr.getByRole('link', { name: changed }).click();
		const review = new URL(moderatorAr.url()).pathname.replace(/^\/ar/, '');
		await check(moderatorAr, 'ar');
		await expect(moderatorAr.getByText(t('ar', 'missions.review_change_of', { version: 1 })).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(moderatorAr, 'ar');
		await shoot(moderatorAr, 'review-ar');

		// ... and publishes it in French without JavaScript.
		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		onTestFinished(() => moderator.context().close());
		await moderator.goto(`/fr${review}`);
		await moderator.getByRole('button', { name: t('fr', 'moderation.action_approve') }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'missions.done_review_approved'));
		await moderator.getByRole('status').getByRole('link', { name: t('fr', 'missions.see_mission') }).click();

		// 4. The public page shows the new version; the change page starts from it.
		expect(new URL(moderator.url()).pathname).toBe(`/fr/talents/missions/${slug}`);
		await check(moderator, 'fr', false);
		await expect(moderator.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(changed);
		await shoot(moderator, 'published-fr');
		await council.goto(`/fr/talents/missions/${slug}/edit`);
		await expect(council.getByText(t('fr', 'missions_more.edit_intro', { version: 2 })).count()).resolves.toBe(1);
		await expect(council.locator('#field-title_fr').inputValue()).resolves.toBe(changed);
		await expect(council.locator('.notice--warning').count()).resolves.toBe(0);
	});
});
