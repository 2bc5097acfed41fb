// The recommendations tracker (issue #13, item 6): the ministry's tracker (the demo moderator) enters a
// recommendation of the research study in French without JavaScript (a first try without a text is refused
// with the field named), then follows it to "done" in Arabic (without a note, refused); the study's library
// page counts it, the public tracker lists it and its CSV carries it. Screenshots at 360 and 1280 px go to
// test-results/screenshots/strategy-recommendations-*.
import { describe, expect, test } from 'vitest';
import { check, pick, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('strategy-recommendations');
const stamp = Date.now();
const text = `Mettre en réseau les laboratoires de recherche sur les migrations ${stamp}`;

describe('the recommendations tracker', () => {
	test('entered from a study without JavaScript, followed to done in Arabic, counted on the study’s page', { timeout: 180_000 }, async () => {
		// 1. The tracker enters it (fr, no JavaScript, phone); no text first: refused, the field named.
		const tracker = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false, true);
		await tracker.goto('/fr/strategy/recommendations/new?source=tendances-recherche-marocaine-migrations');
		await check(tracker, 'fr', false);
		await pick(tracker, 'horizon', ['medium']);
		await tracker.getByRole('button', { name: t('fr', 'strategy.recommendation_save'), exact: true }).click();
		await expect(tracker.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.recommendation_error_text'));
		await tracker.getByLabel(t('fr', 'strategy.recommendation_text_fr'), { exact: true }).fill(text);
		await tracker.getByLabel(t('fr', 'strategy.recommendation_due_year'), { exact: true }).fill('2027');
		await tracker.getByLabel(t('fr', 'strategy.recommendation_citation'), { exact: true }).fill('Synthèse de l’événement de clôture, §2.11');
		await tracker.getByRole('button', { name: t('fr', 'strategy.recommendation_save'), exact: true }).click();
		await tracker.waitForURL(/\/fr\/strategy\/recommendations\/[0-9a-f-]{36}\?saved=1$/);
		await expect(tracker.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.recommendation_saved'));
		await check(tracker, 'fr', false);
		const address = new URL(tracker.url()).pathname;
		await shoot(tracker, 'entered-fr');

		// 2. Followed in Arabic: "done" without a note is refused; under way, then done with how.
		const arabic = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await arabic.goto(address.replace('/fr/', '/ar/'));
		await check(arabic, 'ar');
		const state = arabic.getByLabel(t('ar', 'strategy.recommendation_status'), { exact: true });
		await state.selectOption('done');
		await arabic.getByRole('button', { name: t('ar', 'strategy.recommendation_follow_up_save'), exact: true }).click();
		await expect(arabic.locator('.error-summary').textContent()).resolves.toContain(t('ar', 'strategy.recommendation_error_note'));
		await arabic.getByLabel(t('ar', 'strategy.recommendation_status'), { exact: true }).selectOption('in_progress');
		await arabic.getByLabel(t('ar', 'strategy.recommendation_note'), { exact: true }).fill('تم تنظيم أول لقاء للمختبرات.');
		await arabic.getByRole('button', { name: t('ar', 'strategy.recommendation_follow_up_save'), exact: true }).click();
		await arabic.getByLabel(t('ar', 'strategy.recommendation_status'), { exact: true }).selectOption('done');
		await arabic.getByLabel(t('ar', 'strategy.recommendation_note'), { exact: true }).fill('أُحدثت الشبكة سنة 2026.');
		await arabic.getByRole('button', { name: t('ar', 'strategy.recommendation_follow_up_save'), exact: true }).click();
		await expect(arabic.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'strategy.recommendation_followed', { status: t('ar', 'strategy.recommendation_status_done') }));
		await expect(arabic.locator('.history > li').count()).resolves.toBe(3);
		await check(arabic, 'ar');
		// the French text of the recommendation carries its language on the Arabic page
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'followed-ar');

		// 3. The study's page counts the recommendations followed from it; the public tracker lists it, and its CSV.
		const reader = await browser.newPage({ locale: 'fr-MA' });
		// the tracker is found from the strategies' home too
		await reader.goto('/fr/strategy');
		await expect(reader.getByRole('link', { name: t('fr', 'strategy.recommendations_open'), exact: true }).getAttribute('href')).resolves.toBe('/fr/strategy/recommendations');
		await reader.goto('/fr/knowledge/documents/tendances-recherche-marocaine-migrations');
		const backlink = reader.getByRole('link', { name: t('fr', 'strategy.recommendations_of_document', { count: 2 }) });
		await expect(backlink.count()).resolves.toBe(1);
		await backlink.click();
		await check(reader, 'fr');
		await expect(reader.locator('.recommendations > li').count()).resolves.toBe(2);
		await expect(reader.locator('.recommendations').textContent()).resolves.toContain(text);
		await shoot(reader, 'tracker-fr');
		const csv = await (await fetch(url('/fr/strategy/recommendations/export?status=done&format=csv'))).text();
		expect(csv).toContain(text);
	});
});
