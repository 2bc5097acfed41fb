import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason as refusal } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { createNode, createStrategy, regionalUse, strategyBySlug, updateNode, updateStrategy } from './strategy.service.ts';
import { createIndicator, submitValue } from './results.service.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { strategyFailure, strategyFromForm, strategyFormValues } from './strategy-form.ts';
import { strategy } from './strategy.table.ts';

let app: TestApp;
let admin: Person;
let owner: Person;
let otherOwner: Person;
let planner: Person;
let orgId: string;

const grant = (person: Person, role: string, scope: string) => (person.actor.grants = [{ module: 'strategy', role, organisationId: null, scope }]);

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	[{ id: orgId }] = await db.insert(organisation).values({ slug: 'ministere-details', name: 'Ministère des détails', type: 'ministry', country: 'MA' }).returning();
	admin = await aPerson(db, { role: 'administrator' });
	owner = await aPerson(db);
	otherOwner = await aPerson(db);
	planner = await aPerson(db);
});
afterAll(async () => app?.close());

describe('creating a strategy and editing its own details', () => {
	it('lets an administrator create one whose address is made from its French title, audited', async () => {
		const db = app.database.db;
		const row = await createStrategy(contextFor(db, admin), { title: { fr: 'Plan régional de l’Oriental', ar: 'المخطط الجهوي للشرق' }, country: 'MA', periodStart: 2024, periodEnd: 2030, ownerOrganisationId: orgId });
		expect(row).toMatchObject({ slug: 'plan-regional-de-l-oriental', status: 'draft', published: false, ownerOrganisationId: orgId });
		// the same title again: another free address
		expect((await createStrategy(contextFor(db, admin), { title: { fr: 'Plan régional de l’Oriental' }, country: 'MA' })).slug).toBe('plan-regional-de-l-oriental-2');
		// a title that would take one of the module's own pages' addresses
		expect((await createStrategy(contextFor(db, admin), { title: { en: 'New' }, country: 'SN' })).slug).toBe('new-2');
		const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy.create'), eq(auditEvent.resourceId, row.id)));
		expect(event).toBeDefined();
	});

	it('refuses an owner of one strategy creating another, and bad input with the field at fault, creating nothing', async () => {
		const db = app.database.db;
		grant(owner, 'owner', 'plan-regional-de-l-oriental');
		const before = await db.$count(strategy);
		expect(await refusal(createStrategy(contextFor(db, owner), { title: { fr: 'La mienne' }, country: 'MA' }))).toBe('forbidden:');
		expect(await refusal(createStrategy(contextFor(db, admin), { title: {}, country: 'MA' }))).toBe('invalid_input:title.fr');
		expect(await refusal(createStrategy(contextFor(db, admin), { title: { fr: 'Période' }, country: 'MA', periodStart: 2030, periodEnd: 2020 }))).toBe('invalid_input:period_ends_before_start');
		expect(await refusal(createStrategy(contextFor(db, admin), { title: { fr: 'Pays' }, country: 'FR' }))).toBe('invalid_input:country');
		expect(await refusal(createStrategy(contextFor(db, admin), { title: { fr: 'Porteur' }, country: 'MA', ownerOrganisationId: crypto.randomUUID() }))).toBe('invalid_input:ownerOrganisationId');
		expect(await db.$count(strategy)).toBe(before);
	});

	it('changes a strategy’s country only while no item of its plan names a region nor a value was reported for one, said on the field', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, admin);
		const row = await createStrategy(ctx, { title: { fr: 'Plan d’action Sénégal' }, country: 'MA', periodStart: 2020, periodEnd: 2026 });
		const domain = await createNode(ctx, row.slug, { kind: 'domain', title: { fr: 'Gouvernance' }, regions: ['MA-02'] });
		const details = { title: { fr: 'Plan d’action Sénégal' }, periodStart: 2020, periodEnd: 2026 };
		// a region named: refused, with the count, on the field, nothing changed
		const failure = await updateStrategy(ctx, row.slug, { ...details, country: 'SN' }).catch((error: unknown) => error);
		expect(isAppError(failure) && [failure.fields[0]?.path, failure.extra]).toEqual(['country', { reason: 'country_has_regions', nodes: 1 }]);
		expect((await strategyBySlug(db, row.slug)).country).toBe('MA');
		const answer = strategyFailure('fr', failure, { title_fr: 'Plan d’action Sénégal', country: 'SN' });
		expect(answer.data.errors.country).toBe('Le pays ne peut pas changer tant que 1 élément du plan nomme des régions de l’actuel\u00a0: retirez d’abord ces régions sur la page de programmation.');
		expect(strategyFailure('ar', failure, {}).data.errors.country).toContain('صفحة البرمجة');
		// the planner clears the region first: then the country changes, audited; the same country again is no change
		await updateNode(ctx, domain.id, { title: { fr: 'Gouvernance' }, regions: [] });
		expect((await updateStrategy(ctx, row.slug, { ...details, country: 'SN' })).country).toBe('SN');
		const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy.update'), eq(auditEvent.resourceId, row.id)));
		expect([(event.before as { country: string }).country, (event.after as { country: string }).country]).toEqual(['MA', 'SN']);
		// left out, the country stays; an unknown one is refused on its field
		expect((await updateStrategy(ctx, row.slug, details)).country).toBe('SN');
		expect(await refusal(updateStrategy(ctx, row.slug, { ...details, country: 'FR' }))).toBe('invalid_input:country');
	});

	it('refuses to change the country once a value was reported for one of its regions', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, admin);
		const row = await createStrategy(ctx, { title: { fr: 'Plan avec valeurs régionales' }, country: 'MA', periodStart: 2020, periodEnd: 2026 });
		const domain = await createNode(ctx, row.slug, { kind: 'domain', title: { fr: 'Emploi' } });
		const created = await createIndicator(ctx, row.slug, { nodeId: domain.id, code: 'EMP-1', definition: { fr: 'Personnes placées' }, unit: { fr: 'personnes' }, level: 'output', disaggregations: ['region'] });
		await submitValue(ctx, row.slug, { indicatorId: created.id, year: 2022, region: 'MA-01', value: 10 });
		expect(await regionalUse(db, row.id)).toEqual({ nodes: 0, values: 1 });
		const failure = await updateStrategy(ctx, row.slug, { title: { fr: 'Plan avec valeurs régionales' }, country: 'ML' }).catch((error: unknown) => error);
		expect(isAppError(failure) && failure.extra?.reason).toBe('country_has_regional_values');
		expect((await strategyBySlug(db, row.slug)).country).toBe('MA');
	});

	it('lets the strategy’s owner change its details, audited with before and after; its address stays', async () => {
		const db = app.database.db;
		grant(owner, 'owner', 'plan-regional-de-l-oriental');
		const input = { title: { fr: 'Plan régional de l’Oriental (révisé)', en: 'Oriental regional plan' }, summary: { fr: 'Le volet migratoire.' }, periodStart: 2024, periodEnd: 2031, status: 'active', published: true, sources: [{ citation: 'Conseil régional, délibération 2024', url: 'https://example.org/deliberation' }], slug: 'autre', country: 'MA' };
		const row = await updateStrategy(contextFor(db, owner), 'plan-regional-de-l-oriental', input);
		expect(row).toMatchObject({ slug: 'plan-regional-de-l-oriental', country: 'MA', status: 'active', published: true, periodEnd: 2031, ownerOrganisationId: null, title: { fr: 'Plan régional de l’Oriental (révisé)', en: 'Oriental regional plan' } });
		const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy.update'), eq(auditEvent.resourceId, row.id)));
		expect((event.before as { periodEnd: number }).periodEnd).toBe(2030);
		expect((event.after as { periodEnd: number }).periodEnd).toBe(2031);
	});

	it('refuses a planner, another strategy’s owner and bad input, changing nothing', async () => {
		const db = app.database.db;
		grant(planner, 'planner', 'plan-regional-de-l-oriental');
		grant(otherOwner, 'owner', 'plan-regional-de-l-oriental-2');
		const before = await strategyBySlug(db, 'plan-regional-de-l-oriental');
		const input = { title: { fr: 'Changé' }, country: 'MA' };
		expect(await refusal(updateStrategy(contextFor(db, planner), 'plan-regional-de-l-oriental', input))).toBe('forbidden:');
		expect(await refusal(updateStrategy(contextFor(db, otherOwner), 'plan-regional-de-l-oriental', input))).toBe('forbidden:');
		expect(await refusal(updateStrategy(contextFor(db, admin), 'plan-regional-de-l-oriental', { title: { fr: ' ' } }))).toBe('invalid_input:title.fr');
		expect(await refusal(updateStrategy(contextFor(db, admin), 'plan-regional-de-l-oriental', { title: { fr: 'x' }, periodStart: 2030, periodEnd: 2029 }))).toBe('invalid_input:period_ends_before_start');
		expect(await refusal(updateStrategy(contextFor(db, admin), 'plan-regional-de-l-oriental', { title: { fr: 'x' }, sources: [{ citation: 'Sans lien valable', url: 'javascript:alert(1)' }] }))).toBe('invalid_input:sources.0.url');
		expect(await refusal(updateStrategy(contextFor(db, admin), 'nowhere', input))).toBe('not_found:');
		expect(await strategyBySlug(db, 'plan-regional-de-l-oriental')).toEqual(before);
	});

	it('reads the form and gives its refusals as localised messages on the fields, the rows as typed', async () => {
		const db = app.database.db;
		const values = { ...strategyFormValues(await strategyBySlug(db, 'plan-regional-de-l-oriental')), periodStart: '2031', periodEnd: '2025', 'sources.0.url': 'pas une adresse', 'sources.1.citation': '', 'sources.1.url': '' };
		expect(strategyFromForm(values)).toMatchObject({ published: true, periodStart: '2031', sources: [{ citation: 'Conseil régional, délibération 2024', url: 'pas une adresse' }] });
		let failure: unknown;
		try {
			await updateStrategy(contextFor(db, admin), 'plan-regional-de-l-oriental', strategyFromForm(values));
		} catch (error) {
			failure = error;
		}
		const answer = strategyFailure('fr', failure, values) as unknown as { status: number; data: { errors: Record<string, string> } };
		expect(answer.status).toBe(400);
		expect(answer.data.errors['sources.0.url']).toBe('Donnez une adresse complète, qui commence par https://');
		const period = strategyFailure('ar', await updateStrategy(contextFor(db, admin), 'plan-regional-de-l-oriental', { ...strategyFromForm(values), sources: [] }).catch((error) => error), values) as unknown as { data: { errors: Record<string, string> } };
		expect(period.data.errors.periodEnd).toBe('لا يمكن أن تسبق السنة الأخيرة السنة الأولى.');
	});
});
