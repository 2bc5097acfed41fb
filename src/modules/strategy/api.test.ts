import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { StrategyDetail } from './strategy.schemas.ts';
import { loadStrategyDemoData } from './strategy.data.ts';
import { eq } from 'drizzle-orm';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { setBudgetLine } from './budget.service.ts';
import { budgetLine, node, strategy } from './strategy.table.ts';
import { GET as list } from './routes/api/v1/strategy/strategies/+server.ts';
import { GET as one } from './routes/api/v1/strategy/strategies/[slug]/+server.ts';
import { GET as exportActions } from './routes/[lang=lang]/strategy/[slug]/export/+server.ts';
import { GET as indicatorsApi } from './routes/api/v1/strategy/strategies/[slug]/indicators/+server.ts';
import { GET as exportIndicators } from './routes/[lang=lang]/strategy/[slug]/results/export/+server.ts';
import { IndicatorOut } from './strategy.openapi.ts';
import { GET as annualReportApi } from './routes/api/v1/strategy/strategies/[slug]/annual-report/+server.ts';
import { AnnualReport } from './strategy.schemas.ts';
import { submitValue } from './results.service.ts';
import { indicator } from './strategy.table.ts';
import { GET as bodiesApi } from './routes/api/v1/strategy/concertation-bodies/+server.ts';
import { GET as bodyApi } from './routes/api/v1/strategy/concertation-bodies/[slug]/+server.ts';
import { GET as recommendationsApi } from './routes/api/v1/strategy/recommendations/+server.ts';
import { GET as exportBodies } from './routes/[lang=lang]/strategy/concertation/export/+server.ts';
import { ConcertationBodyDetail, ConcertationBodySummary, RecommendationOut } from './strategy.schemas.ts';
import { GET as versionsApi, POST as submitApi } from './routes/api/v1/strategy/strategies/[slug]/versions/+server.ts';
import { GET as versionApi } from './routes/api/v1/strategy/strategies/[slug]/versions/[ref]/+server.ts';
import { POST as decisionApi } from './routes/api/v1/strategy/strategies/[slug]/versions/[ref]/decision/+server.ts';
import { POST as withdrawalApi } from './routes/api/v1/strategy/strategies/[slug]/versions/[ref]/withdrawal/+server.ts';
import { GET as compareApi } from './routes/api/v1/strategy/strategies/[slug]/versions/compare/+server.ts';
import { ProgrammeDiff, ProgrammeSnapshot, VersionSummary, type LineChange } from './programme-versions.schemas.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { programmeVersion } from './strategy.table.ts';
import { GET as budgetLinesApi } from './routes/api/v1/strategy/strategies/[slug]/budget-lines/+server.ts';
import { BudgetLinesOut } from './budget-lines.ts';
import { createStrategy, createNode } from './strategy.service.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await loadStrategyDemoData(app.database.db);
	// one real budget line, on the first sample action (its line is real: entered by a planner)
	const admin = await aPerson(app.database.db, { role: 'administrator' });
	const [action] = await app.database.db.select().from(node).where(eq(node.kind, 'action')).limit(1);
	await setBudgetLine(contextFor(app.database.db, admin), action.id, { year: 2025, fundingSource: 'Union européenne', currency: 'EUR', planned: 1000, committed: 800, executed: 900, note: 'Retard de facturation' });
	holder.__sharakaApp = Promise.resolve(app);
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the Strategy API and exports', () => {
	it('lists the published strategies and gives one with its tree, filtered, in the documented shape', async () => {
		const listed = await (await list(apiEvent(null))).json();
		expect(listed.items.find((item: { slug: string }) => item.slug === 'snia')).toMatchObject({ country: 'MA', periodStart: 2014, actions: 150 });
		const answer = await one(apiEvent(null, { params: { slug: 'snia' }, search: '?region=MA-12&status=done' }));
		expect(answer.status).toBe(200);
		const body = await answer.json();
		expect(StrategyDetail.safeParse(body).success).toBe(true);
		const actions = JSON.stringify(body).match(/"kind":"action"/g) ?? [];
		expect(actions.length).toBe(body.actions);
		expect(body.actions).toBeGreaterThan(0);
		expect(body.actions).toBeLessThan(150);
	});

	it('refuses an unknown region with the field named, and an unknown strategy with 404', async () => {
		const wrong = await one(apiEvent(null, { params: { slug: 'snia' }, search: '?region=MA-99', language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect(JSON.stringify(await wrong.json())).toContain('region');
		expect((await one(apiEvent(null, { params: { slug: 'nothing-here' } }))).status).toBe(404);
	});

	it('exports the actions as CSV and XLSX, one row per action with its domain', async () => {
		const csv = await (await exportActions(apiEvent(null, { params: { slug: 'snia', lang: 'fr' }, search: '?format=csv', language: 'fr' }))).text();
		const lines = csv.trim().split(/\r?\n/);
		expect(lines[0]).toContain('domain');
		expect(lines).toHaveLength(151);
		// the sample programme under each of the seeds' eight domains, in the tree's order
		expect(lines[1]).toContain(',Éducation,');
		for (const domain of ['Santé', 'Logement', 'Protection sociale', 'Emploi', 'Traite des êtres humains', 'Coopération internationale', 'Gouvernance']) expect(csv).toContain(`,${domain},`);
		const xlsx = await exportActions(apiEvent(null, { params: { slug: 'snia', lang: 'ar' }, search: '?format=xlsx', language: 'ar' }));
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
		expect(workbook.worksheets[0].rowCount).toBe(151);
		// the sample budget's lines (badged) and the real one
		const [snia] = await app.database.db.select({ id: strategy.id }).from(strategy).where(eq(strategy.slug, 'snia'));
		const budget = await app.database.db.select({ id: budgetLine.id }).from(budgetLine).innerJoin(node, eq(node.id, budgetLine.nodeId)).where(eq(node.strategyId, snia.id));
		expect(budget.length).toBeGreaterThan(10);
		expect(workbook.worksheets[1].rowCount).toBe(1 + budget.length);
	});

	it('exports the budget lines of the actions as their own CSV', async () => {
		const csv = await (await exportActions(apiEvent(null, { params: { slug: 'snia', lang: 'fr' }, search: '?format=csv&table=budget', language: 'fr' }))).text();
		const lines = csv.trim().split(/\r?\n/);
		expect(lines[0]).toBe('action_id,action,year,funding_source,currency,planned,committed,executed,note,is_sample');
		expect(lines.slice(1).join('\n')).toContain('2025,Union européenne,EUR,1000,800,900,Retard de facturation');
	});

	it('gives the budget lines, filtered, with totals per currency of the real lines only, in the documented shape', async () => {
		const answer = await budgetLinesApi(apiEvent(null, { params: { slug: 'snia' }, language: 'fr' }));
		expect(answer.status).toBe(200);
		const body = await answer.json();
		expect(BudgetLinesOut.safeParse(body).success).toBe(true);
		expect(body.total).toBeGreaterThan(10);
		expect(body.items.some((item: { isSample: boolean }) => item.isSample)).toBe(true);
		// the totals count the real lines of real actions only: here every action is a sample, so none
		expect(body.totals).toEqual([]);
		const euros = await (await budgetLinesApi(apiEvent(null, { params: { slug: 'snia' }, search: '?currency=eur&year=2025&source=Union%20europ%C3%A9enne', language: 'fr' }))).json();
		expect(euros.items.find((item: { isSample: boolean }) => !item.isSample)).toMatchObject({ year: 2025, fundingSource: 'Union européenne', currency: 'EUR', planned: 1000, committed: 800, executed: 900, note: 'Retard de facturation', actionLang: 'fr' });
		expect(euros.items.every((item: { currency: string; year: number }) => item.currency === 'EUR' && item.year === 2025)).toBe(true);
		const paged = await (await budgetLinesApi(apiEvent(null, { params: { slug: 'snia' }, search: '?pageSize=2&page=2' }))).json();
		expect(paged).toMatchObject({ page: 2, pageSize: 2, total: body.total });
		expect(paged.items).toHaveLength(2);
		expect(paged.items[0].id).toBe(body.items[2].id);
		const one = await (await budgetLinesApi(apiEvent(null, { params: { slug: 'snia' }, search: `?action=${body.items[0].actionId}` }))).json();
		expect(one.items.every((item: { actionId: string }) => item.actionId === body.items[0].actionId)).toBe(true);
		// bad input: 400 with the field; an unknown strategy 404
		const wrong = await budgetLinesApi(apiEvent(null, { params: { slug: 'snia' }, search: '?year=20x5&currency=euros', language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect(JSON.stringify(await wrong.json())).toMatch(/year[\s\S]*currency|currency[\s\S]*year/);
		expect((await budgetLinesApi(apiEvent(null, { params: { slug: 'nothing-here' } }))).status).toBe(404);
	});

	it('gives an unpublished strategy’s budget lines to its planners only', async () => {
		const db = app.database.db;
		const admin = await aPerson(db, { role: 'administrator' });
		const planner = await aPerson(db);
		planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'budget-cache' }];
		const other = await aPerson(db);
		other.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'snia' }];
		await createStrategy(contextFor(db, admin), { slug: 'budget-cache', title: { fr: 'Non publiée' }, country: 'MA', periodStart: 2024, periodEnd: 2026 });
		const domain = await createNode(contextFor(db, admin), 'budget-cache', { kind: 'domain', title: { fr: 'Domaine' } });
		const programme = await createNode(contextFor(db, admin), 'budget-cache', { kind: 'programme', parentId: domain.id, title: { fr: 'Programme' } });
		const objective = await createNode(contextFor(db, admin), 'budget-cache', { kind: 'objective', parentId: programme.id, title: { fr: 'Objectif' } });
		const action = await createNode(contextFor(db, admin), 'budget-cache', { kind: 'action', parentId: objective.id, title: { ar: 'إجراء' } });
		await setBudgetLine(contextFor(db, planner), action.id, { year: 2025, fundingSource: 'Région', currency: 'MAD', planned: 500, committed: 0, executed: 0 });
		expect((await budgetLinesApi(apiEvent(null, { params: { slug: 'budget-cache' } }))).status).toBe(404);
		expect((await budgetLinesApi(apiEvent(other, { params: { slug: 'budget-cache' } }))).status).toBe(404);
		const mine = await budgetLinesApi(apiEvent(planner, { params: { slug: 'budget-cache' }, language: 'fr' }));
		expect(mine.status).toBe(200);
		expect(mine.headers.get('cache-control')).toBe('private, no-store');
		const lines = await mine.json();
		expect(lines.items).toMatchObject([{ action: 'إجراء', actionLang: 'ar', planned: 500, currency: 'MAD' }]);
		expect(lines.totals).toEqual([{ currency: 'MAD', planned: 500, committed: 0, executed: 0, rate: 0 }]);
	});

	it('gives the indicators with their approved values only, in the documented shape, and as CSV and XLSX', async () => {
		const db = app.database.db;
		const reporter = await aPerson(db);
		reporter.actor.grants = [{ module: 'strategy', role: 'reporter', organisationId: null, scope: 'snia' }];
		const [sample] = await db.select().from(indicator).where(eq(indicator.code, 'EX-EMP-1'));
		// waiting for approval: not public
		await submitValue(contextFor(db, reporter), 'snia', { indicatorId: sample.id, year: 2026, region: 'MA-12', value: 4242.5 });
		const answer = await indicatorsApi(apiEvent(null, { params: { slug: 'snia' }, language: 'en' }));
		expect(answer.status).toBe(200);
		const { items } = await answer.json();
		// the sample programme's ~60 indicators, by code
		const codes = items.map((item: IndicatorOut) => item.code);
		expect(codes).toEqual([...codes].sort());
		expect(codes).toEqual(expect.arrayContaining(['EX-EMP-1', 'EX-EMP-2', 'EX-EDU-1', 'EX-GOV-7']));
		expect(codes.length).toBeGreaterThan(55);
		for (const item of items) expect(IndicatorOut.safeParse(item).success).toBe(true);
		const first = items.find((item: IndicatorOut) => item.code === 'EX-EMP-1') as IndicatorOut;
		expect(first.isSample).toBe(true);
		expect(first.years.find((year) => year.year === 2024)).toMatchObject({ target: 3600, light: expect.stringMatching(/achieved|close|behind/) });
		expect(first.years.find((year) => year.year === 2024)!.regions).toHaveLength(12);
		// (a decimal: four digits alone may stand in an id)
		expect(JSON.stringify(items)).not.toContain('4242.5');
		expect((await indicatorsApi(apiEvent(null, { params: { slug: 'nothing-here' } }))).status).toBe(404);
		const csv = await (await exportIndicators(apiEvent(null, { params: { slug: 'snia', lang: 'fr' }, search: '?format=csv', language: 'fr' }))).text();
		const lines = csv.trim().split(/\r?\n/);
		expect(lines[0]).toContain('indicator_code,definition_fr');
		expect(lines.some((line) => line.startsWith('EX-EMP-1,') && line.includes(',2024,MA-06,'))).toBe(true);
		expect(csv).not.toContain('4242.5');
		const xlsx = await exportIndicators(apiEvent(null, { params: { slug: 'snia', lang: 'ar' }, search: '?format=xlsx', language: 'ar' }));
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
		expect(workbook.worksheets[0].rowCount).toBe(lines.length);
	});

	it('gives the annual report in the documented shape, approved values only; a bad year or region is refused with the field', async () => {
		const answer = await annualReportApi(apiEvent(null, { params: { slug: 'snia' }, search: '?year=2025', language: 'fr' }));
		expect(answer.status).toBe(200);
		expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
		const report = await answer.json();
		expect(AnnualReport.safeParse(report).success).toBe(true);
		expect(report).toMatchObject({ year: 2025, region: null, strategy: { slug: 'snia', country: 'MA' }, hasSamples: true });
		// the sample programme's approved values with their lights
		expect(report.indicators.find((item: { code: string }) => item.code === 'EX-EMP-1')).toMatchObject({ target: 4000, regionsReported: 12, light: expect.stringMatching(/achieved|close|behind/) });
		// the value waiting for approval (2026) is not in the year's report
		const current = await (await annualReportApi(apiEvent(null, { params: { slug: 'snia' }, search: '?year=2026&region=MA-12' }))).json();
		expect(current.region).toMatchObject({ code: 'MA-12' });
		// the indicators broken down by region, none with an approved value there in 2026
		expect(current.indicators.map((item: { code: string }) => item.code)).toContain('EX-EMP-1');
		expect(current.indicators.map((item: { code: string }) => item.code)).not.toContain('EX-EMP-2');
		expect(current.indicators.every((item: { regionValue: number | null }) => item.regionValue === null)).toBe(true);
		expect(JSON.stringify(current)).not.toContain('4242.5');
		const wrong = await annualReportApi(apiEvent(null, { params: { slug: 'snia' }, search: '?year=1995', language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect(JSON.stringify(await wrong.json())).toContain('year');
		expect((await annualReportApi(apiEvent(null, { params: { slug: 'recosa-plan-action-senegal' }, search: '?region=MA-02' }))).status).toBe(400);
		expect((await annualReportApi(apiEvent(null, { params: { slug: 'nothing-here' } }))).status).toBe(404);
	});

	it('gives the regional concertation bodies and one body’s public summary in the documented shape, never the minutes', async () => {
		// the demo's sample bodies need the demo moderator (the Oriental's secretariat) and their organisations
		const db = app.database.db;
		await aPerson(db, { role: 'moderator', email: 'moderator@demo.sharaka.ma' });
		const present = new Set((await db.select({ slug: organisation.slug }).from(organisation)).map((row) => row.slug));
		for (const slug of ['mdcmre', 'migration-et-developpement', 'expertise-france', 'anapec', 'oim', 'giz'].filter((entry) => !present.has(entry))) await db.insert(organisation).values({ slug, name: slug.toUpperCase(), type: 'ngo', country: 'MA' });
		await loadStrategyDemoData(db);
		const listed = await bodiesApi(apiEvent(null, { search: '?region=MA-02', language: 'fr' }));
		expect(listed.status).toBe(200);
		const { items } = await listed.json();
		for (const item of items) expect(ConcertationBodySummary.safeParse(item).success).toBe(true);
		const real = items.find((item: { isSample: boolean }) => !item.isSample);
		const sample = items.find((item: { isSample: boolean }) => item.isSample);
		expect(real).toMatchObject({ region: 'MA-02', name: 'Espace régional de concertation sur les migrations de l’Oriental', members: 0 });
		expect(sample).toMatchObject({ members: 5, openDecisions: 1 });
		const answer = await bodyApi(apiEvent(null, { params: { slug: sample.slug }, language: 'en' }));
		expect(answer.status).toBe(200);
		const detail = await answer.json();
		expect(ConcertationBodyDetail.safeParse(detail).success).toBe(true);
		expect(detail.memberList.map((member: { role: string }) => member.role)).toEqual(['chair', 'secretariat', 'member', 'member', 'observer']);
		expect(detail.meetings.map((meeting: { held: boolean }) => meeting.held)).toEqual([false, true]);
		expect(detail.decisions.map((item: { status: string }) => item.status).sort()).toEqual(['done', 'in_progress']);
		expect(JSON.stringify(detail)).not.toContain('Exemple de compte rendu');
		expect((await bodyApi(apiEvent(null, { params: { slug: 'nothing-here' } }))).status).toBe(404);
		expect((await bodiesApi(apiEvent(null, { search: '?region=MA-99' }))).status).toBe(400);
		// the list as CSV, headers in the page's language
		const csv = (await (await exportBodies(apiEvent(null, { params: { lang: 'fr' }, search: '?region=MA-02&format=csv', language: 'fr' }))).text()).trim().split(/\r?\n/);
		expect(csv).toHaveLength(3);
		expect(csv[0]).toContain('Organisations membres');
		expect(csv.find((line) => line.startsWith(`${sample.slug},`))).toContain(',MA-02,Active,');
		// the tracker's API names the body and the meeting of a decision
		const tracked = await (await recommendationsApi(apiEvent(null, { search: `?body=${sample.slug}&status=done`, language: 'fr' }))).json();
		expect(tracked.items).toHaveLength(1);
		expect(RecommendationOut.safeParse(tracked.items[0]).success).toBe(true);
		expect(tracked.items[0]).toMatchObject({ kind: 'decision', body: { slug: sample.slug }, meeting: { title: expect.stringContaining('Exemple') } });
		// a partner country's: the seeds' Kayes space in Mali, and the demo's badged committee of Thiès in Senegal, with
		// its meeting held and its decision followed to done
		const mali = (await (await bodiesApi(apiEvent(null, { search: '?country=ML', language: 'en' }))).json()).items;
		expect(mali.map((item: { region: string; isSample: boolean; countryName: string }) => [item.region, item.isSample, item.countryName])).toEqual([['ML-1', false, 'Mali']]);
		const senegal = (await (await bodiesApi(apiEvent(null, { search: '?country=SN', language: 'ar' }))).json()).items;
		expect(senegal).toHaveLength(1);
		expect(senegal[0]).toMatchObject({ isSample: true, country: 'SN', countryName: 'السنغال', region: 'SN-TH', regionName: 'ثيس', members: 4, openDecisions: 0, strategy: { slug: 'recosa-plan-action-senegal' } });
		expect(senegal[0].lastMeeting).not.toBeNull();
		const thies = await (await bodyApi(apiEvent(null, { params: { slug: senegal[0].slug }, language: 'fr' }))).json();
		expect(ConcertationBodyDetail.safeParse(thies).success).toBe(true);
		expect(thies.meetings.map((meeting: { held: boolean }) => meeting.held)).toEqual([true]);
		expect(thies.decisions.map((item: { status: string; kind: string }) => [item.kind, item.status])).toEqual([['decision', 'done']]);
		// the filters: a region without its country gives its country's bodies; a country and another's region, none
		expect((await (await bodiesApi(apiEvent(null, { search: '?region=SN-TH' }))).json()).items.map((item: { slug: string }) => item.slug)).toEqual([senegal[0].slug]);
		expect((await (await bodiesApi(apiEvent(null, { search: '?country=ML&region=SN-TH' }))).json()).items).toEqual([]);
	});
});

describe('programme versions through the API', () => {
	const snia = { slug: 'snia' };
	it('gives everyone the demo’s approved v1 (badged, nobody named) and refuses them the draft with the field, in their language', async () => {
		const listed = await versionsApi(apiEvent(null, { params: snia, language: 'fr' }));
		expect(listed.status).toBe(200);
		expect(listed.headers.get('cache-control')).toBe('public, max-age=60');
		const { items, draft } = await listed.json();
		expect(items.map((item: VersionSummary) => [item.ref, item.label, item.state, item.isSample, item.submittedBy])).toEqual([['1', 'v1', 'approved', true, null]]);
		for (const item of items) expect(VersionSummary.safeParse(item).success).toBe(true);
		expect(draft).toBeNull();
		const one = await (await versionApi(apiEvent(null, { params: { ...snia, ref: 'v1' } }))).json();
		expect(ProgrammeSnapshot.safeParse(one.snapshot).success).toBe(true);
		expect(one.snapshot.lines.filter((line: { isSample: boolean }) => line.isSample).length).toBe(one.lines);
		const refused = await compareApi(apiEvent(null, { params: snia, search: '?from=1&to=draft', language: 'ar' }));
		expect(refused.status).toBe(400);
		const { error } = await refused.json();
		expect(error.details.fields).toEqual([{ path: 'to', message: translate('ar', 'errors.field_choice') }]);
		expect(error.details.reason).toBe('unknown_version');
		expect((await versionApi(apiEvent(null, { params: { ...snia, ref: 's9' } }))).status).toBe(404);
	});

	it('lets a planner submit with a token and the owner approve; refusals say why and change nothing; the differences in the documented shape', async () => {
		const db = app.database.db;
		const planner = await aPerson(db);
		planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'snia' }];
		const owner = await aPerson(db);
		owner.actor.grants = [{ module: 'strategy', role: 'owner', organisationId: null, scope: 'snia' }];
		// the draft differs from v1 (the demo's changes, and the real line added above)
		const draft = await (await compareApi(apiEvent(planner, { params: snia, language: 'fr' }))).json();
		expect(draft.from.ref).toBe('1');
		expect(draft.to.ref).toBe('draft');
		expect(ProgrammeDiff.safeParse(draft.diff).success).toBe(true);
		expect(draft.diff.summary).toEqual({ actionsAdded: 0, actionsRemoved: 0, actionsChanged: 1, linesAdded: 2, linesRemoved: 1, linesChanged: 1, structureChanged: 0 });
		// the EU line the demo removed, and the real line of 1 000 euros added above
		const removed = (draft.diff.lines as { lines: LineChange[] }[]).flatMap((entry) => entry.lines).find((line) => line.change === 'removed')!;
		expect(removed.currency).toBe('EUR');
		expect(draft.diff.totalsByCurrency.find((row: { currency: string }) => row.currency === 'EUR').planned.difference).toBe(-removed.planned.before! + 1000);

		const submitted = await submitApi(apiEvent(planner, { method: 'POST', params: snia, json: { note: 'Révision 2025' }, language: 'fr' }));
		expect(submitted.status).toBe(201);
		const version = await submitted.json();
		expect(version).toMatchObject({ ref: 's2', label: 'Soumission 2', state: 'submitted', note: 'Révision 2025' });
		expect(submitted.headers.get('location')).toBe('/api/v1/strategy/strategies/snia/versions/s2');
		const again = await submitApi(apiEvent(planner, { method: 'POST', params: snia, json: {} }));
		expect(again.status).toBe(409);
		expect((await again.json()).error.details.reason).toBe('version_pending');
		expect((await decisionApi(apiEvent(planner, { method: 'POST', params: { ...snia, ref: 's2' }, json: { decision: 'approve' } }))).status).toBe(403);
		const noReason = await decisionApi(apiEvent(owner, { method: 'POST', params: { ...snia, ref: 's2' }, json: { decision: 'return' }, language: 'fr' }));
		expect(noReason.status).toBe(400);
		expect((await noReason.json()).error.details.fields).toEqual([{ path: 'reason', message: translate('fr', 'errors.field_required') }]);
		expect((await db.select().from(programmeVersion).where(eq(programmeVersion.seq, 2)))[0].state).toBe('submitted');
		const approved = await decisionApi(apiEvent(owner, { method: 'POST', params: { ...snia, ref: 's2' }, json: { decision: 'approve' }, language: 'en' }));
		expect(approved.status).toBe(200);
		expect(await approved.json()).toMatchObject({ ref: '2', label: 'v2', state: 'approved', number: 2 });
		expect((await withdrawalApi(apiEvent(planner, { method: 'POST', params: { ...snia, ref: '2' } }))).status).toBe(409);
		// the two approved versions, compared by everyone
		const compared = await (await compareApi(apiEvent(null, { params: snia, search: '?from=v1&to=v2' }))).json();
		expect(compared.diff.summary).toEqual(draft.diff.summary);
		const everyone = await (await versionsApi(apiEvent(null, { params: snia }))).json();
		expect(everyone.items.map((item: VersionSummary) => item.ref)).toEqual(['2', '1']);
	});
});
