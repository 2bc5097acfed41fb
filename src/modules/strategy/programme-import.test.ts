import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { budgetLinesOf, setBudgetLine } from './budget.service.ts';
import { actionRows, createNode, createStrategy, strategyDetail, updateNode } from './strategy.service.ts';
import { actionsXlsx, actionTable, budgetTable, structureTable } from './strategy-export.ts';
import { budgetLinesOfMany } from './budget.service.ts';
import { applyProgrammeImport, previewProgrammeImport, removeStaleImports } from './programme-import.ts';
import { node, strategy } from './strategy.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { createIndicator, submitValue } from './results.service.ts';

let app: TestApp;
let planner: Person;
let caravan: string;
let helpline: string;
/** the test strategy's domain, programme and objective */
let health: string;
let care: string;
let access: string;

const ctxOf = (who: Person, now = new Date('2026-12-06T10:00:00Z')) => contextFor(app.database.db, who, { files: app.files, now: () => now });

type Sheets = { actions: ExcelJS.Worksheet; budget: ExcelJS.Worksheet; structure: ExcelJS.Worksheet };
/** The strategy's export as the plan page offers it (the template), changed by `edit` as a planner would in a spreadsheet. */
async function exported(language: 'fr' | 'ar', edit: (sheets: Sheets) => void = () => undefined, slug = 'import-test'): Promise<Uint8Array> {
	const { detail, rows } = await actionRows(app.database.db, slug, language, {}, { canPlan: () => true });
	const lines = await budgetLinesOfMany(app.database.db, rows.map((row) => row.action.id));
	const bytes = await actionsXlsx(
		actionTable(rows, language),
		'Actions',
		language,
		{ name: 'Budget', rows: budgetTable(lines, new Map(rows.map((row) => [row.action.id, row.action.title]))) },
		{ name: 'Structure', rows: structureTable(detail.tree, language) }
	);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	edit({ actions: workbook.worksheets[0], budget: workbook.worksheets[1], structure: workbook.worksheets[2] });
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1) as string[];
/** A row added at the end of a sheet, its cells by column name; its number. */
const newRow = (sheet: ExcelJS.Worksheet, values: Record<string, string | number>) => sheet.addRow(header(sheet).map((name) => values[name] ?? '')).number;

/** The row of a sheet whose first column holds `id`. */
const rowOf = (sheet: ExcelJS.Worksheet, id: string) => {
	let found: ExcelJS.Row | null = null;
	sheet.eachRow((row) => {
		if (row.getCell(1).value === id) found = row;
	});
	return found!;
};
const column = (sheet: ExcelJS.Worksheet, name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
const strategyIdOf = async (slug: string) => (await app.database.db.select({ id: strategy.id }).from(strategy).where(eq(strategy.slug, slug)))[0].id;

beforeAll(async () => {
	app = await createTestApp({});
	const db = app.database.db;
	const admin = await aPerson(db, { role: 'administrator' });
	planner = await aPerson(db);
	planner.actor.grants = ['import-test', 'import-fresh'].map((scope) => ({ module: 'strategy', role: 'planner', organisationId: null, scope }));
	await createStrategy(contextFor(db, admin), { slug: 'import-test', title: { fr: 'Programme importé' }, country: 'MA', periodStart: 2024, periodEnd: 2027, published: true });
	await createStrategy(contextFor(db, admin), { slug: 'import-fresh', title: { fr: 'Stratégie partie d’un tableur' }, country: 'MA', periodStart: 2024, periodEnd: 2030 });
	const ctx = contextFor(db, planner);
	const domain = (await createNode(ctx, 'import-test', { kind: 'domain', title: { fr: 'Santé' } })).id;
	const programme = (await createNode(ctx, 'import-test', { kind: 'programme', parentId: domain, title: { fr: 'Soins' } })).id;
	const objective = (await createNode(ctx, 'import-test', { kind: 'objective', parentId: programme, title: { fr: 'Accès' } })).id;
	[health, care, access] = [domain, programme, objective];
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

		expect(await applyProgrammeImport(ctxOf(planner), 'import-test', preview)).toEqual({ nodes: 0, actions: 1, created: 0, lines: 2, removed: 0 });
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

		expect(await applyProgrammeImport(ctxOf(planner), 'import-test', preview)).toEqual({ nodes: 0, actions: 1, created: 2, lines: 1, removed: 0 });
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
	it('starts a strategy from the empty template: domains, programmes and objectives from the structure sheet, an action under a new objective, its budget line', async () => {
		const db = app.database.db;
		const bytes = await exported(
			'fr',
			({ structure, actions, budget }) => {
				newRow(structure, { kind: 'Domaine', title_fr: 'Éducation', title_ar: 'التربية', status: 'En cours', period_start: 2024, period_end: 2030 });
				// a child before its parent, each named by title (none has an id yet)
				newRow(structure, { kind: 'objective', parent: 'scolarisation', title_fr: 'Inscription des enfants', regions: 'MA-01; Oriental', gcm: '15', sdg: '10.7' });
				newRow(structure, { kind: 'برنامج', parent: 'التربية', title_fr: 'Scolarisation', title_en: 'Schooling' });
				newRow(actions, { objective: 'Inscription des enfants', title_fr: 'Classes passerelles', period_start: 2025, period_end: 2026 });
				newRow(budget, { action: 'Classes passerelles', year: 2025, funding_source: 'Budget général', planned: 1000, committed: 0, executed: 0 });
			},
			'import-fresh'
		);
		const preview = await previewProgrammeImport(ctxOf(planner), 'import-fresh', bytes);
		expect(preview.problems).toEqual([]);
		// in the order they are created: each level before the next
		expect(preview.newNodes.map((created) => [created.kind, created.node, created.parent, created.status])).toEqual([
			['domain', 'Éducation', null, 'ongoing'],
			['programme', 'Scolarisation', 'Éducation', 'planned'],
			['objective', 'Inscription des enfants', 'Scolarisation', 'planned']
		]);
		expect(preview.newActions.map((created) => [created.action, created.objective])).toEqual([['Classes passerelles', 'Inscription des enfants']]);
		expect(preview.budget.map((line) => [line.action, line.year, line.planned])).toEqual([['Classes passerelles', 2025, 1000]]);

		expect(await applyProgrammeImport(ctxOf(planner), 'import-fresh', preview)).toEqual({ nodes: 3, actions: 0, created: 1, lines: 1, removed: 0 });
		const [domain] = (await strategyDetail(db, 'import-fresh', 'fr', {}, { canPlan: () => true })).tree;
		const programme = domain.children[0];
		const objective = programme.children[0];
		expect([domain.titles, domain.status, domain.periodEnd, programme.titles, objective.title, objective.regions, objective.gcm, objective.sdg]).toEqual([
			{ fr: 'Éducation', ar: 'التربية' },
			'ongoing',
			2030,
			{ fr: 'Scolarisation', en: 'Schooling' },
			'Inscription des enfants',
			['MA-01', 'MA-02'],
			['15'],
			['10.7']
		]);
		expect(objective.children.map((action) => action.title)).toEqual(['Classes passerelles']);
		expect((await budgetLinesOf(db, objective.children[0].id)).map((line) => [line.year, line.planned])).toEqual([[2025, 1000]]);
		// each node audited as created on the plan pages, and the whole as one import
		const created = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_node.create'), inArray(auditEvent.resourceId, [domain.id, programme.id, objective.id, objective.children[0].id])));
		expect(created).toHaveLength(4);
		const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_programme.import'), eq(auditEvent.resourceId, await strategyIdOf('import-fresh'))));
		expect(event.after).toMatchObject({ createdNodes: [domain.id, programme.id, objective.id] });
	});

	it('changes the structure by id — a programme renamed, an objective moved under a programme the file adds — audited, and refused when the programme changed since the check', async () => {
		const db = app.database.db;
		const [domain] = (await strategyDetail(db, 'import-fresh', 'fr', {}, { canPlan: () => true })).tree;
		const [programme] = domain.children;
		const [objective] = programme.children;
		const bytes = await exported(
			'ar',
			({ structure }) => {
				rowOf(structure, programme.id).getCell(column(structure, 'title_fr')).value = 'Scolarisation des enfants';
				rowOf(structure, programme.id).getCell(column(structure, 'status')).value = 'ongoing';
				// moved by its new parent's title (a programme this file adds)
				rowOf(structure, objective.id).getCell(column(structure, 'parent_id')).value = '';
				rowOf(structure, objective.id).getCell(column(structure, 'parent')).value = 'Formation';
				newRow(structure, { kind: 'programme', parent_id: domain.id, title_fr: 'Formation' });
			},
			'import-fresh'
		);
		const preview = await previewProgrammeImport(ctxOf(planner), 'import-fresh', bytes);
		expect(preview.problems).toEqual([]);
		expect(preview.newNodes.map((created) => [created.kind, created.node, created.parentId])).toEqual([['programme', 'Formation', domain.id]]);
		expect(preview.nodes.map((change) => [change.node, change.status, change.before.title.fr, change.parent, change.before.parent])).toEqual([
			['Scolarisation des enfants', 'ongoing', 'Scolarisation', 'Éducation', 'Éducation'],
			['Inscription des enfants', 'planned', 'Inscription des enfants', 'Formation', 'Scolarisation des enfants']
		]);
		expect(preview.unchangedNodes).toBe(1);

		// the domain changed on its page meanwhile: the checked plan may no longer be right
		await updateNode(contextFor(db, planner), domain.id, { title: domain.titles, status: 'done' });
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), 'import-fresh', preview))).toBe('conflict:import_changed');
		const again = await previewProgrammeImport(ctxOf(planner), 'import-fresh', bytes);
		expect(again.nodes.map((change) => change.nodeId)).toEqual([domain.id, programme.id, objective.id]);
		expect(await applyProgrammeImport(ctxOf(planner), 'import-fresh', again)).toEqual({ nodes: 4, actions: 0, created: 0, lines: 0, removed: 0 });

		const [after] = (await strategyDetail(db, 'import-fresh', 'fr', {}, { canPlan: () => true })).tree;
		expect(after.children.map((item) => [item.title, item.status, item.children.map((child) => child.title)])).toEqual([
			['Scolarisation des enfants', 'ongoing', []],
			['Formation', 'planned', ['Inscription des enfants']]
		]);
		// the export read back as it was (the status set on the domain's page since the export)
		expect(after.status).toBe('ongoing');
		const events = await db.select({ action: auditEvent.action, resourceId: auditEvent.resourceId, after: auditEvent.after }).from(auditEvent).where(inArray(auditEvent.resourceId, [programme.id, objective.id]));
		expect(events.filter((event) => event.action === 'strategy_node.update').map((event) => event.resourceId)).toContain(programme.id);
		const move = events.find((event) => event.action === 'strategy_node.move' && event.resourceId === objective.id);
		expect(move?.after).toMatchObject({ parentId: after.children[1].id });
	});

	it('lists the structure’s problems row by row — unknown parent, missing title, wrong level, cycle, duplicates — and changes nothing', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		// a second programme « Soins », in another domain: a parent named « Soins » is ambiguous
		const [employment] = (await strategyDetail(db, 'import-test', 'fr', {}, { canPlan: () => true })).tree.filter((item) => item.title === 'Emploi');
		await createNode(ctx, 'import-test', { kind: 'programme', parentId: employment.id, title: { fr: 'Soins' } });
		const at: Record<string, number> = {};
		const bytes = await exported('fr', ({ structure }) => {
			at.cycle = rowOf(structure, care).number;
			rowOf(structure, care).getCell(column(structure, 'parent_id')).value = care;
			at.untitled = rowOf(structure, access).number;
			rowOf(structure, access).getCell(column(structure, 'title_fr')).value = '';
			at.kindChanged = rowOf(structure, employment.id).number;
			rowOf(structure, employment.id).getCell(column(structure, 'kind')).value = 'Programme';
			at.unknownNode = newRow(structure, { id: '00000000-0000-4000-8000-000000000000', kind: 'domain', title_fr: 'Inconnu' });
			at.action = newRow(structure, { id: caravan, title_fr: 'Caravane' });
			at.twice = newRow(structure, { id: health, kind: 'Domaine', title_fr: 'Santé' });
			at.badKind = newRow(structure, { kind: 'action', parent: 'Accès', title_fr: 'Dépistage' });
			at.noKind = newRow(structure, { title_fr: 'Sans niveau' });
			at.noTitle = newRow(structure, { kind: 'domain' });
			at.unknownParent = newRow(structure, { kind: 'programme', parent: 'Logement', title_fr: 'Prévention' });
			at.ambiguous = newRow(structure, { kind: 'objective', parent: 'soins', title_fr: 'Suivi' });
			at.wrongLevel = newRow(structure, { kind: 'objective', parent: 'Santé', title_fr: 'Dépistage précoce' });
			at.underAction = newRow(structure, { kind: 'objective', parent_id: caravan, title_fr: 'Sous une action' });
			at.domainUnder = newRow(structure, { kind: 'domain', parent: 'Santé', title_fr: 'Habitat' });
			at.orphan = newRow(structure, { kind: 'programme', title_fr: 'Orphelin' });
			at.twin = newRow(structure, { kind: 'objective', parent: 'Insertion', title_fr: 'accès' });
		});
		const nodesBefore = await db.select({ id: node.id }).from(node);
		const preview = await previewProgrammeImport(ctxOf(planner), 'import-test', bytes);
		expect(preview.problems.filter((problem) => problem.sheet === 'structure').map((problem) => [problem.row, problem.column, problem.key])).toEqual(
			(
				[
					[at.cycle, 'parent_id', 'parent_cycle'],
					[at.untitled, 'title_fr', 'node_title_missing'],
					[at.kindChanged, 'kind', 'kind_changed'],
					[at.unknownNode, 'id', 'unknown_node'],
					[at.action, 'id', 'action_in_structure'],
					[at.twice, 'id', 'duplicate_node'],
					[at.badKind, 'kind', 'bad_kind'],
					[at.noKind, 'kind', 'kind_missing'],
					[at.noTitle, 'title_fr', 'new_node_without_title'],
					[at.unknownParent, 'parent', 'unknown_parent'],
					[at.ambiguous, 'parent', 'parent_ambiguous'],
					[at.wrongLevel, 'parent', 'wrong_parent_kind'],
					[at.underAction, 'parent_id', 'wrong_parent_kind'],
					[at.domainUnder, 'parent', 'domain_has_parent'],
					[at.orphan, 'parent_id', 'parent_missing'],
					[at.twin, 'title_fr', 'duplicate_title']
				] as [number, string, string][]
			).sort((a, b) => a[0] - b[0])
		);
		expect(preview.problems.every((problem) => problem.sheet === 'structure')).toBe(true);
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), 'import-test', preview))).toBe('invalid_input:import_has_problems');
		expect(await db.select({ id: node.id }).from(node)).toHaveLength(nodesBefore.length);
	});
});

describe('moving actions and removing nodes through the import', () => {
	/** the test strategy's tree: Santé › Soins › Accès (caravane, dépistage), Prévention; Emploi › Insertion › Orientation (forum, atelier) */
	const ids: Record<string, string> = {};
	const slug = 'import-moves';
	const parentOf = async (id: string) => (await app.database.db.select({ parentId: node.parentId }).from(node).where(eq(node.id, id)))[0]?.parentId ?? null;

	beforeAll(async () => {
		const db = app.database.db;
		const admin = await aPerson(db, { role: 'administrator' });
		planner.actor.grants = [...(planner.actor.grants ?? []), { module: 'strategy', role: 'planner', organisationId: null, scope: slug }];
		await createStrategy(contextFor(db, admin), { slug, title: { fr: 'Déplacements et retraits' }, country: 'MA', periodStart: 2024, periodEnd: 2027 });
		const ctx = contextFor(db, planner);
		const add = async (key: string, kind: 'domain' | 'programme' | 'objective' | 'action', fr: string, parent?: string) =>
			(ids[key] = (await createNode(ctx, slug, { kind, parentId: parent ? ids[parent] : undefined, title: { fr }, ...(kind === 'action' ? { national: true } : {}) })).id);
		await add('health', 'domain', 'Santé');
		await add('care', 'programme', 'Soins', 'health');
		await add('access', 'objective', 'Accès', 'care');
		await add('prevention', 'objective', 'Prévention', 'care');
		await add('caravan', 'action', 'Caravane médicale', 'access');
		await add('screening', 'action', 'Dépistage', 'access');
		await add('jobs', 'domain', 'Emploi');
		await add('insertion', 'programme', 'Insertion', 'jobs');
		await add('guidance', 'objective', 'Orientation', 'insertion');
		await add('forum', 'action', 'Forum de l’emploi', 'guidance');
		await add('workshop', 'action', 'Atelier CV', 'guidance');
		await setBudgetLine(ctx, ids.caravan, { year: 2024, fundingSource: 'Budget général', planned: 100, committed: 100, executed: 50 });
		await setBudgetLine(ctx, ids.forum, { year: 2025, fundingSource: 'Région', planned: 80, committed: 0, executed: 0 });
		await setBudgetLine(ctx, ids.workshop, { year: 2025, fundingSource: 'Budget général', planned: 30, committed: 0, executed: 0 });
		const measured = await createIndicator(contextFor(db, admin), slug, { nodeId: ids.guidance, code: 'ORI-1', definition: { fr: 'Personnes orientées' }, unit: { fr: 'personnes' }, level: 'output' });
		await submitValue(contextFor(db, admin), slug, { indicatorId: measured.id, year: 2025, value: 40 });
	});

	it('reads its own export back as no change, then moves actions to another objective by its id or its title, each move audited', async () => {
		const unchanged = await previewProgrammeImport(ctxOf(planner), slug, await exported('fr', () => undefined, slug));
		expect([unchanged.problems, unchanged.actions, unchanged.removals, unchanged.nodes]).toEqual([[], [], [], []]);
		expect(unchanged.unchangedActions).toBe(4);

		const bytes = await exported(
			'fr',
			({ actions }) => {
				rowOf(actions, ids.caravan).getCell(column(actions, 'objective_id')).value = ids.prevention;
				// blank id: the objective by its title (and its domain, as for a new action)
				rowOf(actions, ids.screening).getCell(column(actions, 'objective_id')).value = '';
				rowOf(actions, ids.screening).getCell(column(actions, 'domain')).value = 'Emploi';
				rowOf(actions, ids.screening).getCell(column(actions, 'programme')).value = '';
				rowOf(actions, ids.screening).getCell(column(actions, 'objective')).value = 'orientation';
				rowOf(actions, ids.screening).getCell(column(actions, 'title_en')).value = 'Screening';
			},
			slug
		);
		const preview = await previewProgrammeImport(ctxOf(planner), slug, bytes);
		expect(preview.problems).toEqual([]);
		expect(preview.actions.map((change) => [change.action, change.before.parent, change.parent, change.title.en ?? null])).toEqual([
			['Caravane médicale', 'Accès', 'Prévention', null],
			['Dépistage', 'Accès', 'Orientation', 'Screening']
		]);
		expect(await applyProgrammeImport(ctxOf(planner), slug, preview)).toEqual({ nodes: 0, actions: 2, created: 0, lines: 0, removed: 0 });
		expect([await parentOf(ids.caravan), await parentOf(ids.screening)]).toEqual([ids.prevention, ids.guidance]);
		// its budget line goes with it; each move audited as on the plan page, and in the import's event
		expect((await budgetLinesOf(app.database.db, ids.caravan)).map((line) => line.planned)).toEqual([100]);
		const moves = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_node.move'), inArray(auditEvent.resourceId, [ids.caravan, ids.screening])));
		expect(moves.map((event) => [event.resourceId, (event.before as { parentId: string }).parentId, (event.after as { parentId: string }).parentId]).sort()).toEqual(
			[
				[ids.caravan, ids.access, ids.prevention],
				[ids.screening, ids.access, ids.guidance]
			].sort()
		);
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_programme.import'), eq(auditEvent.resourceId, await strategyIdOf(slug))));
		expect((event.after as { actions: { nodeId: string; after: { parentId: string } }[] }).actions.map((change) => change.after.parentId)).toEqual([ids.prevention, ids.guidance]);
	});

	it('says what cannot move or go — an unknown objective, an addition, change or line under a node it removes, a removal without id — and changes nothing', async () => {
		const at: Record<string, number> = {};
		const bytes = await exported(
			'fr',
			({ actions, budget, structure }) => {
				// the structure sheet removes the Santé domain…
				structure.getRow(1).getCell(structure.columnCount + 1).value = 'remove';
				rowOf(structure, ids.health).getCell(column(structure, 'remove')).value = 'oui';
				at.newProgramme = newRow(structure, { kind: 'programme', parent_id: ids.health, title_fr: 'Vaccination' });
				at.noId = newRow(structure, { kind: 'domain', title_fr: 'Logement', remove: 'oui' });
				actions.getRow(1).getCell(actions.columnCount + 1).value = 'remove';
				// …while this file renames an action under it, adds one there, moves one there and changes a line of it
				at.renamed = rowOf(actions, ids.caravan).number;
				rowOf(actions, ids.caravan).getCell(column(actions, 'title_fr')).value = 'Caravane médicale mobile';
				at.created = newRow(actions, { objective_id: ids.access, title_fr: 'Permanence' });
				at.moved = rowOf(actions, ids.forum).number;
				rowOf(actions, ids.forum).getCell(column(actions, 'objective_id')).value = ids.prevention;
				at.unknown = rowOf(actions, ids.workshop).number;
				rowOf(actions, ids.workshop).getCell(column(actions, 'objective_id')).value = ids.insertion; // a programme, not an objective
				at.line = rowOf(budget, ids.caravan).number;
				rowOf(budget, ids.caravan).getCell(column(budget, 'executed')).value = 60;
			},
			slug
		);
		const preview = await previewProgrammeImport(ctxOf(planner), slug, bytes);
		expect(preview.problems.map((problem) => [problem.sheet, problem.row, problem.column, problem.key])).toEqual([
			['structure', at.newProgramme, 'parent_id', 'parent_removed'],
			['structure', at.noId, 'remove', 'remove_without_id'],
			['actions', at.renamed, 'id', 'removed_with_parent'],
			['actions', at.moved, 'objective_id', 'parent_removed'],
			['actions', at.unknown, 'objective_id', 'unknown_objective_id'],
			['actions', at.created, 'objective_id', 'parent_removed'],
			['budget', at.line, 'action_id', 'line_of_removed_action']
		]);
		// the preview still says what the removal would take
		// below it: its programme, objectives, the caravan and the forum this file moves there
		expect(preview.removals.map((removal) => [removal.node, removal.kind, removal.below])).toEqual([['Santé', 'domain', 5]]);
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), slug, { ...preview, confirm: true, withChildren: true }))).toBe('invalid_input:import_has_problems');
		expect(await parentOf(ids.health)).toBeNull();
		expect((await strategyDetail(app.database.db, slug, 'fr', {}, { canPlan: () => true })).actions).toBe(4);
	});

	it('removes an action, and a domain with all below it and all it holds, once both confirmations are given as on the plan page; an action moved out of it stays', async () => {
		const db = app.database.db;
		const bytes = await exported(
			'ar',
			({ actions, structure }) => {
				structure.getRow(1).getCell(structure.columnCount + 1).value = 'remove';
				rowOf(structure, ids.jobs).getCell(column(structure, 'remove')).value = 'نعم';
				actions.getRow(1).getCell(actions.columnCount + 1).value = 'remove';
				// the workshop goes with its domain anyway; the forum leaves it first
				rowOf(actions, ids.workshop).getCell(column(actions, 'remove')).value = 'yes';
				rowOf(actions, ids.forum).getCell(column(actions, 'objective_id')).value = ids.access;
				rowOf(actions, ids.caravan).getCell(column(actions, 'remove')).value = 'TRUE';
			},
			slug
		);
		const preview = await previewProgrammeImport(ctxOf(planner), slug, bytes);
		expect(preview.problems).toEqual([]);
		// the domain: its programme, objective, the screening and the workshop below it, the workshop's line, the objective's indicator and its value
		expect(preview.removals.map(({ node, kind, sheet, below, lines, indicators, values, initiatives }) => [node, kind, sheet, below, lines, indicators, values, initiatives])).toEqual([
			['Emploi', 'domain', 'structure', 4, 1, 1, 1, 0],
			['Caravane médicale', 'action', 'actions', 0, 1, 0, 0, 0]
		]);
		expect(preview.actions.map((change) => [change.action, change.parent])).toEqual([['Forum de l’emploi', 'Accès']]);
		// the lines of what goes are neither kept nor unchanged
		expect([preview.unchangedLines, preview.keptLines]).toEqual([1, 0]);

		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), slug, preview))).toBe('invalid_input:confirmation_required');
		expect(await refusalWithReason(applyProgrammeImport(ctxOf(planner), slug, { ...preview, confirm: true }))).toBe('invalid_input:has_children');
		expect(await parentOf(ids.jobs)).toBeNull();
		expect(await applyProgrammeImport(ctxOf(planner), slug, { ...preview, confirm: true, withChildren: true })).toEqual({ nodes: 0, actions: 1, created: 0, lines: 0, removed: 2 });

		const after = await strategyDetail(db, slug, 'fr', {}, { canPlan: () => true });
		expect(after.tree.map((item) => item.title)).toEqual(['Santé']);
		expect(after.tree[0].children[0].children.map((objective) => [objective.title, objective.children.map((action) => action.title)])).toEqual([
			['Accès', ['Forum de l’emploi']],
			['Prévention', []]
		]);
		expect((await budgetLinesOf(db, ids.forum)).map((line) => line.planned)).toEqual([80]);
		const removed = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_node.remove'), inArray(auditEvent.resourceId, [ids.jobs, ids.caravan])));
		expect(removed.map((event) => event.resourceId).sort()).toEqual([ids.jobs, ids.caravan].sort());
		expect((removed.find((event) => event.resourceId === ids.jobs)!.before as { removedBelow: unknown[] }).removedBelow).toHaveLength(4);
		const imports = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_programme.import'), eq(auditEvent.resourceId, await strategyIdOf(slug))));
		expect(imports.map((entry) => (entry.after as { removed: { nodeId: string }[] }).removed.map((removal) => removal.nodeId)).filter((list) => list.length)).toEqual([[ids.jobs, ids.caravan]]);
	});
});
