// A library document's history: the demo moderator (a Knowledge editor) publishes a guide with its PDF,
// the demo partner proposes a second edition with another PDF that the editor approves; in French without
// JavaScript the editor reads the history, opens the confirmation of restoring version 1 and restores it
// (a second confirmation left open meanwhile is then refused as stale); the search follows the restored
// PDF. In Arabic a visitor reads the history (without people's names) and the editor the confirmation,
// axe-clean. Screenshots at 360 and 1280 px go to test-results/screenshots/knowledge-history-*.
import { describe, expect, test } from 'vitest';
import { aPdf } from '#platform/testing/pdf.ts';
import { server, t, useBrowser } from './harness.ts';
import { check, screenshotsFor, signedInAs } from './flows.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('knowledge-history');
const stamp = Date.now();
const title = `Guide de l’accueil à Tanger ${stamp}`;
const secondTitle = `${title} (2e édition)`;

/** The library's search (the API) for these words, polled until the job queue has read the PDFs (≤ 60 s). */
async function searchUntil(words: string, wanted: number) {
	let total = -1;
	for (let tries = 0; tries < 60; tries++) {
		total = (await fetch(url(`/api/v1/knowledge/documents?q=${encodeURIComponent(words)}`)).then((answer) => answer.json())).total;
		if (total === wanted) return total;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	return total;
}

describe('a library document’s history and restore', () => {
	test('an editor restores version 1 without JavaScript (fr); a stale confirmation is refused; the history reads in Arabic, axe-clean', { timeout: 240_000 }, async () => {
		// 1. Version 1: the editor publishes a guide with its PDF (French, no JavaScript).
		const editor = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		await editor.goto('/fr/knowledge/propose');
		await editor.getByLabel(t('fr', 'knowledge.field_title_fr')).fill(title);
		await editor.getByLabel(t('fr', 'knowledge.field_type')).selectOption('guide');
		await editor.getByLabel(t('fr', 'knowledge.field_file'), { exact: true }).setInputFiles({ name: 'guide-2024.pdf', mimeType: 'application/pdf', buffer: aPdf({ text: `Kasbah des Oudayas ${stamp}` }) });
		await editor.getByRole('button', { name: t('fr', 'knowledge.publish_submit') }).click();
		const slug = (await editor.getByRole('status').getByRole('link').textContent())!.trim();
		expect(await searchUntil(`kasbah ${stamp}`, 1)).toBe(1);

		// 2. Version 2: the partner proposes a second edition with another PDF; the editor approves it.
		const partner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false, true);
		await partner.goto(`/fr/knowledge/documents/${slug}/propose`);
		await partner.getByLabel(t('fr', 'knowledge.field_title_fr')).fill(secondTitle);
		await partner.getByLabel(t('fr', 'knowledge.field_file'), { exact: true }).setInputFiles({ name: 'guide-2025.pdf', mimeType: 'application/pdf', buffer: aPdf({ text: `Medina de Tanger ${stamp}` }) });
		await partner.getByLabel(t('fr', 'knowledge.field_comment')).fill('Deuxième édition');
		await partner.getByRole('button', { name: t('fr', 'knowledge.propose_submit') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'knowledge.propose_done'));
		await editor.goto('/fr/knowledge/moderation');
		await editor.getByRole('link', { name: secondTitle }).click();
		await editor.getByRole('button', { name: t('fr', 'moderation.action_approve') }).click();
		await expect(editor.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'knowledge.done_approved', { version: 2 }));
		expect(await searchUntil(`kasbah ${stamp}`, 0)).toBe(0);
		expect(await searchUntil(`medina ${stamp}`, 1)).toBe(1);

		// 3. The history, from the document's page: two versions, the second's changes field by field, names for the editor.
		await editor.goto(`/fr/knowledge/documents/${slug}`);
		await editor.getByRole('link', { name: t('fr', 'knowledge.history_link') }).click();
		await check(editor, 'fr', false);
		await expect(editor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'knowledge.history_title', { title: `\u2068${secondTitle}\u2069` }));
		const versions = editor.getByRole('table', { name: t('fr', 'knowledge.history_caption') });
		await expect(versions.getByRole('row').count()).resolves.toBe(3);
		await expect(versions.getByRole('columnheader', { name: t('fr', 'knowledge.history_col_proposer') }).count()).resolves.toBe(1);
		await expect(versions.getByRole('row').nth(1).textContent()).resolves.toContain('Deuxième édition');
		const changes = editor.getByRole('table', { name: t('fr', 'knowledge.history_changes_caption', { version: 2, previous: 1 }) });
		await expect(changes.textContent()).resolves.toContain('guide-2024.pdf (1 page)');
		await expect(changes.textContent()).resolves.toContain('guide-2025.pdf (1 page)');

		// 4. The confirmation of restoring version 1, opened from the table, says what restoring changes; the same
		// confirmation is also left open in another tab (confirmed on version 2).
		const otherTab = await editor.context().newPage();
		await editor.getByRole('link', { name: t('fr', 'knowledge.history_restore_link', { number: 1 }) }).click();
		await otherTab.goto(editor.url());
		await expect(editor.getByRole('heading', { name: t('fr', 'knowledge.history_restore_title', { number: 1 }) }).count()).resolves.toBe(1);
		const restoring = editor.getByRole('table', { name: t('fr', 'knowledge.history_restore_changes', { current: 2, number: 1 }) });
		await expect(restoring.textContent()).resolves.toContain(secondTitle);
		await expect(editor.getByText(t('fr', 'knowledge.history_restore_file')).count()).resolves.toBe(1);
		await shoot(editor, 'confirm-fr');
		await editor.getByLabel(t('fr', 'knowledge.history_restore_comment')).fill('La deuxième édition est retirée');
		await editor.getByRole('button', { name: t('fr', 'knowledge.history_restore_submit', { number: 1 }) }).click();

		// 5. Restored as version 3: said at the top, in the table, on the document's page; nothing is lost.
		await expect(editor.getByRole('status').first().textContent()).resolves.toBe(t('fr', 'knowledge.history_restored', { number: 1, version: 3 }));
		await check(editor, 'fr', false);
		await expect(versions.getByRole('row').count()).resolves.toBe(4);
		await expect(versions.getByRole('row').nth(1).textContent()).resolves.toContain(t('fr', 'knowledge.history_restored_from', { number: 1 }));
		await expect(versions.getByRole('row').nth(1).textContent()).resolves.toContain('La deuxième édition est retirée');
		await shoot(editor, 'restored-fr');
		const api = await fetch(url(`/api/v1/knowledge/documents/${slug}`)).then((answer) => answer.json());
		expect(api).toMatchObject({ version: 3, title: { fr: title } });
		// the search follows the restored PDF once its text is read again
		expect(await searchUntil(`kasbah ${stamp}`, 1)).toBe(1);
		expect(await searchUntil(`medina ${stamp}`, 0)).toBe(0);

		// 6. The other tab confirmed on version 2: refused with its reason, nothing written.
		await otherTab.getByRole('button', { name: t('fr', 'knowledge.history_restore_submit', { number: 1 }) }).click();
		await expect(otherTab.getByRole('alert').first().textContent()).resolves.toContain(t('fr', 'knowledge.history_error_stale', { current: 3 }));
		expect((await fetch(url(`/api/v1/knowledge/documents/${slug}`)).then((answer) => answer.json())).version).toBe(3);

		// 7. In Arabic: a visitor reads the history (organisations, no people's names); the editor's confirmation passes axe too.
		const visitor = await browser.newPage({ locale: 'ar-MA' });
		await visitor.goto(`/ar/knowledge/documents/${slug}/history`);
		await check(visitor, 'ar');
		const table = visitor.getByRole('table', { name: t('ar', 'knowledge.history_caption') });
		await expect(table.getByRole('row').count()).resolves.toBe(4);
		await expect(table.getByRole('columnheader', { name: t('ar', 'knowledge.history_col_proposer') }).count()).resolves.toBe(0);
		await expect(visitor.getByRole('link', { name: t('ar', 'knowledge.history_restore_link', { number: 1 }) }).count()).resolves.toBe(0);
		await visitor.getByRole('link', { name: t('ar', 'knowledge.history_version', { version: '2' }) }).click();
		await check(visitor, 'ar');
		await shoot(visitor, 'visitor-ar');
		const arabicEditor = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await arabicEditor.goto(`/ar/knowledge/documents/${slug}/history?restore=2#restore`);
		await check(arabicEditor, 'ar');
		await expect(arabicEditor.getByRole('button', { name: t('ar', 'knowledge.history_restore_submit', { number: 2 }) }).count()).resolves.toBe(1);
		await shoot(arabicEditor, 'confirm-ar');
	});
});
