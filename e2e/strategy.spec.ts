// The Strategy module: the demo partner, planner of the SNIA through a grant limited to it, adds an action
// under an objective of the SNIA's tree in French without JavaScript (a first try without a title is
// refused with the field named); the public page of the strategy shows it in Arabic, filtered by region
// (axe-core, 320 px); the API and the CSV export carry it. Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { pick, screenshotsFor } from './flows.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, server, signIn, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const stamp = Date.now();
const title = `Classes passerelles pour enfants migrants ${stamp}`;
const arabicTitle = `أقسام جسرية لأطفال المهاجرين ${stamp}`;

const shoot = screenshotsFor('strategy');

describe('the Strategy module', () => {
	test('a planner adds an action under the SNIA (fr, no JavaScript); the public page shows it in Arabic (axe, 320 px); API and export carry it', { timeout: 180_000 }, async () => {
		// 1. The list and the tree are public.
		const visitor = await browser.newPage({ locale: 'ar-MA' });
		await visitor.goto('/ar/strategy');
		await expectLanguage(visitor, 'ar');
		await expect(visitor.getByRole('link', { name: 'الاستراتيجية الوطنية للهجرة واللجوء' }).count()).resolves.toBe(1);
		await expectNoAxeViolations(visitor);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'list-ar');

		// 2. The demo partner plans the SNIA: French, no JavaScript, on a phone.
		const planner = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await signIn(planner, 'fr', 'partner@demo.sharaka.ma', DEMO_PASSWORD);
		await planner.waitForURL((address) => !address.pathname.includes('/account/sign-in'));
		// not a planner of another strategy
		expect((await planner.goto('/fr/strategy/strategie-mre/plan'))?.status()).toBe(403);
		await planner.goto('/fr/strategy/snia/plan');
		await expectLanguage(planner, 'fr');
		const parent = planner.getByLabel(t('fr', 'strategy.field_parent'), { exact: true });
		const objective = await parent.locator('option', { hasText: 'Exemple : orienter les migrants vers l’emploi' }).getAttribute('value');
		await planner.getByLabel(t('fr', 'strategy.field_kind'), { exact: true }).selectOption('action');
		await parent.selectOption(objective!);
		await planner.getByRole('button', { name: t('fr', 'strategy.add'), exact: true }).click();
		// no title: refused, the field named
		await expect(planner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'errors.field_required'));
		await planner.getByLabel(t('fr', 'strategy.field_title_fr'), { exact: true }).fill(title);
		await planner.getByLabel(t('fr', 'strategy.field_title_ar'), { exact: true }).fill(arabicTitle);
		await planner.getByLabel(t('fr', 'strategy.field_period_start'), { exact: true }).fill('2026');
		await planner.getByLabel(t('fr', 'strategy.field_period_end'), { exact: true }).fill('2027');
		await planner.getByLabel(t('fr', 'strategy.field_status'), { exact: true }).selectOption('ongoing');
		await pick(planner, 'regions', ['MA-09']);
		await pick(planner, 'gcm', ['15']);
		await pick(planner, 'sdg', ['10.7']);
		await planner.getByLabel(t('fr', 'strategy.field_parent'), { exact: true }).selectOption(objective!);
		await planner.getByRole('button', { name: t('fr', 'strategy.add'), exact: true }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.plan_added'));
		await expectNoRawMessageKeys(planner);
		await shoot(planner, 'plan-fr');
		// its budget: executed above committed is refused without a note, then saved with one
		await planner.getByRole('link', { name: `${t('fr', 'strategy.edit')} — ${title}` }).click();
		await planner.getByLabel(t('fr', 'strategy.budget_year'), { exact: true }).fill('2026');
		await planner.getByLabel(t('fr', 'strategy.budget_source'), { exact: true }).fill('Budget général de l’État');
		await planner.getByLabel(t('fr', 'strategy.budget_planned'), { exact: true }).fill('100 000');
		await planner.getByLabel(t('fr', 'strategy.budget_committed'), { exact: true }).fill('50000');
		await planner.getByLabel(t('fr', 'strategy.budget_executed'), { exact: true }).fill('60000');
		await planner.getByRole('button', { name: t('fr', 'strategy.budget_save') }).click();
		await expect(planner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.budget_reason_executed'));
		await planner.getByLabel(t('fr', 'strategy.budget_note'), { exact: true }).fill('Second semestre avancé');
		await planner.getByRole('button', { name: t('fr', 'strategy.budget_save') }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.budget_saved'));
		await expectNoRawMessageKeys(planner);
		await shoot(planner, 'budget-fr');

		// 3. The public page in Arabic, filtered by region: the new action is there, under its objective.
		await visitor.goto('/ar/strategy/snia?region=MA-09');
		await expectLanguage(visitor, 'ar');
		await expect(visitor.getByText(arabicTitle).count()).resolves.toBe(1);
		await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('الاستراتيجية الوطنية للهجرة واللجوء');
		await expectNoAxeViolations(visitor);
		await expectNoRawMessageKeys(visitor);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		// the execution rate of the real budget lines: 60 000 of 100 000
		await expect(visitor.getByRole('table', { name: t('ar', 'strategy.execution_by_year') }).textContent()).resolves.toContain('60');
		await shoot(visitor, 'tree-ar');
		// another region's filter leaves it out
		await visitor.goto('/ar/strategy/snia?region=MA-01');
		await expect(visitor.getByText(arabicTitle).count()).resolves.toBe(0);
		// the region's page lists it
		await visitor.goto('/ar/strategy/regions/MA-09');
		await expect(visitor.getByText(arabicTitle).count()).resolves.toBe(1);
		await expectNoAxeViolations(visitor);

		// 4. The planning pages in Arabic, with JavaScript: axe, nothing sideways at 320 px.
		const arabicPlanner = await browser.newPage({ locale: 'ar-MA' });
		await signIn(arabicPlanner, 'ar', 'partner@demo.sharaka.ma', DEMO_PASSWORD);
		await arabicPlanner.waitForURL((address) => !address.pathname.includes('/account/sign-in'));
		await arabicPlanner.goto('/ar/strategy/snia/plan');
		await expectLanguage(arabicPlanner, 'ar');
		await expectNoAxeViolations(arabicPlanner);
		await expectPhoneWidthAndLanguageOfParts(arabicPlanner, 'ar');
		await arabicPlanner.getByRole('link', { name: `${t('ar', 'strategy.edit')} — ${arabicTitle}` }).click();
		await expectNoAxeViolations(arabicPlanner);
		await expectPhoneWidthAndLanguageOfParts(arabicPlanner, 'ar');
		await shoot(arabicPlanner, 'node-ar');

		// 5. The API and the export carry it.
		const detail = await fetch(url('/api/v1/strategy/strategies/snia?region=MA-09&status=ongoing')).then((answer) => answer.json());
		expect(JSON.stringify(detail)).toContain(title);
		const csv = await fetch(url('/fr/strategy/snia/export?format=csv')).then((answer) => answer.text());
		expect(csv).toContain(title);
		const xlsx = await fetch(url('/fr/strategy/snia/export?format=xlsx'));
		expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
	});
});
