// The library: the demo partner proposes a study with its PDF in French without JavaScript (a file that
// is not a PDF is refused first), the demo moderator publishes it from the queue in Arabic (axe-core), the
// job queue extracts its text (a word of the PDF then finds it with a snippet and its page), a visitor
// finds it by French words without accents and by its Arabic title, opens it and downloads its citation. Screenshots at 360 and 1280 px go to test-results/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { aPdf } from '#platform/testing/pdf.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, server, signIn, t, useBrowser, savesScreenshots } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const stamp = Date.now();
const title = `Étude sur l’emploi des migrants régularisés ${stamp}`;
const arabicTitle = `دراسة حول تشغيل المهاجرين ${stamp}`;
const screenshots = path.resolve('test-results/screenshots');
fs.mkdirSync(screenshots, { recursive: true });

async function signInAs(page: Page, language: 'fr' | 'ar', email: string) {
	await signIn(page, language, email, DEMO_PASSWORD);
	await page.waitForURL((address) => !address.pathname.includes('/account/sign-in'));
}

async function shoot(page: Page, name: string) {
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 800 });
		if (savesScreenshots) await page.screenshot({ path: path.join(screenshots, `knowledge-${name}-${width}.png`), fullPage: true });
	}
}

describe('the Knowledge library', () => {
	test('a partner proposes a study with its PDF (fr, no JavaScript), the editor publishes it (ar, axe), its text becomes searchable, a visitor finds and cites it', { timeout: 180_000 }, async () => {
		// 1. The demo partner, without JavaScript, in French, on a phone.
		const partner = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await signInAs(partner, 'fr', 'partner@demo.sharaka.ma');
		await partner.goto('/fr/knowledge/propose');
		await expectLanguage(partner, 'fr');
		await partner.getByLabel(t('fr', 'knowledge.field_title_fr')).fill(title);
		await partner.getByLabel(t('fr', 'knowledge.field_title_ar')).fill(arabicTitle);
		await partner.getByLabel(t('fr', 'knowledge.field_type')).selectOption('study');
		await partner.getByLabel(t('fr', 'knowledge.field_authors')).fill('Équipe de recherche e2e');
		// a text file named .pdf: refused by its content, the typed fields kept
		await partner.getByLabel(t('fr', 'knowledge.field_file'), { exact: true }).setInputFiles({ name: 'etude.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>pas un PDF</html>') });
		await partner.getByRole('button', { name: t('fr', 'knowledge.propose_submit') }).click();
		await expect(partner.getByText(t('fr', 'knowledge.error_document_not_pdf')).first().isVisible()).resolves.toBe(true);
		await expect(partner.getByLabel(t('fr', 'knowledge.field_title_fr')).inputValue()).resolves.toBe(title);
		// the real PDF
		await partner.getByLabel(t('fr', 'knowledge.field_file'), { exact: true }).setInputFiles({ name: 'etude.pdf', mimeType: 'application/pdf', buffer: aPdf({ text: `Palmeraies de Figuig ${stamp}` }) });
		await partner.getByRole('button', { name: t('fr', 'knowledge.propose_submit') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'knowledge.propose_done'));
		await expectNoRawMessageKeys(partner);
		// not public before an editor publishes it
		const before = await fetch(url(`/api/v1/knowledge/documents?q=${stamp}`)).then((answer) => answer.json());
		expect(before.total).toBe(0);

		// 2. The demo moderator (an editor of the library), in Arabic, with axe-core.
		const editor = await browser.newPage({ locale: 'ar-MA' });
		await signInAs(editor, 'ar', 'moderator@demo.sharaka.ma');
		await editor.goto('/ar/knowledge/moderation');
		await expectLanguage(editor, 'ar');
		await expectNoAxeViolations(editor);
		await editor.getByRole('link', { name: title }).click();
		await expect(editor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ar', 'knowledge.review_title', { title: `\u2068${title}\u2069` }));
		await expectNoAxeViolations(editor);
		// the editor reads the proposed PDF before deciding
		const proposed = await editor.request.get(new URL((await editor.getByRole('link', { name: /etude\.pdf/ }).getAttribute('href'))!, url('/')).toString());
		expect(proposed.headers()['content-type']).toBe('application/pdf');
		await shoot(editor, 'review-ar');
		await editor.getByRole('button', { name: t('ar', 'moderation.action_approve') }).click();
		await expect(editor.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'knowledge.done_approved', { version: 1 }).split('(')[0].trim());

		// 3. Its text becomes searchable once the job queue has read the PDF: a word found only in its text
		// (in the singular: French stems) finds it, with a snippet and its page number.
		let found: { total: number; items: { snippet: { page: number; text: string } | null }[] } = { total: 0, items: [] };
		for (let tries = 0; tries < 60 && found.total === 0; tries++) {
			found = await fetch(url(`/api/v1/knowledge/documents?q=${encodeURIComponent(`palmeraie ${stamp}`)}`)).then((answer) => answer.json());
			if (found.total === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		expect(found.items[0].snippet).toMatchObject({ page: 1 });
		expect(found.items[0].snippet!.text).toContain(String(stamp));

		// 4. A visitor finds it in French without accents (no JavaScript) and opens it.
		const visitor = await browser.newPage({ javaScriptEnabled: false });
		await visitor.goto(`/fr/knowledge?q=${encodeURIComponent(`regularises ${stamp}`)}`);
		await visitor.getByRole('link', { name: title }).click();
		await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
		const pdfLink = visitor.getByRole('link', { name: new RegExp('PDF') });
		const pdfAnswer = await fetch(new URL((await pdfLink.getAttribute('href'))!, url('/')));
		expect(pdfAnswer.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await pdfAnswer.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
		const ris = await fetch(new URL((await visitor.getByRole('link', { name: t('fr', 'knowledge.cite_ris') }).getAttribute('href'))!, url('/'))).then((answer) => answer.text());
		expect(ris).toContain(`TI  - ${title}`);
		const jsonLd = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent())!);
		expect(jsonLd).toMatchObject({ '@type': 'Report', name: title });
		await shoot(visitor, 'document-fr');

		// 5. In Arabic, its Arabic title finds it; the list passes axe-core.
		const arabic = await browser.newPage({ locale: 'ar-MA' });
		await arabic.goto(`/ar/knowledge?q=${encodeURIComponent(arabicTitle)}`);
		await expectLanguage(arabic, 'ar');
		await expect(arabic.getByRole('link', { name: arabicTitle }).count()).resolves.toBe(1);
		await expectNoAxeViolations(arabic);
		await shoot(arabic, 'list-ar');
	});

	test('the library lists the real deliverables with their sources and filters by type (fr)', async () => {
		const page = await browser.newPage();
		await page.goto('/fr/knowledge?type=guide');
		await page.getByRole('link', { name: 'Guide de l’intervenant : plan de retour d’urgence des MRE' }).click();
		await expect(page.getByText('annexe 3.4').first().isVisible()).resolves.toBe(true);
		await expectNoAxeViolations(page);
		await page.goto('/fr/knowledge');
		await shoot(page, 'list-fr');
	});
});
