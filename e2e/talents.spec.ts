// Talents: a Moroccan engineer in Germany signs up, creates her talent profile and chooses a public card in
// French without JavaScript (on a phone), joins an open network and asks to join the real German network;
// her card is found by her name written without hamza; the German network's page and the Talents home pass
// axe-core in Arabic and do not scroll sideways at 320 px. Screenshots at 360 and 1280 px go to test-results/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';
import { check, pick, signUpAndConfirm } from './flows.ts';

const browser = useBrowser();
const stamp = Date.now().toString(36);
const screenshots = path.resolve('test-results/screenshots');
fs.mkdirSync(screenshots, { recursive: true });

async function shoot(page: Page, name: string) {
	const viewport = page.viewportSize();
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 800 });
		await page.screenshot({ path: path.join(screenshots, `talents-${name}-${width}.png`), fullPage: true });
	}
	if (viewport) await page.setViewportSize(viewport);
}

describe('Talents', () => {
	test('a talent in Germany creates her profile and joins two networks (fr, no JavaScript); the network page in Arabic (axe)', { timeout: 180_000 }, async () => {
		// 1. Sign up and the profile, in French without JavaScript, on a phone.
		const page = await browser.newPage({ javaScriptEnabled: false, locale: 'fr', phone: true });
		const name = `أمينة العلوي ${stamp}`;
		await signUpAndConfirm(page, 'fr', name, `talent-${stamp}@example.org`, 'une phrase assez longue 2026');
		await page.goto('/fr/talents');
		await check(page, 'fr', false);
		await page.getByRole('link', { name: t('fr', 'talents.my_profile') }).click();
		await check(page, 'fr', false);
		await expect(page.getByText(t('fr', 'talents.profile_missing')).count()).resolves.toBe(1);

		const form = page.locator('form[action="?/save"]');
		// a city name longer than the server takes: refused with its field, what was typed kept
		await form.getByLabel(t('fr', 'talents.field_host_country'), { exact: true }).selectOption('DE');
		await form.getByLabel(t('fr', 'talents.field_host_city'), { exact: true }).fill('Düsseldorf '.repeat(12));
		await form.getByLabel(t('fr', 'talents.field_remote_hours'), { exact: true }).fill('6');
		await form.getByRole('button', { name: t('fr', 'talents.save_profile') }).click();
		await expect(page.locator('.error-summary').isVisible()).resolves.toBe(true);
		await expect(page.locator('.error-summary a[href="#field-hostCity"]').count()).resolves.toBe(1);
		await expect(page.getByLabel(t('fr', 'talents.field_remote_hours'), { exact: true }).inputValue()).resolves.toBe('6');
		await page.getByLabel(t('fr', 'talents.field_host_city'), { exact: true }).fill('Düsseldorf');

		const again = page.locator('form[action="?/save"]');
		await again.getByLabel(t('fr', 'talents.field_host_country'), { exact: true }).selectOption('DE');
		await again.getByLabel(t('fr', 'talents.field_link'), { exact: true }).fill('https://example.org/amina');
		await pick(again, 'nationalities', ['MA', 'DE']);
		await again.getByLabel(t('fr', 'talents.field_origin_region'), { exact: true }).selectOption('MA-02');
		await pick(again, 'occupationCode', ['2142']);
		await pick(again, 'skills', ['engineering', 'digital']);
		await again.getByLabel(t('fr', 'talents.field_new_skills'), { exact: true }).fill('BIM, maquette numérique');
		await pick(again, 'sectors', ['industry']);
		await again.getByLabel(t('fr', 'talents.field_experience_years'), { exact: true }).fill('9');
		await again.getByLabel(t('fr', 'talents.field_language', { number: 1 }), { exact: true }).selectOption('de');
		await again.getByLabel(t('fr', 'talents.field_level', { number: 1 }), { exact: true }).selectOption('C2');
		await again.getByLabel(t('fr', 'talents.field_language', { number: 2 }), { exact: true }).selectOption('ary');
		await again.getByLabel(t('fr', 'talents.field_level', { number: 2 }), { exact: true }).selectOption('B2');
		await again.getByLabel(t('fr', 'talents.field_generation'), { exact: true }).selectOption('born_abroad');
		await pick(again, 'contributions', ['expert_mission', 'remote_mentoring']);
		await again.getByLabel(t('fr', 'talents.field_remote_hours'), { exact: true }).fill('6');
		await again.getByRole('button', { name: t('fr', 'talents.save_profile') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'talents.done_profile_saved'));
		await check(page, 'fr', false);

		// 2. Her choice of visibility: a public card with her name, country and skills.
		const consent = page.locator('form[action="?/consent"]');
		await consent.getByLabel(t('fr', 'talents.level_public'), { exact: true }).check();
		await pick(consent, 'cardFields', ['name', 'hostCountry', 'skills']);
		await consent.getByRole('button', { name: t('fr', 'talents.consent_save') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'talents.done_consent_saved'));
		await shoot(page, 'profile-fr');

		// 3. Two networks: an open one at once, the real German network on request.
		await page.goto('/fr/talents/networks/exemple-numerique');
		await check(page, 'fr', false);
		await page.getByRole('button', { name: t('fr', 'talents.join') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'talents.done_joined'));
		await page.goto('/fr/talents/networks/reseau-competences-dmk-allemagne');
		await page.getByRole('button', { name: t('fr', 'talents.ask_to_join') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'talents.done_requested'));
		await page.goto('/fr/talents/profile#networks-title');
		const mine = page.locator('section[aria-labelledby="networks-title"]');
		await expect(mine.getByText(t('fr', 'talents.membership_member')).count()).resolves.toBe(1);
		await expect(mine.getByText(t('fr', 'talents.membership_pending')).count()).resolves.toBe(1);

		// 4. Her public card, found by her name typed without hamza; nothing she hid is shown.
		await page.goto(`/fr/talents/cards?q=${encodeURIComponent(`امينه العلوي ${stamp}`)}`);
		await check(page, 'fr', false);
		const card = page.locator('.card');
		await expect(card.count()).resolves.toBe(1);
		await expect(card.textContent()).resolves.toContain(name);
		await expect(card.textContent()).resolves.not.toContain('Düsseldorf');
		await shoot(page, 'cards-fr');

		// 5. The German network's page and the Talents home in Arabic: axe-core, 320 px, language of parts.
		const arabic = await browser.newPage({ locale: 'ar-MA' });
		await arabic.goto('/ar/talents/networks/reseau-competences-dmk-allemagne');
		await check(arabic, 'ar');
		await expect(arabic.getByText('Réseau de compétences DMK').count()).resolves.toBeGreaterThan(0);
		await expect(arabic.getByText(t('ar', 'talents.counts_note')).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'network-ar');
		await arabic.goto('/ar/talents');
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'home-ar');
		await arabic.goto('/ar/talents/cards');
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'cards-ar');
	});
});
