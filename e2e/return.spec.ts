// The return guide: a retiree living in Belgium reads the guide in French without JavaScript (on a
// phone), filtered by profile, opens the pensions page and its table, and gets a printable checklist
// with a GET form (no account); then the same in Arabic with axe-core. The demo member saves and ticks
// a checklist. Screenshots at 360 and 1280 px go to test-results/screenshots/.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, server, signIn, t, useBrowser } from './harness.ts';
import { check, screenshotsFor, signedInAs } from './flows.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('return');

describe('the return guide and checklist', () => {
	test('a retiree in Belgium reads the guide and gets a checklist (fr, no JavaScript)', { timeout: 120_000 }, async () => {
		const page = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await page.goto('/fr/return');
		await expectLanguage(page, 'fr');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'return.guide_title'));
		await page.getByRole('link', { name: t('fr', 'return.profile_retiree') }).click();
		expect(new URL(page.url()).searchParams.get('profile')).toBe('retiree');
		// the retiree's topics: pensions, not schooling
		await expect(page.getByRole('link', { name: 'Retraites et sécurité sociale' }).count()).resolves.toBe(1);
		await expect(page.getByRole('link', { name: 'Scolarité des enfants et reconnaissance des diplômes' }).count()).resolves.toBe(0);
		await expectPhoneWidthAndLanguageOfParts(page, 'fr');
		await shoot(page, 'home-retiree-fr');

		await page.getByRole('link', { name: 'Retraites et sécurité sociale' }).click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Retraites et sécurité sociale');
		// sourced, reviewed, contributed, and honest about what is missing
		await expect(page.getByText(t('fr', 'return.page_to_be_completed')).count()).resolves.toBe(1);
		await expect(page.getByText(/Portabilité|portabilité/).count()).resolves.toBeGreaterThan(0);
		await expect(page.getByText('Lettre d’information SHARAKA n°10', { exact: false }).count()).resolves.toBeGreaterThan(0);
		const article = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(article).toMatchObject({ '@type': 'Article', headline: 'Retraites et sécurité sociale', inLanguage: 'fr', lastReviewed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
		expect(article.citation.length).toBeGreaterThan(0);
		await expectPhoneWidthAndLanguageOfParts(page, 'fr');
		await shoot(page, 'guide-pensions-fr');

		// the pension table: Belgium is there, to be completed (nothing invented)
		await page.getByRole('link', { name: t('fr', 'return.pensions_link') }).click();
		await expect(page.getByRole('rowheader', { name: /Belgique/ }).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(page, 'fr');
		await shoot(page, 'pensions-fr');

		// the checklist: a GET form, no account
		await page.goto('/fr/return/checklist');
		await page.getByLabel(t('fr', 'return.profile_retiree')).check();
		await page.locator('summary', { hasText: t('fr', 'return.question_country') }).click(); // opens the country list
		await page.getByRole('radio', { name: 'Belgique', exact: true }).check();
		await page.getByLabel(t('fr', 'return.question_retiring')).check();
		await page.getByRole('button', { name: t('fr', 'return.checklist_submit') }).click();
		const address = new URL(page.url());
		expect(address.searchParams.get('hostCountry')).toBe('BE');
		await expect(page.getByRole('heading', { name: t('fr', 'return.phase_before') }).count()).resolves.toBe(1);
		await expect(page.getByText(t('fr', 'return.step_pension_agreement')).count()).resolves.toBe(1);
		await expect(page.getByText(t('fr', 'return.step_pension_claim')).count()).resolves.toBe(1);
		await expect(page.getByText(t('fr', 'return.checklist_sign_in')).count()).resolves.toBe(1);
		// its pension step leads to Belgium's row
		const pensionLink = await page.locator('#step-pension_agreement a.pension-link').getAttribute('href');
		expect(pensionLink).toContain('country=BE');
		await expectNoRawMessageKeys(page);
		await expectPhoneWidthAndLanguageOfParts(page, 'fr');
		await shoot(page, 'checklist-fr');
		// printable: the form and the site's header are not printed
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('form.questions').isVisible()).resolves.toBe(false);
		await expect(page.getByText(t('fr', 'return.step_pension_agreement')).isVisible()).resolves.toBe(true);
		await page.emulateMedia({ media: 'screen' });

		// a question answered wrong: a localised error naming the field, no checklist
		await page.goto('/fr/return/checklist?asked=1&hostCountry=ZZ');
		await expect(page.getByRole('alert').count()).resolves.toBe(1);
		await expect(page.getByRole('heading', { name: t('fr', 'return.checklist_result') }).count()).resolves.toBe(0);
	});

	test('the same in Arabic, axe clean', { timeout: 120_000 }, async () => {
		const page = await browser.newPage({ locale: 'ar-MA' });
		await page.goto('/ar/return?profile=retiree');
		await expectLanguage(page, 'ar');
		await expectNoAxeViolations(page);
		await shoot(page, 'home-retiree-ar');
		// the retiree's part of the guide as a PDF, made on the server in Arabic
		const pdfLink = page.getByRole('link', { name: t('ar', 'return.guide_pdf_link_for', { profile: t('ar', 'return.profile_retiree') }) });
		const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect(pdf.headers()['content-disposition']).toContain(encodeURIComponent('دليل-العودة-retiree.pdf'));
		const bytes = await pdf.body();
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		fs.mkdirSync('test-results', { recursive: true });
		fs.writeFileSync('test-results/guide-retiree-ar.pdf', bytes);
		await page.getByRole('link', { name: 'المعاشات والضمان الاجتماعي' }).click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('المعاشات والضمان الاجتماعي');
		await expectNoAxeViolations(page);
		await shoot(page, 'guide-pensions-ar');
		await page.goto('/ar/return/pensions');
		await expectNoAxeViolations(page);
		await expectPhoneWidthAndLanguageOfParts(page, 'ar');
		await shoot(page, 'pensions-ar');
		await page.goto('/ar/return/checklist?profile=retiree&hostCountry=BE&retiring=on');
		await expect(page.getByText(t('ar', 'return.step_pension_agreement')).count()).resolves.toBe(1);
		await expectNoAxeViolations(page);
		await expectPhoneWidthAndLanguageOfParts(page, 'ar');
		await shoot(page, 'checklist-ar');
		// the API says the same
		const guide = await fetch(url('/api/v1/return/guide?lang=ar&profile=retiree')).then((answer) => answer.json());
		expect(guide.items.map((item: { slug: string }) => item.slug)).toContain('pensions');
		const pensions = await fetch(url('/api/v1/return/pension-agreements?lang=fr')).then((answer) => answer.json());
		expect(pensions.items.find((item: { countryCode: string }) => item.countryCode === 'BE')).toMatchObject({ country: 'Belgique', toBeCompleted: true, source: null });
	});

	test('the service finder by region and need; a partner asks to join the network (fr, no JavaScript), the secretariat approves (ar, axe)', { timeout: 120_000 }, async () => {
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/return/services');
		await visitor.locator('summary', { hasText: t('fr', 'return.services_filters') }).click();
		await visitor.getByRole('radio', { name: 'Oriental', exact: true }).check();
		await visitor.getByRole('radio', { name: t('fr', 'return.stage_psychosocial') }).check();
		await visitor.getByRole('button', { name: t('fr', 'return.services_search') }).click();
		const address = new URL(visitor.url());
		expect(address.searchParams.get('region')).toBe('MA-02');
		expect(address.searchParams.get('stage')).toBe('psychosocial');
		await expect(visitor.getByText(t('fr', 'return.sample'), { exact: true }).first().isVisible()).resolves.toBe(true);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'fr');
		await shoot(visitor, 'services-fr');
		const csv = await fetch(url('/api/v1/return/services/export?region=MA-02&format=csv&lang=fr')).then((answer) => answer.text());
		expect(csv.split('\r\n')[0]).toContain('Organisation');

		const partner = await browser.newPage({ javaScriptEnabled: false });
		await signIn(partner, 'fr', 'partner@demo.sharaka.ma', DEMO_PASSWORD);
		await partner.waitForURL((where) => !where.pathname.includes('/account/sign-in'));
		await partner.goto('/fr/return/network/join');
		await partner.getByLabel(t('fr', 'return.network_motivation')).fill('Nous accompagnons le retour et la réintégration des MRE.');
		await partner.getByRole('button', { name: t('fr', 'return.network_join_submit') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.network_join_sent'));
		await expect(partner.getByText(t('fr', 'return.membership_requested')).count()).resolves.toBe(1);
		await expectNoRawMessageKeys(partner);

		const secretariat = await browser.newPage({ locale: 'ar-MA' });
		await signIn(secretariat, 'ar', 'moderator@demo.sharaka.ma', DEMO_PASSWORD);
		await secretariat.waitForURL((where) => !where.pathname.includes('/account/sign-in'));
		await secretariat.goto('/ar/return/network/requests');
		await expectLanguage(secretariat, 'ar');
		await expectNoAxeViolations(secretariat);
		await shoot(secretariat, 'requests-ar');
		await secretariat.getByRole('button', { name: new RegExp(t('ar', 'return.requests_approve', { name: 'XXX' }).replace('XXX', '.*')) }).first().click();
		await expect(secretariat.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'return.requests_approved'));
		await partner.goto('/fr/return/network/join');
		await expect(partner.getByText(t('fr', 'return.membership_member')).count()).resolves.toBe(1);

		// the same moderator keeps the pension table: Switzerland's row, opened with the country picker
		await secretariat.goto('/ar/return/pensions/edit?country=CH');
		await expectNoAxeViolations(secretariat);
		await secretariat.locator('input[name="agreement_fr"]').fill('Accord à vérifier (e2e)');
		await secretariat.getByRole('button', { name: t('ar', 'return.pensions_save') }).click();
		await expect(secretariat.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'return.pensions_saved'));
		// no source: still "to be completed", the unchecked text not shown as a fact
		await expect(secretariat.locator('#country-CH').textContent()).resolves.not.toContain('Accord à vérifier');
		await shoot(secretariat, 'pensions-saved-ar');

		// now a member, the partner's organisation publishes a service; the finder shows it
		await partner.goto('/fr/return/services/new');
		await partner.getByLabel(t('fr', 'return.service_field_name')).first().fill('Permanence retraités de retour (e2e)');
		await partner.getByLabel(t('fr', 'return.service_field_description')).first().fill('Information sur les démarches de pension.');
		await partner.getByRole('checkbox', { name: t('fr', 'return.stage_administrative') }).check();
		await partner.locator('summary', { hasText: t('fr', 'return.services_regions') }).click();
		await partner.getByRole('checkbox', { name: 'Rabat-Salé-Kénitra' }).check();
		await partner.locator('summary', { hasText: t('fr', 'return.services_languages') }).click();
		await partner.getByRole('checkbox', { name: 'Arabe', exact: true }).check();
		await partner.getByRole('button', { name: t('fr', 'return.service_new_submit') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.service_added'));
		await expect(partner.getByRole('heading', { name: 'Permanence retraités de retour (e2e)' }).count()).resolves.toBe(1);
		// its own service can be edited, then archived: it leaves the finder
		await partner.locator('a[href$="/edit"]', { hasText: 'Permanence retraités de retour (e2e)' }).click();
		await partner.getByLabel(t('fr', 'return.service_field_name')).first().fill('Permanence retraités (e2e, modifiée)');
		await partner.getByRole('button', { name: t('fr', 'return.service_save') }).click();
		await expect(partner.getByRole('heading', { name: 'Permanence retraités (e2e, modifiée)' }).count()).resolves.toBe(1);
		await partner.locator('a[href$="/edit"]', { hasText: 'Permanence retraités (e2e, modifiée)' }).click();
		await partner.locator('summary', { hasText: t('fr', 'return.service_archive_open') }).click();
		await partner.getByRole('button', { name: t('fr', 'return.service_archive') }).click();
		await expect(partner.getByText(t('fr', 'return.service_archived')).count()).resolves.toBe(1);
		await partner.goto('/fr/return/services?region=MA-04&stage=administrative');
		await expect(partner.getByRole('heading', { name: 'Permanence retraités (e2e, modifiée)' }).count()).resolves.toBe(0);
	});

	// after the test above: the demo partner's organisation (Expertise France) is now a member of the network
	test('the network space: the secretariat announces and schedules (fr, no JavaScript), a member contributes and reads the answer; minutes in Arabic (axe)', { timeout: 150_000 }, async () => {
		const secretariat = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		await secretariat.goto('/fr/my-space');
		await secretariat.getByRole('link', { name: t('fr', 'return.network_space_title'), exact: true }).click();
		await expect(secretariat.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'return.network_space_title'));
		await check(secretariat, 'fr', false);
		await secretariat.getByRole('link', { name: t('fr', 'workspace.nav_announcements'), exact: true }).click();
		await secretariat.locator('summary', { hasText: t('fr', 'workspace.announce_open') }).click();
		await secretariat.getByLabel(t('fr', 'workspace.field_title'), { exact: true }).fill('Réunion annuelle du réseau (e2e)');
		await secretariat.getByLabel(t('fr', 'workspace.field_body'), { exact: true }).fill('La réunion annuelle se tiendra à Rabat. Ordre du jour dans l’espace.');
		await secretariat.getByRole('checkbox', { name: t('fr', 'workspace.field_notify') }).check();
		await secretariat.getByRole('button', { name: t('fr', 'workspace.announce_submit') }).click();
		await expect(secretariat.getByRole('status').first().textContent()).resolves.toMatch(/^L’annonce est publiée/);
		await secretariat.getByRole('link', { name: t('fr', 'workspace.nav_meetings'), exact: true }).click();
		// nothing filled: every problem named, nothing scheduled
		await secretariat.getByRole('button', { name: t('fr', 'workspace.schedule_submit') }).click();
		await expect(secretariat.locator('.error-summary li').count()).resolves.toBeGreaterThanOrEqual(4);
		await secretariat.getByLabel(t('fr', 'workspace.field_title'), { exact: true }).fill('Réunion annuelle (e2e)');
		await secretariat.getByLabel(t('fr', 'workspace.field_starts_at'), { exact: true }).fill('2030-06-15T10:00');
		await secretariat.getByLabel(t('fr', 'workspace.field_mode'), { exact: true }).selectOption('in_person');
		await secretariat.getByLabel(t('fr', 'workspace.field_place'), { exact: true }).fill('Rabat, ministère');
		await secretariat.getByLabel(t('fr', 'workspace.field_agenda'), { exact: true }).fill('1. Bilan\n2. Stratégie');
		await secretariat.getByRole('button', { name: t('fr', 'workspace.schedule_submit') }).click();
		await expect(secretariat.getByRole('status').first().textContent()).resolves.toMatch(/^La réunion est programmée/);
		await expect(secretariat.getByRole('link', { name: 'Réunion annuelle (e2e)' }).count()).resolves.toBe(1);
		await shoot(secretariat, 'space-meetings');

		// the member reads the announcement and sends a contribution for its organisation
		const member = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false, true);
		await member.goto('/fr/return/network/space');
		await expect(member.getByRole('heading', { name: 'Réunion annuelle du réseau (e2e)' }).count()).resolves.toBe(1);
		await check(member, 'fr', false);
		await member.getByRole('link', { name: t('fr', 'workspace.contribute_link'), exact: true }).click();
		await member.getByLabel(t('fr', 'workspace.field_topic'), { exact: true }).selectOption('administrative');
		await member.getByLabel(t('fr', 'workspace.field_title'), { exact: true }).fill('Simplifier le transfert des pensions (e2e)');
		await member.getByLabel(t('fr', 'workspace.field_contribution'), { exact: true }).fill('Les retraités de retour attendent des mois le transfert de leur pension : un guichet unique aiderait.');
		await member.getByRole('button', { name: t('fr', 'workspace.contribute_submit') }).click();
		await expect(member.getByRole('status').first().textContent()).resolves.toBe(t('fr', 'workspace.done_contributed'));
		await shoot(member, 'space-contribution');

		// the secretariat answers it, from the list of those waiting
		await secretariat.goto('/fr/return/network/space/contributions?status=received');
		await secretariat.getByRole('link', { name: 'Simplifier le transfert des pensions (e2e)' }).click();
		await secretariat.getByLabel(t('fr', 'workspace.field_answer_status'), { exact: true }).selectOption('retained');
		await secretariat.getByLabel(t('fr', 'workspace.field_answer'), { exact: true }).fill('Retenue : elle entre dans le plan d’action 2027.');
		await secretariat.getByRole('button', { name: t('fr', 'workspace.answer_submit') }).click();
		await expect(secretariat.getByRole('status').first().textContent()).resolves.toBe(t('fr', 'workspace.done_answered'));
		await member.goto('/fr/return/network/space/contributions');
		await member.getByRole('link', { name: 'Simplifier le transfert des pensions (e2e)' }).click();
		await expect(member.getByText('Retenue : elle entre dans le plan d’action 2027.').count()).resolves.toBe(1);
		await expect(member.getByRole('button', { name: t('fr', 'workspace.answer_submit') }).count()).resolves.toBe(0);
		await member.close();
		await secretariat.close();

		// in Arabic: the secretariat corrects the minutes of the sample past meeting
		const arabic = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await arabic.goto('/ar/return/network/space/meetings');
		await check(arabic, 'ar');
		await arabic.getByRole('link', { name: 'Exemple — Réunion du réseau : bilan du semestre' }).click();
		await check(arabic, 'ar');
		await arabic.getByLabel(t('ar', 'workspace.field_minutes'), { exact: true }).fill('تم تقديم حصيلة الأسدس (e2e).');
		await arabic.getByRole('button', { name: t('ar', 'workspace.minutes_submit') }).click();
		await expect(arabic.getByRole('status').first().textContent()).resolves.toBe(t('ar', 'workspace.done_minutes_saved'));
		await check(arabic, 'ar');
		await shoot(arabic, 'space-minutes-ar');
		await arabic.goto('/ar/return/network/space');
		await check(arabic, 'ar');
		await shoot(arabic, 'space-ar');
		await arabic.close();
	});

	test('the demo member saves the checklist and ticks a step (fr, no JavaScript)', { timeout: 120_000 }, async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await signIn(page, 'fr', 'member@demo.sharaka.ma', DEMO_PASSWORD);
		await page.waitForURL((address) => !address.pathname.includes('/account/sign-in'));
		await page.goto('/fr/return/checklist?profile=family&hostCountry=FR&children=on');
		await page.getByRole('button', { name: t('fr', 'return.checklist_save') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.checklist_saved'));
		await expect(page.getByText(t('fr', 'return.step_school_enrol')).count()).resolves.toBe(1);
		await page.locator('#step-school_enrol').getByRole('button', { name: new RegExp(t('fr', 'return.step_tick')) }).click();
		await expect(page.locator('#step-school_enrol').getByText(t('fr', 'return.step_done'), { exact: true }).count()).resolves.toBe(1);
		await expectNoRawMessageKeys(page);
		await shoot(page, 'checklist-saved-fr');
	});

	test('a visitor reads the assisted-return schemes of Belgium (fr, no JavaScript); the secretariat completes the entry in Arabic (axe)', { timeout: 120_000 }, async () => {
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/return');
		await visitor.getByRole('link', { name: t('fr', 'return.schemes_link') }).click();
		await visitor.getByLabel(t('fr', 'return.schemes_country')).selectOption('BE');
		await visitor.getByRole('button', { name: t('fr', 'return.services_search') }).click();
		const entry = visitor.locator('li.card');
		await expect(entry.count()).resolves.toBe(1);
		await expect(entry.textContent()).resolves.toContain(t('fr', 'return.to_be_completed'));
		await expectPhoneWidthAndLanguageOfParts(visitor, 'fr');
		await shoot(visitor, 'schemes-fr');

		const secretariat = await browser.newPage();
		await signIn(secretariat, 'ar', 'moderator@demo.sharaka.ma', DEMO_PASSWORD);
		await secretariat.waitForURL((address) => !address.pathname.includes('/account/sign-in'));
		await secretariat.goto('/ar/return/schemes/dispositif-be/edit');
		await expectLanguage(secretariat, 'ar');
		await expectNoRawMessageKeys(secretariat);
		await expectNoAxeViolations(secretariat);
		// what it gives without a source is refused, nothing saved
		await secretariat.getByLabel(t('ar', 'return.pensions_source'), { exact: true }).fill('');
		await secretariat.locator('textarea[name="support_fr"]').fill('Exemple : billet de retour et aide au démarrage d’une activité');
		await secretariat.locator('textarea[name="eligibility_fr"]').fill('Exemple : personnes souhaitant rentrer au Maroc');
		await secretariat.getByRole('button', { name: t('ar', 'return.schemes_save') }).click();
		await expect(secretariat.locator('.error-summary').textContent()).resolves.toContain(t('ar', 'errors.field_required'));
		await secretariat.getByLabel(t('ar', 'return.pensions_source'), { exact: true }).fill('Exemple : fiche de l’opérateur');
		await secretariat.getByRole('button', { name: t('ar', 'return.schemes_save') }).click();
		await secretariat.waitForURL((address) => address.pathname.endsWith('/ar/return/schemes'));
		await expectNoAxeViolations(secretariat);
		await shoot(secretariat, 'schemes-ar');

		await visitor.goto('/fr/return/schemes?country=BE');
		await expect(visitor.locator('li.card').textContent()).resolves.toContain('billet de retour');
		await expect(visitor.locator('li.card').textContent()).resolves.not.toContain(t('fr', 'return.to_be_completed'));
	});
});
