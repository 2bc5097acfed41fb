// International placement, issue 10 item 6: the mobility counsellors' caseload. The demo counsellor (who holds the
// division's grant, and so is a mobility counsellor too) opens her qualified candidates in French without
// JavaScript on a phone, downloads the list as CSV, opens a candidate's file, adds a need, plans an appointment and
// adds a document she then downloads;
// the API gives the same list and file. Then the list and the file in Arabic pass axe. Screenshots at 360 and
// 1280 px go to test-results/screenshots/placement-caseload-*.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { aPdf } from '#platform/testing/pdf.ts';
import { check, checkEach, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-caseload');
const counsellor = 'counsellor@demo.sharaka.ma';
const notice = (page: Page) => page.getByRole('status').first().textContent();

describe('international placement: the mobility counsellors’ caseload', () => {
	let filePath = '';

	test('the counsellor opens her candidates and a file, adds a need and plans an appointment (French, no JavaScript, phone)', { timeout: 300_000 }, async () => {
		const page = await signedInAs(browser, counsellor, 'fr', false, true);
		await page.goto('/fr/jobs/placement/caseload');
		await check(page, 'fr', false);
		// the demo's three sample candidates assigned to her (and any candidate another spec of the run had her take)
		const rows = page.getByRole('table').locator('tbody tr');
		const followed = await rows.count();
		await expect(rows.filter({ has: page.locator('th .badge', { hasText: t('fr', 'casework.sample_badge') }) }).count()).resolves.toBe(3);
		await expect(page.getByRole('status').filter({ hasText: t('fr', 'mobility.count', { count: followed }) }).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(page, 'fr');
		await shoot(page, 'list-fr');

		// the list as CSV, with the page's filters (an audited read)
		const csvHref = await page.getByRole('link', { name: t('fr', 'mobility.export_csv') }).getAttribute('href');
		const csv = await page.context().request.get(new URL(csvHref!, page.url()).toString());
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		expect(text).toContain(t('fr', 'mobility.col_needs_done'));
		expect(text.trim().split('\n')).toHaveLength(followed + 1);

		// a candidate's file: the first one
		await page.getByRole('table').getByRole('link').first().click();
		filePath = new URL(page.url()).pathname;
		await check(page, 'fr', false);
		// how long the file is kept once the candidate's opportunities are all closed
		await expect(page.locator('#retention').textContent()).resolves.toContain(t('fr', 'mobility.retention_staff', { months: 12 }));

		// a need: documents to gather, with a due date
		const needForm = page.locator('form[action="?/need"]');
		await needForm.getByLabel(t('fr', 'casework.need_kind_label'), { exact: true }).selectOption('documents');
		await needForm.getByLabel(t('fr', 'casework.need_due_label'), { exact: true }).fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
		await needForm.getByLabel(t('fr', 'casework.need_note_label'), { exact: true }).fill('Casier judiciaire traduit (e2e)');
		await needForm.getByRole('button', { name: t('fr', 'casework.need_add') }).click();
		await expect(notice(page)).resolves.toContain(t('fr', 'casework.done_need_added'));
		await expect(page.getByText('Casier judiciaire traduit (e2e)').count()).resolves.toBeGreaterThan(0);

		// an appointment: tomorrow 10:00 (the field's default), by video
		const appointmentForm = page.locator('form[action="?/appointment"]');
		await appointmentForm.getByLabel(t('fr', 'casework.field_mode'), { exact: true }).selectOption('video');
		await appointmentForm.getByLabel(t('fr', 'casework.field_purpose'), { exact: true }).fill('Point sur la reconnaissance du diplôme (e2e)');
		await appointmentForm.getByRole('button', { name: t('fr', 'casework.appointment_plan') }).click();
		await expect(notice(page)).resolves.toContain(t('fr', 'casework.done_appointment_planned'));
		await expect(page.getByText('Point sur la reconnaissance du diplôme (e2e)').count()).resolves.toBeGreaterThan(0);

		// a document: her diploma as a PDF (a plain multipart form), then downloaded from the file
		// (its own field ids: the needs' form on the same page has a `kind` too) — a renamed web page refused on the field first
		const documentForm = page.locator('form[action="?/document"]');
		await documentForm.getByLabel(t('fr', 'casework.document_kind'), { exact: true }).selectOption('education');
		await documentForm.getByLabel(t('fr', 'casework.document_file'), { exact: true }).setInputFiles({ name: 'diplome.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>not a pdf</html>') });
		await documentForm.getByRole('button', { name: t('fr', 'casework.document_add') }).click();
		await expect(page.locator('.error-summary a[href="#field-document-file"]').textContent()).resolves.toContain(t('fr', 'casework.error_document_type'));
		await expect(page.locator('#field-document-file-error').textContent()).resolves.toContain(t('fr', 'casework.error_document_type'));
		await expect(page.locator('[id="field-kind"]').count()).resolves.toBe(1);
		await documentForm.getByLabel(t('fr', 'casework.document_kind'), { exact: true }).selectOption('education');
		await documentForm.getByLabel(t('fr', 'casework.document_file'), { exact: true }).setInputFiles({ name: 'diplome-infirmier-e2e.pdf', mimeType: 'application/pdf', buffer: aPdf({ text: 'Diplome' }) });
		await documentForm.getByRole('button', { name: t('fr', 'casework.document_add') }).click();
		await expect(notice(page)).resolves.toContain(t('fr', 'casework.done_document_added'));
		const documentHref = await page.getByRole('link', { name: 'diplome-infirmier-e2e.pdf' }).getAttribute('href');
		const download = await page.context().request.get(new URL(documentHref!, page.url()).toString());
		expect(download.status()).toBe(200);
		expect(download.headers()['content-type']).toBe('application/pdf');
		await expectPhoneWidthAndLanguageOfParts(page, 'fr');
		await shoot(page, 'file-fr');

		// the API with her session: the same file, the new need and appointment in it
		const personId = filePath.split('/').at(-1)!;
		const api = await page.context().request.get(new URL(`/api/v1/placement/caseload/${personId}`, page.url()).toString());
		expect(api.status()).toBe(200);
		const file = (await api.json()) as { needs: { kind: string; note: string }[]; appointments: { purpose: string }[] };
		expect(file.needs.some((need) => need.kind === 'documents' && need.note === 'Casier judiciaire traduit (e2e)')).toBe(true);
		expect(file.appointments.some((row) => row.purpose === 'Point sur la reconnaissance du diplôme (e2e)')).toBe(true);
		await page.close();
	});

	test('the list and the file in Arabic pass axe', { timeout: 300_000 }, async () => {
		expect(filePath).not.toBe('');
		const page = await signedInAs(browser, counsellor, 'ar');
		await checkEach(
			page,
			'ar',
			[
				['/ar/jobs/placement/caseload', 'list-ar'],
				[filePath.replace('/fr/', '/ar/'), 'file-ar']
			],
			shoot
		);
		await page.close();
	});
});
