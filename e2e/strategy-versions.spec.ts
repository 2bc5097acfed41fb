// Programme versions (issue #13, item 2): the demo's SNIA programme has an approved v1 and a draft that differs.
// In French without JavaScript, the planner (the demo partner) sees what the draft changes and submits it with a
// note; the owner (the demo moderator) cannot return it without a reason, then approves it as v2; the planner
// changes a budget line and the differences between v2 and the draft show it, with the totals by year and
// currency. In Arabic (axe), the owner's versions page, a version's page and the differences between v1 and v2,
// at 320 px with every text in its language. Screenshots at 360 and 1280 px go to
// test-results/screenshots/strategy-versions-*.
import { describe, expect, test } from 'vitest';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { intlLocale } from '#platform/i18n/languages.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('strategy-versions');

interface ApiVersion {
	ref: string;
	state: string;
	snapshot: { lines: { actionId: string; year: number; fundingSource: string; currency: string; planned: number; committed: number; executed: number }[] };
}

describe('programme versions', () => {
	test('submitted by the planner, approved by the owner, compared with the draft (fr, no JavaScript); read in Arabic (axe)', { timeout: 240_000 }, async () => {
		// 1. The planner: the draft differs from v1; submitted with a note (French, no JavaScript).
		const planner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false);
		await planner.goto('/fr/strategy/snia/plan');
		await planner.getByRole('link', { name: t('fr', 'strategy.versions_link'), exact: true }).click();
		await check(planner, 'fr', false);
		await expect(planner.locator('main').textContent()).resolves.toContain(t('fr', 'strategy.versions_draft_changed', { label: 'v1' }));
		await shoot(planner, 'draft-fr');
		await planner.getByLabel(t('fr', 'strategy.versions_field_note'), { exact: true }).fill('Révision de la programmation 2025.');
		await planner.getByRole('button', { name: t('fr', 'strategy.versions_submit'), exact: true }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.versions_done_submitted'));
		const submission = t('fr', 'strategy.submission_label', { seq: 2 });
		await expect(planner.getByRole('heading', { name: t('fr', 'strategy.versions_pending_title', { label: submission }) }).count()).resolves.toBe(1);
		// one at a time: no second submission, and the planner waits for the owner
		await expect(planner.getByRole('button', { name: t('fr', 'strategy.versions_submit'), exact: true }).count()).resolves.toBe(0);
		await expect(planner.locator('main').textContent()).resolves.toContain(t('fr', 'strategy.versions_waiting_owner'));
		await expect(planner.getByRole('button', { name: new RegExp(t('fr', 'strategy.versions_approve')) }).count()).resolves.toBe(0);
		await check(planner, 'fr', false);
		await shoot(planner, 'submitted-fr');

		// 2. The owner: a return needs a reason; then approved as v2 (French, no JavaScript).
		const owner = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		await owner.goto('/fr/strategy/snia/plan/versions');
		await check(owner, 'fr', false);
		await expect(owner.locator('main').textContent()).resolves.toContain('Révision de la programmation 2025.');
		await owner.getByRole('button', { name: `${t('fr', 'strategy.versions_return')} — ${submission}` }).click();
		await expect(owner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.error_return_reason'));
		await shoot(owner, 'return-refused-fr');
		await owner.getByRole('button', { name: `${t('fr', 'strategy.versions_approve')} — ${submission}` }).click();
		await expect(owner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.versions_done_approved', { label: 'v2' }));
		const history = owner.getByRole('table', { name: t('fr', 'strategy.versions_history_title') });
		await expect(history.locator('tbody tr').first().textContent()).resolves.toContain(t('fr', 'strategy.version_state_approved'));
		await expect(history.locator('tbody tr').first().locator('th').textContent()).resolves.toContain('v2');
		await check(owner, 'fr', false);
		await shoot(owner, 'approved-fr');

		// 3. The planner changes a line of v2's budget; the differences between v2 and the draft show it.
		const v2 = (await (await fetch(url('/api/v1/strategy/strategies/snia/versions/2'))).json()) as ApiVersion;
		expect(v2.state).toBe('approved');
		const line = v2.snapshot.lines.find((entry) => entry.currency === 'MAD')!;
		await planner.goto(`/fr/strategy/snia/plan/${line.actionId}`);
		await planner.getByLabel(t('fr', 'strategy.budget_year'), { exact: true }).fill(String(line.year));
		await planner.getByLabel(t('fr', 'strategy.budget_source'), { exact: true }).fill(line.fundingSource);
		await planner.getByLabel(t('fr', 'strategy.budget_planned'), { exact: true }).fill(String(line.planned + 12345));
		await planner.getByLabel(t('fr', 'strategy.budget_committed'), { exact: true }).fill(String(line.committed));
		await planner.getByLabel(t('fr', 'strategy.budget_executed'), { exact: true }).fill(String(line.executed));
		await planner.getByRole('button', { name: t('fr', 'strategy.budget_save') }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.budget_saved'));
		await planner.goto('/fr/strategy/snia/plan/versions');
		await expect(planner.locator('main').textContent()).resolves.toContain(t('fr', 'strategy.versions_draft_changed', { label: 'v2' }));
		await planner.getByRole('link', { name: t('fr', 'strategy.versions_compare_draft'), exact: true }).click();
		await check(planner, 'fr', false);
		await expect(planner.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(t('fr', 'strategy.compare_title', { from: 'v2', to: t('fr', 'strategy.draft_label') }));
		await expect(planner.locator('.diff-summary').textContent()).resolves.toContain(t('fr', 'strategy.compare_lines_changed', { count: 1 }));
		// the line: its planned amount before → after (+12 345,00 as French in Morocco writes it), and the year's total by currency
		const raised = new Intl.NumberFormat(intlLocale.fr, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(12345);
		const lines = planner.getByRole('region', { name: t('fr', 'strategy.compare_lines_title') });
		await expect(lines.textContent()).resolves.toContain(`(${raised})`);
		const totals = planner.getByRole('table', { name: t('fr', 'strategy.compare_totals_title') });
		const year = totals.locator('tbody tr').filter({ has: planner.locator('th', { hasText: String(line.year) }) }).filter({ hasText: 'MAD' });
		await expect(year.textContent()).resolves.toContain(raised);
		await shoot(planner, 'compare-fr');
		// the same differences to download: the changed line with its difference
		const csvLink = await planner.getByRole('link', { name: t('fr', 'strategy.compare_csv'), exact: true }).getAttribute('href');
		const csv = await (await planner.request.get(csvLink!)).text();
		expect(csv.split('\r\n').find((row) => row.startsWith('budget_line,changed,') && row.includes(`,${line.year},`))).toContain(',12345,');
		// the pickers name the versions by their labels
		const options = await planner.locator('select[name="from"] option').allTextContents();
		expect(options[0]).toBe(t('fr', 'strategy.draft_label'));
		expect(options.some((option) => option.startsWith('v1'))).toBe(true);

		// 4. Arabic, with JavaScript and axe: the owner's page, v2's page, and the differences from v1 to v2 for a visitor.
		const ownerAr = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await ownerAr.goto('/ar/strategy/snia/plan/versions');
		await check(ownerAr, 'ar');
		await expectPhoneWidthAndLanguageOfParts(ownerAr, 'ar');
		await shoot(ownerAr, 'versions-ar');
		const visitor = await browser.newPage({ locale: 'ar-MA' });
		await visitor.goto('/ar/strategy/snia/versions/2');
		await check(visitor, 'ar');
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'version-ar');
		await visitor.goto('/ar/strategy/snia/versions');
		await check(visitor, 'ar');
		// a visitor compares approved versions only: the draft is not offered
		const offered = await visitor.locator('select[name="to"] option').allTextContents();
		expect(offered.some((option) => option === t('ar', 'strategy.draft_label'))).toBe(false);
		await visitor.getByRole('button', { name: t('ar', 'strategy.versions_compare_submit'), exact: true }).click();
		await visitor.waitForURL(/\/versions\/compare/);
		await check(visitor, 'ar');
		await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(t('ar', 'strategy.compare_title', { from: t('ar', 'strategy.version_label', { number: 1 }), to: t('ar', 'strategy.version_label', { number: 2 }) }));
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'compare-ar');
		// the draft is refused to a visitor, said on the picker
		await visitor.goto('/ar/strategy/snia/versions/compare?from=1&to=draft');
		await expect(visitor.locator('.error-summary').textContent()).resolves.toContain(t('ar', 'strategy.error_unknown_version'));
		await check(visitor, 'ar');
	});
});
