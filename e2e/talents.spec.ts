// Talents: a Moroccan engineer in Germany signs up, creates her talent profile and chooses a public card in
// French without JavaScript (on a phone), joins an open network and asks to join the real German network;
// her card is found by her name written without hamza; the German network's page and the Talents home pass
// axe-core in Arabic and do not scroll sideways at 320 px. Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { check, pick, signedInAs, signUpAndConfirm, screenshotsFor } from './flows.ts';
import { apiClient } from './api-client.ts';

const browser = useBrowser();
const stamp = Date.now().toString(36);
// an Arabic text's own mark in digits: Latin letters in it would read as a text in another language
const digits = String(Date.now()).slice(-8);
const talentEmail = `talent-${stamp}@example.org`;
const talentName = `أمينة العلوي ${stamp}`;

const shoot = screenshotsFor('talents');

describe('Talents', () => {
	test('a talent in Germany creates her profile and joins two networks (fr, no JavaScript); the network page in Arabic (axe)', { timeout: 180_000 }, async () => {
		// 1. Sign up and the profile, in French without JavaScript, on a phone.
		const page = await browser.newPage({ javaScriptEnabled: false, locale: 'fr', phone: true });
		const name = talentName;
		await signUpAndConfirm(page, 'fr', name, talentEmail, 'une phrase assez longue 2026');
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
		const card = page.locator('main li.box');
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
		expect(JSON.parse((await arabic.locator('script[type="application/ld+json"]').textContent())!)).toMatchObject({ '@type': 'Organization', name: 'شبكة الكفاءات DMK (ألمانيا)', areaServed: 'ألمانيا' });
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

	test('a coordinator accepts her request and posts an announcement that reaches members in their languages (ar, axe); she unsubscribes (fr, no JavaScript)', { timeout: 180_000 }, async () => {
		// the administrator makes the demo moderator coordinator of two networks (scoped grants, through the API)
		const api = apiClient();
		const token = await api.tokenFor('admin@demo.sharaka.ma', `talents ${stamp}`);
		const found = await api.call('GET', '/api/v1/users?q=moderator%40demo', { token });
		const moderatorId = found.json.items[0].id as string;
		for (const scope of ['reseau-competences-dmk-allemagne', 'exemple-numerique']) {
			const granted = await api.call('POST', `/api/v1/users/${moderatorId}/grants`, { token, body: { role: 'talents:coordinator', scope } });
			expect(granted.status, granted.text).toBe(201);
		}

		// in Arabic with axe-core: my space leads to the requests; the talent's request is accepted
		const coordinator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await coordinator.goto('/ar/my-space');
		await coordinator.getByRole('link', { name: t('ar', 'talents.space_requests') }).first().click();
		await coordinator.goto('/ar/talents/networks/reseau-competences-dmk-allemagne/requests');
		await check(coordinator, 'ar');
		const request = coordinator.locator('li.request', { hasText: talentName });
		await request.getByRole('button', { name: t('ar', 'talents.accept') }).click();
		await expect(coordinator.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'talents.done_accepted'));
		await shoot(coordinator, 'requests-ar');

		// as a moderator of the ministry, the profiles whose consent reaches it: hers among them
		await coordinator.goto(`/ar/talents/mdcmre?country=DE&skill=engineering`);
		await check(coordinator, 'ar');
		await expect(coordinator.getByRole('row', { name: new RegExp(stamp) }).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(coordinator, 'ar');
		await shoot(coordinator, 'mdcmre-ar');

		// an announcement in French and Arabic to the open network she joined
		const outboxBefore = server().outbox().length;
		await coordinator.goto('/ar/talents/networks/exemple-numerique/announcements');
		await check(coordinator, 'ar');
		await coordinator.locator('fieldset[lang="fr"]').getByLabel(t('ar', 'talents.field_subject')).fill(`Atelier numérique ${stamp}`);
		await coordinator.locator('fieldset[lang="fr"]').getByLabel(t('ar', 'talents.field_body')).fill('Rendez-vous en ligne le 12 mars.');
		await coordinator.locator('fieldset[lang="ar"]').getByLabel(t('ar', 'talents.field_subject')).fill(`ورشة رقمية ${digits}`);
		await coordinator.locator('fieldset[lang="ar"]').getByLabel(t('ar', 'talents.field_body')).fill('الموعد عبر الإنترنت يوم 12 مارس.');
		await coordinator.getByRole('button', { name: t('ar', 'talents.announcement_send') }).click();
		await expect(coordinator.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'talents.done_announcement_sent'));
		await check(coordinator, 'ar');
		await shoot(coordinator, 'announcements-ar');

		// she gets it in French; a member whose language is Arabic gets the Arabic text
		// (the job queue sends one e-mail per member: a few dozen in the demo network)
		const arrived = async (test: (message: ReturnType<ReturnType<typeof server>['outbox']>[number]) => boolean) => {
			for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
				const found = server().outbox().slice(outboxBefore).find(test);
				if (found) return found;
			}
			return undefined;
		};
		const mail = (await arrived((message) => message.to.includes(talentEmail)))!;
		expect(mail.subject).toContain(`Atelier numérique ${stamp}`);
		expect(mail.language).toBe('fr');
		const arabicMail = await arrived((message) => message.language === 'ar' && message.subject.includes(digits));
		expect(arabicMail?.subject).toContain(`ورشة رقمية ${digits}`);

		// she follows the unsubscribe link, without JavaScript, and confirms
		const link = mail.links.find((href) => href.includes('/talents/unsubscribe?token='));
		expect(link).toBeDefined();
		const page = await browser.newPage({ javaScriptEnabled: false, locale: 'fr', phone: true });
		await page.goto(link!);
		await check(page, 'fr', false);
		await page.getByRole('button', { name: t('fr', 'talents.unsubscribe_button') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'talents.unsubscribe_done'));
	});
});

describe('Moroccans abroad in figures (issue 11, item 4)', () => {
	test('a moderator adds a sourced figure without JavaScript (fr), a visitor reads it in Arabic (axe); a member cannot add one', { timeout: 120_000 }, async () => {
		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false, true);
		await moderator.goto('/fr/talents');
		await moderator.getByRole('link', { name: t('fr', 'talents.diaspora_link') }).click();
		await check(moderator, 'fr', false);
		// nothing chosen: the error summary names the fields, nothing is added
		await moderator.getByRole('button', { name: t('fr', 'talents.diaspora_add_submit') }).click();
		// the answer page may still be loading on a busy machine: wait for its summary rather than count at once
		await moderator.locator('.error-summary').first().waitFor();
		await expect(moderator.locator('.error-summary').count()).resolves.toBe(1);
		await moderator.getByLabel(t('fr', 'talents.field_host_country'), { exact: true }).selectOption('BE');
		await moderator.getByLabel(t('fr', 'talents.field_people'), { exact: true }).fill('520000');
		await moderator.getByLabel(t('fr', 'talents.field_year'), { exact: true }).fill('2021');
		await moderator.getByLabel(t('fr', 'talents.field_source'), { exact: true }).fill(`Statbel, population par nationalité d’origine ${stamp}`);
		await moderator.getByRole('button', { name: t('fr', 'talents.diaspora_add_submit') }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'talents.done_figure_added'));
		await expect(moderator.getByRole('region', { name: t('fr', 'talents.diaspora_by_country') }).textContent()).resolves.toContain(`Statbel, population par nationalité d’origine ${stamp}`);
		await shoot(moderator, 'diaspora-moderator-fr');

		const visitor = await browser.newPage({ locale: 'ar', phone: true });
		await visitor.goto('/ar/talents/diaspora');
		const table = visitor.getByRole('region', { name: t('ar', 'talents.diaspora_by_country') });
		await expect(table.textContent()).resolves.toContain(stamp);
		await check(visitor, 'ar');
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'diaspora-ar');
		await expect(visitor.getByRole('button', { name: t('ar', 'talents.diaspora_add_submit') }).count()).resolves.toBe(0);

		const member = await signedInAs(browser, 'member@demo.sharaka.ma', 'fr', false);
		const refused = await member.request.post('/fr/talents/diaspora', { form: { country: 'ES', people: '1', year: '2020', source: 'Test' }, headers: { origin: server().baseUrl } });
		expect(refused.status()).toBe(403);
	});
});
