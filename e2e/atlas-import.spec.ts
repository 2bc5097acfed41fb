// Atlas imports: the demo partner uploads a real-looking IATI file in French without JavaScript, sees every
// activity (new, known, outside Morocco), chooses and applies; the activities become proposals the moderators
// find in their queue. In Arabic, with axe-core, the demo moderator uploads and publishes at once. A hostile
// file is refused with a clear message, and a 200 MB body is cut short with 413.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import type { Language } from '#platform/i18n/languages.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, server, signIn, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const fixture = fs.readFileSync(path.resolve('src/modules/atlas/import/fixtures/giz-iom-morocco.xml'), 'utf8');

/** The fixture with identifiers and titles of its own, so each test's activities are new. */
function variant(tag: string): Buffer {
	return Buffer.from(
		fixture
			.replaceAll('-TEST-', `-E2E${tag}-`)
			.replace('Centre marocain-allemand pour l’emploi, la migration et la réintégration', `Centre marocain-allemand pour l’emploi ${tag}`)
			.replace('Moroccan-German Centre for Jobs, Migration and Reintegration', `Moroccan-German Centre for Jobs ${tag}`)
	);
}

async function signInAs(page: Page, language: Language, email: string) {
	await signIn(page, language, email, DEMO_PASSWORD);
	await page.waitForURL((address) => !address.pathname.includes('/account/sign-in'));
}

async function upload(page: Page, language: Language, name: string, buffer: Buffer, mimeType = 'application/xml') {
	await page.getByLabel(t(language, 'atlas_import.field_file'), { exact: true }).setInputFiles({ name, mimeType, buffer });
	await page.getByRole('button', { name: t(language, 'atlas_import.upload_submit'), exact: true }).click();
}

/** Reloads until the import has finished (the page also refreshes itself, without JavaScript too). */
async function waitUntilDone(page: Page) {
	const deadline = Date.now() + 30_000;
	while (await page.locator('#import-progress').count()) {
		if (Date.now() > deadline) throw new Error('the import did not finish');
		await page.waitForTimeout(500);
		await page.reload();
	}
}

describe('Atlas imports', () => {
	test('a partner imports an IATI file in French without JavaScript: preview, choice, proposals', async () => {
		const tag = Date.now().toString(36);
		const page = await browser.newPage({ javaScriptEnabled: false });
		await signInAs(page, 'fr', 'partner@demo.sharaka.ma');
		// the Atlas links proposers to the imports
		await page.goto('/fr/atlas');
		await page.getByRole('link', { name: t('fr', 'atlas_import.nav_link'), exact: true }).click();
		expect(new URL(page.url()).pathname).toBe('/fr/atlas/imports');
		await expectLanguage(page, 'fr');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'atlas_import.imports_title'));
		await expect(page.textContent('main')).resolves.toContain(t('fr', 'atlas_import.imports_publish_partner'));

		await upload(page, 'fr', 'giz-iom-maroc.xml', variant(tag));
		expect(new URL(page.url()).pathname).toMatch(/^\/fr\/atlas\/imports\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'atlas_import.import_title', { file: 'giz-iom-maroc.xml' }));
		await expectNoRawMessageKeys(page);
		const table = page.getByRole('table', { name: t('fr', 'atlas_import.preview_caption', { from: 1, to: 3, total: 3 }) });
		const rows = table.locator('tbody tr');
		await expect(rows.count()).resolves.toBe(3);
		const gizRow = rows.filter({ hasText: `Centre marocain-allemand pour l’emploi ${tag}` });
		await expect(gizRow.textContent()).resolves.toContain(`XM-DAC-5-7-E2E${tag}-2019.2145.7`);
		await expect(gizRow.textContent()).resolves.toContain('15190');
		await expect(gizRow.textContent()).resolves.toContain(t('fr', 'atlas.theme_legal_migration'));
		await expect(gizRow.textContent()).resolves.toContain(t('fr', 'atlas_import.state_new'));
		const sahelRow = rows.filter({ hasText: 'Labour mobility and skills partnerships in the Sahel' });
		await expect(sahelRow.textContent()).resolves.toContain(t('fr', 'atlas_import.badge_not_morocco'));
		const sahelBox = sahelRow.getByRole('checkbox');
		await expect(sahelBox.isChecked()).resolves.toBe(false);
		await expect(gizRow.getByRole('checkbox').isChecked()).resolves.toBe(true);
		// leave the IOM activity out too, then propose
		await rows.filter({ hasText: 'Réintégration durable des migrants de retour au Maroc' }).getByRole('checkbox').uncheck();
		await page.getByRole('button', { name: t('fr', 'atlas_import.apply_propose'), exact: true }).click();
		await waitUntilDone(page);
		await expect(page.textContent('main')).resolves.toContain(
			t('fr', 'atlas_import.done_notice', { created: 0, updated: 0, proposed: 1, unchanged: 0, failed: 0 })
		);
		await expect(page.getByRole('table').locator('tbody tr').filter({ hasText: `Centre marocain-allemand pour l’emploi ${tag}` }).textContent()).resolves.toContain(
			t('fr', 'atlas_import.outcome_proposed')
		);
		await expectNoRawMessageKeys(page);
		await page.context().close();

		// the moderators find the proposal in their queue
		const moderator = await browser.newPage();
		await signInAs(moderator, 'fr', 'moderator@demo.sharaka.ma');
		await moderator.goto('/fr/atlas/moderation');
		await expect(moderator.getByRole('table').textContent()).resolves.toContain(`Centre marocain-allemand pour l’emploi ${tag}`);
		await moderator.context().close();
	});

	test('in Arabic (axe-core), a moderator uploads and publishes at once', async () => {
		const tag = `${Date.now().toString(36)}m`;
		const page = await browser.newPage({ locale: 'ar-MA' });
		await signInAs(page, 'ar', 'moderator@demo.sharaka.ma');
		await page.goto('/ar/atlas/imports');
		await expectLanguage(page, 'ar');
		await expectNoAxeViolations(page);
		await expectNoRawMessageKeys(page);
		await upload(page, 'ar', 'giz-iom.xml', variant(tag));
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ar', 'atlas_import.import_title', { file: 'giz-iom.xml' }));
		await expectNoAxeViolations(page);
		await expectNoRawMessageKeys(page);
		// ANAPEC comes with an identifier the Atlas does not know: matched by name only, confirmed first (rule 10)
		const anapec = 'Agence nationale de promotion de l’emploi et des compétences';
		await page.getByRole('group', { name: t('ar', 'atlas_org_matches.legend', { file: anapec, atlas: anapec }) }).getByLabel(t('ar', 'atlas_org_matches.confirm'), { exact: true }).check();
		await page.getByRole('button', { name: t('ar', 'atlas_org_matches.submit'), exact: true }).click();
		await page.getByRole('button', { name: t('ar', 'atlas_import.apply_publish'), exact: true }).click();
		await waitUntilDone(page);
		await expect(page.textContent('main')).resolves.toContain(t('ar', 'atlas_import.done_notice', { created: 2, updated: 0, proposed: 0, unchanged: 0, failed: 0 }));
		await expectNoAxeViolations(page);
		const link = page.getByRole('table').locator('tbody tr').filter({ hasText: `Moroccan-German Centre for Jobs ${tag}` }).getByRole('link', { name: t('ar', 'atlas_import.result_link') });
		await link.click();
		expect(new URL(page.url()).pathname).toMatch(/^\/ar\/atlas\/initiatives\//);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(tag);
		await page.context().close();
	});

	test('a table in English (axe-core): columns mapped, a dry run listing each row’s errors, then applied', async () => {
		const tag = `${Date.now().toString(36)}t`;
		const csv = [
			// a theme on each readable row: only activities with a theme are chosen at first (issue 17, rule 16)
			'Title (English),Status,Start,Funders,Themes,Remark',
			`Youth skills exchange ${tag},ongoing,2024-02-01,Union européenne,legal_migration,first`,
			`Diaspora investment desk ${tag},planned,2024-02-30,giz | Unknown Ltd,diaspora_investment,second`,
			',completed,2020-01-01,,,third'
		].join('\r\n');
		const page = await browser.newPage({ locale: 'en' });
		await signInAs(page, 'en', 'moderator@demo.sharaka.ma');
		await page.goto('/en/atlas/imports');
		await upload(page, 'en', `table-${tag}.csv`, Buffer.from(csv), 'text/csv');
		await expect(page.getByRole('heading', { level: 2, name: t('en', 'atlas_import.mapping_heading') }).count()).resolves.toBe(1);
		// recognised headers are pre-filled; "Start" is mapped by hand
		await expect(page.getByLabel(t('en', 'atlas_import.column_for', { header: 'Title (English)' })).inputValue()).resolves.toBe('title_en');
		await expect(page.getByLabel(t('en', 'atlas_import.column_for', { header: 'Funders' })).inputValue()).resolves.toBe('funders');
		await expect(page.getByLabel(t('en', 'atlas_import.column_for', { header: 'Remark' })).inputValue()).resolves.toBe('');
		await page.getByLabel(t('en', 'atlas_import.column_for', { header: 'Start' })).selectOption('planned_start');
		await expectNoAxeViolations(page);
		await expectNoRawMessageKeys(page);
		await page.getByRole('button', { name: t('en', 'atlas_import.mapping_submit') }).click();

		await expect(page.textContent('main')).resolves.toContain(t('en', 'atlas_import.dry_run_notice'));
		const rows = page.getByRole('table').locator('tbody tr');
		await expect(rows.count()).resolves.toBe(3);
		// the row without a title first (skipped), then the row with errors
		await expect(rows.first().textContent()).resolves.toContain(t('en', 'atlas_import.problem_no_title'));
		const faulty = rows.filter({ hasText: `Diaspora investment desk ${tag}` });
		await expect(faulty.textContent()).resolves.toContain('Unknown Ltd');
		await expect(faulty.textContent()).resolves.toContain('2024-02-30');
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: t('en', 'atlas_import.apply_publish'), exact: true }).click();
		await waitUntilDone(page);
		await expect(page.textContent('main')).resolves.toContain(t('en', 'atlas_import.done_notice', { created: 2, updated: 0, proposed: 0, unchanged: 0, failed: 0 }));
		await page.context().close();
	});

	test('a hostile file is refused with a clear message; a 200 MB body is cut short (413)', async () => {
		const page = await browser.newPage();
		await signInAs(page, 'fr', 'partner@demo.sharaka.ma');
		await page.goto('/fr/atlas/imports');
		const before = await page.getByRole('table').locator('tbody tr').count().catch(() => 0);
		await upload(page, 'fr', 'xxe.xml', Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><iati-activities>&x;</iati-activities>'));
		await expect(page.getByRole('alert').textContent()).resolves.toContain(t('fr', 'atlas_import.refused_xml_doctype'));
		await expect(page.getByLabel(t('fr', 'atlas_import.field_file'), { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
		await expect(page.getByRole('table').locator('tbody tr').count().catch(() => 0)).resolves.toBe(before);
		await expectNoAxeViolations(page);
		await page.context().close();

		// 200 MB announced: the answer comes at once, long before the body could be sent
		const target = new URL(url('/api/v1/imports/iati'));
		let written = 0;
		const status = await new Promise<number>((resolve, reject) => {
			const request = http.request(
				{ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/xml', 'content-length': String(200 * 1024 * 1024) } },
				(response) => {
					response.resume();
					resolve(response.statusCode ?? 0);
					request.destroy();
				}
			);
			request.on('error', (error) => (written > 0 ? undefined : reject(error)));
			const chunk = Buffer.alloc(64 * 1024, 0x20);
			const pump = () => {
				while (written < 200 * 1024 * 1024 && !request.destroyed) {
					written += chunk.byteLength;
					if (!request.write(chunk)) return void request.once('drain', pump);
				}
			};
			pump();
		});
		expect(status).toBe(413);
		expect(written).toBeLessThan(200 * 1024 * 1024);
	});
});
