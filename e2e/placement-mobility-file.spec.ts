// International placement, issue 10 item 6: the candidate's side of her mobility file. Two candidates sign up in
// French without JavaScript; the division (the demo counsellor) opens the candidates' pipeline of a new nursing offer
// in Stuttgart from the offer's page (French, without JavaScript, on a phone: a qualified campaign without agency
// quotas), puts them in it and, as a mobility counsellor, takes the first from the candidates nobody follows,
// adds a need with a due date, plans an appointment by video, keeps a private note, adds her diploma as a PDF and
// refers her to a programme. The candidate, in French without JavaScript on a phone, reads on her page the need
// with its due date, the appointment (when, how, what for), the referral, her document — downloaded, its type and
// bytes checked — and how long her file is kept, never the private note; the e-mails about it link to that page.
// The other candidate cannot download her document (404) and sees no follow-up. The same page in Arabic passes axe;
// so does the offer's page in Arabic, with the language-of-parts check (its French texts set apart, names isolated).
// Screenshots at 360 and 1280 px go to test-results/screenshots/placement-mobility-file-*.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { aPdf } from '#platform/testing/pdf.ts';
import { createTranslator } from '#platform/i18n/translator.ts';
import { localDateTimeToInstant } from '#platform/time-zone.ts';
import { apiClient } from './api-client.ts';
import { check, emailsTo, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-mobility-file');
const stamp = Date.now();
const campaignTitle = `Infirmières pour Stuttgart ${stamp}`;
// names sorting after the demo's sample candidates: the caseload spec opens the first of the counsellor's files
const zineb = { name: 'Zineb Idrissi', email: `mobility.zineb.${stamp}@example.ma` };
const yasmine = { name: 'Yasmine Tazi', email: `mobility.yasmine.${stamp}@example.ma` };
const needNote = 'Demande de reconnaissance (Anerkennung) à déposer au Regierungspräsidium Stuttgart (e2e)';
const purpose = 'Préparer l’entretien avec l’hôpital (e2e)';
const privateNote = 'Hésite entre Stuttgart et Munich : note privée (e2e)';
const referralMessage = 'Préparer l’entretien avec l’hôpital de Stuttgart (e2e)';
const programme = 'Atelier CV et entretien';
const diploma = aPdf({ text: 'Diplome d etat infirmier' });
/** A day as YYYY-MM-DD, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const notice = (page: Page) => page.getByRole('status').first().textContent();
const fr = createTranslator('fr');

describe('international placement: the candidate’s mobility file', () => {
	test('the counsellor works on a qualified candidate’s file; she reads it on her page, downloads her document, and nobody else can', { timeout: 400_000 }, async () => {
		// 0. Two candidates sign up in French, without JavaScript (the first on a phone).
		const candidate = await browser.newPage({ locale: 'fr', javaScriptEnabled: false, phone: true });
		await signUpAndConfirm(candidate, 'fr', zineb.name, zineb.email, `Pass-${stamp}-zineb`);
		const other = await browser.newPage({ locale: 'fr', javaScriptEnabled: false });
		await signUpAndConfirm(other, 'fr', yasmine.name, yasmine.email, `Pass-${stamp}-yasmine`);

		// 1. The division: this recruitment's nurses' offer in Stuttgart — the sample offer's terms under this spec's
		// title, written and published through the offers API —, whose candidates' pipeline it opens from the offer's
		// page, in French without JavaScript on a phone: a qualified (individual) offer's campaign, without agency quotas.
		const division = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'fr', false, true);
		const api = apiClient();
		const token = await api.tokenFor('counsellor@demo.sharaka.ma', 'mobility file spec');
		const offers = await api.call('GET', '/api/v1/placement/offers', { token });
		const sample = (offers.json.items as Record<string, unknown>[]).find((item) => item.isSample && String(item.title).startsWith('Infirmière / infirmier en soins généraux'))!;
		// the sample offer already has its pipeline (the demo's qualified campaign): its page links to it, nothing to open
		await division.goto(`/fr/jobs/placement/offers/${sample.id as string}`);
		const samplePipeline = division.getByRole('region', { name: t('fr', 'placement.offer_pipeline_title') });
		await expect(samplePipeline.locator('a[href^="/fr/jobs/placement/campaigns/"]').count()).resolves.toBe(1);
		await expect(samplePipeline.getByRole('button').count()).resolves.toBe(0);
		const { id: _id, status: _status, isSample: _isSample, publishedAt: _publishedAt, createdAt: _createdAt, updatedAt: _updatedAt, ...terms } = sample;
		const written = await api.call('POST', '/api/v1/placement/offers', { token, body: { ...terms, title: campaignTitle, positions: 5 } });
		expect(written.status, written.text).toBe(201);
		const offerId = written.json.id as string;
		const publication = await api.call('POST', `/api/v1/placement/offers/${offerId}/publication`, { token });
		expect(publication.status, publication.text).toBe(200);

		// from the division's space to the offer's page: the pipeline to open, explained
		await division.goto('/fr/jobs/placement/division');
		await division.getByRole('link', { name: campaignTitle }).click();
		await check(division, 'fr', false);
		const pipeline = division.getByRole('region', { name: t('fr', 'placement.offer_pipeline_title') });
		await expect(pipeline.textContent()).resolves.toContain(t('fr', 'placement.offer_pipeline_intro'));
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'offer-pipeline-fr');
		await pipeline.getByRole('button', { name: t('fr', 'placement.offer_pipeline_open') }).click();
		// the campaign's page: the offer's title, country and city, its positions, every one with the division
		const campaignPath = new URL(division.url()).pathname;
		expect(campaignPath).toMatch(/^\/fr\/jobs\/placement\/campaigns\/[0-9a-f-]{36}$/);
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.pipeline_opened'));
		await expect(division.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(campaignTitle);
		const summary = (await division.getByRole('main').textContent()) ?? '';
		for (const part of [t('fr', 'placement.channel_individual'), 'Allemagne', 'Stuttgart', t('fr', 'campaigns.unallocated', { count: 5 })]) expect(summary).toContain(part);
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'campaign-opened-fr');
		// the offer's page now links to its campaign, with nothing left to open
		await division.goto(`/fr/jobs/placement/offers/${offerId}`);
		await expect(pipeline.getByRole('link', { name: campaignTitle }).getAttribute('href')).resolves.toBe(campaignPath);
		await expect(pipeline.getByRole('button').count()).resolves.toBe(0);
		await shoot(division, 'offer-linked-fr');
		// the same page in Arabic, with JavaScript, passes axe and the language-of-parts check: the offer's French title
		// (in the heading, the campaign's link) and texts set apart in French, the organisation's and counsellor's names isolated
		const divisionAr = await browser.newPage({ locale: 'ar', storageState: await division.context().storageState() });
		await divisionAr.goto(`/ar/jobs/placement/offers/${offerId}`);
		await check(divisionAr, 'ar');
		await expect(divisionAr.getByRole('region', { name: t('ar', 'placement.offer_pipeline_title') }).getByRole('link', { name: campaignTitle }).getAttribute('lang')).resolves.toBe('fr');
		await expect(divisionAr.getByRole('heading', { level: 1 }).locator('[lang="fr"]').textContent()).resolves.toBe(campaignTitle);
		await expectPhoneWidthAndLanguageOfParts(divisionAr, 'ar');
		await shoot(divisionAr, 'offer-linked-ar');
		await divisionAr.close();

		// both candidates added on its page by the division itself
		await division.goto(campaignPath);
		const addForm = division.locator('form[action="?/add"]');
		await addForm.getByLabel(t('fr', 'campaigns.field_source_agency'), { exact: true }).selectOption({ label: t('fr', 'campaigns.division_option') });
		await addForm.getByLabel(t('fr', 'campaigns.field_emails'), { exact: true }).fill(`${zineb.email}\n${yasmine.email}`);
		await addForm.getByRole('button', { name: t('fr', 'campaigns.add_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.added', { added: 2, already: 0 }));

		// 2. The counsellor takes Zineb from the candidates nobody follows, then opens her file from her own list.
		await division.goto('/fr/jobs/placement/caseload?show=unassigned');
		await division.getByRole('row').filter({ hasText: zineb.name }).getByRole('button', { name: t('fr', 'mobility.take') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'mobility.done_taken'));
		await division.goto('/fr/jobs/placement/caseload');
		await division.getByRole('table').getByRole('link', { name: zineb.name }).click();
		await check(division, 'fr', false);
		const filePath = new URL(division.url()).pathname;

		// 3. Her file: a need with a due date and a note she will read
		const dueOn = day(45);
		const needForm = division.locator('form[action="?/need"]');
		await needForm.getByLabel(t('fr', 'casework.need_kind_label'), { exact: true }).selectOption('diploma_recognition');
		await needForm.getByLabel(t('fr', 'casework.need_due_label'), { exact: true }).fill(dueOn);
		await needForm.getByLabel(t('fr', 'casework.need_note_label'), { exact: true }).fill(needNote);
		await needForm.getByRole('button', { name: t('fr', 'casework.need_add') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'casework.done_need_added'));

		// an appointment by video in four days at 14:30 (Morocco time): she is e-mailed
		const startsAt = `${day(4)}T14:30`;
		const mailsBefore = server().outbox().length;
		const appointmentForm = division.locator('form[action="?/appointment"]');
		await appointmentForm.getByLabel(t('fr', 'casework.field_starts_at'), { exact: true }).fill(startsAt);
		await appointmentForm.getByLabel(t('fr', 'casework.field_mode'), { exact: true }).selectOption('video');
		await appointmentForm.getByLabel(t('fr', 'casework.field_purpose'), { exact: true }).fill(purpose);
		await appointmentForm.getByRole('button', { name: t('fr', 'casework.appointment_plan') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'casework.done_appointment_planned'));

		// a private note: for the staff only
		const noteForm = division.locator('form[action="?/note"]');
		await noteForm.getByLabel(t('fr', 'casework.note_label'), { exact: true }).fill(privateNote);
		await noteForm.getByRole('button', { name: t('fr', 'casework.note_add') }).click();
		await expect(division.getByText(privateNote).count()).resolves.toBe(1);

		// her diploma as a PDF
		const documentForm = division.locator('form[action="?/document"]');
		await documentForm.getByLabel(t('fr', 'casework.document_kind'), { exact: true }).selectOption('education');
		await documentForm.getByLabel(t('fr', 'casework.document_file'), { exact: true }).setInputFiles({ name: 'diplome-infirmier-zineb.pdf', mimeType: 'application/pdf', buffer: diploma });
		await documentForm.getByRole('button', { name: t('fr', 'casework.document_add') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'casework.done_document_added'));

		// a referral to a programme of the directory in Rabat, with her agreement
		await division.getByRole('link', { name: t('fr', 'counsellors.refer_link') }).click();
		await division.getByLabel(t('fr', 'support.programmes_filter_region')).selectOption('MA-04');
		await division.getByRole('button', { name: t('fr', 'common.search'), exact: true }).click();
		await division.getByRole('radio', { name: programme }).check();
		await division.getByLabel(t('fr', 'casework.referral_kind')).selectOption('training');
		await division.getByLabel(t('fr', 'counsellors.refer_message')).fill(referralMessage);
		await division.getByLabel(t('fr', 'counsellors.refer_agreed')).check();
		await division.getByRole('button', { name: t('fr', 'counsellors.refer_submit') }).click();
		expect(new URL(division.url()).pathname).toBe(filePath);
		await expect(notice(division)).resolves.toContain(t('fr', 'casework.done_referral_sent'));
		await division.close();

		// the e-mails of the appointment and the referral, in French, lead to her page
		const mails = await emailsTo(zineb.email, mailsBefore, 2);
		expect(mails.map((mail) => mail.language)).toEqual(['fr', 'fr']);
		for (const mail of mails) expect(mail.links.some((href) => href.endsWith('/fr/jobs/placement/mine'))).toBe(true);

		// 4. Zineb, in French without JavaScript on a phone, reads her follow-up on her page.
		await candidate.goto('/fr/jobs/placement/mine');
		await check(candidate, 'fr', false);
		const followUp = candidate.getByRole('region', { name: t('fr', 'mobility.my_title') });
		// the need, with its due date and its note
		const need = followUp.getByRole('listitem').filter({ has: candidate.getByRole('heading', { name: t('fr', 'mobility.need_kind_diploma_recognition') }) });
		const needText = (await need.textContent()) ?? '';
		expect(needText).toContain(t('fr', 'casework.need_status_open'));
		expect(needText).toContain(t('fr', 'casework.need_due', { date: fr.date(`${dueOn}T12:00:00Z`, { dateStyle: 'medium' }) }));
		expect(needText).toContain(needNote);
		// the appointment: when (Morocco time), how, what for, with whom
		const appointment = (await followUp.getByRole('row').filter({ hasText: purpose }).textContent()) ?? '';
		expect(appointment).toContain(fr.dateTime(localDateTimeToInstant(startsAt)));
		expect(appointment).toContain(t('fr', 'casework.mode_video'));
		expect(appointment).toContain(t('fr', 'casework.appointment_status_planned'));
		expect(appointment).toContain('Salma Conseillère (exemple)');
		// the referral: the programme, its status, the message
		const referral = (await followUp.getByRole('listitem').filter({ has: candidate.getByRole('heading', { name: programme }) }).textContent()) ?? '';
		expect(referral).toContain(t('fr', 'casework.referral_status_sent'));
		expect(referral).toContain(referralMessage);
		expect(referral).toContain(t('fr', 'casework.kind_training'));
		// how long the file is kept
		await expect(candidate.locator('#mobility-retention').textContent()).resolves.toContain(t('fr', 'mobility.retention_note', { months: 12 }));
		// never the private note
		await expect(candidate.getByRole('main').textContent()).resolves.not.toContain(privateNote);
		await expectPhoneWidthAndLanguageOfParts(candidate, 'fr');
		await shoot(candidate, 'mine-fr');

		// her document: the PDF as the counsellor added it, an attachment
		const documentLink = followUp.getByRole('link', { name: 'diplome-infirmier-zineb.pdf' });
		const documentHref = new URL((await documentLink.getAttribute('href'))!, candidate.url()).toString();
		expect(new URL(documentHref).pathname).toMatch(/^\/fr\/jobs\/placement\/mine\/documents\/[^/]+$/);
		const download = await candidate.context().request.get(documentHref);
		expect(download.status()).toBe(200);
		expect(download.headers()['content-type']).toBe('application/pdf');
		expect(download.headers()['content-disposition']).toContain('attachment');
		expect(Buffer.compare(await download.body(), diploma)).toBe(0);

		// 5. Yasmine, in the same campaign, cannot download it and has no follow-up on her page.
		const refused = await other.context().request.get(documentHref);
		expect(refused.status()).toBe(404);
		await other.goto('/fr/jobs/placement/mine');
		await expect(other.getByRole('main').textContent()).resolves.toContain(campaignTitle);
		await expect(other.getByRole('region', { name: t('fr', 'mobility.my_title') }).count()).resolves.toBe(0);
		await other.close();

		// 6. The same page in Arabic, with JavaScript, passes axe.
		const arabic = await browser.newPage({ locale: 'ar', storageState: await candidate.context().storageState() });
		await arabic.goto('/ar/jobs/placement/mine');
		await check(arabic, 'ar');
		await expect(arabic.getByRole('region', { name: t('ar', 'mobility.my_title') }).textContent()).resolves.toContain(t('ar', 'casework.mode_video'));
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'mine-ar');
		await arabic.close();
		await candidate.close();
	});
});
