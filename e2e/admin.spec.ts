// Staff pages: an administrator (demo account) signs in through the form and every admin page
// passes axe-core (WCAG 2.1 A and AA) with no raw message key; a member is refused.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { accountMenu, expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, signIn, t, useBrowser } from './harness.ts';
import { adminPages } from './pages.ts';

const browser = useBrowser();

describe('administration', () => {
	let admin: Page;

	beforeAll(async () => {
		admin = await browser.newPage();
	});

	test('an administrator is asked to sign in, then lands on the page they asked for', async () => {
		await admin.goto('/fr/admin');
		const asked = new URL(admin.url());
		expect(asked.pathname).toBe('/fr/account/sign-in');
		expect(asked.searchParams.get('next')).toBe('/fr/admin');
		await signIn(admin, 'fr', 'admin@demo.sharaka.ma', DEMO_PASSWORD);
		expect(new URL(admin.url()).pathname).toBe('/fr/admin');
		await expect(
			accountMenu(admin, 'fr').getByRole('link', { name: t('fr', 'common.nav_admin'), exact: true }).count()
		).resolves.toBe(1);
	});

	for (const path of adminPages) {
		test(`${path}: axe-core and no raw message key`, async () => {
			expect(new URL(admin.url()).pathname, 'signed in by the previous test').not.toContain('/account/sign-in');
			const response = await admin.goto(path);
			expect(response?.status()).toBe(200);
			expect(new URL(admin.url()).pathname).toBe(path);
			await expectLanguage(admin, 'fr');
			await expect(admin.getByRole('heading', { level: 1 }).count(), 'exactly one h1').resolves.toBe(1);
			await expectNoRawMessageKeys(admin);
			await expectNoAxeViolations(admin);
		});
	}

	test('a visitor writes through the contact form without JavaScript; the administrator finds it from the administration home and marks it handled', async () => {
		const visitor = await browser.newPage({ javaScriptEnabled: false });
		await visitor.goto('/fr/legal');
		await expect(visitor.getByRole('main').textContent()).resolves.toContain(t('fr', 'site.publisher'));
		await visitor.getByRole('main').getByRole('link', { name: t('fr', 'site.contact_link') }).click();
		await visitor.waitForURL('**/fr/contact');
		await visitor.getByLabel(t('fr', 'site.field_topic')).selectOption('accessibility');
		await visitor.getByLabel(t('fr', 'site.field_email')).fill('fatou@example.sn');
		await visitor.getByLabel(t('fr', 'site.field_message')).fill('Bonjour, la carte de l’Atlas ne se lit pas au clavier.');
		await visitor.getByRole('button', { name: t('fr', 'site.send') }).click();
		await visitor.waitForURL((url) => url.pathname === '/fr/contact' && url.searchParams.has('sent'));
		await expect(visitor.getByRole('status').textContent()).resolves.toBe(t('fr', 'site.sent'));
		await visitor.context().close();

		await admin.goto('/fr/admin');
		await admin.getByRole('link', { name: t('fr', 'site.admin_title') }).click();
		await admin.waitForURL('**/fr/admin/site');
		const message = admin.locator('li', { hasText: 'fatou@example.sn' });
		await expect(message.textContent()).resolves.toContain(t('fr', 'site.topic_accessibility'));
		await message.getByRole('button', { name: t('fr', 'site.mark_handled') }).click();
		await admin.waitForURL((url) => url.searchParams.get('done') === 'handled');
		await expect(admin.locator('li', { hasText: 'fatou@example.sn' }).getByRole('button').count()).resolves.toBe(0);
	});

	test('a member is refused the staff pages', async () => {
		const page = await browser.newPage();
		await signIn(page, 'ar', 'member@demo.sharaka.ma', DEMO_PASSWORD);
		await expect(
			accountMenu(page, 'ar').getByRole('link', { name: t('ar', 'common.nav_admin'), exact: true }).count()
		).resolves.toBe(0);
		const response = await page.goto('/ar/admin');
		expect(response?.status()).toBe(403);
		await expectLanguage(page, 'ar');
		await expect(page.getByRole('main').textContent()).resolves.toContain(t('ar', 'common.error_forbidden'));
	});

	test('an administrator gives a member the Atlas moderator role (no JavaScript), who then moderates the Atlas only; in Arabic the page passes axe; the role is taken back', async () => {
		const noScript = await browser.newPage({ javaScriptEnabled: false });
		await signIn(noScript, 'fr', 'admin@demo.sharaka.ma', DEMO_PASSWORD);
		await noScript.goto('/fr/admin/users?q=member%40demo');
		await noScript.getByRole('link', { name: `${t('fr', 'admin.users_access')} — Awa Membre (exemple)` }).click();
		await expect(noScript.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'admin.access_title', { name: 'Awa Membre (exemple)' }));
		await noScript.getByLabel(t('fr', 'admin.access_role_label')).selectOption({ label: t('fr', 'atlas.grant_moderator') });
		await noScript.getByRole('button', { name: t('fr', 'admin.access_add') }).click();
		await expect(noScript.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'admin.access_added', { role: t('fr', 'atlas.grant_moderator') }));
		await expect(noScript.getByRole('cell', { name: t('fr', 'admin.access_no_limit') }).count()).resolves.toBe(1);

		const member = await browser.newPage();
		await signIn(member, 'ar', 'member@demo.sharaka.ma', DEMO_PASSWORD);
		expect((await member.goto('/ar/atlas/moderation'))?.status()).toBe(200);
		expect((await member.goto('/ar/jobs/rights/residence-card/edit'))?.status()).toBe(403);
		expect((await member.goto('/ar/admin'))?.status()).toBe(403);

		const arabic = await browser.newPage();
		await signIn(arabic, 'ar', 'admin@demo.sharaka.ma', DEMO_PASSWORD);
		const url = new URL(noScript.url());
		await arabic.goto(url.pathname.replace('/fr/', '/ar/'));
		await expectLanguage(arabic, 'ar');
		await expectNoRawMessageKeys(arabic);
		await expectNoAxeViolations(arabic);
		await arabic.getByRole('button', { name: new RegExp(t('ar', 'admin.access_revoke')) }).click();
		await expect(arabic.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'admin.access_revoked'));
		expect((await member.goto('/ar/atlas/moderation'))?.status()).toBe(403);
	});
	test('an administrator makes a counsellor the case worker of one RAMre operator, choosing the organisation (no JavaScript)', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await signIn(page, 'fr', 'admin@demo.sharaka.ma', DEMO_PASSWORD);
		await page.goto('/fr/admin/users?q=counsellor%40demo');
		await page.getByRole('link', { name: `${t('fr', 'admin.users_access')} — Salma Conseillère (exemple)` }).click();
		const limited = t('fr', 'admin.access_role_limited', { role: t('fr', 'return.grant_caseworker') });
		// a role limited to an organisation needs one: refused, nothing granted
		await page.getByLabel(t('fr', 'admin.access_role_label'), { exact: true }).selectOption({ label: limited });
		await page.getByRole('button', { name: t('fr', 'admin.access_add') }).click();
		await expect(page.locator('.error-summary, [role="alert"]').first().textContent()).resolves.toContain(t('fr', 'errors.field_required'));
		await expect(page.getByRole('cell', { name: /Tanger-Tétouan-Al Hoceima 2 \(exemple\)/ }).count()).resolves.toBe(0);
		await page.getByLabel(t('fr', 'admin.access_role_label'), { exact: true }).selectOption({ label: limited });
		const organisations = page.locator('details#field-organisationId');
		if (!(await organisations.evaluate((element) => (element as HTMLDetailsElement).open))) await organisations.locator('summary').click();
		await page.getByRole('radio', { name: /Tanger-Tétouan-Al Hoceima 2 \(exemple\)/ }).check();
		await page.getByRole('button', { name: t('fr', 'admin.access_add') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'admin.access_added', { role: t('fr', 'return.grant_caseworker') }));
		await expect(page.getByRole('cell', { name: /Tanger-Tétouan-Al Hoceima 2 \(exemple\)/ }).count()).resolves.toBe(1);

		// the counsellor now keeps that operator's cases, and only them
		const counsellor = await browser.newPage({ javaScriptEnabled: false });
		await signIn(counsellor, 'fr', 'counsellor@demo.sharaka.ma', DEMO_PASSWORD);
		expect((await counsellor.goto('/fr/return/cases?show=all'))?.status()).toBe(200);
		await expect(counsellor.getByRole('main').textContent()).resolves.toMatch(/Tanger-Tétouan-Al Hoceima 2 \(exemple\)/);
		await expect(counsellor.getByRole('row').count()).resolves.toBeGreaterThan(2);
		await expect(counsellor.getByRole('link', { name: 'Awa Membre (exemple)' }).count()).resolves.toBe(0);
	});
});
