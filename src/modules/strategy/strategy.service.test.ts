import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { actionsInRegion, createNode, createStrategy, listStrategies, moveNode, removalContents, removeNode, strategyDetail, updateNode } from './strategy.service.ts';
import { setBudgetLine } from './budget.service.ts';
import { createIndicator, submitValue } from './results.service.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { node } from './strategy.table.ts';

let app: TestApp;
let admin: Person;
let planner: Person;
let otherPlanner: Person;
let orgId: string;

const refusal = refusalWithReason;

const titled = (fr: string, over: Record<string, unknown> = {}) => ({ title: { fr }, ...over });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	[{ id: orgId }] = await db.insert(organisation).values({ slug: 'test-ministere', name: 'Ministère test', type: 'ministry', country: 'MA' }).returning();
	admin = await aPerson(db, { role: 'administrator' });
	planner = await aPerson(db, { role: 'member' });
	planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'plan-test' }];
	otherPlanner = await aPerson(db, { role: 'member' });
	otherPlanner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'another-strategy' }];
	await createStrategy(contextFor(db, admin), { slug: 'plan-test', title: { fr: 'Stratégie test', ar: 'استراتيجية تجريبية' }, country: 'MA', periodStart: 2015, periodEnd: 2027, status: 'active', published: true, ownerOrganisationId: orgId });
});
afterAll(async () => app?.close());

describe('the tree of a strategy', () => {
	let domain: string, programme: string, objective: string;

	it('takes each kind only under the kind above it', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		domain = (await createNode(ctx, 'plan-test', titled('Éducation', { kind: 'domain' }))).id;
		programme = (await createNode(ctx, 'plan-test', titled('Scolarisation', { kind: 'programme', parentId: domain }))).id;
		objective = (await createNode(ctx, 'plan-test', titled('Accès à l’école', { kind: 'objective', parentId: programme }))).id;
		expect(await refusal(createNode(ctx, 'plan-test', titled('Action sans objectif', { kind: 'action', parentId: domain })))).toBe('invalid_input:wrong_parent_kind');
		expect(await refusal(createNode(ctx, 'plan-test', titled('Domaine sous un domaine', { kind: 'domain', parentId: domain })))).toBe('invalid_input:domain_has_no_parent');
		expect(await refusal(createNode(ctx, 'plan-test', titled('Programme orphelin', { kind: 'programme' })))).toBe('invalid_input:parent_required');
		const action = await createNode(ctx, 'plan-test', { kind: 'action', parentId: objective, title: { fr: 'Classes passerelles', ar: 'أقسام جسرية' }, regions: ['MA-02', 'MA-06'], gcm: ['15', '16'], sdg: ['10.7'], partnerIds: [orgId], leadOrganisationId: orgId, periodStart: 2016, periodEnd: 2020, status: 'ongoing' });
		const detail = await strategyDetail(db, 'plan-test', 'ar');
		const shown = detail.tree[0].children[0].children[0].children[0];
		expect(shown).toMatchObject({ id: action.id, title: 'أقسام جسرية', regions: ['MA-02', 'MA-06'], gcm: ['15', '16'], sdg: ['10.7'], lead: 'Ministère test', partners: ['Ministère test'], status: 'ongoing' });
		expect(detail.actions).toBe(1);
	});

	it('refuses bad input with the field at fault, and changes nothing', async () => {
		const ctx = contextFor(app.database.db, planner);
		const before = await app.database.db.select().from(node);
		expect(await refusal(createNode(ctx, 'plan-test', { kind: 'action', parentId: objective, title: {} }))).toBe('invalid_input:title.fr');
		expect(await refusal(createNode(ctx, 'plan-test', titled('Période', { kind: 'action', parentId: objective, periodStart: 2020, periodEnd: 2018 })))).toBe('invalid_input:period_ends_before_start');
		expect(await refusal(createNode(ctx, 'plan-test', titled('Région', { kind: 'action', parentId: objective, regions: ['MA-99'] })))).toBe('invalid_input:regions.0');
		expect(await refusal(createNode(ctx, 'plan-test', titled('Partenaire', { kind: 'action', parentId: objective, partnerIds: [crypto.randomUUID()] })))).toBe('invalid_input:partnerIds.0');
		expect(await app.database.db.select().from(node)).toHaveLength(before.length);
	});

	it('lets a planner write only in the strategy they were granted', async () => {
		const db = app.database.db;
		expect(await refusal(createNode(contextFor(db, otherPlanner), 'plan-test', titled('Intrus', { kind: 'domain' })))).toBe('forbidden:');
		expect(await refusal(createNode(contextFor(db, null), 'plan-test', titled('Anonyme', { kind: 'domain' })))).toBe('unauthenticated:');
		expect(await refusal(createStrategy(contextFor(db, planner), { slug: 'x', title: { fr: 'X' }, country: 'MA' }))).toBe('forbidden:');
	});

	it('records every write in the audit log with who made it', async () => {
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'strategy_node'), eq(auditEvent.actorUserId, planner.user.id)));
		expect(events.map((event) => event.action)).toEqual(['strategy_node.create', 'strategy_node.create', 'strategy_node.create', 'strategy_node.create']);
	});

	it('edits a node and keeps its place', async () => {
		const db = app.database.db;
		const [action] = await db.select().from(node).where(eq(node.kind, 'action'));
		await updateNode(contextFor(db, planner), action.id, { title: { fr: 'Classes passerelles (révisé)' }, national: true, regions: ['MA-01'] });
		const detail = await strategyDetail(db, 'plan-test', 'fr');
		const shown = detail.tree[0].children[0].children[0].children[0];
		expect(shown).toMatchObject({ title: 'Classes passerelles (révisé)', national: true, regions: [], gcm: [] });
		const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_node.update'), eq(auditEvent.resourceId, action.id)));
		expect(event.before).toMatchObject({ regions: ['MA-02', 'MA-06'] });
	});

	it('moves a node under another parent of the right kind, and orders siblings', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		const second = (await createNode(ctx, 'plan-test', titled('Santé', { kind: 'domain' }))).id;
		const otherProgramme = (await createNode(ctx, 'plan-test', titled('Soins', { kind: 'programme', parentId: second }))).id;
		expect(await refusal(moveNode(ctx, objective, { parentId: second }))).toBe('invalid_input:wrong_parent_kind');
		await moveNode(ctx, objective, { parentId: otherProgramme });
		let detail = await strategyDetail(db, 'plan-test', 'fr');
		expect(detail.tree.map((item) => item.title)).toEqual(['Éducation', 'Santé']);
		expect(detail.tree[1].children[0].children[0].title).toBe('Accès à l’école');
		await moveNode(ctx, second, { position: 0 });
		detail = await strategyDetail(db, 'plan-test', 'fr');
		expect(detail.tree.map((item) => item.title)).toEqual(['Santé', 'Éducation']);
	});

	it('filters the tree by region, domain and status', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		const detail = await strategyDetail(db, 'plan-test', 'fr');
		const objectiveId = detail.tree[0].children[0].children[0].id;
		await createNode(ctx, 'plan-test', titled('Action à Souss-Massa', { kind: 'action', parentId: objectiveId, regions: ['MA-09'], status: 'done' }));
		const inSouss = await strategyDetail(db, 'plan-test', 'fr', { region: ['MA-09'] });
		// the national action counts in every region
		expect(inSouss.actions).toBe(2);
		const done = await strategyDetail(db, 'plan-test', 'fr', { status: ['done'] });
		expect(done.actions).toBe(1);
		const education = await strategyDetail(db, 'plan-test', 'fr', { domain: [detail.tree[1].id] });
		expect(education.tree.map((item) => item.title)).toEqual(['Éducation']);
		const region = await actionsInRegion(db, 'MA-09', 'fr');
		expect(region[0].actions.map((action) => action.title).sort()).toEqual(['Action à Souss-Massa', 'Classes passerelles (révisé)']);
		expect(region[0].actions[0].path).toEqual(['Santé', 'Soins', 'Accès à l’école']);
	});

	it('removes a node only once confirmed, and its children only when that is confirmed too', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		const detail = await strategyDetail(db, 'plan-test', 'fr');
		const health = detail.tree[0];
		expect(await refusal(removeNode(ctx, health.id, {}))).toBe('invalid_input:confirmation_required');
		expect(await refusal(removeNode(ctx, health.id, { confirm: true }))).toBe('invalid_input:has_children');
		expect((await strategyDetail(db, 'plan-test', 'fr')).actions).toBe(2);
		expect(await removeNode(ctx, health.id, { confirm: true, withChildren: true })).toEqual({ removed: 5 });
		const after = await strategyDetail(db, 'plan-test', 'fr');
		expect(after.tree.map((item) => item.title)).toEqual(['Éducation']);
		const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_node.remove'), eq(auditEvent.resourceId, health.id)));
		expect((event.before as { removedBelow: unknown[] }).removedBelow).toHaveLength(4);
	});

	it('removes an action holding budget lines or an indicator with values only when removing them is confirmed too', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		const domainId = (await createNode(ctx, 'plan-test', titled('Emploi', { kind: 'domain' }))).id;
		const programmeId = (await createNode(ctx, 'plan-test', titled('Insertion', { kind: 'programme', parentId: domainId }))).id;
		const objectiveId = (await createNode(ctx, 'plan-test', titled('Orientation', { kind: 'objective', parentId: programmeId }))).id;
		const funded = await createNode(ctx, 'plan-test', titled('Action financée', { kind: 'action', parentId: objectiveId, national: true }));
		await setBudgetLine(ctx, funded.id, { year: 2025, fundingSource: 'Budget général', planned: 100, committed: 50, executed: 10 });
		const measured = await createIndicator(ctx, 'plan-test', { nodeId: funded.id, code: 'FIN-1', definition: { fr: 'Bénéficiaires' }, unit: { fr: 'personnes' }, level: 'output' });
		await submitValue(contextFor(db, admin), 'plan-test', { indicatorId: measured.id, year: 2025, value: 12 });
		expect(await removalContents(db, funded.id)).toEqual({ below: 0, lines: 1, indicators: 1, values: 1, initiatives: 0 });
		const refused = await removeNode(ctx, funded.id, { confirm: true }).catch((error: unknown) => error);
		expect(isAppError(refused) && [refused.fields[0]?.path, refused.extra?.reason, refused.extra?.lines, refused.extra?.values]).toEqual(['withChildren', 'has_contents', 1, 1]);
		expect(await removalContents(db, funded.id)).toMatchObject({ lines: 1, values: 1 });
		expect(await removeNode(ctx, funded.id, { confirm: true, withChildren: true })).toEqual({ removed: 1 });
		expect(await db.select().from(node).where(eq(node.id, funded.id))).toEqual([]);
		// the domain above: what its removal takes is what is left below it
		expect(await removalContents(db, domainId)).toEqual({ below: 2, lines: 0, indicators: 0, values: 0, initiatives: 0 });
	});

	it('lists published strategies only', async () => {
		const db = app.database.db;
		await createStrategy(contextFor(db, admin), { slug: 'brouillon', title: { fr: 'Brouillon' }, country: 'MA' });
		const list = await listStrategies(db, 'fr');
		expect(list.map((item) => item.slug)).toContain('plan-test');
		expect(list.map((item) => item.slug)).not.toContain('brouillon');
		expect(await refusal(strategyDetail(db, 'brouillon', 'fr'))).toBe('not_found:');
	});
});
