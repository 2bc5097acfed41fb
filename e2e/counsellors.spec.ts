// Counsellors: a new job seeker fills a profile, consents to counsellors and chooses the agency the page
// suggests (Rabat, the demo counsellor's); the counsellor finds them, opens their file, writes a note,
// plans an appointment and refers them to a programme of the directory; the programme's organisation
// (the demo partner, Expertise France) accepts the referral; the seeker sees it and has e-mails in their
// language. In French without JavaScript, in English and Arabic with axe-core. Then: consent withdrawn,
// the counsellor loses sight of the person; and staff manage the agencies.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Language } from '#platform/i18n/languages.ts';
import { server, t, useBrowser, savesScreenshots } from './harness.ts';
import { check, emailsTo, signedInAs, signUpAndConfirm, pick } from './flows.ts';

const browser = useBrowser();

async function signedIn(language: Language, javaScriptEnabled: boolean, email: string) {
	// the five tasks of issue #9 are walked on a phone's screen
	const page = await signedInAs(browser, email, language, javaScriptEnabled, true);
	onTestFinished(() => page.context().close());
	return page;
}

const status = (page: Page) => page.getByRole('status').first().textContent();

/** The demo partner's organisation (Expertise France) runs this sample programme, in Rabat among others. */
const programme: Record<Language, string> = {
	fr: 'Créer son activité — accompagnement',
	en: 'Start your business — coaching',
	ar: 'إنشاء النشاط الخاص — مواكبة'
};

const flows: { language: Language; javaScriptEnabled: boolean; name: string }[] = [
	{ language: 'fr', javaScriptEnabled: false, name: 'Fatou Camara' },
	{ language: 'en', javaScriptEnabled: true, name: 'Grace Mensah' },
	{ language: 'ar', javaScriptEnabled: true, name: 'عائشة تراوري' }
];

describe('counsellors: agency, follow-up and referral to a programme', () => {
	for (const { language, javaScriptEnabled, name } of flows) {
		// a whole flow across roles with an axe scan per page: longer than one page's test
		test(`in ${language}${javaScriptEnabled ? ' with axe-core' : ', without JavaScript'}`, { timeout: 120_000 }, async () => {
			const axe = javaScriptEnabled;
			const page = await browser.newPage({ javaScriptEnabled, locale: language, phone: true });
			onTestFinished(() => page.context().close());
			const email = `follow-${language}-${Date.now().toString(36)}@example.org`;
			await signUpAndConfirm(page, language, name, email, 'une phrase assez longue 2026');

			// a profile in Rabat, shown to counsellors
			await page.goto(`/${language}/jobs/profile`);
			const form = page.locator('form[action="?/save"]');
			await form.getByLabel(t(language, 'seekers.field_city')).fill('Rabat');
			await form.getByLabel(t(language, 'seekers.field_nationality')).selectOption('CI');
			await form.getByLabel(t(language, 'seekers.field_residence')).selectOption('regularised_immigrant');
			await pick(form, 'occupationCodes', ['5120']);
			await form.getByRole('button', { name: t(language, 'seekers.save_profile') }).click();
			await expect(status(page)).resolves.toContain(t(language, 'seekers.profile_saved'));
			await page.getByLabel(t(language, 'seekers.consent_counsellors')).check();
			await page.getByRole('button', { name: t(language, 'seekers.consent_save') }).click();
			await expect(status(page)).resolves.toContain(t(language, 'seekers.consent_saved'));

			// the agency: the page suggests Rabat from the profile
			await page.getByRole('navigation', { name: t(language, 'seekers.space_nav') }).getByRole('link', { name: t(language, 'counsellors.nav_follow_up') }).click();
			await check(page, language, axe);
			await expect(page.getByText(t(language, 'counsellors.my_agency_suggested', { agency: 'ANAPEC Rabat' })).count()).resolves.toBe(1);
			const agencySelect = page.getByLabel(t(language, 'counsellors.my_agency_choose'));
			await expect(agencySelect.locator('option:checked').textContent()).resolves.toContain('ANAPEC Rabat');
			await page.getByRole('button', { name: t(language, 'counsellors.my_agency_save') }).click();
			await expect(status(page)).resolves.toContain(t(language, 'counsellors.done_agency_saved'));
			await check(page, language, axe);

			// the Rabat counsellor finds the person and opens their file
			const counsellor = await signedIn(language, javaScriptEnabled, 'counsellor@demo.sharaka.ma');
			await counsellor.goto(`/${language}/jobs/counsellor`);
			await check(counsellor, language, axe);
			await expect(counsellor.getByRole('link', { name: t(language, 'counsellors.link_validations') }).getAttribute('href')).resolves.toBe(`/${language}/jobs/counsellor/validations`);
			await counsellor.getByLabel(t(language, 'counsellors.filter_q')).fill(name);
			await counsellor.getByRole('button', { name: t(language, 'common.search'), exact: true }).click();
			await counsellor.getByRole('row').filter({ hasText: name }).getByRole('link', { name }).click();
			const filePath = new URL(counsellor.url()).pathname;
			await check(counsellor, language, axe);
			await expect(counsellor.getByRole('main').textContent()).resolves.toContain(email);

			// a private note and an appointment
			await counsellor.getByLabel(t(language, 'casework.note_label')).fill('Premier entretien : cherche un emploi en restauration.');
			await counsellor.getByRole('button', { name: t(language, 'casework.note_add') }).click();
			await expect(status(counsellor)).resolves.toContain(t(language, 'casework.done_note_added'));
			await expect(counsellor.getByText('Premier entretien : cherche un emploi en restauration.').count()).resolves.toBe(1);
			const mailsBefore = server().outbox().length;
			await counsellor.getByLabel(t(language, 'casework.field_mode')).selectOption('phone');
			await counsellor.getByLabel(t(language, 'casework.field_purpose')).fill('Bilan et projet');
			await counsellor.getByRole('button', { name: t(language, 'casework.appointment_plan') }).click();
			await expect(status(counsellor)).resolves.toContain(t(language, 'casework.done_appointment_planned'));

			// the referral to a programme of the directory
			await counsellor.getByRole('link', { name: t(language, 'counsellors.refer_link') }).click();
			await check(counsellor, language, axe);
			await counsellor.getByLabel(t(language, 'support.programmes_filter_region')).selectOption('MA-04');
			await counsellor.getByRole('button', { name: t(language, 'common.search'), exact: true }).click();
			await counsellor.getByRole('radio', { name: programme[language] }).check();
			await counsellor.getByLabel(t(language, 'counsellors.refer_message')).fill('Projet de restauration rapide : besoin d’un accompagnement à la création.');
			// without the person's agreement, nothing is sent
			await counsellor.getByRole('button', { name: t(language, 'counsellors.refer_submit') }).click();
			await expect(counsellor.getByRole('alert').textContent()).resolves.toContain(t(language, 'casework.error_agreement'));
			await check(counsellor, language, axe);
			await counsellor.getByRole('radio', { name: programme[language] }).check();
			await counsellor.getByLabel(t(language, 'counsellors.refer_agreed')).check();
			// what the person is referred for: the organisation receiving them sees it
			await counsellor.getByLabel(t(language, 'casework.referral_kind')).selectOption('training');
			await counsellor.getByRole('button', { name: t(language, 'counsellors.refer_submit') }).click();
			expect(new URL(counsellor.url()).pathname).toBe(filePath);
			await expect(status(counsellor)).resolves.toContain(t(language, 'casework.done_referral_sent'));
			const referralCard = counsellor.getByRole('listitem').filter({ has: counsellor.getByRole('heading', { name: programme[language] }) });
			await expect(referralCard.textContent()).resolves.toContain(t(language, 'casework.referral_status_sent'));
			// the file with its note, appointment and referral, for review
			await shoot(counsellor, `counsellor-file-${language}`);

			// the programme's organisation accepts it
			const partner = await signedIn(language, javaScriptEnabled, 'partner@demo.sharaka.ma');
			// from their space, where the referrals waiting for an answer are counted
			await partner.goto(`/${language}/my-space`);
			await partner.getByRole('link', { name: t(language, 'jobs.space_referrals') }).click();
			await check(partner, language, axe);
			const received = partner.getByRole('listitem').filter({ has: partner.getByRole('heading', { name: new RegExp(name) }) });
			await expect(received.textContent()).resolves.toContain(email);
			await expect(received.textContent()).resolves.toContain(t(language, 'casework.kind_training'));
			await received.getByLabel(t(language, 'casework.referral_answer_label')).selectOption('accepted');
			await received.getByRole('button', { name: new RegExp(`^${t(language, 'casework.save')}`) }).click();
			await expect(status(partner)).resolves.toContain(t(language, 'casework.done_referral_saved'));
			await check(partner, language, axe);

			// the person sees the referral and the appointment, and was e-mailed in their language
			await page.goto(`/${language}/jobs/profile/follow-up`);
			const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: programme[language] }) });
			await expect(mine.textContent()).resolves.toContain(t(language, 'casework.referral_status_accepted'));
			await expect(page.getByRole('row').filter({ hasText: 'Bilan et projet' }).textContent()).resolves.toContain(t(language, 'casework.mode_phone'));
			await check(page, language, axe);
			const mails = await emailsTo(email, mailsBefore, 3);
			const subjects = mails.map((mail) => mail.subject);
			expect(subjects).toContain(t(language, 'counsellors.email_referral_sent_subject', { programme: programme[language] }));
			expect(subjects).toContain(
				t(language, 'counsellors.email_referral_status_subject', { programme: programme[language], status: t(language, 'casework.referral_status_accepted') })
			);
			expect(mails.every((mail) => mail.language === language)).toBe(true);
			expect(mails.find((mail) => mail.subject.includes(programme[language]))?.links.some((link) => link.endsWith(`/${language}/jobs/profile/follow-up`))).toBe(true);

			if (language === 'fr') {
				// the export holds the casework, the counsellor's note included (right of access)
				const exported = await (await page.request.get('/api/v1/me/export')).json();
				expect(exported.casework.notes.map((note: { body: string }) => note.body)).toEqual(['Premier entretien : cherche un emploi en restauration.']);
				expect(exported.casework.referrals[0].status).toBe('accepted');

				// consent withdrawn: the counsellor no longer sees the person, nor opens their file
				await page.goto(`/${language}/jobs/profile`);
				await page.getByLabel(t(language, 'seekers.consent_none')).check();
				await page.getByRole('button', { name: t(language, 'seekers.consent_save') }).click();
				await expect(status(page)).resolves.toContain(t(language, 'seekers.consent_saved'));
				await counsellor.goto(`/${language}/jobs/counsellor?q=${encodeURIComponent(name)}`);
				await expect(counsellor.getByRole('link', { name }).count()).resolves.toBe(0);
				expect((await counsellor.goto(filePath))?.status()).toBe(404);
				expect((await counsellor.request.get(`${filePath}/cv`)).status()).toBe(404);
			}
		});
	}

	test('a member, an employer and another partner cannot reach the counsellors’ pages', async () => {
		const member = await signedIn('fr', false, 'member@demo.sharaka.ma');
		expect((await member.goto('/fr/jobs/counsellor'))?.status()).toBe(403);
		expect((await member.goto('/fr/jobs/programmes/referrals'))?.status()).toBe(403);
		const employer = await signedIn('fr', false, 'employer@demo.sharaka.ma');
		expect((await employer.goto('/fr/jobs/counsellor'))?.status()).toBe(403);
		// a partner of another organisation sees no referral of the Expertise France programmes
		await employer.goto('/fr/jobs/programmes/referrals');
		await expect(employer.getByRole('main').textContent()).resolves.not.toContain('Grace Mensah');
	});

	test('staff add, rename and close an agency and assign a counsellor (with axe-core)', async () => {
		const moderator = await signedIn('fr', true, 'moderator@demo.sharaka.ma');
		await moderator.goto('/fr/admin');
		await moderator.getByRole('link', { name: t('fr', 'counsellors.agencies_title') }).click();
		await check(moderator, 'fr', true);
		for (const town of ['Rabat', 'Tanger', 'Oujda', 'Fès', 'Bouknadel', 'Hay Hassani']) {
			await expect(moderator.getByRole('row').filter({ hasText: `ANAPEC ${town}` }).count()).resolves.toBe(1);
		}
		const form = moderator.locator('form[action="?/create"]');
		await form.getByLabel(t('fr', 'counsellors.agency_field_name')).fill('ANAPEC Kénitra (essai)');
		await form.getByLabel(t('fr', 'counsellors.agency_field_city')).fill('Kénitra');
		await form.getByLabel(t('fr', 'counsellors.agency_field_region')).selectOption('MA-04');
		// a province of another region is refused
		await form.getByLabel(t('fr', 'counsellors.agency_field_province')).selectOption('MA-TNG');
		await form.getByRole('button', { name: t('fr', 'counsellors.agency_create') }).click();
		await expect(moderator.getByRole('alert').textContent()).resolves.toContain(t('fr', 'errors.field_choice'));
		await check(moderator, 'fr', true);
		await form.getByLabel(t('fr', 'counsellors.agency_field_province')).selectOption('MA-KEN');
		await form.getByRole('button', { name: t('fr', 'counsellors.agency_create') }).click();
		await expect(status(moderator)).resolves.toContain(t('fr', 'counsellors.agency_done_created'));
		await check(moderator, 'fr', true);

		const assign = moderator.locator('form[action="?/addCounsellor"]');
		await assign.getByLabel(t('fr', 'counsellors.agency_counsellor_email')).fill('member@demo.sharaka.ma');
		await assign.getByRole('button', { name: t('fr', 'counsellors.agency_counsellor_add') }).click();
		await expect(moderator.getByRole('alert').textContent()).resolves.toContain(t('fr', 'counsellors.error_not_counsellor'));
		await assign.getByLabel(t('fr', 'counsellors.agency_counsellor_email')).fill('counsellor@demo.sharaka.ma');
		await assign.getByRole('button', { name: t('fr', 'counsellors.agency_counsellor_add') }).click();
		await expect(status(moderator)).resolves.toContain(t('fr', 'counsellors.agency_done_counsellor_added'));
		await expect(moderator.getByRole('row').filter({ hasText: 'counsellor@demo.sharaka.ma' }).count()).resolves.toBe(1);

		const edit = moderator.locator('form[action="?/update"]');
		await edit.getByLabel(t('fr', 'counsellors.agency_field_name')).fill('ANAPEC Kénitra Centre (essai)');
		await edit.getByRole('button', { name: t('fr', 'counsellors.save') }).click();
		await expect(status(moderator)).resolves.toContain(t('fr', 'counsellors.agency_done_updated'));
		await expect(moderator.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('ANAPEC Kénitra Centre (essai)');
		await moderator.getByRole('button', { name: t('fr', 'counsellors.agency_close') }).click();
		await expect(status(moderator)).resolves.toContain(t('fr', 'counsellors.agency_done_closed'));
		// the demo counsellor goes back to their one agency
		await moderator
			.getByRole('row')
			.filter({ hasText: 'counsellor@demo.sharaka.ma' })
			.getByRole('button', { name: new RegExp(`^${t('fr', 'counsellors.agency_counsellor_remove')}`) })
			.click();
		await expect(status(moderator)).resolves.toContain(t('fr', 'counsellors.agency_done_counsellor_removed'));

		// a closed agency is no longer offered to job seekers (the public list of the API)
		const agencies = await (await moderator.request.get('/api/v1/agencies')).json();
		expect(agencies.items.map((item: { name: string }) => item.name)).not.toContain('ANAPEC Kénitra Centre (essai)');
	});
});

const screenshots = path.resolve('test-results/screenshots');
fs.mkdirSync(screenshots, { recursive: true });

/** The page at a phone's and a desktop's width, for review. */
async function shoot(page: Page, name: string) {
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		if (savesScreenshots) await page.screenshot({ path: path.join(screenshots, `${name}-${width}.png`), fullPage: true });
	}
}

// The other way (issue 16): an association — the demo partner's organisation — refers a person it accompanies
// to the Rabat agency with their agreement; the agency's counsellor accepts; the person sees it and is e-mailed.
describe('associations refer a person to an ANAPEC agency', () => {
	for (const { language, javaScriptEnabled, name } of [
		{ language: 'fr', javaScriptEnabled: false, name: 'Mamadou Sow' },
		{ language: 'ar', javaScriptEnabled: true, name: 'إبراهيم كوليبالي' }
	] as const) {
		test(`in ${language}${javaScriptEnabled ? ' with axe-core' : ', without JavaScript'}`, { timeout: 120_000 }, async () => {
			const axe = javaScriptEnabled;
			const person = await browser.newPage({ javaScriptEnabled, locale: language, phone: true });
			onTestFinished(() => person.context().close());
			const email = `referred-${language}-${Date.now().toString(36)}@example.org`;
			await signUpAndConfirm(person, language, name, email, 'une phrase assez longue 2026');
			const mailsBefore = server().outbox().length;

			// the association's staff finds the page in their space and sends the referral
			const partner = await signedIn(language, javaScriptEnabled, 'partner@demo.sharaka.ma');
			await partner.goto(`/${language}/my-space`);
			await partner.getByRole('link', { name: t(language, 'counsellors.agency_referrals_title') }).first().click();
			await check(partner, language, axe);
			await partner.getByRole('button', { name: t(language, 'counsellors.agency_referral_submit') }).click();
			await expect(partner.locator('.error-summary').textContent()).resolves.toContain(t(language, 'counsellors.agency_referral_agreed_required'));
			await partner.getByLabel(t(language, 'counsellors.agency_referral_email')).fill(email);
			const agencies = partner.getByLabel(t(language, 'counsellors.agency_referral_agency'));
			await agencies.selectOption((await agencies.locator('option', { hasText: 'ANAPEC Rabat' }).getAttribute('value'))!);
			await partner.getByLabel(t(language, 'counsellors.agency_referral_message')).fill('Cherche un emploi de cuisinier à Rabat.');
			await partner.getByLabel(t(language, 'counsellors.agency_referral_agreed')).check();
			await partner.getByRole('button', { name: t(language, 'counsellors.agency_referral_submit') }).click();
			await expect(status(partner)).resolves.toContain(t(language, 'counsellors.agency_referral_sent'));
			await expect(partner.getByRole('main').textContent()).resolves.toContain(name);
			await check(partner, language, axe);
			await shoot(partner, `agency-referrals-${language}`);

			// the agency's counsellor accepts it
			const counsellor = await signedIn(language, javaScriptEnabled, 'counsellor@demo.sharaka.ma');
			await counsellor.goto(`/${language}/my-space`);
			await counsellor.getByRole('link', { name: t(language, 'counsellors.agency_referrals_received_title') }).first().click();
			await check(counsellor, language, axe);
			await counsellor.getByRole('button', { name: `${t(language, 'counsellors.agency_referral_move_accepted')} — ${name}` }).click();
			await expect(status(counsellor)).resolves.toContain(t(language, 'counsellors.agency_referral_answered'));
			await check(counsellor, language, axe);
			await shoot(counsellor, `agency-referrals-received-${language}`);

			// the person sees it, accepted, and was e-mailed twice in their language
			await person.goto(`/${language}/jobs/profile/follow-up`);
			const section = person.getByRole('region', { name: t(language, 'counsellors.my_agency_referrals_title') });
			await expect(section.textContent()).resolves.toContain(t(language, 'casework.referral_status_accepted'));
			await check(person, language, axe);
			const mails = await emailsTo(email, mailsBefore, 2);
			expect(mails.map((mail) => mail.subject)).toEqual([
				t(language, 'counsellors.email_agency_referral_sent_subject', { team: 'ANAPEC Rabat' }),
				t(language, 'counsellors.email_agency_referral_status_subject', { team: 'ANAPEC Rabat', status: t(language, 'casework.referral_status_accepted') })
			]);
			expect(mails.every((mail) => mail.language === language)).toBe(true);
		});
	}
});
