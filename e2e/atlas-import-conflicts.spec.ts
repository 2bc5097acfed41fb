// Issue #17 rule 14: a re-import respects what a moderator corrected. In French without JavaScript, the demo
// moderator publishes a small IATI file, corrects the title (a change proposal approved), imports the same
// activity again with both the title and the status changed by the publisher: the correction stays, the
// import page lists the title with both values; the moderator takes the file's, and the public page shows it.
// In Arabic with axe-core, the decided list and the page's layout.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { t, useBrowser } from './harness.ts';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import type { Language } from '#platform/i18n/languages.ts';

const browser = useBrowser();
const shoot = screenshotsFor('atlas-import-conflicts');

const activityFile = (identifier: string, title: string, status: number) =>
	Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity xml:lang="fr" default-currency="EUR">
    <iati-identifier>${identifier}</iati-identifier>
    <reporting-org ref="XM-TEST-E2E" type="10"><narrative>Agence de test</narrative></reporting-org>
    <title><narrative>${title}</narrative></title>
    <description type="1"><narrative>Accompagnement des migrants de retour dans leur réintégration économique.</narrative></description>
    <activity-status code="${status}"/>
    <activity-date type="2" iso-date="2022-01-01"/>
    <activity-date type="3" iso-date="2025-12-31"/>
    <recipient-country code="MA" percentage="100"/>
    <sector vocabulary="1" code="15190"/>
    <budget type="1" status="2"><period-start iso-date="2022-01-01"/><period-end iso-date="2025-12-31"/><value currency="EUR" value-date="2022-01-01">800000</value></budget>
  </iati-activity>
</iati-activities>`);

async function upload(page: Page, language: Language, name: string, buffer: Buffer) {
	await page.goto(`/${language}/atlas/imports`);
	await page.getByLabel(t(language, 'atlas_import.field_file'), { exact: true }).setInputFiles({ name, mimeType: 'application/xml', buffer });
	await page.getByRole('button', { name: t(language, 'atlas_import.upload_submit'), exact: true }).click();
	await page.waitForURL((address) => /\/atlas\/imports\/[0-9a-f-]{36}$/.test(address.pathname));
}

async function publish(page: Page, language: Language) {
	await page.getByRole('button', { name: t(language, 'atlas_import.apply_publish'), exact: true }).click();
	const deadline = Date.now() + 30_000;
	while (await page.locator('#import-progress').count()) {
		if (Date.now() > deadline) throw new Error('the import did not finish');
		await page.waitForTimeout(500);
		await page.reload();
	}
}

describe('Atlas re-imports: fields both the platform and the file changed', () => {
	test('a moderator’s correction survives a re-import; the title both changed waits for a choice (fr, no JavaScript), then the list in Arabic (axe)', { timeout: 180_000 }, async () => {
		const tag = Date.now().toString(36);
		const identifier = `XM-TEST-E2E-${tag}`;
		const first = `Appui a la reintegration ${tag}`;
		const corrected = `Appui à la réintégration ${tag}`;
		const republished = `Appui à la réintégration économique ${tag}`;
		const page = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		await upload(page, 'fr', `v1-${tag}.xml`, activityFile(identifier, first, 2));
		await publish(page, 'fr');
		const link = page.getByRole('link', { name: t('fr', 'atlas_import.result_link'), exact: true });
		const slug = (await link.first().getAttribute('href'))!.split('/').pop()!;

		// the moderator corrects the title: a change proposal, approved
		await page.goto(`/fr/atlas/initiatives/${slug}/propose`);
		await page
			.getByLabel(t('fr', 'atlas_moderation.label_in', { field: t('fr', 'atlas_moderation.field_title'), language: t('fr', 'atlas_moderation.language_fr') }))
			.fill(corrected);
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.action_submit_proposal') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas_moderation.proposal_sent'));
		await page.goto('/fr/atlas/moderation');
		await page.getByRole('link', { name: new RegExp(tag) }).first().click();
		await page.getByRole('button', { name: t('fr', 'moderation.action_approve'), exact: true }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas_moderation.done_approved', { version: 2 }));

		// the publisher's next file changes the title and the status
		await upload(page, 'fr', `v2-${tag}.xml`, activityFile(identifier, republished, 3));
		await publish(page, 'fr');
		const section = page.locator('#field-conflicts');
		await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(t('fr', 'atlas_conflicts.heading'));
		await expect(section.textContent()).resolves.toContain(t('fr', 'atlas_conflicts.waiting_moderator', { count: 1 }));
		const text = await section.textContent();
		expect(text).toContain(corrected);
		expect(text).toContain(republished);
		expect(text).toContain(first);
		await check(page, 'fr', false);
		await shoot(page, 'fr-waiting');
		// the status only the file changed was taken; the title stays the moderator's until the choice
		await page.goto(`/fr/atlas/initiatives/${slug}`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(corrected);
		await expect(page.locator('.facts').first().textContent()).resolves.toContain(t('fr', 'atlas.status_completed'));
		await page.goBack();

		const label = t('fr', 'atlas_conflicts.field_text', { field: t('fr', 'atlas_conflicts.field_title'), lang: 'fr' });
		// submitting without a choice: a clear error, nothing changed
		await page.getByRole('button', { name: t('fr', 'atlas_conflicts.submit'), exact: true }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toContain(t('fr', 'atlas_conflicts.none_chosen'));
		await page
			.getByRole('group', { name: t('fr', 'atlas_conflicts.legend', { field: label, title: corrected }) })
			.getByLabel(t('fr', 'atlas_conflicts.take_file'), { exact: true })
			.check();
		await page.getByRole('button', { name: t('fr', 'atlas_conflicts.submit'), exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: t('fr', 'atlas_conflicts.saved') }).count()).resolves.toBe(1);
		const address = new URL(page.url()).pathname.replace(/^\/fr/, '');
		await page.goto(`/fr/atlas/initiatives/${slug}`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(republished);
		await page.context().close();

		const arabic = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await arabic.goto(`/ar${address}`);
		const decided = arabic.locator('#field-conflicts');
		await expect(decided.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(t('ar', 'atlas_conflicts.heading'));
		await expect(decided.textContent()).resolves.not.toContain(t('ar', 'atlas_conflicts.waiting_moderator', { count: 1 }));
		await expect(decided.getByRole('radio', { name: t('ar', 'atlas_conflicts.take_file') }).isChecked()).resolves.toBe(true);
		await check(arabic, 'ar');
		await shoot(arabic, 'ar-decided');
		await arabic.context().close();
	});
});
