// The Strategy module's results framework: the demo counsellor (ANAPEC), reporter on the SNIA through a
// grant limited to it, enters a value of a sample indicator in French without JavaScript (a region the
// indicator is not broken down by is refused first); the demo moderator, owner of the SNIA, returns it
// with a reason; the reporter corrects it; the owner approves it; the public results page shows it — counted in
// its domain, listed in that domain's indicators —, in French and in Arabic (axe-core). Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { check, signedInAs, screenshotsFor } from './flows.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const REPORTER = 'counsellor@demo.sharaka.ma';
const OWNER = 'moderator@demo.sharaka.ma';

const shoot = screenshotsFor('strategy-results');

async function optionValue(page: Page, label: string, text: string) {
	return (await page.getByLabel(label, { exact: true }).locator('option', { hasText: text }).getAttribute('value'))!;
}

describe('the Strategy results framework', () => {
	test('a reporter enters a value, the owner returns it, the reporter corrects it, the owner approves it, the public page shows it', { timeout: 240_000 }, async () => {
		// 0. A planner defines an indicator (French, no JavaScript): without a definition it is refused.
		const planner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false);
		await planner.goto('/fr/strategy/snia/plan/indicators');
		const nodeField = t('fr', 'strategy.field_indicator_node');
		await planner.getByLabel(nodeField, { exact: true }).selectOption(await optionValue(planner, nodeField, 'Exemple : orienter les migrants vers l’emploi'));
		await planner.getByLabel(t('fr', 'strategy.field_code'), { exact: true }).fill('EMP-ORIENT');
		await planner.getByLabel(t('fr', 'strategy.field_unit_fr'), { exact: true }).fill('ateliers');
		await planner.getByLabel(t('fr', 'strategy.field_target_year', { year: 2026 }), { exact: true }).fill('40');
		await planner.getByRole('button', { name: t('fr', 'strategy.indicators_save') }).click();
		await expect(planner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'errors.field_required'));
		await planner.getByLabel(t('fr', 'strategy.field_definition_fr'), { exact: true }).fill('Ateliers d’orientation tenus');
		await planner.getByLabel(t('fr', 'strategy.field_definition_ar'), { exact: true }).fill('ورشات التوجيه المنظمة');
		await planner.getByLabel(t('fr', 'strategy.disaggregation_region'), { exact: true }).check();
		await planner.getByRole('button', { name: t('fr', 'strategy.indicators_save') }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.indicators_added'));
		await expect(planner.locator('main').textContent()).resolves.toContain('EMP-ORIENT');
		await expectNoRawMessageKeys(planner);
		await shoot(planner, 'indicators-fr');
		// corrected: broken down by sex too, a target changed
		await planner.getByRole('link', { name: new RegExp(`^${t('fr', 'strategy.indicator_edit')} — EMP-ORIENT`) }).click();
		await expect(planner.getByLabel(t('fr', 'strategy.field_target_year', { year: 2026 }), { exact: true }).inputValue()).resolves.toBe('40');
		await planner.getByLabel(t('fr', 'strategy.disaggregation_sex'), { exact: true }).check();
		await planner.getByLabel(t('fr', 'strategy.field_target_year', { year: 2026 }), { exact: true }).fill('45');
		await planner.getByRole('button', { name: t('fr', 'strategy.indicator_save_changes') }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.indicators_saved'));
		// an indicator with reported values cannot be removed
		await planner.getByRole('link', { name: new RegExp(`^${t('fr', 'strategy.indicator_edit')} — EX-EMP-1`) }).click();
		await expect(planner.getByRole('button', { name: t('fr', 'strategy.indicator_remove_button', { code: 'EX-EMP-1' }) }).count()).resolves.toBe(0);
		await expectNoRawMessageKeys(planner);
		await shoot(planner, 'indicator-edit-fr');
		// the same page in Arabic, on a phone, with JavaScript: axe clean, nothing wider than the screen
		const editUrl = new URL(planner.url()).pathname.replace(/^\/fr\//, '/ar/');
		const arabicPlanner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'ar', true, true);
		await arabicPlanner.goto(editUrl);
		await check(arabicPlanner, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabicPlanner, 'ar');
		await shoot(arabicPlanner, 'indicator-edit-ar');

		// 1. The reporter, in French without JavaScript: not a reporter of another strategy.
		const reporter = await signedInAs(browser, REPORTER, 'fr', false, true);
		expect((await reporter.goto('/fr/strategy/strategie-mre/report'))?.status()).toBe(403);
		expect((await reporter.goto('/fr/strategy/snia/review'))?.status()).toBe(403);
		await reporter.goto('/fr/strategy/snia/report');
		await expectLanguage(reporter, 'fr');
		const fill = async (code: string, region: string, value: string) => {
			await reporter.getByLabel(t('fr', 'strategy.field_indicator'), { exact: true }).selectOption(await optionValue(reporter, t('fr', 'strategy.field_indicator'), code));
			await reporter.getByLabel(t('fr', 'strategy.field_period'), { exact: true }).selectOption('2026');
			await reporter.getByLabel(t('fr', 'strategy.field_region'), { exact: true }).selectOption(region);
			await reporter.getByLabel(t('fr', 'strategy.field_value'), { exact: true }).fill(value);
		};
		// a national indicator given for a region: refused, the rule in words, nothing kept
		await fill('EX-EMP-2', 'MA-09', '30');
		await reporter.getByRole('button', { name: t('fr', 'strategy.report_send') }).click();
		await expect(reporter.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.reason_region_not_disaggregated'));
		// only the demo's waiting value (EX-EMP-2, national) is listed: nothing was kept
		await expect(reporter.locator('table tbody tr').count()).resolves.toBe(1);
		await fill('EX-EMP-1', 'MA-09', '120');
		await reporter.getByLabel(t('fr', 'strategy.field_comment'), { exact: true }).fill('Bilan des permanences de l’année');
		await reporter.getByLabel(t('fr', 'strategy.field_evidence'), { exact: true }).fill('https://example.org/bilan-2026.pdf');
		await reporter.getByRole('button', { name: t('fr', 'strategy.report_send') }).click();
		await expect(reporter.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.report_done'));
		await expect(reporter.locator('table').textContent()).resolves.toContain(t('fr', 'strategy.value_submitted'));
		await expectNoRawMessageKeys(reporter);
		await shoot(reporter, 'report-fr');

		// 2. The owner returns it: a return without a reason is refused.
		const owner = await signedInAs(browser, OWNER, 'fr', false, true);
		await owner.goto('/fr/strategy/snia/review');
		const waiting = owner.locator('section', { hasText: 'EX-EMP-1' });
		await waiting.getByRole('button', { name: new RegExp(`^${t('fr', 'strategy.review_return')}`) }).click();
		await expect(owner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.reason_return_reason'));
		await owner.locator('section', { hasText: 'EX-EMP-1' }).getByLabel(t('fr', 'strategy.field_return_reason')).fill('Le justificatif donne 135 personnes');
		await owner.locator('section', { hasText: 'EX-EMP-1' }).getByRole('button', { name: new RegExp(`^${t('fr', 'strategy.review_return')}`) }).click();
		await expect(owner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.review_returned'));
		await expect(owner.getByText('Le justificatif donne 135 personnes').count()).resolves.toBe(0);

		// 3. The reporter sees the reason and corrects the value.
		await reporter.goto('/fr/strategy/snia/report');
		await expect(reporter.locator('main').textContent()).resolves.toContain('Le justificatif donne 135 personnes');
		await reporter.getByRole('link', { name: new RegExp(`^${t('fr', 'strategy.report_correct')}`) }).click();
		await expect(reporter.getByLabel(t('fr', 'strategy.field_value'), { exact: true }).inputValue()).resolves.toBe('120');
		await reporter.getByLabel(t('fr', 'strategy.field_value'), { exact: true }).fill('135');
		// broken down by sex (the indicator declares it), more than the value first: refused, said on the breakdown
		await reporter.locator('#field-parts summary').click();
		await reporter.getByLabel(t('fr', 'strategy.sex_female'), { exact: true }).fill('90');
		await reporter.getByLabel(t('fr', 'strategy.sex_male'), { exact: true }).fill('50');
		await reporter.getByRole('button', { name: t('fr', 'strategy.report_send') }).click();
		await expect(reporter.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.reason_parts_above_total'));
		await reporter.getByLabel(t('fr', 'strategy.sex_female'), { exact: true }).fill('80');
		await reporter.getByRole('button', { name: t('fr', 'strategy.report_send') }).click();
		await expect(reporter.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.report_done'));
		await expect(reporter.locator('table').textContent()).resolves.toContain(t('fr', 'strategy.part_value', { label: t('fr', 'strategy.sex_female'), value: '80' }));

		// 4. The owner approves it; the history tells who returned it and why.
		await owner.goto('/fr/strategy/snia/review');
		await expect(owner.locator('section', { hasText: 'EX-EMP-1' }).textContent()).resolves.toContain('Le justificatif donne 135 personnes');
		await shoot(owner, 'review-fr');
		await owner.locator('section', { hasText: 'EX-EMP-1' }).getByRole('button', { name: new RegExp(`^${t('fr', 'strategy.review_approve')}`) }).click();
		await expect(owner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.review_approved'));
		await expectNoRawMessageKeys(owner);

		// 5. The public page shows it (French, then Arabic with axe).
		const visitor = await browser.newPage({ javaScriptEnabled: false });
		await visitor.goto('/fr/strategy/snia/results');
		// the indicators counted by domain, each domain leading to its own list (a strategy of hundreds reads that way)
		await visitor.locator('table.domains tbody tr', { hasText: 'Emploi' }).getByRole('link').click();
		await expect(visitor.locator('#indicators').textContent()).resolves.toContain('Emploi');
		await check(visitor, 'fr', false);
		await shoot(visitor, 'summary-fr');
		// the summary's line of the indicator: its latest year; its years and regions on its own page
		const line = visitor.locator('table.results tbody tr', { hasText: 'EX-EMP-1' });
		await expect(line.textContent()).resolves.toContain('2026');
		await line.getByRole('link').click();
		await check(visitor, 'fr', false);
		const row2026 = visitor.locator('table', { has: visitor.locator('caption', { hasText: t('fr', 'strategy.results_table', { code: 'EX-EMP-1' }) }) }).locator('tbody tr', { has: visitor.locator('th', { hasText: '2026' }) });
		await expect(row2026.textContent()).resolves.toContain(t('fr', 'strategy.region_value', { region: 'Souss-Massa', value: '135' }));
		// its breakdown by sex in Souss-Massa, with the share of each part and the part not given
		const bySex = visitor.getByRole('table', { name: t('fr', 'strategy.breakdown_sex') });
		await expect(bySex.locator('tr', { hasText: t('fr', 'strategy.sex_female') }).textContent()).resolves.toMatch(/80.*59,3/);
		await expect(bySex.locator('tr', { hasText: t('fr', 'strategy.breakdown_unknown') }).textContent()).resolves.toContain('5');
		await shoot(visitor, 'indicator-fr');
		// the region's page shows the indicator's progress there; the strategy's page its gaps by domain
		await visitor.goto('/fr/strategy/regions/MA-09');
		const progress = visitor.locator('table', { has: visitor.locator('caption', { hasText: t('fr', 'strategy.region_progress_title') }) });
		await expect(progress.locator('tr', { hasText: 'EX-EMP-1' }).textContent()).resolves.toContain(t('fr', 'strategy.region_progress_value', { year: 2026, value: '135' }));
		await shoot(visitor, 'region-fr');
		await visitor.goto('/fr/strategy/snia');
		await expect(visitor.getByRole('heading', { name: t('fr', 'strategy.gaps_title') }).count()).resolves.toBe(1);
		const arabic = await browser.newPage({ locale: 'ar-MA' });
		await arabic.goto('/ar/strategy/snia/results');
		await expectLanguage(arabic, 'ar');
		await expectNoAxeViolations(arabic);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		// the new indicator's Arabic definition, the samples badged
		await expect(arabic.locator('main').textContent()).resolves.toContain('ورشات التوجيه المنظمة');
		await expect(arabic.locator('main').textContent()).resolves.toContain(t('ar', 'strategy.sample_badge'));
		await shoot(arabic, 'summary-ar');
		await arabic.locator('table.results tbody tr', { hasText: 'EX-EMP-1' }).getByRole('link').click();
		await expect(arabic.locator('main').textContent()).resolves.toContain('سوس-ماسة');
		await expectNoAxeViolations(arabic);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await expectNoRawMessageKeys(arabic);
		await shoot(arabic, 'public-ar');
		await arabic.goto('/ar/strategy/regions/MA-09');
		await expectNoAxeViolations(arabic);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await arabic.goto('/ar/strategy/snia');
		await expectNoAxeViolations(arabic);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
	});
});
