// Followed reintegration: a returnee who has an account is followed by a RAMre operator's case worker
// (the demo partner) in French without JavaScript — the case opened with consent (a case that exists,
// a missing consent refused), needs, a plan action, a referral to another member's service, a note;
// then the returnee reads their follow-up in Arabic, the case worker's pages and the secretariat's
// pooled statistics pass axe in Arabic. Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { check, emailsTo, screenshotsFor, signUpAndConfirm, signedInAs } from './flows.ts';
import { exactly, expectPhoneWidthAndLanguageOfParts, server, signIn, t, useBrowser } from './harness.ts';
import { aPdf } from '#platform/testing/pdf.ts';

const browser = useBrowser();
const shoot = screenshotsFor('reintegration');

const CASEWORKER = 'partner@demo.sharaka.ma';
const RETURNEE = { name: 'Karima Retour', email: 'karima.retour@example.org', password: 'retour-au-pays-2026' };
const ACTION = 'Monter un dossier de micro-projet';
/** three months and a few days ago: the 3-month survey is due */
const RETURN_DATE = new Date(Date.now() - 95 * 86_400_000).toISOString().slice(0, 10);
let surveyLink = '';

describe('followed reintegration', () => {
	test('a case worker opens a case with consent, assesses needs, plans and refers (fr, no JavaScript)', { timeout: 180_000 }, async () => {
		const returnee = await browser.newPage({ locale: 'fr' });
		await signUpAndConfirm(returnee, 'fr', RETURNEE.name, RETURNEE.email, RETURNEE.password);
		await returnee.close();

		const page = await signedInAs(browser, CASEWORKER, 'fr', false);
		await page.goto('/fr/my-space');
		await page.getByRole('link', { name: t('fr', 'return.space_cases'), exact: true }).click();
		await check(page, 'fr', false);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(t('fr', 'return.cases_title'));
		// the demo member is already followed by this operator
		await expect(page.getByRole('link', { name: 'Awa Membre (exemple)' }).count()).resolves.toBe(1);
		await shoot(page, 'cases');

		await page.getByRole('link', { name: t('fr', 'return.case_new_title'), exact: true }).click();
		const main = page.getByRole('main');
		// a person this operator follows already: the existing case is offered, nothing is created
		await main.getByLabel(t('fr', 'return.case_email'), { exact: true }).fill('member@demo.sharaka.ma');
		await main.getByLabel(t('fr', 'return.case_consent'), { exact: true }).check();
		await main.getByLabel(t('fr', 'return.case_return_date'), { exact: true }).fill('2026-10-01');
		await main.getByLabel(t('fr', 'return.case_host_country'), { exact: true }).selectOption('BE');
		await main.getByLabel(t('fr', 'return.case_region'), { exact: true }).selectOption('MA-06');
		await main.getByRole('button', { name: t('fr', 'return.case_open_submit') }).click();
		await expect(main.getByText(t('fr', 'return.error_case_exists')).first().isVisible()).resolves.toBe(true);
		await expect(main.getByRole('link', { name: t('fr', 'return.case_existing_link') }).count()).resolves.toBe(1);

		// the returnee's address, but the consent box left unticked: refused, the values kept
		await main.getByLabel(t('fr', 'return.case_email'), { exact: true }).fill(RETURNEE.email);
		await main.getByLabel(t('fr', 'return.case_consent'), { exact: true }).uncheck();
		await main.getByRole('button', { name: t('fr', 'return.case_open_submit') }).click();
		await expect(main.getByText(t('fr', 'return.error_consent')).first().isVisible()).resolves.toBe(true);
		await expect(main.getByLabel(t('fr', 'return.case_email'), { exact: true }).inputValue()).resolves.toBe(RETURNEE.email);
		await shoot(page, 'new-refused');

		await main.getByLabel(t('fr', 'return.case_consent'), { exact: true }).check();
		await main.getByLabel(t('fr', 'return.case_return_date'), { exact: true }).fill(RETURN_DATE);
		await main.getByLabel(t('fr', 'return.case_host_country'), { exact: true }).selectOption('BE');
		await main.getByLabel(t('fr', 'return.case_region'), { exact: true }).selectOption('MA-06');
		await main.getByLabel(t('fr', 'return.case_household'), { exact: true }).fill('3');
		// a scheme of another country than the host country is refused; Belgium's is taken from the catalogue
		await main.getByLabel(t('fr', 'return.case_scheme'), { exact: true }).selectOption({ label: 'Allemagne — Dispositif allemand d’aide au retour' });
		await main.getByRole('button', { name: t('fr', 'return.case_open_submit') }).click();
		await expect(main.getByText(t('fr', 'return.error_scheme_country')).first().isVisible()).resolves.toBe(true);
		await main.getByLabel(t('fr', 'return.case_consent'), { exact: true }).check();
		await main.getByLabel(t('fr', 'return.case_scheme'), { exact: true }).selectOption({ label: 'Belgique — Dispositif belge d’aide au retour' });
		await main.getByRole('button', { name: t('fr', 'return.case_open_submit') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.done_case_opened'));
		await expect(main.getByRole('link', { name: 'Dispositif belge d’aide au retour' }).getAttribute('href')).resolves.toBe('/fr/return/schemes#scheme-dispositif-be');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(RETURNEE.name);
		const caseUrl = page.url().split('?')[0];

		// needs in the three dimensions
		await main.getByRole('group', { name: t('fr', 'return.need_economic'), exact: true }).getByLabel(t('fr', 'return.need_level')).selectOption('high');
		await main.getByRole('group', { name: t('fr', 'return.need_economic'), exact: true }).getByLabel(t('fr', 'return.need_notes')).fill('Sans revenu depuis le retour');
		await main.getByRole('group', { name: t('fr', 'return.need_social'), exact: true }).getByLabel(t('fr', 'return.need_level')).selectOption('medium');
		await main.getByRole('button', { name: t('fr', 'return.needs_save') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.done_needs_saved'));
		await expect(main.getByRole('group', { name: t('fr', 'return.need_economic'), exact: true }).getByLabel(t('fr', 'return.need_level')).inputValue()).resolves.toBe('high');

		// a plan action; an empty one first is refused with its field named
		await main.getByRole('button', { name: t('fr', 'return.plan_add') }).click();
		await expect(main.locator('#field-action[aria-invalid="true"]').count()).resolves.toBe(1);
		await main.getByLabel(t('fr', 'return.plan_action'), { exact: true }).fill(ACTION);
		await main.getByLabel(t('fr', 'return.plan_owner'), { exact: true }).fill('Karima et sa chargée de suivi');
		await main.getByLabel(t('fr', 'return.plan_due'), { exact: true }).fill('2027-03-31');
		await main.getByRole('button', { name: t('fr', 'return.plan_add') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.done_action_added'));
		await main.getByLabel(new RegExp(ACTION)).selectOption('in_progress');
		await main.getByRole('button', { name: `${t('fr', 'return.plan_status_save')} — ${ACTION}` }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.done_action_saved'));

		// an action that leads to a job offer: its page's address pasted (a wrong one is refused)
		const offers = await browser.newPage({ javaScriptEnabled: false });
		await offers.goto('/fr/jobs?q=Soudeur');
		const offerLink = offers.getByRole('main').getByRole('link', { name: 'Soudeur', exact: true }).first();
		const [offerPath, offerTitle] = [(await offerLink.getAttribute('href'))!, (await offerLink.textContent())!.trim()];
		await offers.close();
		await main.getByLabel(t('fr', 'return.plan_action'), { exact: true }).fill('Postuler à l’offre de soudeur');
		await main.getByLabel(t('fr', 'return.plan_owner'), { exact: true }).fill('Karima');
		await main.getByLabel(t('fr', 'return.plan_offer'), { exact: true }).fill('https://exemple.org/une-offre');
		await main.getByRole('button', { name: t('fr', 'return.plan_add') }).click();
		await expect(main.locator('#field-offer[aria-invalid="true"]').count()).resolves.toBe(1);
		await main.getByLabel(t('fr', 'return.plan_offer'), { exact: true }).fill(server().url(offerPath));
		await main.getByRole('button', { name: t('fr', 'return.plan_add') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.done_action_added'));
		await expect(main.getByRole('link', { name: offerTitle, exact: true }).getAttribute('href')).resolves.toBe(offerPath);

		// a note only the operator sees
		await main.getByLabel(t('fr', 'casework.note_label')).fill('Premier entretien au local de l’opérateur.');
		await main.getByRole('button', { name: t('fr', 'casework.note_add') }).click();
		await expect(main.getByText('Premier entretien au local de l’opérateur.').count()).resolves.toBe(1);

		// a document of the file: a page that calls itself a PDF is refused by its content, a real one kept and downloaded
		await main.getByLabel(t('fr', 'casework.document_kind'), { exact: true }).selectOption('civil_status');
		await main.getByLabel(t('fr', 'casework.document_file'), { exact: true }).setInputFiles({ name: 'acte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
		await main.getByRole('button', { name: t('fr', 'casework.document_add') }).click();
		await expect(page.locator('#field-document-file-error').textContent()).resolves.toContain(t('fr', 'casework.error_document_type'));
		await expect(main.getByText(t('fr', 'casework.documents_none')).count()).resolves.toBe(1);
		await main.getByLabel(t('fr', 'casework.document_kind'), { exact: true }).selectOption('civil_status');
		await main.getByLabel(t('fr', 'casework.document_file'), { exact: true }).setInputFiles({ name: 'acte de naissance.pdf', mimeType: 'application/pdf', buffer: aPdf({ text: 'Acte de naissance' }) });
		await main.getByRole('button', { name: t('fr', 'casework.document_add') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'casework.done_document_added'));
		const documentHref = await main.getByRole('link', { name: 'acte de naissance.pdf' }).getAttribute('href');
		const downloaded = await page.request.get(documentHref!);
		expect(downloaded.status()).toBe(200);
		expect(downloaded.headers()['content-disposition']).toMatch(/^attachment/);
		expect((await downloaded.body()).subarray(0, 5).toString()).toBe('%PDF-');
		await shoot(page, 'case-documents');

		// a referral to another member's service, found in the returnee's region
		await main.getByRole('link', { name: t('fr', 'return.refer_link') }).click();
		await check(page, 'fr', false);
		const referral = page.getByRole('main');
		// without the agreement nothing is sent
		await referral.locator('input[name="entryId"]').first().check();
		await referral.getByLabel(t('fr', 'return.refer_message')).fill('Accompagnement au montage du micro-projet');
		await referral.getByRole('button', { name: t('fr', 'return.refer_submit') }).click();
		await expect(referral.getByText(t('fr', 'casework.error_agreement')).first().isVisible()).resolves.toBe(true);
		await shoot(page, 'referral');
		await referral.locator('input[name="entryId"]').first().check();
		await referral.getByLabel(t('fr', 'return.refer_message')).fill('Accompagnement au montage du micro-projet');
		await referral.getByLabel(t('fr', 'return.refer_agreed')).check();
		await referral.getByRole('button', { name: t('fr', 'return.refer_submit') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'casework.done_referral_sent'));
		expect(page.url().split('?')[0]).toBe(caseUrl);
		await expect(main.getByText(t('fr', 'casework.referral_status_sent'), { exact: true }).count()).resolves.toBeGreaterThan(0);

		// the 3-month sustainability survey: its personal link goes to the returnee by e-mail
		const before = server().outbox().length;
		const threeMonths = t('fr', 'return.survey_round', { months: 3 });
		await main.getByRole('button', { name: `${t('fr', 'return.survey_send')} — ${threeMonths}` }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.done_survey_sent'));
		// other notices (the referral's) may reach the outbox meanwhile: the one with the survey's link
		const deadline = Date.now() + 5000;
		while (!surveyLink && Date.now() < deadline) {
			const mails = await emailsTo(RETURNEE.email, before);
			surveyLink = mails.flatMap((mail) => mail.links).find((href) => href.includes('/return/survey/')) ?? '';
			if (!surveyLink) await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(surveyLink).toBeTruthy();
		await shoot(page, 'case');
		await page.close();
	});

	test('the returnee answers the 3-month survey through the link, once (ar, phone, axe); the score appears in the case file', { timeout: 180_000 }, async () => {
		const phone = await browser.newPage({ locale: 'ar', phone: true });
		const link = new URL(surveyLink);
		await phone.goto(link.pathname.replace(/^\/fr\//, '/ar/'));
		await check(phone, 'ar');
		await expectPhoneWidthAndLanguageOfParts(phone, 'ar');
		// every question unanswered: all named, nothing kept
		await phone.getByRole('button', { name: t('ar', 'return.survey_submit') }).click();
		await expect(phone.locator('.error-summary li').count()).resolves.toBe(15);
		await shoot(phone, 'survey-refused-ar');
		const questions = await phone.locator('fieldset.question').evaluateAll((sets) => sets.map((set) => set.id.replace('field-', '')));
		// five answered, then saved to finish later: the same link starts from them
		for (const name of questions.slice(0, 5)) await phone.locator(`input[name="${name}"]`).first().check();
		await phone.getByRole('button', { name: t('ar', 'return.survey_save_draft') }).click();
		await expect(phone.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'return.survey_draft_saved', { count: 5, total: 15 }));
		await phone.goto(link.pathname.replace(/^\/fr\//, '/ar/'));
		await expect(phone.locator('fieldset.question input:checked').count()).resolves.toBe(5);
		for (const name of questions) await phone.locator(`input[name="${name}"]`).first().check();
		await phone.getByRole('button', { name: t('ar', 'return.survey_submit') }).click();
		await expect(phone.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'return.survey_thanks'));
		// the link again: already answered, no form
		await phone.goto(link.pathname.replace(/^\/fr\//, '/ar/'));
		await expect(phone.getByText(t('ar', 'return.survey_already_answered')).count()).resolves.toBe(1);
		await expect(phone.locator('form.form').count()).resolves.toBe(0);
		await phone.close();

		const worker = await signedInAs(browser, CASEWORKER, 'fr', false);
		await worker.goto('/fr/return/cases');
		await worker.getByRole('link', { name: RETURNEE.name }).click();
		const row = worker.getByRole('row', { name: new RegExp(t('fr', 'return.survey_round', { months: 3 })) });
		// every first answer is the best one: 100 in each dimension and overall
		await expect(row.textContent()).resolves.toContain('100 · 100 · 100');
		await worker.close();
	});

	test('the returnee reads their follow-up in Arabic; the case worker’s and the secretariat’s pages pass axe', { timeout: 180_000 }, async () => {
		const returnee = await browser.newPage({ locale: 'ar', phone: true });
		await signIn(returnee, 'ar', RETURNEE.email, RETURNEE.password);
		await returnee.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
		await returnee.goto('/ar/my-space');
		await returnee.getByRole('link', { name: t('ar', 'return.space_my_reintegration'), exact: true }).click();
		await check(returnee, 'ar');
		await expectPhoneWidthAndLanguageOfParts(returnee, 'ar');
		await expect(returnee.getByRole('cell', { name: ACTION }).count()).resolves.toBe(1);
		await expect(returnee.getByText(t('ar', 'return.plan_status_in_progress'), { exact: true }).count()).resolves.toBeGreaterThan(0);
		// the case workers' note is not theirs to read
		await expect(returnee.getByText('Premier entretien').count()).resolves.toBe(0);
		await expect(returnee.getByText(t('ar', 'casework.referral_status_sent'), { exact: true }).count()).resolves.toBeGreaterThan(0);
		// the document the case worker added is theirs to download
		const own = await returnee.getByRole('link', { name: 'acte de naissance.pdf' }).getAttribute('href');
		expect((await returnee.request.get(own!)).status()).toBe(200);
		await shoot(returnee, 'mine-ar');
		await returnee.close();

		const worker = await signedInAs(browser, CASEWORKER, 'ar');
		await worker.goto('/ar/return/cases');
		await check(worker, 'ar');
		await worker.getByRole('link', { name: RETURNEE.name }).click();
		await check(worker, 'ar');
		await shoot(worker, 'case-ar');
		await worker.getByRole('link', { name: t('ar', 'return.refer_link') }).click();
		await check(worker, 'ar');
		await worker.goto('/ar/return/cases/new');
		await check(worker, 'ar');
		await shoot(worker, 'new-ar');
		await worker.goto('/ar/return/referrals');
		await check(worker, 'ar');
		await worker.close();

		const secretariat = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await secretariat.goto('/ar/my-space');
		await secretariat.getByRole('link', { name: t('ar', 'return.space_statistics'), exact: true }).click();
		await check(secretariat, 'ar');
		// the real cases only by default: the two above, too few to show; the 300 samples when asked
		const withoutSamples = await secretariat.getByRole('row').count();
		await secretariat.getByRole('link', { name: t('ar', 'return.stats_with_samples_link'), exact: true }).click();
		await check(secretariat, 'ar');
		// and says so, with the way back
		await expect(secretariat.getByRole('link', { name: t('ar', 'return.stats_without_samples_link'), exact: true }).count()).resolves.toBe(1);
		await expect(secretariat.getByRole('heading', { name: exactly(t('ar', 'return.stats_by_operator')) }).count()).resolves.toBe(1);
		await expect(secretariat.getByRole('row').count()).resolves.toBeGreaterThan(Math.max(40, withoutSamples));
		await shoot(secretariat, 'statistics-ar');
		await secretariat.close();
	});
});
