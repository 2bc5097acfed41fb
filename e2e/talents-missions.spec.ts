// Talents missions (issue 11, item 3): the demo regional council posts a mission in French without JavaScript
// (a refused first try with its error summary), a moderator publishes it in Arabic (axe); the demo member, a
// talent in Germany, finds it among the missions for her and expresses interest without JavaScript; the council
// sees her in the explained ranking and contacts her (Arabic, axe), she accepts, it selects her, the mission
// runs and completes with a report; her profile counts it and says who looked at it. Screenshots at 360 and
// 1280 px go to test-results/screenshots/talents-missions-*.
import { describe, expect, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { check, emailsTo, pick, screenshotsFor, signedInAs } from './flows.ts';

const browser = useBrowser();
const stamp = Date.now().toString(36);
const title = `Numériser l’état civil des communes ${stamp}`;
const shoot = screenshotsFor('talents-missions');

describe('Talents missions', () => {
	test('a council posts a mission, a moderator publishes it, a talent comes forward, the council ranks, contacts, selects and completes it', { timeout: 300_000 }, async () => {
		// 1. The council posts a mission in French without JavaScript, on a phone.
		const council = await signedInAs(browser, 'institution@demo.sharaka.ma', 'fr', false, true);
		await council.goto('/fr/talents/missions');
		await check(council, 'fr', false);
		await council.getByRole('link', { name: t('fr', 'missions.new_title') }).first().click();
		await check(council, 'fr', false);
		const form = council.locator('form.form');
		// a title without its context and no skill: refused with the fields named, what was typed kept
		await form.locator('#field-title_fr').fill(title);
		await form.getByRole('button', { name: t('fr', 'missions.propose_submit') }).click();
		await expect(council.locator('.error-summary').isVisible()).resolves.toBe(true);
		await expect(council.locator('.error-summary a[href="#field-context_fr"]').count()).resolves.toBe(1);
		await expect(council.locator('.error-summary a[href="#field-skills"]').count()).resolves.toBe(1);
		await expect(council.locator('#field-title_fr').inputValue()).resolves.toBe(title);
		await shoot(council, 'post-errors-fr');

		await council.locator('#field-context_fr').fill('Les communes de la région numérisent leurs registres : il faut former les agents et organiser le travail.');
		await council.getByLabel(t('fr', 'missions.field_region'), { exact: true }).selectOption('MA-02');
		await council.getByLabel(t('fr', 'missions.field_sector'), { exact: true }).selectOption('public_administration');
		await pick(council, 'skills', ['digital', 'teaching']);
		await pick(council, 'occupationCode', ['2512']);
		await council.getByLabel(t('fr', 'talents.field_language', { number: 1 }), { exact: true }).selectOption('fr');
		await council.getByLabel(t('fr', 'talents.field_level', { number: 1 }), { exact: true }).selectOption('B2');
		await council.locator('#mode-hybrid').check();
		await council.getByLabel(t('fr', 'missions.field_duration_days'), { exact: true }).fill('5');
		await council.getByLabel(t('fr', 'missions.field_remote_hours'), { exact: true }).fill('4');
		await council.locator('#travelCovered-yes').check();
		await council.getByRole('button', { name: t('fr', 'missions.propose_submit') }).click();
		await expect(council.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'missions.done_proposed'));
		await check(council, 'fr', false);

		// 2. A moderator publishes it, in Arabic with axe-core.
		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await moderator.goto('/ar/talents/missions/moderation');
		await check(moderator, 'ar');
		await expectPhoneWidthAndLanguageOfParts(moderator, 'ar');
		await shoot(moderator, 'moderation-ar');
		await moderator.getByRole('link', { name: title }).click();
		await check(moderator, 'ar');
		await shoot(moderator, 'review-ar');
		await moderator.getByRole('button', { name: t('ar', 'moderation.action_approve') }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'missions.done_review_approved'));
		await moderator.getByRole('link', { name: t('ar', 'missions.see_mission') }).click();
		const slug = new URL(moderator.url()).pathname.split('/').at(-1)!;
		await check(moderator, 'ar');
		await expectPhoneWidthAndLanguageOfParts(moderator, 'ar');
		expect(JSON.parse((await moderator.locator('script[type="application/ld+json"]').textContent())!)).toMatchObject({ '@type': 'JobPosting', title, hiringOrganization: { name: 'Conseil régional (exemple)' } });
		await shoot(moderator, 'mission-ar');

		// 3. The demo member (a talent in Germany) finds it among her missions and comes forward, without JavaScript.
		const talent = await signedInAs(browser, 'member@demo.sharaka.ma', 'fr', false, true);
		await talent.goto('/fr/talents/missions/for-me');
		await check(talent, 'fr', false);
		await shoot(talent, 'for-me-fr');
		await talent.getByRole('link', { name: title }).click();
		await check(talent, 'fr', false);
		await talent.getByLabel(t('fr', 'missions.field_note'), { exact: true }).fill('J’ai accompagné la numérisation de l’état civil à Cologne.');
		await talent.getByRole('button', { name: t('fr', 'missions.express_interest') }).click();
		await expect(talent.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'missions.done_interest_saved'));
		await shoot(talent, 'interest-fr');

		// 4. The council, in Arabic with axe-core: its mission, the interested talent, the explained ranking, her details.
		const councilAr = await signedInAs(browser, 'institution@demo.sharaka.ma', 'ar');
		await councilAr.goto(`/ar/talents/missions/${slug}/manage`);
		await check(councilAr, 'ar');
		await expectPhoneWidthAndLanguageOfParts(councilAr, 'ar');
		const candidates = councilAr.locator('section[aria-labelledby="candidates-title"]');
		await expect(candidates.textContent()).resolves.toContain('Awa Membre (exemple)');
		await expect(councilAr.locator('section[aria-labelledby="ranking-title"] article').count()).resolves.toBeGreaterThan(5);
		await shoot(councilAr, 'manage-ar');
		await candidates.getByRole('link', { name: 'Awa Membre (exemple)' }).first().click();
		await check(councilAr, 'ar');
		await expect(councilAr.getByText(t('ar', 'missions.view_recorded')).count()).resolves.toBe(1);
		const outboxBefore = server().outbox().length;
		await councilAr.getByLabel(t('ar', 'missions.field_contact_message'), { exact: true }).fill('مرحبًا، هل أنتم متاحون في شهر شتنبر؟');
		await councilAr.getByRole('button', { name: t('ar', 'missions.contact') }).click();
		await expect(councilAr.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'missions.done_message_sent'));
		await shoot(councilAr, 'talent-ar');

		// she is told by e-mail, in French, without the council's address
		const [mail] = await emailsTo('member@demo.sharaka.ma', outboxBefore);
		expect(mail.text).toContain('مرحبًا، هل أنتم متاحون في شهر شتنبر؟');
		expect(mail.text).not.toContain('institution@demo.sharaka.ma');

		// 5. She accepts the contact (no JavaScript); the council selects her, starts and completes the mission.
		await talent.goto(`/fr/talents/missions/${slug}`);
		await talent.getByRole('button', { name: t('fr', 'missions.accept_contact') }).click();
		await expect(talent.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'missions.done_contact_accepted'));
		await expect(talent.getByRole('link', { name: 'institution@demo.sharaka.ma' }).count()).resolves.toBe(1);
		await check(talent, 'fr', false);

		await councilAr.reload();
		await councilAr.getByRole('button', { name: t('ar', 'missions.select') }).click();
		await expect(councilAr.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'missions.done_selected'));
		await councilAr.goto(`/ar/talents/missions/${slug}/manage`);
		await councilAr.getByRole('button', { name: t('ar', 'missions.start') }).click();
		await expect(councilAr.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'missions.done_moved_ongoing'));
		await councilAr.getByLabel(t('ar', 'missions.report_results'), { exact: true }).fill('تكوين 40 موظفًا في 12 جماعة.');
		await councilAr.getByRole('button', { name: t('ar', 'missions.complete') }).click();
		await expect(councilAr.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'missions.done_moved_completed'));
		await check(councilAr, 'ar');

		// 6. The public page shows the report; her profile counts the mission and lists who looked at it.
		const visitor = await browser.newPage({ locale: 'ar', phone: true });
		await visitor.goto(`/ar/talents/missions/${slug}`);
		await check(visitor, 'ar');
		await expect(visitor.getByText('تكوين 40 موظفًا في 12 جماعة.').count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'completed-ar');

		await talent.goto('/fr/talents/profile#missions-title');
		await check(talent, 'fr', false);
		await expect(talent.locator('section[aria-labelledby="missions-title"]').textContent()).resolves.toContain(t('fr', 'missions.completed_count', { count: 1 }));
		const views = talent.locator('section[aria-labelledby="views-title"]');
		await expect(views.textContent()).resolves.toContain('Conseil régional (exemple)');
		await expect(views.textContent()).resolves.toContain(t('fr', 'missions.view_details'));
		await shoot(talent, 'profile-views-fr');
	});
});
