import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { budgetLinesOf, setBudgetLine } from './budget.service.ts';
import { actionRows, createNode, createStrategy, updateNode } from './strategy.service.ts';
import { actionsXlsx, actionTable, budgetTable } from './strategy-export.ts';
import { budgetLinesOfMany } from './budget.service.ts';
import { applyProgrammeImport, previewProgrammeImport, removeStaleImports } from './programme-import.ts';
import { node } from './strategy.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';

let app: TestApp;
let planner: Person;
let caravan: string;
let helpline: string;

const ctxOf = (who: Person, now = new Date('2026-12-06T10:00:00Z')) => contextFor(app.database.db, who, { files: app.files, now: () => now });

/** The strategy's export as the plan page offers it (the template), changed by `edit` as a planner would in a spreadsheet. */
async function exported(language: 'fr' | 'ar', edit: (sheets: { actions: ExcelJS.Worksheet; budget: ExcelJS.Worksheet }) => void = () => undefined): Promise<Uint8Array> {
	const { rows } = await actionRows(app.database.db, 'import-test', language, {}, { canPlan: () => true });
	const lines = await budgetLinesOfMany(app.database.db, rows.map((row) => row.action.id));
	const bytes = await actionsXlsx(actionTable(rows, language), 'Actions', language, { name: 'Budget', rows: budgetTable(lines, new Map(rows.map((row) => [row.action.id, row.action.title]))) });
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	edit({ actions: workbook.worksheets[0], budget: workbook.worksheets[1] });
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The row of a sheet whose first column holds `id`. */
const rowOf = (sheet: ExcelJS.Worksheet, id: string) => {
	let found: ExcelJS.Row | null = null;
	sheet.eachRow((row) => {
		if (row.getCell(1).value === id) found = row;
	});
	return found!;
};
const column = (sheet: ExcelJS.Worksheet, name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);

beforeAll(async () => {
	app = await createTestApp({});
	const db = app.database.db;
	const admin = await aPerson(db, { role: 'administrator' });
	planner = await aPerson(db);
	planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'import-test' }];
	await createStrategy(contextFor(db, admin), { slug: 'import-test', title: { fr: 'Programme importé' }, country: 'MA', periodStart: 2024, periodEnd: 2027, published: true });
	const ctx = contextFor(db, planner);
	const domain = (await createNode(ctx, 'import-test', { kind: 'domain', title: { fr: 'Santé' } })).id;
	const programme = (await createNode(ctx, 'import-test', { kind: 'programme', parentId: domain, title: { fr: 'Soins' } })).id;
	const objective = (await createNode(ctx, 'import-test', { kind: 'objective', parentId: programme, title: { fr: 'Accès' } })).id;
	caravan = (await createNode(ctx, 'import-test', { kind: 'action', parentId: objective, title: { fr: 'Caravane médicale' }, regions: ['MA-02'], periodStart: 2024, periodEnd: 2026 })).id;
	helpline = (await createNode(ctx, 'import-test', { kind: 'action', parentId: objective, title: { fr: 'Ligne d’écoute' }, national: true })).id;
	await setBudgetLine(ctx, caravan, { year: 2024, fundingSource: 'Budget général', planned: 1000, committed: 800, executed: 700 });
	await setBudgetLine(ctx, helpline, { year: 2024, fundingSource: 'Budget général', planned: 500, committed: 500, executed: 100 });
});
afterAll(async () => app?.close());

describe('the programme’s XLSX import', () => {
	it('previews the changes of an edited export (in Arabic too) and applies them in one audited import', async () => {
		const bytes = await exported('ar', ({ actions, budget }) => {
			// the status as the export writes it, in another language; a later end
			rowOf(actions, caravan).getCell(column(actions, 'status')).value = 'En cours';
			rowOf(actions, caravan).getCell(column(actions, 'period_end')).value = 2027;
			// a line changed, a new year added
			rowOf(budget, caravan).getCell(column(budget, 'executed')).value = 790;
			budget.addRow([caravan, 'Caravane médicale', 2025, 'Union européenne', 'EUR', 300, 0, 0, '', 'false']);
		});
		const preview = await previewProgrammeImport(ctxOf(planner), 'import-test', bytes);
		expect(preview.problems).toEqual([]);
		expect(preview.actions).toEqual([expect.objectContaining({ nodeId: caravan, status: 'ongoing', periodEnd: 2027, before: expect.objectContaining({ periodEnd: 2026 }) })]);
		expect(preview.unchangedActions).toBe(1);
		expect(preview.budget.map((line) => [line.year, line.fundingSource, line.executed, line.before?.executed ?? null])).toEqual([
			[2024, 'Budget général', 790, 700],
			[2025, 'Union européenne', 0, null]
		]);
		expect(preview.unchangedLines).toBe(1);
		// nothing is written by a preview
		expect((await budgetLinesOf(app.database.db, caravan)).map((line) => line.executed)).toEqual([700]);

		expect(await applyProgrammeImport(ctxOf(planner), 'import-test', preview)).toEqual({ actions: 1, created: 0, lines: 2 });
		expect((await budgetLinesOf(app.database.db, caravan)).map((line) => [line.year, line.currency, line.planned, line.executed])).toEqual([
			[2024, 'MAD', 1000, 790],
			[2025, 'EUR', 300, 0]
		]);
		const [action] = await app.database.db.select().from(node).where(eq(node.id, caravan));
		expect([action.status, action.periodEnd]).toEqual(['ongoing', 2027]);
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_programme.import'), eq(auditEvent.actorUserId, planner.user.id)));
		expect(event.after).toMatchObject({ budget: [expect.objectContaining({ year: 2024, before: expect.objectContaining({ executed: 700 }) }), expect.objectContaining({ year: 2025, before: null })] });
		// the file is gone once applied: applying twice is refused
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), 'import-test', preview))).toBe('invalid_input:import_file_gone');
	});

	it('lists each problem with its sheet, row and column, and applies nothing while there is one', async () => {
		let helplineLine = 0;
		const bytes = await exported('fr', ({ actions, budget }) => {
			rowOf(actions, helpline).getCell(column(actions, 'status')).value = 'bientôt';
			helplineLine = rowOf(budget, helpline).number;
			rowOf(budget, helpline).getCell(column(budget, 'executed')).value = 900; // above the 500 committed, no note
			budget.addRow([helpline, '', 2031, 'Budget général', 'MAD', 10, 0, 0, '', 'false']); // outside 2024–2027
			budget.addRow(['00000000-0000-4000-8000-000000000000', '', 2025, 'Budget général', 'MAD', 10, 0, 0, '', 'false']);
			budget.addRow([caravan, '', 2026, 'Budget général', 'MAD', 'beaucoup', 0, 0, '', 'false']);
		});
		const preview = await previewProgrammeImport(ctxOf(planner), 'import-test', bytes);
		expect(preview.problems.map((problem) => [problem.sheet, problem.row, problem.column, problem.key])).toEqual([
			['actions', 3, 'status', 'bad_status'],
			['budget', helplineLine, 'note', 'executed_above_committed'],
			['budget', 5, 'year', 'year_outside'],
			['budget', 6, 'action_id', 'unknown_action'],
			['budget', 7, 'planned', 'bad_value']
		]);
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), 'import-test', preview))).toBe('invalid_input:import_has_problems');
		expect((await budgetLinesOf(app.database.db, helpline)).map((line) => line.executed)).toEqual([100]);
	});

	it('refuses wrong columns, a file that is no workbook, a programme changed since the preview, and anyone but its planners', async () => {
		const renamed = await exported('fr', ({ budget }) => {
			budget.getRow(1).getCell(column(budget, 'planned')).value = 'prévu';
		});
		const wrong = await previewProgrammeImport(ctxOf(planner), 'import-test', renamed);
		expect(wrong.problems.map((problem) => [problem.sheet, problem.column, problem.key])).toEqual([
			['budget', 'prévu', 'unknown_column'],
			['budget', 'planned', 'missing_column']
		]);
		expect(await refusalWithReason(previewProgrammeImport(ctxOf(planner), 'import-test', new TextEncoder().encode('id;status\n')))).toBe('invalid_input:import_unreadable');

		const preview = await previewProgrammeImport(ctxOf(planner), 'import-test', await exported('fr', ({ budget }) => void (rowOf(budget, helpline).getCell(column(budget, 'planned')).value = 600)));
		await updateNode(contextFor(app.database.db, planner), helpline, { title: { fr: 'Ligne d’écoute nationale' }, national: true });
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), 'import-test', preview))).toBe('conflict:import_changed');
		expect((await budgetLinesOf(app.database.db, helpline)).map((line) => line.planned)).toEqual([500]);

		const stranger = await aPerson(app.database.db);
		expect(await refusalWithReason(previewProgrammeImport(ctxOf(stranger), 'import-test', renamed))).toBe('forbidden:');
	});

	it('forgets previewed workbooks never applied after two days', async () => {
		await previewProgrammeImport(ctxOf(planner, new Date('2026-11-01T10:00:00Z')), 'import-test', await exported('fr'));
		const kept = await previewProgrammeImport(ctxOf(planner), 'import-test', await exported('fr', ({ budget }) => void (rowOf(budget, helpline).getCell(column(budget, 'note')).value = 'Révisé')));
		expect(await removeStaleImports(app.files, new Date('2026-12-06T12:00:00Z'))).toBeGreaterThanOrEqual(1);
		expect(await app.files.exists(kept.file)).toBe(true);
	});

	it('renames actions and adds new ones under the objective they name, with their budget lines given by title', async () => {
		const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1) as string[];
		const newRow = (sheet: ExcelJS.Worksheet, values: Record<string, string | number>) => sheet.addRow(header(sheet).map((name) => values[name] ?? ''));
		const bytes = await exported('fr', ({ actions, budget }) => {
			rowOf(actions, caravan).getCell(column(actions, 'title_ar')).value = 'قافلة طبية';
			newRow(actions, { objective: 'accès', title_fr: 'Bus de vaccination', status: 'En cours', period_start: 2025, period_end: 2026, regions: 'ma-01; MA-02', gcm: '15', sdg: '10.7' });
			newRow(actions, { domain: 'Santé', programme: 'Soins', objective: 'Accès', title_en: 'Mobile clinic', national: 'true' });
			newRow(budget, { action: 'Bus de vaccination', year: 2025, funding_source: 'Union européenne', currency: 'EUR', planned: 50000, committed: 0, executed: 0 });
		});
		const preview = await previewProgrammeImport(ctxOf(planner), 'import-test', bytes);
		expect(preview.problems).toEqual([]);
		expect(preview.actions).toEqual([expect.objectContaining({ nodeId: caravan, title: { fr: 'Caravane médicale', ar: 'قافلة طبية' } })]);
		expect(preview.newActions.map((created) => [created.action, created.objective, created.status, created.regions, created.national, created.gcm, created.sdg])).toEqual([
			['Bus de vaccination', 'Accès', 'ongoing', ['MA-01', 'MA-02'], false, ['15'], ['10.7']],
			['Mobile clinic', 'Accès', 'planned', [], true, [], []]
		]);
		expect(preview.budget.map((line) => [line.action, line.year, line.planned, line.before])).toEqual([['Bus de vaccination', 2025, 50000, null]]);

		expect(await applyProgrammeImport(ctxOf(planner), 'import-test', preview)).toEqual({ actions: 1, created: 2, lines: 1 });
		const { rows } = await actionRows(app.database.db, 'import-test', 'fr', {}, { canPlan: () => true });
		const bus = rows.find((row) => row.action.titles.fr === 'Bus de vaccination')!;
		expect([bus.objective, bus.action.status, bus.action.regions, bus.action.gcm, bus.action.sdg]).toEqual(['Accès', 'ongoing', ['MA-01', 'MA-02'], ['15'], ['10.7']]);
		expect((await budgetLinesOf(app.database.db, bus.action.id)).map((line) => [line.year, line.currency, line.planned])).toEqual([[2025, 'EUR', 50000]]);
		expect(rows.find((row) => row.action.id === caravan)!.action.titles).toMatchObject({ fr: 'Caravane médicale', ar: 'قافلة طبية' });
		// each new action audited as any new node of the tree
		const created = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_node.create'), eq(auditEvent.resourceId, bus.action.id)));
		expect(created).toHaveLength(1);
	});

	it('says where a new action cannot go, and which budget line names no new action, changing nothing', async () => {
		const ctx = contextFor(app.database.db, planner);
		const domain = (await createNode(ctx, 'import-test', { kind: 'domain', title: { fr: 'Emploi' } })).id;
		const programme = (await createNode(ctx, 'import-test', { kind: 'programme', parentId: domain, title: { fr: 'Insertion' } })).id;
		await createNode(ctx, 'import-test', { kind: 'objective', parentId: programme, title: { fr: 'Accès' } });
		const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1) as string[];
		const newRow = (sheet: ExcelJS.Worksheet, values: Record<string, string | number>) => sheet.addRow(header(sheet).map((name) => values[name] ?? '')).number;
		const at: Record<string, number> = {};
		const bytes = await exported('fr', ({ actions, budget }) => {
			at.ambiguous = newRow(actions, { objective: 'Accès', title_fr: 'Guichet' });
			at.unknown = newRow(actions, { objective: 'Logement', title_fr: 'Foyer' });
			at.untitled = newRow(actions, { domain: 'Emploi', objective: 'Accès' });
			at.region = newRow(actions, { domain: 'Emploi', objective: 'Accès', title_fr: 'Forum', regions: 'MA-99' });
			at.twin1 = newRow(actions, { domain: 'Emploi', objective: 'Accès', title_fr: 'Atelier' });
			at.twin2 = newRow(actions, { domain: 'Emploi', programme: 'Insertion', objective: 'Accès', title_fr: 'atelier' });
			at.line = newRow(budget, { action: 'Atelier', year: 2025, funding_source: 'Budget général', planned: 10, committed: 0, executed: 0 });
			at.noAction = newRow(budget, { action: 'Inconnue', year: 2025, funding_source: 'Budget général', planned: 10, committed: 0, executed: 0 });
		});
		const before = await actionRows(app.database.db, 'import-test', 'fr', {}, { canPlan: () => true });
		const preview = await previewProgrammeImport(ctxOf(planner), 'import-test', bytes);
		expect(preview.problems.map((problem) => [problem.sheet, problem.row, problem.column, problem.key])).toEqual([
			['actions', at.ambiguous, 'objective', 'objective_ambiguous'],
			['actions', at.unknown, 'objective', 'unknown_objective'],
			['actions', at.untitled, 'title_fr', 'new_action_without_title'],
			['actions', at.region, 'regions', 'unknown_region'],
			['budget', at.line, 'action', 'new_action_ambiguous'],
			['budget', at.noAction, 'action_id', 'action_without_id']
		]);
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), 'import-test', preview))).toBe('invalid_input:import_has_problems');
		expect((await actionRows(app.database.db, 'import-test', 'fr', {}, { canPlan: () => true })).rows).toHaveLength(before.rows.length);
	});

	it('reads the lead and partner bodies by name or acronym, the places by code or name and the tags; an unknown name is a problem of its cell', async () => {
		const db = app.database.db;
		const [ministry, oim] = await db
			.insert(organisation)
			.values([
				{ slug: 'import-ministere', name: 'Ministère de l’import', type: 'ministry', country: 'MA' },
				{ slug: 'import-oim', name: 'Organisation internationale pour les migrations', acronym: 'OIM', type: 'un_agency', country: 'CH' },
				{ slug: 'import-twin-a', name: 'Association Jumelle', type: 'ngo', country: 'MA' },
				{ slug: 'import-twin-b', name: 'Association Jumelle', type: 'ngo', country: 'MA' }
			])
			.returning();
		const at: Record<string, number> = {};
		const wrong = await exported('fr', ({ actions }) => {
			const row = rowOf(actions, helpline);
			at.helpline = row.number;
			row.getCell(column(actions, 'lead')).value = 'Ministère inconnu';
			row.getCell(column(actions, 'partners')).value = 'OIM; Association Jumelle';
			row.getCell(column(actions, 'national')).value = 'false';
			row.getCell(column(actions, 'regions')).value = 'Oriental, Atlantide';
			row.getCell(column(actions, 'gcm')).value = '99';
		});
		const refused = await previewProgrammeImport(ctxOf(planner), 'import-test', wrong);
		expect(refused.problems.map((problem) => [problem.row, problem.column, problem.key, problem.values])).toEqual([
			[at.helpline, 'lead', 'unknown_body', { name: 'Ministère inconnu' }],
			[at.helpline, 'partners', 'body_ambiguous', { name: 'Association Jumelle' }],
			[at.helpline, 'regions', 'unknown_region', { name: 'Atlantide' }],
			[at.helpline, 'gcm', 'bad_value', { value: '99' }]
		]);
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), 'import-test', refused))).toBe('invalid_input:import_has_problems');

		const right = await exported('ar', ({ actions }) => {
			const row = rowOf(actions, helpline);
			row.getCell(column(actions, 'lead')).value = 'ministère de l’import';
			row.getCell(column(actions, 'partners')).value = 'OIM';
			row.getCell(column(actions, 'national')).value = '';
			row.getCell(column(actions, 'regions')).value = 'الشرق; Souss-Massa';
			row.getCell(column(actions, 'gcm')).value = '5; 19';
			row.getCell(column(actions, 'sdg')).value = '10.7';
		});
		const preview = await previewProgrammeImport(ctxOf(planner), 'import-test', right);
		expect(preview.problems).toEqual([]);
		const change = preview.actions.find((entry) => entry.nodeId === helpline)!;
		expect(change.links).toMatchObject({ leadOrganisationId: ministry.id, lead: 'Ministère de l’import', partnerIds: [oim.id], national: false, regions: ['MA-02', 'MA-09'], gcm: ['19', '5'], sdg: ['10.7'] });
		expect(change.before.links).toMatchObject({ leadOrganisationId: null, partnerIds: [], national: true, regions: [] });
		// the other actions, exported and read back as they are, do not change
		expect(preview.actions.map((entry) => entry.nodeId)).toEqual([helpline]);
		await applyProgrammeImport(ctxOf(planner), 'import-test', preview);
		const { rows } = await actionRows(db, 'import-test', 'fr', {}, { canPlan: () => true });
		const line = rows.find((row) => row.action.id === helpline)!.action;
		expect([line.lead, line.partners, line.national, line.regions, [...line.gcm].sort(), line.sdg]).toEqual(['Ministère de l’import', ['Organisation internationale pour les migrations'], false, ['MA-02', 'MA-09'], ['19', '5'], ['10.7']]);
		const audits = await db.select().from(auditEvent).where(eq(auditEvent.action, 'strategy_programme.import'));
		expect(audits.some((event) => JSON.stringify(event.after).includes(oim.id))).toBe(true);
	});
});
