// The programme's XLSX import: the demo partner, planner of the SNIA, downloads the programme (the template),
// adds budget lines in a spreadsheet and imports it in French without JavaScript on a phone — a first file
// with executed above committed and no note is refused row by row, nothing changed; the corrected file, with a
// new objective on the structure sheet and a new action under it, shows what will change, is applied, and the
// action's page shows the lines. In Arabic the problems page is axe clean. Then a file moves an action to that
// new objective and removes the new action: the preview names what goes with it, Apply asks for the plan page's
// confirmations (refused until they are given), and the plan's tree shows the result; the removal's preview in
// Arabic is axe clean. Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
server();
const shoot = screenshotsFor('strategy-import');

/** The SNIA's programme as the export gives it, with budget rows added to its budget sheet. */
async function programmeWith(page: Page, budgetRows: (string | number)[][], added?: { objective: string; action: string }): Promise<{ buffer: Buffer; action: string }> {
	const response = await page.request.get('/fr/strategy/snia/export?format=xlsx');
	expect(response.status()).toBe(200);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
	const [actions, budget, structure] = workbook.worksheets;
	const action = String(actions.getRow(2).getCell(1).value);
	if (added) {
		// rows without id: a new objective in the first programme of the structure sheet, a new action under it
		const columns = (sheet: typeof actions) => (sheet.getRow(1).values as unknown[]).slice(1) as string[];
		const cell = (sheet: typeof actions, row: number, name: string) => String(sheet.getRow(row).getCell(columns(sheet).indexOf(name) + 1).value ?? '');
		let programme = 2;
		while (cell(structure, programme, 'kind') !== t('fr', 'strategy.kind_programme')) programme++;
		structure.addRow(columns(structure).map((name) => ({ kind: 'Objectif', parent_id: cell(structure, programme, 'id'), title_fr: added.objective })[name] ?? ''));
		actions.addRow(columns(actions).map((name) => ({ objective: added.objective, title_fr: added.action, regions: 'MA-06' })[name] ?? ''));
	}
	for (const row of budgetRows) budget.addRow(row.map((cell) => (cell === ':action' ? action : cell)));
	return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), action };
}

/** The SNIA's programme as the export gives it, changed by `edit` (its sheets and a cell writer by column name). */
async function programmeEdited(page: Page, edit: (sheets: { actions: ExcelJS.Worksheet; structure: ExcelJS.Worksheet }, cells: { get: (sheet: ExcelJS.Worksheet, row: number, name: string) => string; set: (sheet: ExcelJS.Worksheet, row: number, name: string, value: string) => void; find: (sheet: ExcelJS.Worksheet, name: string, text: string) => number }) => void): Promise<Buffer> {
	const response = await page.request.get('/fr/strategy/snia/export?format=xlsx');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
	const [actions, , structure] = workbook.worksheets;
	// the column the planner adds to remove a row's item
	for (const sheet of [actions, structure]) sheet.getRow(1).getCell(sheet.columnCount + 1).value = 'remove';
	const columns = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1) as string[];
	const get = (sheet: ExcelJS.Worksheet, row: number, name: string) => String(sheet.getRow(row).getCell(columns(sheet).indexOf(name) + 1).value ?? '');
	const set = (sheet: ExcelJS.Worksheet, row: number, name: string, value: string) => void (sheet.getRow(row).getCell(columns(sheet).indexOf(name) + 1).value = value);
	const find = (sheet: ExcelJS.Worksheet, name: string, text: string) => {
		for (let row = 2; row <= sheet.rowCount; row++) if (get(sheet, row, name) === text) return row;
		throw new Error(`no row with ${name} = ${text}`);
	};
	edit({ actions, structure }, { get, set, find });
	return Buffer.from(await workbook.xlsx.writeBuffer());
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
		], { objective: 'Accueil des nouveaux arrivants e2e', action: 'Centre d’accueil e2e' });
		await upload(planner, 'fr', right.buffer);
		await expect(planner.getByRole('alert').count()).resolves.toBe(0);
		await expect(planner.locator('main').textContent()).resolves.toContain('Fonds de test e2e');
		await expect(planner.getByRole('table', { name: t('fr', 'strategy.import_new_nodes_caption') }).textContent()).resolves.toContain('Accueil des nouveaux arrivants e2e');
		await expect(planner.getByRole('table', { name: t('fr', 'strategy.import_new_caption') }).textContent()).resolves.toContain('Centre d’accueil e2e');
		await shoot(planner, 'preview-fr');
		await planner.getByRole('button', { name: t('fr', 'strategy.import_apply'), exact: true }).click();
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(`${t('fr', 'strategy.import_done', { actions: 0, created: 1, lines: 3 })} ${t('fr', 'strategy.import_done_nodes', { count: 1 })}`);
		// the new objective and its action are in the plan's tree
		await expect(planner.getByRole('link', { name: 'Accueil des nouveaux arrivants e2e' }).count()).resolves.toBe(1);
		await expect(planner.getByRole('link', { name: 'Centre d’accueil e2e' }).count()).resolves.toBe(1);

		// the action's page shows the imported lines
		await planner.goto(`/fr/strategy/snia/actions/${right.action}`);
		await expect(planner.locator('tr', { hasText: 'Fonds de test e2e' }).count()).resolves.toBe(2);
		// its plan page: removing it asks to confirm what it holds too, named
		await planner.goto(`/fr/strategy/snia/plan/${right.action}`);
		await expect(planner.locator('label[for="field-withChildren"]').textContent()).resolves.toContain(t('fr', 'strategy.remove_with_contents', { contents: '' }).trim());
		await expect(planner.locator('label[for="field-withChildren"]').textContent()).resolves.toMatch(/lignes budgétaires/);
		await check(planner, 'fr', false);
		await shoot(planner, 'node-removal-fr');

		// Arabic, with JavaScript: the same problem, axe clean
		const arabic = await signedInAs(browser, 'partner@demo.sharaka.ma', 'ar');
		await arabic.goto('/ar/strategy/snia/plan/import');
		await upload(arabic, 'ar', (await programmeWith(arabic, [[':action', '', 2026, 'Fonds de test e2e', 'MAD', 1000, 400, 900, '', 'false']])).buffer);
		await expect(arabic.getByRole('alert').textContent()).resolves.toContain(t('ar', 'strategy.import_problems_title', { count: 1 }));
		await check(arabic, 'ar');
		await shoot(arabic, 'problems-ar');

		// a file that moves the first action to the new objective and removes the new action (with its line)
		let moved = '';
		const moves = await programmeEdited(planner, ({ actions, structure }, { get, set, find }) => {
			const objective = get(structure, find(structure, 'title_fr', 'Accueil des nouveaux arrivants e2e'), 'id');
			moved = get(actions, 2, 'title_fr');
			set(actions, 2, 'objective_id', objective);
			set(actions, find(actions, 'title_fr', 'Centre d’accueil e2e'), 'remove', 'oui');
		});
		await planner.goto('/fr/strategy/snia/plan/import');
		await upload(planner, 'fr', moves);
		await expect(planner.getByRole('alert').count()).resolves.toBe(0);
		const removals = planner.getByRole('table', { name: t('fr', 'strategy.import_removals_caption') });
		await expect(removals.textContent()).resolves.toContain('Centre d’accueil e2e');
		await expect(removals.textContent()).resolves.toContain(t('fr', 'strategy.remove_holds_lines', { count: 1 }));
		await expect(planner.getByRole('table', { name: t('fr', 'strategy.import_actions_caption') }).textContent()).resolves.toContain('Accueil des nouveaux arrivants e2e');
		await check(planner, 'fr', false);
		await shoot(planner, 'removal-fr');
		// Apply without the confirmations: refused, the same preview shown again with the box to tick
		await planner.getByRole('button', { name: t('fr', 'strategy.import_apply'), exact: true }).click();
		await planner.locator('.error-summary').first().waitFor();
		await expect(planner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.import_removal_confirm_required'));
		await expect(removals.count()).resolves.toBe(1);
		await shoot(planner, 'removal-refused-fr');
		await planner.getByLabel(t('fr', 'strategy.import_removal_confirm', { count: 1 })).check();
		await planner.getByRole('button', { name: t('fr', 'strategy.import_apply'), exact: true }).click();
		await planner.locator('.error-summary').first().waitFor();
		await expect(planner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.reason_has_contents'));
		await planner.getByLabel(t('fr', 'strategy.import_removal_confirm', { count: 1 })).check();
		await planner.locator('#field-withChildren').check();
		await planner.getByRole('button', { name: t('fr', 'strategy.import_apply'), exact: true }).click();
		await planner.waitForURL((address) => address.pathname.endsWith('/plan'));
		await expect(planner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.import_done_removed', { count: 1 }));
		await expect(planner.getByRole('link', { name: 'Centre d’accueil e2e' }).count()).resolves.toBe(0);
		await expect(planner.locator('li', { has: planner.getByRole('link', { name: 'Accueil des nouveaux arrivants e2e' }) }).first().textContent()).resolves.toContain(moved);

		// Arabic, with JavaScript: a removal's preview, axe clean (not applied)
		await arabic.goto('/ar/strategy/snia/plan/import');
		await upload(arabic, 'ar', await programmeEdited(arabic, ({ actions }, { set }) => set(actions, 2, 'remove', 'نعم')));
		await expect(arabic.getByRole('table', { name: t('ar', 'strategy.import_removals_caption') }).count()).resolves.toBe(1);
		await expect(arabic.locator('fieldset.removal').count()).resolves.toBe(1);
		await check(arabic, 'ar');
		await shoot(arabic, 'removal-ar');
	});
});
