// Job seekers: a new person signs up, fills a profile, gives consent, uploads a CV (a file that is not a
// PDF is refused), finds an offer and applies; the demo employer opens the application and shortlists it;
// the seeker sees the new status and has an e-mail; nobody else sees the application; the seeker exports
// and deletes their data. In French without JavaScript, in Arabic and English with axe-core.
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import type { Language } from '#platform/i18n/languages.ts';
import { server, signIn, t, useBrowser } from './harness.ts';
import { check, emailsTo, signUpAndConfirm, pick } from './flows.ts';
import { aPdf } from '#platform/testing/pdf.ts';

const browser = useBrowser();

const pdf = aPdf({ text: 'e2e CV', size: 2048 });

const flows: { language: Language; javaScriptEnabled: boolean; name: string; offer: string }[] = [
	{ language: 'fr', javaScriptEnabled: false, name: 'Awa Diop', offer: 'Plombier' },
	{ language: 'ar', javaScriptEnabled: true, name: 'مريم ديالو', offer: 'Électricien bâtiment' },
	{ language: 'en', javaScriptEnabled: true, name: 'Grace Okafor', offer: 'Plombier' }
];

describe('job seekers: profile, CV, application, employer, export and deletion', () => {
	for (const { language, javaScriptEnabled, name, offer } of flows) {
		// a whole flow across roles with an axe scan per page: longer than one page's test
		test(`in ${language}${javaScriptEnabled ? ' with axe-core' : ', without JavaScript'}`, { timeout: 120_000 }, async () => {
			const axe = javaScriptEnabled;
			const page = await browser.newPage({ javaScriptEnabled, locale: language, phone: true });
			const email = `seeker-${language}-${Date.now().toString(36)}@example.org`;
			const password = 'une phrase assez longue 2026';
			await signUpAndConfirm(page, language, name, email, password);

			// the profile
			await page.goto(`/${language}/jobs/profile`);
			await check(page, language, axe);
			await expect(page.getByText(t(language, 'seekers.profile_missing')).count()).resolves.toBe(1);
			const form = page.locator('form[action="?/save"]');
			await form.getByLabel(t(language, 'seekers.field_city')).fill('Tanger');
			await form.getByLabel(t(language, 'seekers.field_nationality')).selectOption('SN');
			await form.getByLabel(t(language, 'seekers.field_residence')).selectOption('regularised_immigrant');
			await form.getByLabel(t(language, 'seekers.field_language', { number: 1 }), { exact: true }).selectOption('fr');
			await form.getByLabel(t(language, 'seekers.field_level', { number: 1 }), { exact: true }).selectOption('B2');
			await form.getByLabel(t(language, 'seekers.field_skills')).fill('plomberie, soudure cuivre');
			await pick(form, 'occupationCodes', ['7126']);
			await pick(form, 'placeCodes', ['MA-01']);
			await form.getByRole('button', { name: t(language, 'seekers.save_profile') }).click();
			await expect(page.getByRole('status').first().textContent()).resolves.toContain(t(language, 'seekers.profile_saved'));
			await check(page, language, axe);

			// consent to counsellors and employers
			await page.getByLabel(t(language, 'seekers.consent_employers')).check();
			await page.getByRole('button', { name: t(language, 'seekers.consent_save') }).click();
			await expect(page.getByRole('status').first().textContent()).resolves.toContain(t(language, 'seekers.consent_saved'));

			// a saved search with a daily alert, prefilled from the search page's criteria
			await page.goto(`/${language}/jobs/profile/searches?q=${encodeURIComponent(offer)}&contract=cdd`);
			await check(page, language, axe);
			await expect(page.getByLabel(t(language, 'jobs.filter_q')).inputValue()).resolves.toBe(offer);
			await page.getByRole('button', { name: t(language, 'seekers.searches_save') }).click();
			await expect(page.getByRole('status').first().textContent()).resolves.toContain(t(language, 'seekers.searches_saved'));
			await expect(page.getByRole('link', { name: new RegExp(offer) }).getAttribute('href')).resolves.toBe(`/${language}/jobs?q=${encodeURIComponent(offer).replace(/%20/g, '+')}&contract=cdd`);
			await check(page, language, axe);

			// the CV: a file that is not a PDF is refused with a clear message, then a PDF is accepted
			await page.goto(`/${language}/jobs/profile/cv`);
			await check(page, language, axe);
			await page.getByLabel(t(language, 'seekers.cv_field')).setInputFiles({ name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
			await page.getByRole('button', { name: t(language, 'seekers.cv_upload') }).click();
			await expect(page.getByRole('alert').textContent()).resolves.toContain(t(language, 'seekers.cv_error_not_pdf'));
			await expect(page.getByText(t(language, 'seekers.cv_none')).count()).resolves.toBe(1);
			// a PDF over 5 MB (but within the upload routes' request limit) is refused too
			const tooLarge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024 + 10_000, 0x20)]);
			await page.getByLabel(t(language, 'seekers.cv_field')).setInputFiles({ name: 'gros.pdf', mimeType: 'application/pdf', buffer: tooLarge });
			await page.getByRole('button', { name: t(language, 'seekers.cv_upload') }).click();
			await expect(page.getByRole('alert').textContent()).resolves.toContain(t(language, 'seekers.cv_error_too_large'));
			await expect(page.getByText(t(language, 'seekers.cv_none')).count()).resolves.toBe(1);
			await page.getByLabel(t(language, 'seekers.cv_field')).setInputFiles({ name: 'mon cv.pdf', mimeType: 'application/pdf', buffer: pdf });
			await page.getByRole('button', { name: t(language, 'seekers.cv_upload') }).click();
			await expect(page.getByRole('status').first().textContent()).resolves.toContain(t(language, 'seekers.cv_uploaded'));
			const ownCv = await page.request.get(`/${language}/jobs/profile/cv/file`);
			expect(ownCv.status()).toBe(200);
			expect(ownCv.headers()['content-disposition']).toMatch(/^attachment/);
			expect(ownCv.headers()['x-content-type-options']).toBe('nosniff');

			// find an offer of the demo employer and apply
			await page.goto(`/${language}/jobs?q=${encodeURIComponent(offer)}`);
			await page.getByRole('link', { name: offer, exact: true }).first().click();
			const offerPath = new URL(page.url()).pathname;
			await page.getByRole('link', { name: new RegExp(`^${t(language, 'seekers.apply_link')}`) }).click();
			expect(new URL(page.url()).pathname).toBe(`${offerPath}/apply`);
			await check(page, language, axe);
			await page.getByLabel(t(language, 'seekers.apply_message')).fill('Bonjour, je suis plombier avec quatre ans d’expérience, disponible tout de suite.');
			await page.getByRole('checkbox').check();
			const mailsBefore = server().outbox().length;
			await page.getByRole('button', { name: t(language, 'seekers.apply_submit') }).click();
			expect(new URL(page.url()).pathname).toBe(`/${language}/jobs/applications`);
			await expect(page.getByRole('status').first().textContent()).resolves.toContain(t(language, 'seekers.apply_done'));
			await expect(page.getByRole('row').filter({ hasText: offer }).textContent()).resolves.toContain(t(language, 'seekers.status_submitted'));
			await check(page, language, axe);

			// the demo employer opens it and shortlists it
			const employer = await browser.newPage({ javaScriptEnabled, locale: language, phone: true });
			await signIn(employer, language, 'employer@demo.sharaka.ma', DEMO_PASSWORD);
			await employer.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
			await employer.goto(`/${language}/jobs/employer/applications`);
			await check(employer, language, axe);
			await employer.getByRole('row').filter({ hasText: name }).getByRole('link').click();
			const applicationPath = new URL(employer.url()).pathname;
			await check(employer, language, axe);
			await expect(employer.getByRole('main').textContent()).resolves.toContain(email);
			const cv = await employer.request.get(`${applicationPath}/cv`);
			expect(cv.status()).toBe(200);
			expect(cv.headers()['content-disposition']).toMatch(/^attachment/);
			await employer.getByLabel(t(language, 'seekers.status_change')).selectOption('shortlisted');
			await employer.getByRole('button', { name: t(language, 'seekers.status_save') }).click();
			await expect(employer.getByRole('status').first().textContent()).resolves.toContain(t(language, 'seekers.status_saved'));
			await employer.context().close();

			// the seeker sees the new status and has an e-mail in their language
			await page.goto(`/${language}/jobs/applications`);
			await expect(page.getByRole('row').filter({ hasText: offer }).textContent()).resolves.toContain(t(language, 'seekers.status_shortlisted'));
			const mails = await emailsTo(email, mailsBefore, 3);
			const shortlisted = mails.find((mail) => mail.subject.includes(t(language, 'seekers.status_shortlisted')));
			expect(shortlisted, mails.map((mail) => mail.subject).join('\n')).toBeDefined();
			expect(shortlisted!.language).toBe(language);

			// another partner (not of this employer) and another member see nothing of it
			const partner = await browser.newPage({ javaScriptEnabled: false });
			await signIn(partner, 'fr', 'partner@demo.sharaka.ma', DEMO_PASSWORD);
			await partner.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
			expect((await partner.goto(applicationPath.replace(`/${language}/`, '/fr/')))?.status()).toBe(404);
			expect((await partner.request.get(`${applicationPath}/cv`)).status()).toBe(404);
			await partner.context().close();
			const member = await browser.newPage({ javaScriptEnabled: false });
			await signIn(member, 'fr', 'member@demo.sharaka.ma', DEMO_PASSWORD);
			await member.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
			expect((await member.goto(applicationPath.replace(`/${language}/`, '/fr/')))?.status()).toBe(403);
			await member.goto('/fr/jobs/applications');
			await expect(member.getByRole('main').textContent()).resolves.not.toContain(offer);
			await member.context().close();

			// export, then delete: it is gone
			const exported = await page.request.get('/api/v1/me/export');
			expect(exported.status()).toBe(200);
			const data = await exported.json();
			expect(data.account.email).toBe(email);
			expect(data.profile.city).toBe('Tanger');
			expect(data.applications).toHaveLength(1);
			expect(data.savedSearches).toHaveLength(1);
			await page.goto(`/${language}/jobs/profile/delete`);
			await check(page, language, axe);
			await expect(page.getByRole('main').textContent()).resolves.toContain(t(language, 'seekers.delete_kept_audit'));
			await page.getByLabel(t(language, 'seekers.delete_confirm')).check();
			await page.getByRole('button', { name: t(language, 'seekers.delete_button') }).click();
			await expect(page.getByRole('status').first().textContent()).resolves.toContain(t(language, 'seekers.delete_done'));
			expect((await page.request.get('/api/v1/me/export')).status()).toBe(401);
			await signIn(page, language, email, password);
			await expect(page.getByRole('alert').count()).resolves.toBeGreaterThan(0);
			expect(new URL(page.url()).pathname).toBe(`/${language}/account/sign-in`);
			await page.context().close();
		});
	}
});
