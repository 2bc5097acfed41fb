// International placement statistics (issue 10, item 9): anyone reads the public statistics in French
// without JavaScript on a phone — samples left out, then included with the form —, downloads the CSV and
// the spreadsheet and reads the API; then the same page in Arabic with axe-core. Screenshots at 360 and
// 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { screenshotsFor } from './flows.ts';

const browser = useBrowser();
const { url } = server();

const shoot = screenshotsFor('placement-statistics');

describe('international placement statistics', () => {
	test('anyone reads them in French without JavaScript, includes the samples, downloads CSV and XLSX, reads the API', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await page.goto('/fr/jobs/placement/statistics');
		await expectLanguage(page, 'fr');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'placement_stats.title'));
		await expect(page.getByText(t('fr', 'placement_stats.without_samples')).count()).resolves.toBe(1);
		await expect(page.getByRole('heading', { name: t('fr', 'placement_stats.by_country'), level: 2 }).count()).resolves.toBe(1);
		await expectNoRawMessageKeys(page);

		await page.getByLabel(t('fr', 'placement_stats.samples')).check();
		await page.getByRole('button', { name: t('fr', 'placement_stats.apply') }).click();
		expect(new URL(page.url()).searchParams.get('samples')).toBe('include');
		await expect(page.getByText(t('fr', 'placement_stats.with_samples')).count()).resolves.toBe(1);
		// the sample seasonal campaign in Spain: its candidates in the country's table
		const spain = page.getByRole('row', { name: /Espagne/ });
		await expect(spain.count()).resolves.toBeGreaterThan(0);
		await expectPhoneWidthAndLanguageOfParts(page, 'fr');
		await shoot(page, 'fr');

		const csv = await fetch(url('/fr/jobs/placement/statistics/export?format=csv&samples=include'));
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const text = await csv.text();
		expect(text).toContain(t('fr', 'placement_stats.by_country'));
		expect(text).toContain('Espagne');
		const xlsx = await fetch(url('/fr/jobs/placement/statistics/export?format=xlsx'));
		expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
		const api = await fetch(url('/api/v1/placement/statistics?samples=include'), { headers: { 'accept-language': 'fr' } });
		expect(api.status).toBe(200);
		const body = (await api.json()) as { smallCount: number; breakdowns: { country: { key: string; candidates: number | null }[] } };
		expect(body.smallCount).toBe(5);
		expect(body.breakdowns.country.find((row) => row.key === 'ES')?.candidates).toBeGreaterThan(4);
		await page.close();
	});

	test('the same page in Arabic passes axe', async () => {
		const page = await browser.newPage();
		await page.goto('/ar/jobs/placement/statistics?samples=include');
		await expectLanguage(page, 'ar');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ar', 'placement_stats.title'));
		await expectNoRawMessageKeys(page);
		await expectNoAxeViolations(page);
		await shoot(page, 'ar');
		await page.close();
	});
});
