// International placement (issue 10, first slice): anyone reads the published agreements and
// cooperations in French without JavaScript on a phone, filters them by host country and downloads the
// CSV; then the same page in Arabic with axe-core. Screenshots at 360 and 1280 px go to
// test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { screenshotsFor } from './flows.ts';

const browser = useBrowser();
const { url } = server();

const shoot = screenshotsFor('placement');

describe('international placement agreements', () => {
	test('anyone reads the cooperations the seeds document, filters by country, downloads the CSV (fr, no JavaScript)', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await page.goto('/fr/jobs/placement');
		await expectLanguage(page, 'fr');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'placement.agreements_title'));
		await expect(page.getByRole('heading', { name: /Stockholm/ }).count()).resolves.toBe(1);
		await expect(page.getByRole('heading', { name: /Bonn/ }).count()).resolves.toBe(1);
		await expect(page.getByText(/annexe 3\.4/).count()).resolves.toBeGreaterThan(0);
		await expectNoRawMessageKeys(page);
		await expectPhoneWidthAndLanguageOfParts(page, 'fr');
		await shoot(page, 'list-fr');

		await page.getByLabel(t('fr', 'placement.filter_country')).selectOption('DE');
		await page.getByRole('button', { name: t('fr', 'common.search') }).click();
		expect(new URL(page.url()).searchParams.get('country')).toBe('DE');
		await expect(page.getByRole('heading', { name: /Bonn/ }).count()).resolves.toBe(1);
		await expect(page.getByRole('heading', { name: /Stockholm/ }).count()).resolves.toBe(0);

		const csv = await fetch(url('/fr/jobs/placement.csv'));
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const text = await csv.text();
		expect(text).toContain(t('fr', 'placement.csv_partner'));
		expect(text).toContain('Arbetsförmedlingen');
		await page.close();
	});

	test('the same page in Arabic passes axe', async () => {
		const page = await browser.newPage();
		await page.goto('/ar/jobs/placement');
		await expectLanguage(page, 'ar');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ar', 'placement.agreements_title'));
		await expectNoRawMessageKeys(page);
		await expectNoAxeViolations(page);
		await shoot(page, 'list-ar');
		await page.close();
	});
});
