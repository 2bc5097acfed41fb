// The programme's XLSX import: the demo partner, planner of the SNIA, downloads the programme (the template),
// adds budget lines in a spreadsheet and imports it in French without JavaScript on a phone — a first file
// with executed above committed and no note is refused row by row, nothing changed; the corrected file shows
// what will change, is applied, and the action's page shows the lines. In Arabic the problems page is axe
// clean. Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
server();
const shoot = screenshotsFor('strategy-import');

/** The SNIA's programme as the export gives it, with budget rows added to its budget sheet. */
async function programmeWith(page: Page, budgetRows: (string | number)[][], newAction?: string): Promise<{ buffer: Buffer; action: string }> {
	const response = await page.request.get('/fr/strategy/snia/export?format=xlsx');
	expect(response.status()).toBe(200);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
	const [actions, budget] = workbook.worksheets;
	const action = String(actions.getRow(2).getCell(1).value);
	if (newAction) {
		// a row without id: a new action under the first action's objective, in its domain and programme
		const columns = (actions.getRow(1).values as unknown[]).slice(1) as string[];
		const first = actions.getRow(2);
		const value = (name: string) => String(first.getCell(columns.indexOf(name) + 1).value ?? '');
		actions.addRow(columns.map((name) => ({ domain: value('domain'), programme: value('programme'), objective: value('objective'), title_fr: newAction, regions: 'MA-06' })[name] ?? ''));
	}
	for (const row of budgetRows) budget.addRow(row.map((cell) => (cell === ':action' ? action : cell)));
	return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), action };
}

const upload = async (page: Page, language: 'fr' | 'ar', buffer: Buffer) => {
	await page.getByLabel(t(language, 'strategy.import_file'), { exact: true }).setInputFiles({ name: 'programme-snia.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
	await page.getByRole('button', { name: t(language, 'strategy.import_preview'), exact: true }).click();
};

describe('the programme’s XLSX import', () => {
	test('a planner imports budget lines from the exported programme: problems first, then applied (fr, no JavaScript, phone); the problems in Arabic (axe)', { timeout: 240_000 }, async () => {
		const planner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false, true);
		await planner.goto('/fr/strategy/snia/plan');
		await planner.getByRole('link', { name: t('fr', 'strategy.import_link'), exact: true }).click();
		await check(planner, 'fr', false);
		await shoot(planner, 'form-fr');

		// executed above committed without a note: refused with its row, nothing changed
		const wrong = await programmeWith(planner, [[':action', '', 2026, 'Fonds de test e2e', 'MAD', 1000, 400, 600, '', 'false']]);
		await upload(planner, 'fr', wrong.buffer);
		await expect(planner.getByRole('alert').textContent()).resolves.toContain(t('fr', 'strategy.import_problems_title', { count: 1 }));
		await expect(planner.locator('table').first().textContent()).resolves.toContain(t('fr', 'strategy.import_problem_executed_above_committed'));
		await expect(planner.getByRole('button', { name: t('fr', 'strategy.import_apply'), exact: true }).count()).resolves.toBe(0);
		await check(planner, 'fr', false);
		await shoot(planner, 'problems-fr');

		// corrected: the note explains it; a second line for the next year
		const right = await programmeWith(planner, [
			[':action', '', 2026, 'Fonds de test e2e', 'MAD', 1000, 400, 600, 'Avance versée avant l’engagement', 'false'],
			[':action', '', 2027, 'Fonds de test e2e', 'EUR', '2 500,50', 0, 0, '', 'false'],
			['', 'Centre d’accueil e2e', 2026, 'Fonds de test e2e', 'MAD', 800, 0, 0, '', 'false']
		], 'Centre d’accueil e2e');
		await upload(planner, 'fr', right.buffer);
		await expect(planner.getByRole('alert').count()).resolves.toBe(0);
		await expect(planner.locator('main').textContent()).resolves.toContain('Fonds de test e2e');
		await expect(planner.getByRole('table', { name: t('fr', 'strategy.import_new_caption') }).textContent()).resolves.toContain('Centre d’accueil e2e');
		await shoot(planner, 'preview-fr');
		await planner.getByRole('button', { name: t('fr', 'strategy.import_apply'), exact: true }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.import_done', { actions: 0, created: 1, lines: 3 }));
		// the new action is in the plan's tree
		await expect(planner.getByRole('link', { name: 'Centre d’accueil e2e' }).count()).resolves.toBe(1);

		// the action's page shows the imported lines
		await planner.goto(`/fr/strategy/snia/actions/${right.action}`);
		await expect(planner.locator('tr', { hasText: 'Fonds de test e2e' }).count()).resolves.toBe(2);

		// Arabic, with JavaScript: the same problem, axe clean
		const arabic = await signedInAs(browser, 'partner@demo.sharaka.ma', 'ar');
		await arabic.goto('/ar/strategy/snia/plan/import');
		await upload(arabic, 'ar', (await programmeWith(arabic, [[':action', '', 2026, 'Fonds de test e2e', 'MAD', 1000, 400, 900, '', 'false']])).buffer);
		await expect(arabic.getByRole('alert').textContent()).resolves.toContain(t('ar', 'strategy.import_problems_title', { count: 1 }));
		await check(arabic, 'ar');
		await shoot(arabic, 'problems-ar');
	});
});
