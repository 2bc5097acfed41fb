import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { completenessOf, createIndicator, resultsByDomain, indicatorForPlanner, removeIndicator, updateIndicator, progressInRegion, regionsWithoutActions, historyOf, indicatorsOf, lightOf, resultsQueues, reviewValue, submitValue, valuesOf } from './results.service.ts';
import { createNode, createStrategy, strategyBySlug } from './strategy.service.ts';
import { indicatorValue } from './strategy.table.ts';
import { sendReportReminders } from './reminders.ts';
import { indicatorTable } from './results-export.ts';
import { labelledParts, partsLine } from './value-parts.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';

let app: TestApp;
let owner: Person;
let reporter: Person;
let otherReporter: Person;
let byRegion: string;
let national: string;
let otherIndicator: string;

const refusal = refusalWithReason;
const grant = (person: Person, role: string, scope: string) => {
	person.actor.grants = [{ module: 'strategy', role, organisationId: null, scope }];
};

beforeAll(async () => {
	app = await createTestApp({});
	const db = app.database.db;
	const admin = await aPerson(db, { role: 'administrator' });
	const adminCtx = contextFor(db, admin);
	for (const slug of ['results-test', 'other-results']) {
		await createStrategy(adminCtx, { slug, title: { fr: slug }, country: 'MA', periodStart: 2023, periodEnd: 2026, published: true });
	}
	const domain = (await createNode(adminCtx, 'results-test', { kind: 'domain', title: { fr: 'Emploi' } })).id;
	const otherDomain = (await createNode(adminCtx, 'other-results', { kind: 'domain', title: { fr: 'Santé' } })).id;
	byRegion = (await createIndicator(adminCtx, 'results-test', { nodeId: domain, code: 'E1', definition: { fr: 'Migrants formés', ar: 'مهاجرون مكونون' }, unit: { fr: 'personnes' }, level: 'output', disaggregations: ['sex', 'region'], baselineValue: 0, baselineYear: 2022, targets: [{ year: 2024, value: 100 }, { year: 2025, value: 200 }] })).id;
	national = (await createIndicator(adminCtx, 'results-test', { nodeId: domain, code: 'E2', definition: { fr: 'Taux d’insertion' }, unit: { fr: '%' }, level: 'outcome', targets: [{ year: 2024, value: 40 }] })).id;
	otherIndicator = (await createIndicator(adminCtx, 'other-results', { nodeId: otherDomain, code: 'S1', definition: { fr: 'Consultations' }, unit: { fr: 'consultations' }, level: 'output' })).id;
	owner = await aPerson(db);
	grant(owner, 'owner', 'results-test');
	reporter = await aPerson(db);
	otherReporter = await aPerson(db);
	grant(otherReporter, 'reporter', 'other-results');
	grant(reporter, 'reporter', 'results-test');
	await db.insert(accessGrant).values({ userId: reporter.user.id, module: 'strategy', role: 'reporter', scope: 'results-test' });
});
afterAll(async () => app?.close());

describe('indicators', () => {
	it('refuses a duplicate code, a node of another strategy and a target outside the period', async () => {
		const ctx = contextFor(app.database.db, await aPerson(app.database.db, { role: 'administrator' }));
		const tree = (await indicatorsOf(app.database.db, await strategyBySlug(app.database.db, 'results-test'), 'fr'))[0];
		expect(await refusal(createIndicator(ctx, 'results-test', { nodeId: tree.nodeId, code: 'E1', definition: { fr: 'x' }, unit: { fr: 'x' }, level: 'output' }))).toBe('invalid_input:code_taken');
		expect(await refusal(createIndicator(ctx, 'other-results', { nodeId: tree.nodeId, code: 'Z', definition: { fr: 'x' }, unit: { fr: 'x' }, level: 'output' }))).toBe('invalid_input:node_of_another_strategy');
		expect(await refusal(createIndicator(ctx, 'results-test', { nodeId: tree.nodeId, code: 'Z', definition: { fr: 'x' }, unit: { fr: 'x' }, level: 'output', targets: [{ year: 2030, value: 1 }] }))).toBe('invalid_input:period_outside_strategy');
		expect(await refusal(createIndicator(contextFor(app.database.db, reporter), 'results-test', { nodeId: tree.nodeId, code: 'Z', definition: { fr: 'x' }, unit: { fr: 'x' }, level: 'output' }))).toBe('forbidden:');
	});
});

describe('reported values', () => {
	it('refuses a year outside the period, a region the indicator is not broken down by, an indicator or a reporter of another strategy; nothing changed', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, reporter);
		expect(await refusal(submitValue(ctx, 'results-test', { indicatorId: byRegion, year: 2030, region: 'MA-02', value: 5 }))).toBe('invalid_input:period_outside_strategy');
		expect(await refusal(submitValue(ctx, 'results-test', { indicatorId: national, year: 2024, region: 'MA-02', value: 5 }))).toBe('invalid_input:region_not_disaggregated');
		expect(await refusal(submitValue(ctx, 'results-test', { indicatorId: byRegion, year: 2024, region: 'MA-99', value: 5 }))).toBe('invalid_input:region_unknown');
		expect(await refusal(submitValue(ctx, 'results-test', { indicatorId: otherIndicator, year: 2024, value: 5 }))).toBe('invalid_input:indicator_of_another_strategy');
		expect(await refusal(submitValue(contextFor(db, otherReporter), 'results-test', { indicatorId: byRegion, year: 2024, region: 'MA-02', value: 5 }))).toBe('forbidden:');
		expect(await refusal(submitValue(ctx, 'results-test', { indicatorId: byRegion, year: 2024, region: 'MA-02', value: 'beaucoup' }))).toBe('invalid_input:value');
		expect(await refusal(submitValue(ctx, 'results-test', { indicatorId: byRegion, year: 2024, region: 'MA-02', value: 5, evidenceUrl: 'javascript:alert(1)' }))).toBe('invalid_input:evidenceUrl');
		expect(await db.select().from(indicatorValue)).toHaveLength(0);
	});

	it('goes from the reporter to the owner and back with the reason, then is approved; the history says who, when and why', async () => {
		const db = app.database.db;
		const mine = contextFor(db, reporter);
		const theOwner = contextFor(db, owner);
		const first = await submitValue(mine, 'results-test', { indicatorId: byRegion, year: 2024, region: 'MA-02', value: '40', comment: 'Premier semestre', evidenceUrl: 'https://example.org/rapport.pdf' });
		expect(first.status).toBe('submitted');
		// a reporter does not approve, and a return needs its reason
		expect(await refusal(reviewValue(mine, 'results-test', first.id, { decision: 'approve' }))).toBe('forbidden:');
		expect(await refusal(reviewValue(theOwner, 'results-test', first.id, { decision: 'return' }))).toBe('invalid_input:reason_required');
		await reviewValue(theOwner, 'results-test', first.id, { decision: 'return', reason: 'Il manque le second semestre' });
		expect(await resultsQueues(db, reporter.actor)).toMatchObject({ reporting: ['results-test'], returned: 1 });
		const [returned] = await valuesOf(db, (await strategyBySlug(db, 'results-test')).id, { reporterId: reporter.user.id });
		expect([returned.status, returned.returnReason]).toEqual(['returned', 'Il manque le second semestre']);
		// a returned value cannot be approved before the reporter corrects it
		expect(await refusal(reviewValue(theOwner, 'results-test', first.id, { decision: 'approve' }))).toBe('conflict:value_not_waiting');
		await submitValue(mine, 'results-test', { indicatorId: byRegion, year: 2024, region: 'MA-02', value: '85,5', comment: 'Année complète' });
		expect(await resultsQueues(db, owner.actor)).toMatchObject({ reviewing: ['results-test'], waiting: 1 });
		await reviewValue(theOwner, 'results-test', first.id, { decision: 'approve' });
		expect(await refusal(submitValue(mine, 'results-test', { indicatorId: byRegion, year: 2024, region: 'MA-02', value: 1 }))).toBe('conflict:value_already_approved');
		const history = (await historyOf(db, [first.id])).get(first.id)!;
		expect(history.map((event) => [event.kind, event.value, event.reason])).toEqual([
			['submitted', 40, 'Premier semestre'],
			['returned', null, 'Il manque le second semestre'],
			['corrected', 85.5, 'Année complète'],
			['approved', null, null]
		]);
		const events = await db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'strategy_indicator_value'), eq(auditEvent.resourceId, first.id)));
		expect(events.map((event) => event.action).sort()).toEqual(['strategy_value.approve', 'strategy_value.correct', 'strategy_value.return', 'strategy_value.submit']);
	});

	it('shows only approved values in the results, with traffic lights against the targets', async () => {
		const db = app.database.db;
		await submitValue(contextFor(db, reporter), 'results-test', { indicatorId: byRegion, year: 2025, value: 150 });
		const results = await indicatorsOf(db, await strategyBySlug(db, 'results-test'), 'fr');
		const e1 = results.find((row) => row.code === 'E1')!;
		expect(e1.years.find((row) => row.year === 2024)).toMatchObject({ target: 100, actual: 85.5, light: 'close', ratio: 85.5, regions: [{ region: 'MA-02', value: 85.5 }] });
		// submitted, not approved yet: not shown
		expect(e1.years.find((row) => row.year === 2025)).toMatchObject({ target: 200, actual: null, light: 'no_data' });
		expect([lightOf(100, 100).light, lightOf(74, 100).light, lightOf(5, null).light]).toEqual(['achieved', 'behind', 'no_data']);
	});

	it('tells the completeness of a year and who has not reported yet', async () => {
		const db = app.database.db;
		const owner_ = await strategyBySlug(db, 'results-test');
		const of2025 = await completenessOf(db, owner_, 2025);
		expect([of2025.indicators, of2025.reported]).toEqual([2, 1]);
		expect(of2025.reporters.map((person) => [person.id, person.values])).toEqual([[reporter.user.id, 1]]);
		expect((await completenessOf(db, owner_, 2026)).reporters.map((person) => person.values)).toEqual([0]);
	});

	it('reminds, in their language, the reporters with no value for the year just closed, and only them', async () => {
		const db = app.database.db;
		await db.update(user).set({ locale: 'ar' }).where(eq(user.id, reporter.user.id));
		const sent: MailMessage[] = [];
		const mailer = { send: async (message: MailMessage) => void sent.push(message) };
		// 2025 closed: the reporter has reported for it
		expect(await sendReportReminders(db, systemContext(), { mailer, publicUrl: 'https://sharaka.example' }, new Date('2026-01-12T08:00:00Z'))).toBe(0);
		// 2023 closed: nothing reported yet
		expect(await sendReportReminders(db, systemContext(), { mailer, publicUrl: 'https://sharaka.example' }, new Date('2024-01-15T08:00:00Z'))).toBe(1);
		expect(sent.map((message) => [message.to, message.language])).toEqual([[reporter.user.email, 'ar']]);
		expect(sent[0].subject).toContain('2023');
		expect(sent[0].text).toContain('https://sharaka.example/ar/strategy/results-test/report');
	});

	it('takes a value broken down by the dimensions its indicator declares, each part checked; the results and the open data give the parts', async () => {
		const db = app.database.db;
		const mine = contextFor(db, reporter);
		const base = { indicatorId: byRegion, year: 2026, region: 'MA-05', value: 100 };
		const before = (await valuesOf(db, (await strategyBySlug(db, 'results-test')).id)).length;
		// E1 is broken down by sex and region only: no age, no nationality
		expect(await refusal(submitValue(mine, 'results-test', { ...base, parts: [{ dimension: 'age', category: '18-24', value: 10 }] }))).toBe('invalid_input:dimension_not_declared');
		expect(await refusal(submitValue(mine, 'results-test', { ...base, parts: [{ dimension: 'sex', category: 'other', value: 10 }] }))).toBe('invalid_input:part_category_unknown');
		expect(await refusal(submitValue(mine, 'results-test', { ...base, parts: [{ dimension: 'sex', category: 'female', value: 10 }, { dimension: 'sex', category: 'female', value: 5 }] }))).toBe('invalid_input:part_twice');
		expect(await refusal(submitValue(mine, 'results-test', { ...base, parts: [{ dimension: 'sex', category: 'female', value: 60 }, { dimension: 'sex', category: 'male', value: '40,5' }] }))).toBe('invalid_input:parts_above_total');
		expect(await refusal(submitValue(mine, 'results-test', { ...base, parts: [{ dimension: 'sex', category: 'female', value: '' }] }))).toBe('invalid_input:parts.0.value');
		expect(await refusal(submitValue(mine, 'results-test', { ...base, parts: [{ dimension: 'sex', category: 'female', value: -1 }] }))).toBe('invalid_input:parts.0.value');
		expect(await valuesOf(db, (await strategyBySlug(db, 'results-test')).id)).toHaveLength(before);

		// the parts may fall short of the value (the rest is not known)
		const row = await submitValue(mine, 'results-test', { ...base, parts: [{ dimension: 'sex', category: 'male', value: '40,5' }, { dimension: 'sex', category: 'female', value: 55 }] });
		expect(row.parts).toEqual([
			{ dimension: 'sex', category: 'female', value: 55 },
			{ dimension: 'sex', category: 'male', value: 40.5 }
		]);
		await reviewValue(contextFor(db, owner), 'results-test', row.id, { decision: 'approve' });
		const [e1] = await indicatorsOf(db, (await strategyBySlug(db, 'results-test'))!, 'fr', { code: 'E1' });
		expect(e1.years.find((year) => year.year === 2026)!.regions).toEqual([{ region: 'MA-05', value: 100, parts: row.parts }]);
		const table = indicatorTable([e1]);
		const partRows = table.filter((cells) => cells.at(-2) === 'sex').map((cells) => [cells[9], cells[10], cells[12], cells.at(-1)]);
		expect(partRows).toEqual([
			[2026, 'MA-05', 55, 'female'],
			[2026, 'MA-05', 40.5, 'male']
		]);
		expect(partsLine('fr', row.parts)).toBe('Femmes\u00a0: 55, Hommes\u00a0: 40,5');
		expect(labelledParts('ar', [{ dimension: 'nationality', category: 'SN', value: 3 }])[0].label).toBe('السنغال');
	});

	it('reads only each indicator’s latest year with approved values for the summary, the same as the full read gives', async () => {
		const db = app.database.db;
		const owner = (await strategyBySlug(db, 'results-test'))!;
		const full = await indicatorsOf(db, owner, 'fr');
		const latest = await indicatorsOf(db, owner, 'fr', { latest: true });
		const last = (items: typeof full) => items.map((item) => [item.code, item.years.findLast((year) => year.actual != null) ?? null]);
		expect(last(latest)).toEqual(last(full));
		expect(full.some((item) => item.years.filter((year) => year.actual != null).length > 1)).toBe(true);
		expect(latest.every((item) => item.years.filter((year) => year.actual != null).length <= 1)).toBe(true);
	});

	it('sums up the results by the domain of each indicator’s node, in the tree’s order, with the traffic lights of their latest year', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, await aPerson(db, { role: 'administrator' }));
		await createStrategy(ctx, { slug: 'results-domains', title: { fr: 'Résultats par domaine' }, country: 'MA', periodStart: 2023, periodEnd: 2026, published: true });
		const node = async (kind: string, title: string, parentId?: string) => (await createNode(ctx, 'results-domains', { kind, title: { fr: title }, parentId })).id;
		const first = await node('domain', 'Logement');
		const second = await node('domain', 'Santé');
		await node('domain', 'Culture');
		const objective = await node('objective', 'Accès aux soins', await node('programme', 'Soins', second));
		const indicator = async (code: string, nodeId: string, target: number) =>
			(await createIndicator(ctx, 'results-domains', { nodeId, code, definition: { fr: code }, unit: { fr: 'personnes' }, level: 'output', targets: [{ year: 2025, value: target }] })).id;
		const ids = { h1: await indicator('H1', first, 100), s1: await indicator('S1', objective, 100), s2: await indicator('S2', objective, 100), s3: await indicator('S3', second, 100) };
		for (const [id, value] of [[ids.h1, 120], [ids.s1, 80], [ids.s2, 10]] as const) {
			const submitted = await submitValue(ctx, 'results-domains', { indicatorId: id, year: 2025, value });
			await reviewValue(ctx, 'results-domains', submitted.id, { decision: 'approve' });
		}
		const { domains, lines } = await resultsByDomain(db, await strategyBySlug(db, 'results-domains'), 'fr');
		// the domain without indicator left out
		expect(domains.map((domain) => [domain.titles.fr, domain.indicators, domain.lights])).toEqual([
			['Logement', 1, { achieved: 1, close: 0, behind: 0, no_data: 0 }],
			['Santé', 3, { achieved: 0, close: 1, behind: 1, no_data: 1 }]
		]);
		expect(lines.map((line) => [line.code, line.domainId, line.latest?.year ?? null, line.latest?.light ?? null])).toEqual([
			['H1', first, 2025, 'achieved'],
			['S1', second, 2025, 'close'],
			['S2', second, 2025, 'behind'],
			['S3', second, null, null]
		]);
	});

	it('lets planners correct an indicator, keeping the breakdowns its values use, and remove one only before any value', async () => {
		const db = app.database.db;
		const planner = await aPerson(db);
		grant(planner, 'planner', 'results-test');
		const ctx = contextFor(db, planner);
		const [e1] = await indicatorsOf(db, (await strategyBySlug(db, 'results-test'))!, 'fr', { code: 'E1' });
		const form = await indicatorForPlanner(ctx, 'results-test', byRegion);
		expect(form).toMatchObject({ code: 'E1', disaggregations: ['sex', 'region'], targets: [{ year: 2024, value: 100 }, { year: 2025, value: 200 }] });
		expect(form.values).toBeGreaterThan(0);
		const input = { nodeId: e1.nodeId, code: 'E1', definition: { fr: 'Migrants formés et certifiés' }, unit: { fr: 'personnes' }, level: 'output', disaggregations: ['sex', 'region'], targets: [{ year: 2026, value: 300 }] };
		// its values give regions and parts by sex: neither breakdown may go
		expect(await refusal(updateIndicator(ctx, 'results-test', byRegion, { ...input, disaggregations: ['sex'] }))).toBe('invalid_input:disaggregation_in_use');
		expect(await refusal(updateIndicator(ctx, 'results-test', byRegion, { ...input, disaggregations: ['region'] }))).toBe('invalid_input:disaggregation_in_use');
		expect(await refusal(updateIndicator(ctx, 'results-test', byRegion, { ...input, code: 'E2' }))).toBe('invalid_input:code_taken');
		expect(await refusal(updateIndicator(contextFor(db, reporter), 'results-test', byRegion, input))).toBe('forbidden:');
		expect(await refusal(updateIndicator(ctx, 'results-test', otherIndicator, input))).toBe('not_found:');
		await updateIndicator(ctx, 'results-test', byRegion, { ...input, disaggregations: ['sex', 'region', 'age'] });
		const [after] = await indicatorsOf(db, (await strategyBySlug(db, 'results-test'))!, 'fr', { code: 'E1' });
		expect([after.definition, after.disaggregations, after.years.find((year) => year.year === 2026)!.target, after.years.find((year) => year.year === 2024)!.target]).toEqual(['Migrants formés et certifiés', ['sex', 'region', 'age'], 300, null]);
		const [updated] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_indicator.update'), eq(auditEvent.resourceId, byRegion)));
		expect(updated.before).toMatchObject({ targets: [{ year: 2024 }, { year: 2025 }] });

		// removing: refused once a value was reported; an indicator without values goes, audited
		expect(await refusal(removeIndicator(ctx, 'results-test', byRegion))).toBe('conflict:indicator_has_values');
		const spare = await createIndicator(ctx, 'results-test', { ...input, code: 'E9' });
		await removeIndicator(ctx, 'results-test', spare.id);
		expect(await indicatorsOf(db, (await strategyBySlug(db, 'results-test'))!, 'fr', { code: 'E9' })).toEqual([]);
		expect(await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_indicator.remove'), eq(auditEvent.resourceId, spare.id)))).toHaveLength(1);
	});

	it('shows a region the approved values of its indicators, and each domain the regions it has no action in', async () => {
		const db = app.database.db;
		const progress = await progressInRegion(db, 'MA-02', 'fr');
		expect(progress.map((item) => [item.code, item.values])).toEqual([['E1', [{ year: 2024, value: 85.5 }]]]);
		expect(await progressInRegion(db, 'MA-12', 'fr')).toEqual([]);
		const action = (regions: string[], national = false) => ({ id: crypto.randomUUID(), titles: { fr: 'a' }, kind: 'action', national, regions, children: [] });
		const domain = (id: string, children: ReturnType<typeof action>[]) => ({ id, titles: { fr: id }, kind: 'domain', national: false, regions: [], children: [{ id: `${id}-p`, titles: {}, kind: 'programme', national: false, regions: [], children }] });
		const gaps = regionsWithoutActions([domain('santé', [action(['MA-01', 'MA-02']), action(['MA-03'])]), domain('emploi', [action([], true)]), domain('vide', [])]);
		expect(gaps.map((gap) => [gap.domain, gap.missing.length])).toEqual([['santé', 9], ['emploi', 0], ['vide', 12]]);
		expect(gaps[0].missing).not.toContain('MA-02');
	});
});
