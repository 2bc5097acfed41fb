// Job offers: the public search and offer pages (French, Arabic), JSON-LD under the CSP, the employer's
// space without JavaScript (create, publish), and the counsellor's validation queue.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, signIn, t, useBrowser } from './harness.ts';
import { pick } from './flows.ts';

const browser = useBrowser();

async function signInAs(page: Page, language: 'fr' | 'ar', email: string) {
	await signIn(page, language, email, DEMO_PASSWORD);
	await page.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
}

function collectCspViolations(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) violations.push(message.text());
	});
	return violations;
}

describe('job offers', () => {
	for (const language of ['fr', 'ar'] as const) {
		test(`${language}: search, open an offer with its JSON-LD, no CSP violation, axe-core`, async () => {
			const page = await browser.newPage();
			const violations = collectCspViolations(page);
			const response = await page.goto(`/${language}/jobs`);
			expect(response?.status()).toBe(200);
			await expectLanguage(page, language);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'jobs.search_title'));
			await expect(page.getByRole('link', { name: t(language, 'jobs.link_rights') }).count()).resolves.toBeGreaterThan(0);
			await expectNoRawMessageKeys(page);
			await expectNoAxeViolations(page);

			// a GET form: the criteria go into the URL
			await page.getByLabel(t(language, 'jobs.filter_q')).fill('teleconseiller');
			await page.getByLabel(t(language, 'jobs.filter_contract')).selectOption('cdi');
			await page.getByRole('button', { name: t(language, 'common.search') }).click();
			const url = new URL(page.url());
			expect(url.searchParams.get('q')).toBe('teleconseiller');
			expect(url.searchParams.get('contract')).toBe('cdi');
			const cards = page.locator('.card-list .card');
			expect(await cards.count()).toBeGreaterThan(0);
			await expect(cards.first().textContent()).resolves.toContain(t(language, 'jobs.sample_badge'));

			await cards.first().getByRole('link').click();
			expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${language}/jobs/offers/[0-9a-f-]{36}$`));
			await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
			const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
			const posting = JSON.parse(jsonLd ?? '');
			expect(posting['@type']).toBe('JobPosting');
			expect(posting.hiringOrganization.name).toContain('(exemple)');
			await expectNoRawMessageKeys(page);
			await expectNoAxeViolations(page);
			expect(violations).toEqual([]);
			await page.context().close();
		});
	}

	test('an unknown offer is a 404', async () => {
		const page = await browser.newPage();
		const response = await page.goto('/fr/jobs/offers/00000000-0000-4000-8000-000000000000');
		expect(response?.status()).toBe(404);
		await page.context().close();
	});

	test('without JavaScript, the demo employer creates and publishes an offer that the public then finds', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await signInAs(page, 'fr', 'employer@demo.sharaka.ma');
		await page.goto('/fr/jobs/employer');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'jobs.employer_title'));
		await page.getByRole('link', { name: t('fr', 'jobs.employer_new_offer') }).first().click();

		const title = `Coffreur boiseur ${Date.now()}`;
		await page.getByLabel(t('fr', 'jobs.field_title')).fill(title);
		await page.getByLabel(t('fr', 'jobs.field_description')).fill('Coffrage bois et métallique sur un chantier de Tanger.');
		await pick(page, 'occupationCode', ['7115']);
		await page.getByLabel(t('fr', 'jobs.field_region')).selectOption('MA-01');
		await page.getByLabel(t('fr', 'jobs.field_city')).fill('Tanger');
		await page.getByLabel(t('fr', 'jobs.field_contract')).selectOption('cdd');
		const closing = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
		await page.getByLabel(t('fr', 'jobs.field_closing')).fill(closing);
		await page.getByRole('button', { name: t('fr', 'jobs.save_draft') }).click();
		expect(new URL(page.url()).pathname).toBe('/fr/jobs/employer');
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'jobs.done_created'));

		const row = page.getByRole('row').filter({ hasText: title });
		await row.getByRole('button', { name: t('fr', 'jobs.action_publish') }).click();
		// the demo employer already has validated offers: it publishes at once
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'jobs.done_published'));

		const visitor = await browser.newPage({ javaScriptEnabled: false });
		await visitor.goto(`/fr/jobs?q=${encodeURIComponent(title)}`);
		await expect(visitor.getByRole('link', { name: title, exact: true }).count()).resolves.toBe(1);
		await visitor.context().close();
		await page.context().close();
	});

	test('in Arabic, a counsellor validates a new employer’s first offer; a member cannot open the queue', async () => {
		const page = await browser.newPage();
		await signInAs(page, 'ar', 'counsellor@demo.sharaka.ma');
		const response = await page.goto('/ar/jobs/counsellor/validations');
		expect(response?.status()).toBe(200);
		await expectLanguage(page, 'ar');
		await expectNoRawMessageKeys(page);
		await expectNoAxeViolations(page);
		const first = page.locator('section.card').first();
		const title = (await first.getByRole('heading', { level: 2 }).textContent())?.trim() ?? '';
		expect(title).not.toBe('');
		await first.getByRole('button', { name: t('ar', 'jobs.action_approve') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'jobs.done_approved'));
		await page.goto(`/ar/jobs?q=${encodeURIComponent(title)}`);
		await expect(page.getByRole('link', { name: title }).count()).resolves.toBeGreaterThan(0);
		await page.context().close();

		const member = await browser.newPage();
		await signInAs(member, 'fr', 'member@demo.sharaka.ma');
		expect((await member.goto('/fr/jobs/counsellor/validations'))?.status()).toBe(403);
		expect((await member.goto('/fr/jobs/employer'))?.status()).toBe(403);
		await member.context().close();
	});
});
