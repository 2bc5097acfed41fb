// Demo mode: the SNIA's sample programme at the size issue #13 asks (badged, fictional): under each of the eight
// domains the seeds name, a programme 2015–2027 with its objectives — 150 actions over the 12 regions —, each action's
// budget lines per year and funding source, and ~60 indicators with targets and values per region and year (most
// approved, some waiting for the owner, some returned, some missing, so that completeness and traffic lights show
// something). Generated from a fixed seed (the same on every machine) and written a few statements for all.
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudits } from '../../platform/audit/audit.service.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { placesOf } from './places.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { NODE_STATUSES, type Disaggregation } from './strategy.model.ts';
import { NewIndicator, periodYears } from './results.service.ts';
import { NewNode } from './strategy.schemas.ts';
import { insertNodes } from './strategy.service.ts';
import { budgetLine, indicator, indicatorTarget, indicatorValue, indicatorValueEvent, node, type NodeRow, type StrategyRow } from './strategy.table.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { SAMPLE_DONOR, SAMPLE_EU_BUDGET, SAMPLE_REGION_BUDGET, SAMPLE_STATE_BUDGET, sampleDomains, senegalSample, type SampleDomain, type SampleTexts } from './seed/sample-programme.ts';

/** A small deterministic sequence, so the sample is the same on every machine. */
export function sequence(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

export const SAMPLE_SOURCE = [{ citation: 'Exemple fictif (données de démonstration)' }];
/** The last year the sample programme's money and values are reported for (then planned only). */
const CLOSED_YEAR = 2025;
const strip = (text: string) => text.replace(/^(Exemple : |مثال: |Example: )/, '');

/**
 * Rows written in one statement from one JSON parameter (PGlite binds thousands of parameters slowly): the
 * columns the rows name, the others left to their defaults.
 */
async function insertRows(db: DbOrTx, table: PgTable, rows: Record<string, unknown>[]) {
	if (!rows.length) return;
	const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]);
	const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '));
	const json = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map(([key, column]) => [column.name, row[key]]))));
	await db.execute(sql`insert into ${table} (${names}) select ${names} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)`);
}

type Placed = { domain: SampleDomain; programme: NodeRow; objectives: NodeRow[] };

/**
 * The sample programmes, objectives and actions under the seeds' domains (a domain a planner renamed is skipped),
 * with the actions' budget lines. Returns where each domain's programme went, for the indicators.
 */
export async function insertSampleProgramme(ctx: RequestContext, snia: StrategyRow, domains: NodeRow[]): Promise<Placed[]> {
	const random = sequence(2015);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const present = sampleDomains.flatMap((sample) => {
		const domain = domains.find((row) => row.title.fr === sample.domain);
		return domain ? [{ sample, domain }] : [];
	});
	if (!present.length) return [];
	const bodies = new Map((await ctx.db.select({ id: organisation.id, slug: organisation.slug }).from(organisation).where(inArray(organisation.slug, ['mdcmre', 'anapec', 'oim', 'expertise-france']))).map((row) => [row.slug, row.id]));
	const lead = (sample: SampleDomain) => bodies.get(sample.code === 'EMP' ? 'anapec' : 'mdcmre') ?? null;
	const programmes = await insertNodes(
		ctx,
		snia,
		present.map(({ sample, domain }) =>
			NewNode.parse({ kind: 'programme', parentId: domain.id, title: sample.programme, periodStart: 2015, periodEnd: 2027, status: 'ongoing', national: true, leadOrganisationId: lead(sample), gcm: sample.gcm, sdg: sample.sdg, sources: SAMPLE_SOURCE })
		),
		{ isSample: true }
	);
	const objectiveInputs = present.flatMap(({ sample }, index) => sample.objectives.map((title) => NewNode.parse({ kind: 'objective', parentId: programmes[index].id, title, periodStart: 2015, periodEnd: 2027, status: 'ongoing', national: true, sources: SAMPLE_SOURCE })));
	const objectives = await insertNodes(ctx, snia, objectiveInputs, { isSample: true });
	const placed: Placed[] = [];
	let offset = 0;
	for (const [index, { sample }] of present.entries()) {
		placed.push({ domain: sample, programme: programmes[index], objectives: objectives.slice(offset, offset + sample.objectives.length) });
		offset += sample.objectives.length;
	}
	// the actions: each domain's spread over its objectives, in turn over the 12 regions (a few national ones)
	const actionInputs: NewNode[] = [];
	let count = 0;
	for (const { domain: sample, objectives: under } of placed) {
		const perObjective = Math.ceil(sample.size / under.length);
		for (let index = 0; index < sample.size; index++) {
			const objective = under[Math.floor(index / perObjective)];
			const region = regions[count % regions.length];
			const national = sample.code !== 'EMP' && random() < 0.04;
			const start = 2015 + Math.floor(random() * 10);
			const action = pick(sample.actions);
			const status = start > 2024 ? 'planned' : start + 2 < 2026 ? pick(['done', 'done', 'ongoing', 'suspended'] as const) : pick(NODE_STATUSES);
			const where = national ? { fr: 'niveau national', ar: 'على الصعيد الوطني', en: 'national level' } : { fr: region.nameFr, ar: region.nameAr, en: region.nameEn };
			actionInputs.push(
				NewNode.parse({
					kind: 'action',
					parentId: objective.id,
					title: { fr: `Exemple : ${action.fr} — ${where.fr}`, ar: `مثال: ${action.ar} — ${where.ar}`, en: `Example: ${action.en} — ${where.en}` },
					periodStart: start,
					periodEnd: Math.min(2027, start + 1 + Math.floor(random() * 3)),
					status,
					national,
					regions: national ? [] : random() < 0.2 ? [region.iso, regions[(count + 5) % regions.length].iso] : [region.iso],
					leadOrganisationId: lead(sample),
					gcm: [pick(sample.gcm)],
					sdg: random() < 0.5 ? [pick(sample.sdg)] : [],
					sources: SAMPLE_SOURCE
				})
			);
			if (!national) count++;
		}
	}
	const actions = await insertNodes(ctx, snia, actionInputs, { isSample: true });
	const lines = actions.flatMap((action) => sampleLines(action, random));
	await insertRows(ctx.db, budgetLine, lines);
	return placed;
}

/**
 * An action's sample budget: each year of its period a state budget line in dirhams, and for some actions the EU's
 * budget support (euros), the regional council's or a donor's (dollars); committed and executed follow the years
 * (all but the last ones committed, executed lagging; the years after 2025 planned only). One line in forty is
 * executed above committed, with the note that says why.
 */
function sampleLines(action: NodeRow, random: () => number) {
	const from = action.periodStart ?? 2015;
	const to = Math.min(action.periodEnd ?? from, 2027);
	const withEu = random() < 0.3;
	const withRegion = random() < 0.25;
	const withDonor = random() < 0.12;
	const scale = 40 + Math.floor(random() * 160);
	const lines = [];
	for (let year = from; year <= to; year++) {
		const sources: [string, string, number][] = [[SAMPLE_STATE_BUDGET, 'MAD', scale * 2_000]];
		if (withEu) sources.push([SAMPLE_EU_BUDGET, 'EUR', scale * 120]);
		if (withRegion) sources.push([SAMPLE_REGION_BUDGET, 'MAD', scale * 500]);
		if (withDonor) sources.push([SAMPLE_DONOR, 'USD', scale * 80]);
		for (const [fundingSource, currency, base] of sources) {
			const planned = Math.round((base * (0.8 + random() * 0.4)) / 100) * 100;
			const committedShare = year < CLOSED_YEAR ? 0.8 + random() * 0.2 : year === CLOSED_YEAR ? 0.6 + random() * 0.3 : year === CLOSED_YEAR + 1 ? random() * 0.3 : 0;
			const committed = Math.round((planned * committedShare) / 100) * 100;
			const over = year < CLOSED_YEAR && random() < 0.025;
			const executedShare = over ? 1.05 : year < CLOSED_YEAR ? (action.status === 'suspended' ? 0.3 : 0.65) + random() * 0.3 : year === CLOSED_YEAR ? 0.3 + random() * 0.3 : 0;
			const executed = Math.round((committed * executedShare) / 100) * 100;
			lines.push({
				nodeId: action.id,
				year,
				fundingSource,
				currency,
				planned,
				committed,
				executed,
				note: executed > committed ? 'Exemple : dépassement couvert par un virement de crédits en fin d’année.' : null,
				isSample: true
			});
		}
	}
	return lines;
}

type IndicatorPlan = { node: NodeRow; code: string; definition: SampleTexts; unit: SampleTexts; level: 'output' | 'outcome'; disaggregations: Disaggregation[]; regional: boolean; baseline: number; target: (year: number) => number };

/** ~60 indicators: per domain, the people reached by each kind of action (by region), each objective's share reached, the actions completed. */
function indicatorPlans(placed: Placed[], random: () => number): IndicatorPlan[] {
	const plans: IndicatorPlan[] = [];
	const people = { fr: 'personnes', ar: 'أشخاص', en: 'people' };
	for (const { domain, programme, objectives } of placed) {
		let number = domain.code === 'EMP' ? 3 : 1;
		const code = () => `EX-${domain.code}-${number++}`;
		domain.actions.forEach((action, index) => {
			const step = 20 + Math.floor(random() * 180);
			plans.push({
				node: objectives[index % objectives.length],
				code: code(),
				definition: { fr: `Exemple : personnes touchées — ${action.fr}`, ar: `مثال: الأشخاص المستفيدون — ${action.ar}`, en: `Example: people reached — ${action.en}` },
				unit: people,
				level: 'output',
				disaggregations: ['sex', 'region'],
				regional: true,
				baseline: 0,
				target: (year) => (year - 2015) * step
			});
		});
		// (employment: its first two objectives, so that no code but EX-EMP-1's own begins with "EX-EMP-1")
		for (const objective of domain.code === 'EMP' ? objectives.slice(0, 2) : objectives) {
			const start = 10 + Math.floor(random() * 30);
			plans.push({
				node: objective,
				code: code(),
				definition: { fr: `Exemple : part de la cible atteinte — ${strip(objective.title.fr ?? '')}`, ar: `مثال: نسبة بلوغ الفئة المستهدفة — ${strip(objective.title.ar ?? '')}`, en: `Example: share of the target group reached — ${strip(objective.title.en ?? '')}` },
				unit: { fr: '%', ar: '٪', en: '%' },
				level: 'outcome',
				disaggregations: ['sex', 'nationality'],
				regional: false,
				baseline: start,
				target: (year) => Math.min(90, start + (year - 2015) * 4)
			});
		}
		if (domain.code !== 'EMP')
			plans.push({
				node: programme,
				code: code(),
				definition: { fr: `Exemple : actions menées à terme — ${strip(programme.title.fr ?? '')}`, ar: `مثال: الإجراءات المنجزة — ${strip(programme.title.ar ?? '')}`, en: `Example: actions completed — ${strip(programme.title.en ?? '')}` },
				unit: { fr: 'actions', ar: 'إجراءات', en: 'actions' },
				level: 'output',
				disaggregations: [],
				regional: false,
				baseline: 0,
				target: (year) => Math.round((domain.size * (year - 2015)) / 12)
			});
	}
	return plans;
}

/**
 * The indicators with their targets (2016 to the current year) and values: approved to 2024; for 2025, most approved,
 * one in eight waiting for the owner (in a few regions only), one in eight returned with the reason, one in eight not
 * reported at all; a few regional values missing on the way. Reported by no one in particular (the demo reporter's
 * queue keeps the one value the demo gives it).
 */
export async function insertSampleIndicators(ctx: RequestContext, snia: StrategyRow, placed: Placed[]) {
	const random = sequence(2016);
	const plans = indicatorPlans(placed, random);
	const years = periodYears(snia, ctx.now()).filter((year) => year > 2015);
	const now = ctx.now();
	const rows = plans.map((plan) => {
		const data = NewIndicator.parse({ nodeId: plan.node.id, code: plan.code, definition: plan.definition, unit: plan.unit, level: plan.level, disaggregations: plan.disaggregations, baselineValue: plan.baseline, baselineYear: 2015, targets: [] });
		return { id: crypto.randomUUID(), strategyId: snia.id, nodeId: data.nodeId, code: data.code, definition: data.definition, unit: data.unit, level: data.level, disaggregations: data.disaggregations, baselineValue: plan.baseline, baselineYear: 2015, isSample: true, createdAt: now, updatedAt: now };
	});
	await insertRows(ctx.db, indicator, rows);
	const targets = plans.flatMap((plan, index) => years.map((year) => ({ indicatorId: rows[index].id, year, value: Math.round(plan.target(year) * 10) / 10 })));
	await insertRows(ctx.db, indicatorTarget, targets);
	await recordAudits(
		ctx.db,
		ctx.audit,
		rows.map((row) => ({ action: 'strategy_indicator.create', resourceType: 'strategy_indicator', resourceId: row.id, after: { ...row, targets: targets.filter((target) => target.indicatorId === row.id) } }))
	);
	type Value = { id: string; indicatorId: string; year: number; region: string; value: number; status: 'approved' | 'submitted' | 'returned'; comment: string | null; returnReason: string | null; isSample: true; createdAt: Date; updatedAt: Date };
	const values: Value[] = [];
	const value = (indicatorId: string, year: number, region: string, amount: number, status: Value['status'] = 'approved'): Value => ({
		id: crypto.randomUUID(),
		indicatorId,
		year,
		region,
		value: amount,
		status,
		comment: status === 'approved' ? null : 'Exemple : valeur tirée du rapport d’activité de l’année.',
		returnReason: status === 'returned' ? 'Exemple : le rapport d’activité joint ne donne pas ce chiffre ; merci de le vérifier.' : null,
		isSample: true,
		createdAt: now,
		updatedAt: now
	});
	plans.forEach((plan, index) => {
		const id = rows[index].id;
		const fate = index % 8;
		const from = index % 5 === 4 ? 2019 : 2016;
		for (const year of years.filter((each) => each >= from && each <= CLOSED_YEAR)) {
			const last = year === CLOSED_YEAR;
			if (last && fate === 7) continue;
			const status = last && fate === 3 ? 'submitted' : last && fate === 5 ? 'returned' : 'approved';
			const actual = plan.target(year) * (0.55 + random() * 0.65);
			if (!plan.regional) {
				values.push(value(id, year, '', Math.round(Math.min(plan.unit.fr === '%' ? 100 : Infinity, actual) * 10) / 10, status));
				continue;
			}
			const weights = regions.map(() => 0.3 + random());
			const sum = weights.reduce((total, weight) => total + weight, 0);
			regions.forEach((region, at) => {
				// waiting: a few regions sent theirs; returned: three of them; otherwise now and then a region missing
				if (status === 'submitted' && at >= 5) return;
				if (status === 'returned' && at >= 3) return;
				if (status === 'approved' && random() < 0.04) return;
				values.push(value(id, year, region.iso, Math.round((actual * weights[at]) / sum), status));
			});
		}
	});
	await insertRows(ctx.db, indicatorValue, values);
	const events = values.flatMap((entry) => [
		...(entry.status === 'approved' ? [] : [{ valueId: entry.id, kind: 'submitted' as const, value: entry.value, reason: entry.comment, at: now }]),
		...(entry.status === 'submitted' ? [] : [{ valueId: entry.id, kind: entry.status === 'approved' ? ('approved' as const) : ('returned' as const), reason: entry.returnReason, at: now }])
	]);
	await insertRows(ctx.db, indicatorValueEvent, events);
}

/** The sample programmes already in the tree (by their French title), each with its objectives in order. */
export async function placedProgrammes(db: DbOrTx, snia: StrategyRow): Promise<Placed[]> {
	const rows = await db.select().from(node).where(and(eq(node.strategyId, snia.id), eq(node.isSample, true), inArray(node.kind, ['programme', 'objective']))).orderBy(asc(node.position));
	return sampleDomains.flatMap((domain) => {
		const programme = rows.find((row) => row.kind === 'programme' && row.title.fr === domain.programme.fr);
		return programme ? [{ domain, programme, objectives: rows.filter((row) => row.parentId === programme.id) }] : [];
	});
}

/**
 * Demo mode: a sample programme on Senegal's RECOSA action plan (badged): a domain, a programme 2019–2024, two
 * objectives, ten actions in Senegal's regions (its own country's places, not Morocco's) with their budget lines in
 * CFA francs (XOF), and two indicators — people informed, by region, and diaspora projects supported — with targets
 * and approved values. Nothing if the plan is missing or already holds samples.
 */
export async function insertRecosaSample(ctx: RequestContext, plan: StrategyRow) {
	const random = sequence(2019);
	const senegal = placesOf(plan.country);
	if (!senegal.length) return;
	const [domain] = await insertNodes(ctx, plan, [NewNode.parse({ kind: 'domain', title: senegalSample.domain, sources: SAMPLE_SOURCE })], { isSample: true });
	const [programme] = await insertNodes(ctx, plan, [NewNode.parse({ kind: 'programme', parentId: domain.id, title: senegalSample.programme, periodStart: 2019, periodEnd: 2024, status: 'ongoing', national: true, gcm: ['19', '23'], sdg: ['10.7', '17.18'], sources: SAMPLE_SOURCE })], { isSample: true });
	const objectives = await insertNodes(ctx, plan, senegalSample.objectives.map((title) => NewNode.parse({ kind: 'objective', parentId: programme.id, title, periodStart: 2019, periodEnd: 2024, status: 'ongoing', national: true, sources: SAMPLE_SOURCE })), { isSample: true });
	const actions = await insertNodes(
		ctx,
		plan,
		Array.from({ length: 10 }, (_, index) => {
			const place = senegal[(index * 3) % senegal.length];
			const action = senegalSample.actions[index % senegalSample.actions.length];
			const name = { fr: place.nameFr, ar: place.nameAr ?? place.nameFr, en: place.nameEn };
			const start = 2019 + (index % 4);
			return NewNode.parse({
				kind: 'action',
				parentId: objectives[index % 2].id,
				title: { fr: `Exemple : ${action.fr} — ${name.fr}`, ar: `مثال: ${action.ar} — ${name.ar}`, en: `Example: ${action.en} — ${name.en}` },
				periodStart: start,
				periodEnd: Math.min(2024, start + 2),
				status: start + 2 < 2024 ? 'done' : 'ongoing',
				regions: [place.iso],
				gcm: ['19'],
				sources: SAMPLE_SOURCE
			});
		}),
		{ isSample: true }
	);
	const lines = actions.flatMap((action) =>
		Array.from({ length: (action.periodEnd ?? 0) - (action.periodStart ?? 0) + 1 }, (_, offset) => {
			const planned = Math.round((8_000_000 + random() * 20_000_000) / 10_000) * 10_000;
			const committed = Math.round((planned * (0.7 + random() * 0.3)) / 10_000) * 10_000;
			return { nodeId: action.id, year: (action.periodStart ?? 2019) + offset, fundingSource: 'Exemple : budget de l’État du Sénégal', currency: 'XOF', planned, committed, executed: Math.round((committed * (0.6 + random() * 0.35)) / 10_000) * 10_000, note: null, isSample: true };
		})
	);
	await insertRows(ctx.db, budgetLine, lines);
	const now = ctx.now();
	const years = [2019, 2020, 2021, 2022, 2023, 2024];
	const indicators = [
		{ id: crypto.randomUUID(), code: 'EX-SN-1', nodeId: objectives[0].id, definition: { fr: 'Exemple : personnes informées sur la mobilité', ar: 'مثال: الأشخاص الذين تم إخبارهم حول التنقل', en: 'Example: people informed on mobility' }, unit: { fr: 'personnes', ar: 'أشخاص', en: 'people' }, level: 'output' as const, disaggregations: ['region'] as Disaggregation[], step: 300 },
		{ id: crypto.randomUUID(), code: 'EX-SN-2', nodeId: objectives[1].id, definition: { fr: 'Exemple : projets de la diaspora accompagnés', ar: 'مثال: مشاريع الجالية المواكَبة', en: 'Example: diaspora projects supported' }, unit: { fr: 'projets', ar: 'مشاريع', en: 'projects' }, level: 'output' as const, disaggregations: [] as Disaggregation[], step: 12 }
	];
	await insertRows(
		ctx.db,
		indicator,
		indicators.map(({ step: _step, ...row }) => ({ ...row, strategyId: plan.id, baselineValue: 0, baselineYear: 2018, isSample: true, createdAt: now, updatedAt: now }))
	);
	await insertRows(ctx.db, indicatorTarget, indicators.flatMap((row) => years.map((year) => ({ indicatorId: row.id, year, value: row.step * (year - 2018) }))));
	// the regions the actions are carried out in
	const regional = [...new Set(actions.map((_, index) => senegal[(index * 3) % senegal.length].iso))];
	const values = indicators.flatMap((row) =>
		years.flatMap((year) => {
			const actual = row.step * (year - 2018) * (0.6 + random() * 0.6);
			if (!row.disaggregations.includes('region')) return [{ id: crypto.randomUUID(), indicatorId: row.id, year, region: '', value: Math.round(actual), status: 'approved', isSample: true, createdAt: now, updatedAt: now }];
			return regional.map((region) => ({ id: crypto.randomUUID(), indicatorId: row.id, year, region, value: Math.round(actual / regional.length), status: 'approved', isSample: true, createdAt: now, updatedAt: now }));
		})
	);
	await insertRows(ctx.db, indicatorValue, values);
	await insertRows(ctx.db, indicatorValueEvent, values.map((value) => ({ valueId: value.id, kind: 'approved', at: now })));
}
