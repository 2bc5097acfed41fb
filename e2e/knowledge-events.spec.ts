// Events of the Knowledge library: a visitor, in French without JavaScript on a phone, finds SHARAKA's final
// event among the past events, opens it and downloads its .ics; the same page in Arabic passes axe-core.
// Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { readMail } from '#platform/testing/mail.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { check, signedInAs, screenshotsFor } from './flows.ts';
import { readOutbox } from './server.ts';

const browser = useBrowser();
const { url } = server();

const shoot = screenshotsFor('knowledge-events');

describe('Knowledge events', () => {
	test('a visitor finds the final event among past events (fr, no JavaScript), downloads its .ics; the Arabic page passes axe', { timeout: 120_000 }, async () => {
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/knowledge/events?when=past');
		await expectLanguage(visitor, 'fr');
		await visitor.getByRole('link', { name: 'Événement final de SHARAKA : séminaire de clôture' }).click();
		await visitor.waitForURL((address) => address.pathname.endsWith('/fr/knowledge/events/evenement-final-sharaka-2017'));
		await expect(visitor.getByText('Bibliothèque Nationale du Royaume du Maroc, Rabat').isVisible()).resolves.toBe(true);
		await expect(visitor.locator('script[type="application/ld+json"]').textContent()).resolves.toContain('"@type":"Event"');
		await expectNoRawMessageKeys(visitor);
		await shoot(visitor, 'final-fr');
		const ics = await fetch(url('/fr/knowledge/events/evenement-final-sharaka-2017/ics'));
		expect(ics.headers.get('content-type')).toContain('text/calendar');
		expect(await ics.text()).toContain('DTSTART:20171115T000000Z');

		const arabic = await browser.newPage({ javaScriptEnabled: true });
		await arabic.goto('/ar/knowledge/events/evenement-final-sharaka-2017');
		await expectLanguage(arabic, 'ar');
		await expect(arabic.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('الحدث الختامي لمشروع شراكة: ندوة الاختتام');
		await expect(arabic.getByText(t('ar', 'events.documents')).isVisible()).resolves.toBe(true);
		await expectNoAxeViolations(arabic);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'final-ar');
	});

	test('a visitor registers for a workshop (fr, no JavaScript, phone) and gets the code and the calendar file; the organiser checks them in (ar, axe)', { timeout: 120_000 }, async () => {
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/knowledge/events/exemple-atelier-mobilite-competences');
		const form = visitor.locator('form[action="?/register"]');
		// nothing ticked: every missing field named, nobody registered
		await form.getByRole('button', { name: t('fr', 'events.register_submit') }).click();
		await expect(visitor.locator('.error-summary li').count()).resolves.toBe(4);
		await form.getByLabel(t('fr', 'events.register_name'), { exact: true }).fill('Mariam Traoré');
		await form.getByLabel(t('fr', 'events.register_email'), { exact: true }).fill('mariam.traore@example.org');
		await form.locator('input[name="category"][value="civil_society_private_university"]').check();
		await form.getByLabel(t('fr', 'events.register_consent')).check();
		await form.getByRole('button', { name: t('fr', 'events.register_submit') }).click();
		await visitor.waitForURL((address) => address.pathname.includes('/fr/knowledge/events/registration/'));
		await check(visitor, 'fr', false);
		await expect(visitor.getByRole('status').textContent()).resolves.toContain('mariam.traore@example.org');
		const code = (await visitor.locator('strong.code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z2-9]{6}$/);
		await shoot(visitor, 'registration-fr');
		// the e-mail: the code, the personal link and the calendar file
		const deadline = Date.now() + 5000;
		let mail: ReturnType<typeof readMail> | undefined;
		while (!mail && Date.now() < deadline) {
			mail = readOutbox(inject('dataDir')).map(readMail).find((entry) => entry.to.includes('mariam.traore@example.org'));
			if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(mail?.text).toContain(code);
		expect(mail?.attachments.map((file) => file.filename)).toEqual(['exemple-atelier-mobilite-competences.ics']);

		const organiser = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await organiser.goto('/ar/knowledge/events/exemple-atelier-mobilite-competences');
		await organiser.getByRole('link', { name: t('ar', 'events.registrations_link') }).click();
		await check(organiser, 'ar');
		await expect(organiser.getByRole('row', { name: /Mariam Traoré/ }).count()).resolves.toBe(1);
		await organiser.getByLabel(t('ar', 'events.check_in_code'), { exact: true }).fill(code.toLowerCase());
		await organiser.getByRole('button', { name: t('ar', 'events.check_in_submit') }).click();
		await expect(organiser.getByRole('status').textContent()).resolves.toContain('Mariam Traoré');
		await check(organiser, 'ar');
		await shoot(organiser, 'registrations-ar');

		// the visitor's page says they came, and no longer offers to cancel
		await visitor.reload();
		await expect(visitor.getByText(t('fr', 'events.registration_checked_in')).count()).resolves.toBe(1);
		await expect(visitor.getByText(t('fr', 'events.cancel_title')).count()).resolves.toBe(0);
	});

	test('a signed-in member finds their registration from My space, with its code (fr, no JavaScript), and the page passes axe in Arabic', { timeout: 60_000 }, async () => {
		const member = await signedInAs(browser, 'member@demo.sharaka.ma', 'fr', false);
		await member.goto('/fr/my-space');
		await member.getByRole('link', { name: t('fr', 'events.space_mine') }).click();
		await member.waitForURL((address) => address.pathname === '/fr/knowledge/events/mine');
		await check(member, 'fr', false);
		await expect(member.getByRole('main').textContent()).resolves.toContain(t('fr', 'events.mine_code', { code: 'EXPL23' }));
		await shoot(member, 'mine-fr');
		const arabic = await signedInAs(browser, 'member@demo.sharaka.ma', 'ar');
		await arabic.goto('/ar/knowledge/events/mine');
		await check(arabic, 'ar');
	});

	test('an editor creates an event with registration open through the form (fr, no JavaScript); a missing title is named; the form passes axe in Arabic', { timeout: 90_000 }, async () => {
		const editor = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		await editor.goto('/fr/knowledge/events');
		await editor.getByRole('link', { name: t('fr', 'events.new_title') }).click();
		await check(editor, 'fr', false);
		const form = editor.locator('main form.form');
		await form.getByLabel(t('fr', 'events.starts'), { exact: true }).fill('2099-06-10T09:30');
		await form.getByLabel(t('fr', 'events.ends'), { exact: true }).fill('2099-06-10T17:00');
		await form.getByLabel(t('fr', 'events.place'), { exact: true }).fill('Tanger');
		await form.getByRole('button', { name: t('fr', 'events.form_create') }).click();
		// nothing created: the title is asked for, what was typed stays
		await expect(editor.locator('.error-summary a').getAttribute('href')).resolves.toBe('#field-title_fr');
		await expect(editor.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'errors.field_required'));
		await expect(form.getByLabel(t('fr', 'events.place'), { exact: true }).inputValue()).resolves.toBe('Tanger');
		await form.getByLabel(t('fr', 'events.form_title_fr'), { exact: true }).fill('Forum des compétences du Nord');
		await form.getByLabel(t('fr', 'events.form_status'), { exact: true }).selectOption('published');
		await form.getByLabel(t('fr', 'events.form_registration_open')).check();
		await form.getByLabel(t('fr', 'events.form_capacity'), { exact: true }).fill('25');
		await shoot(editor, 'new-fr');
		await form.getByRole('button', { name: t('fr', 'events.form_create') }).click();
		await editor.waitForURL((address) => address.pathname === '/fr/knowledge/events/forum-des-competences-du-nord');
		await expect(editor.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'events.saved'));
		await expect(editor.getByRole('main').textContent()).resolves.toContain(t('fr', 'events.places_left', { count: 25, capacity: 25 }));

		const arabic = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await arabic.goto('/ar/knowledge/events/forum-des-competences-du-nord/edit');
		await check(arabic, 'ar');
		await expect(arabic.getByLabel(t('ar', 'events.form_capacity'), { exact: true }).inputValue()).resolves.toBe('25');
		// a session of the programme, in Arabic
		const sessionForm = arabic.locator('form[action="?/addSession"]');
		await sessionForm.getByLabel(t('ar', 'events.form_title_ar'), { exact: true }).fill('الجلسة الافتتاحية');
		await sessionForm.getByLabel(t('ar', 'events.session_room'), { exact: true }).fill('القاعة الكبرى');
		await sessionForm.getByRole('button', { name: t('ar', 'events.session_add') }).click();
		await expect(arabic.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'events.session_added'));
		await check(arabic, 'ar');
		await shoot(arabic, 'edit-ar');
		await arabic.goto('/ar/knowledge/events/forum-des-competences-du-nord');
		await expect(arabic.getByRole('main').textContent()).resolves.toContain('الجلسة الافتتاحية');
		await check(arabic, 'ar');
	});
});
