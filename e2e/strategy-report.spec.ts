// The annual monitoring report of the Strategy module (issue #13, item 7): the demo partner, planner of the
// SNIA, programmes an action in Guelmim-Oued Noun with its 2025 budget (French, no JavaScript); a visitor
// opens the SNIA's annual report from the strategy's page in French without JavaScript, changes the year
// with the picker, then picks the region by its name and reads the budget and the indicators' tables; the
// report prints without its picker. In Arabic the national and the region's reports pass axe-core and fit
// a 320 px phone; the PDF downloads in each language with the strategy's title; the API says the same.
// Screenshots at 360 and 1280 px go to test-results/screenshots/strategy-report-*.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { createTranslator } from '#platform/i18n/translator.ts';
import { check, pick, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('strategy-report');
const stamp = Date.now();
const action = `Maison des migrants de Guelmim ${stamp}`;
const SNIA = { fr: 'Stratégie nationale d’immigration et d’asile (SNIA)', ar: 'الاستراتيجية الوطنية للهجرة واللجوء' };

/** The text of a PDF, as a reader extracts it, its spaces made plain. */
async function pdfText(bytes: Uint8Array): Promise<string> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true }).promise;
	let text = '';
	for (let number = 1; number <= document.numPages; number++) text += `${(await (await document.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ')} `;
	return text.replace(/\s+/g, ' ');
}

async function downloadPdf(page: Page, language: 'fr' | 'ar') {
	const href = await page.getByRole('link', { name: t(language, 'strategy.annual_pdf') }).getAttribute('href');
	const answer = await page.request.get(href!);
	expect(answer.status()).toBe(200);
	expect(answer.headers()['content-type']).toBe('application/pdf');
	expect(answer.headers()['content-disposition']).toMatch(/^attachment/);
	const bytes = await answer.body();
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	// kept for review beside the screenshots
	fs.mkdirSync('test-results', { recursive: true });
	fs.writeFileSync(`test-results/strategy-report-${language}.pdf`, bytes);
	return pdfText(bytes);
}

describe('the annual monitoring report', () => {
	test('a year and a region picked without JavaScript, the tables read, printed; Arabic axe clean; the PDF and the API', { timeout: 240_000 }, async () => {
		// 0. A planner programmes a real action in Guelmim-Oued Noun, 2025–2026, with its 2025 budget.
		const planner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false);
		await planner.goto('/fr/strategy/snia/plan');
		const parent = planner.getByLabel(t('fr', 'strategy.field_parent'), { exact: true });
		await planner.getByLabel(t('fr', 'strategy.field_kind'), { exact: true }).selectOption('action');
		await parent.selectOption((await parent.locator('option', { hasText: 'Exemple : orienter les migrants vers l’emploi' }).getAttribute('value'))!);
		await planner.getByLabel(t('fr', 'strategy.field_title_fr'), { exact: true }).fill(action);
		await planner.getByLabel(t('fr', 'strategy.field_period_start'), { exact: true }).fill('2025');
		await planner.getByLabel(t('fr', 'strategy.field_period_end'), { exact: true }).fill('2026');
		await pick(planner, 'regions', ['MA-10']);
		await planner.getByRole('button', { name: t('fr', 'strategy.add'), exact: true }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.plan_added'));
		await planner.getByRole('link', { name: `${t('fr', 'strategy.edit')} — ${action}` }).click();
		await planner.getByLabel(t('fr', 'strategy.budget_year'), { exact: true }).fill('2025');
		await planner.getByLabel(t('fr', 'strategy.budget_source'), { exact: true }).fill('Budget général de l’État');
		await planner.getByLabel(t('fr', 'strategy.budget_planned'), { exact: true }).fill('200000');
		await planner.getByLabel(t('fr', 'strategy.budget_committed'), { exact: true }).fill('150000');
		await planner.getByLabel(t('fr', 'strategy.budget_executed'), { exact: true }).fill('120000');
		await planner.getByRole('button', { name: t('fr', 'strategy.budget_save') }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.budget_saved'));

		// 1. A visitor, French, no JavaScript: from the strategy's page to its report, the last complete year first.
		const fr = createTranslator('fr');
		const visitor = await browser.newPage({ javaScriptEnabled: false });
		await visitor.goto('/fr/strategy/snia');
		await visitor.getByRole('link', { name: t('fr', 'strategy.annual_link') }).click();
		await check(visitor, 'fr', false);
		const heading = visitor.getByRole('heading', { level: 1 });
		await expect(heading.textContent()).resolves.toContain(t('fr', 'strategy.annual_title', { year: 2025 }));
		// another year with the picker (a GET form)
		const picker = visitor.getByRole('form', { name: t('fr', 'strategy.annual_choose') });
		await picker.getByLabel(t('fr', 'strategy.annual_field_year'), { exact: true }).selectOption('2024');
		await picker.getByRole('button', { name: t('fr', 'strategy.annual_show') }).click();
		expect(new URL(visitor.url()).searchParams.get('year')).toBe('2024');
		await expect(heading.textContent()).resolves.toContain(t('fr', 'strategy.annual_title', { year: 2024 }));
		// the indicators' chart and its table: the sample indicator with its target and rating
		const results = visitor.getByRole('table', { name: t('fr', 'strategy.annual_chart_results', { year: 2024 }) });
		await expect(results.textContent()).resolves.toContain('EX-EMP-1');
		await expect(results.textContent()).resolves.toContain(fr.number(3600));
		// 2025 in Guelmim-Oued Noun: the region is picked by its name
		const region = picker.getByLabel(t('fr', 'strategy.annual_field_region'), { exact: true });
		await expect(region.locator('option[value="MA-10"]').textContent()).resolves.toBe('Guelmim-Oued Noun');
		await picker.getByLabel(t('fr', 'strategy.annual_field_year'), { exact: true }).selectOption('2025');
		await region.selectOption('MA-10');
		await picker.getByRole('button', { name: t('fr', 'strategy.annual_show') }).click();
		await check(visitor, 'fr', false);
		await expect(heading.textContent()).resolves.toContain(t('fr', 'strategy.annual_title', { year: 2025 }));
		await expect(visitor.getByText(t('fr', 'strategy.annual_scope_region', { region: 'Guelmim-Oued Noun' })).count()).resolves.toBe(1);
		// the budget of the region's actions: 120 000 executed of 200 000 planned, 60 %
		const totals = await visitor.getByRole('table', { name: t('fr', 'strategy.annual_budget_totals_region') }).textContent();
		expect(totals).toContain(fr.currency(200000, 'MAD'));
		expect(totals).toContain(fr.currency(120000, 'MAD'));
		expect(totals).toContain(t('fr', 'strategy.rate', { rate: fr.number(60) }));
		await expect(visitor.getByRole('table', { name: t('fr', 'strategy.annual_chart_domain', { year: 2025 }) }).count()).resolves.toBe(1);
		// the region's action is running and no initiative carries it yet
		await visitor.locator('details.gap-list summary').click();
		await expect(visitor.getByRole('link', { name: action }).count()).resolves.toBe(1);
		await shoot(visitor, 'region-fr');
		// printed: the report alone, its picker left out
		await visitor.emulateMedia({ media: 'print' });
		await expect(picker.isVisible()).resolves.toBe(false);
		await expect(heading.isVisible()).resolves.toBe(true);
		await visitor.emulateMedia({ media: 'screen' });
		// the same report as a PDF, in French, with the strategy's title and the region's action
		const frenchPdf = await downloadPdf(visitor, 'fr');
		expect(frenchPdf).toContain(SNIA.fr);
		expect(frenchPdf).toContain('Guelmim-Oued Noun');
		expect(frenchPdf).toContain(`Maison des migrants de Guelmim`);
		// an address edited by hand: a year outside the period gives the default report with a notice
		await visitor.goto('/fr/strategy/snia/annual-report?year=1999');
		await expect(visitor.getByRole('alert').textContent()).resolves.toContain(t('fr', 'strategy.annual_invalid'));

		// 2. Arabic, with JavaScript: from the region's page to its report, axe clean, nothing sideways at 320 px.
		const arabic = await browser.newPage({ locale: 'ar-MA' });
		await arabic.goto('/ar/strategy/regions/MA-10');
		await arabic.getByRole('link', { name: `${t('ar', 'strategy.annual_link_region')} — ${SNIA.ar}` }).click();
		await check(arabic, 'ar');
		expect(new URL(arabic.url()).searchParams.get('region')).toBe('MA-10');
		await expect(arabic.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(SNIA.ar);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'region-ar');
		const arabicPdf = await downloadPdf(arabic, 'ar');
		expect(arabicPdf.normalize('NFKC')).toMatch(/[\u0600-\u06FF]/);
		// the national report in Arabic, and its PDF
		await arabic.goto('/ar/strategy/snia/annual-report');
		await check(arabic, 'ar');
		expect(await downloadPdf(arabic, 'ar')).toContain('EX-EMP-1');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'national-ar');

		// 3. The API says the same.
		const report = await (await fetch(url('/api/v1/strategy/strategies/snia/annual-report?year=2025&region=MA-10'))).json();
		expect(report.budget.totals).toEqual([{ currency: 'MAD', planned: 200000, committed: 150000, executed: 120000, rate: 60 }]);
		expect(report.actions.gap.map((entry: { title: string }) => entry.title)).toContain(action);
	});
});
