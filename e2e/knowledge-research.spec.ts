// Research mapping of the Knowledge library: a visitor reads the seeds' study findings and the works by
// theme × institution, narrows the years (French, no JavaScript, phone); a member makes their researcher
// profile in Arabic, public by their consent, finds it in the directory, then hides it (axe clean).
// Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';
import { check, pick, signedInAs, screenshotsFor } from './flows.ts';

const browser = useBrowser();
const shoot = screenshotsFor('knowledge-research');

describe('Knowledge research mapping', () => {
	test('a visitor reads the study’s findings and the works by theme and institution, for chosen years (fr, no JavaScript); the page passes axe in Arabic', { timeout: 90_000 }, async () => {
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/knowledge');
		await visitor.getByRole('link', { name: t('fr', 'research.nav'), exact: true }).click();
		await check(visitor, 'fr', false);
		const main = visitor.getByRole('main');
		await expect(main.textContent()).resolves.toContain('communauté scientifique marocaine autonome');
		await expect(main.getByRole('table', { name: t('fr', 'research.matrix_caption') }).count()).resolves.toBe(1);
		await shoot(visitor, 'mapping-fr');
		await visitor.getByLabel(t('fr', 'research.from'), { exact: true }).selectOption('2004');
		await visitor.getByLabel(t('fr', 'research.to'), { exact: true }).selectOption('2005');
		await visitor.getByRole('button', { name: t('fr', 'research.apply') }).click();
		await expect(main.textContent()).resolves.toContain(t('fr', 'research.works_count', { count: 0 }));

		const arabic = await browser.newPage({ javaScriptEnabled: true, phone: true });
		await arabic.goto('/ar/knowledge/research');
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'mapping-ar');
	});

	test('a member makes their researcher profile in Arabic, public by their consent; it is in the directory until they hide it', { timeout: 120_000 }, async () => {
		const member = await signedInAs(browser, 'partner@demo.sharaka.ma', 'ar', false);
		await member.goto('/ar/knowledge/research/profile');
		await check(member, 'ar', false);
		const form = member.locator('form[action="?/save"]');
		await form.getByLabel(t('ar', 'research.name'), { exact: true }).fill('Pierre Chercheur');
		await pick(form, 'themes', ['immigrant_integration']);
		await pick(form, 'works', ['tendances-recherche-marocaine-migrations']);
		await form.getByLabel(t('ar', 'research.visible')).check();
		await form.getByRole('button', { name: t('ar', 'research.save') }).click();
		await expect(member.getByRole('status').textContent()).resolves.toContain(t('ar', 'research.saved_visible'));
		await shoot(member, 'profile-ar');

		const visitor = await browser.newPage({ javaScriptEnabled: true });
		await visitor.goto('/ar/knowledge/research/researchers?theme=immigrant_integration');
		await check(visitor, 'ar');
		await visitor.getByRole('link', { name: 'Pierre Chercheur' }).click();
		await check(visitor, 'ar');
		await expect(visitor.locator('main a[href="/ar/knowledge/documents/tendances-recherche-marocaine-migrations"]').count()).resolves.toBe(1);
		await shoot(visitor, 'researcher-ar');

		// unticked: gone from the directory at once
		await member.goto('/ar/knowledge/research/profile');
		await member.locator('form[action="?/save"]').getByLabel(t('ar', 'research.visible')).uncheck();
		await member.locator('form[action="?/save"]').getByRole('button', { name: t('ar', 'research.save') }).click();
		await expect(member.getByRole('status').textContent()).resolves.toContain(t('ar', 'research.saved_hidden'));
		await visitor.goto('/ar/knowledge/research/researchers');
		await expect(visitor.getByRole('link', { name: 'Pierre Chercheur' }).count()).resolves.toBe(0);
	});
});
