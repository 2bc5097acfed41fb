// Issue #17 rule 10: organisations of an imported file matched by name only wait for a moderator. In French
// without JavaScript, the demo moderator uploads a file whose ANAPEC carries an identifier the Atlas does not
// know: publishing is refused until the match is decided; confirming it publishes. In Arabic with axe-core, a
// partner's import lists the match as waiting, and the moderator finds it in the queue and rejects it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { t, useBrowser } from './harness.ts';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import type { Language } from '#platform/i18n/languages.ts';

const browser = useBrowser();
const shoot = screenshotsFor('atlas-import-matches');
const fixture = fs.readFileSync(path.resolve('src/modules/atlas/import/fixtures/giz-iom-morocco.xml'), 'utf8');

/** The fixture with identifiers of its own (ANAPEC's included: unknown to the Atlas, so matched by name only). */
const variant = (tag: string) =>
	Buffer.from(
		fixture
			.replaceAll('-TEST-', `-M${tag}-`)
			.replace('MA-ANAPEC-TEST', `MA-ANAPEC-M${tag}`)
			.replace('Centre marocain-allemand pour l’emploi, la migration et la réintégration', `Centre marocain-allemand ${tag}`)
			.replace('Moroccan-German Centre for Jobs, Migration and Reintegration', `Moroccan-German Centre ${tag}`)
	);

async function upload(page: Page, language: Language, name: string, buffer: Buffer) {
	await page.goto(`/${language}/atlas/imports`);
	await page.getByLabel(t(language, 'atlas_import.field_file'), { exact: true }).setInputFiles({ name, mimeType: 'application/xml', buffer });
	await page.getByRole('button', { name: t(language, 'atlas_import.upload_submit'), exact: true }).click();
	await page.waitForURL((address) => /\/atlas\/imports\/[0-9a-f-]{36}$/.test(address.pathname));
}

async function waitUntilDone(page: Page) {
	const deadline = Date.now() + 30_000;
	while (await page.locator('#import-progress').count()) {
		if (Date.now() > deadline) throw new Error('the import did not finish');
		await page.waitForTimeout(500);
		await page.reload();
	}
}

const anapec = 'Agence nationale de promotion de l’emploi et des compétences';

describe('Atlas imports: organisations matched by name only', () => {
	test('in French without JavaScript, a moderator confirms a name-only match before publishing', async () => {
		const tag = Date.now().toString(36);
		const page = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		await upload(page, 'fr', 'anapec.xml', variant(tag));
		const section = page.locator('#organisation-matches');
		await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(t('fr', 'atlas_org_matches.heading'));
		await expect(section.textContent()).resolves.toContain(`MA-ANAPEC-M${tag}`);
		await expect(section.textContent()).resolves.toContain(t('fr', 'atlas_org_matches.via_name'));
		await check(page, 'fr', false);
		await shoot(page, 'fr-moderator-preview');

		// publishing first: refused, with the reason at the top, nothing applied
		await page.getByRole('button', { name: t('fr', 'atlas_import.apply_publish'), exact: true }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toContain(t('fr', 'atlas_org_matches.undecided', { count: 1 }));
		await expect(page.locator('#import-progress').count()).resolves.toBe(0);

		// confirm, then publish
		const legend = t('fr', 'atlas_org_matches.legend', { file: anapec, atlas: anapec });
		await page.getByRole('group', { name: legend }).getByLabel(t('fr', 'atlas_org_matches.confirm'), { exact: true }).check();
		await page.getByRole('button', { name: t('fr', 'atlas_org_matches.submit'), exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: t('fr', 'atlas_org_matches.saved') }).count()).resolves.toBe(1);
		await expect(section.textContent()).resolves.not.toContain(t('fr', 'atlas_org_matches.waiting_moderator', { count: 1 }));
		await page.getByRole('button', { name: t('fr', 'atlas_import.apply_publish'), exact: true }).click();
		await waitUntilDone(page);
		// published (how many depends on the likely duplicates other specs' imports leave)
		await expect(page.getByRole('heading', { level: 2, name: t('fr', 'atlas_import.results_heading') }).count()).resolves.toBe(1);
		await expect(page.getByRole('alert').count()).resolves.toBe(0);
		await page.context().close();
	});

	test('in Arabic (axe-core), a partner’s match waits; the moderator finds it in the queue and rejects it', async () => {
		const tag = `${Date.now().toString(36)}a`;
		const partner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'ar');
		await upload(partner, 'ar', 'anapec-ar.xml', variant(tag));
		const section = partner.locator('#organisation-matches');
		await expect(section.textContent()).resolves.toContain(t('ar', 'atlas_org_matches.waiting_partner', { count: 1 }));
		await expect(section.textContent()).resolves.toContain(t('ar', 'atlas_org_matches.decision_pending'));
		await expect(section.getByRole('radio').count()).resolves.toBe(0);
		await check(partner, 'ar');
		const address = new URL(partner.url()).pathname.replace(/^\/ar/, '');
		await partner.context().close();

		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await moderator.goto('/ar/atlas/moderation/organisations');
		await check(moderator, 'ar');
		await shoot(moderator, 'ar-queue');
		await moderator.locator('#match-queue').getByRole('link', { name: 'anapec-ar.xml' }).first().click();
		expect(new URL(moderator.url()).pathname).toBe(`/ar${address}`);
		const legend = t('ar', 'atlas_org_matches.legend', { file: anapec, atlas: anapec });
		await moderator.getByRole('group', { name: legend }).getByLabel(t('ar', 'atlas_org_matches.reject'), { exact: true }).check();
		await moderator.getByRole('button', { name: t('ar', 'atlas_org_matches.submit'), exact: true }).click();
		await expect(moderator.locator('#organisation-matches').textContent()).resolves.not.toContain(t('ar', 'atlas_org_matches.waiting_moderator', { count: 1 }));
		await check(moderator, 'ar');
		await shoot(moderator, 'ar-decided');
		await moderator.context().close();
	});
});
