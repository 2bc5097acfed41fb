// The results framework: indicators on a strategy's nodes (baseline, targets per year), the values the
// reporters enter per year and region, the owner's approval or return (with history), traffic lights
// against the targets and the completeness of each reporting period.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { user } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { countryCodes } from '../../platform/geo/countries.ts';
import { isPlaceOf, placeByCode, placesOf } from './places.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import { linkKindInstalled, parseLink, resolveLinks, unknownLinks, type ResolvedLink } from '../../platform/kernel/links.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { AGE_GROUPS, DISAGGREGATIONS, INDICATOR_LEVELS, SEX_CATEGORIES, type ValueEventKind, type ValuePart, type ValueStatus } from './strategy.model.ts';
import { strategyBySlug, strategyResource } from './strategy.service.ts';
import { indicator, indicatorTarget, indicatorValue, indicatorValueEvent, node, strategy, type IndicatorRow, type IndicatorValueRow, type StrategyRow, type Translated } from './strategy.table.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const decimal = z.preprocess((value) => (typeof value === 'string' ? value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.') : value), z.coerce.number().finite().min(-1e12).max(1e12));
const year = z.coerce.number().int().min(1990).max(2100);
const texts = z.object({ fr: z.string().trim().max(2000).optional(), ar: z.string().trim().max(2000).optional(), en: z.string().trim().max(2000).optional() });
const cleanTexts = (text: Translated): Translated => Object.fromEntries(Object.entries(text).filter(([, value]) => typeof value === 'string' && value.trim() !== '')) as Translated;
const textOf = (text: Translated | null | undefined, language: Language) => pickText(text as Record<string, string>, language).text;

export const NewIndicator = z.object({
	nodeId: z.string().uuid(),
	code: z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}._-]+$/u),
	definition: texts,
	unit: texts,
	level: z.enum(INDICATOR_LEVELS),
	disaggregations: z.array(z.enum(DISAGGREGATIONS)).default([]),
	baselineValue: z.preprocess(blankToUndefined, decimal.optional()),
	baselineYear: z.preprocess(blankToUndefined, year.optional()),
	targets: z.array(z.object({ year, value: decimal })).default([])
});
export type NewIndicator = z.output<typeof NewIndicator>;

export const ValueInput = z.object({
	indicatorId: z.string().uuid(),
	year,
	region: z.string().trim().default(''),
	value: decimal,
	parts: z
		.array(z.object({ dimension: z.enum(['sex', 'age', 'nationality']), category: z.string().trim().min(1).max(10), value: z.preprocess(blankToUndefined, decimal.pipe(z.number().min(0))) }))
		.max(300)
		.default([])
		.meta({ description: 'the value by sex (female, male), age group (0-17, 18-24, 25-34, 35-54, 55+) or nationality (ISO 3166-1 alpha-2), for the dimensions the indicator declares; per dimension, the parts add up to at most the value' }),
	comment: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()),
	evidenceUrl: z.preprocess(blankToUndefined, z.string().trim().url().max(1000).refine((url) => /^https?:\/\//i.test(url)).optional()),
	evidenceDocument: z
		.preprocess(blankToUndefined, z.string().trim().max(300).optional())
		.meta({ description: 'a document of the Knowledge library as evidence: `knowledge.document:<slug>` (its picker\'s value)' })
});

export const Review = z.object({ decision: z.enum(['approve', 'return']), reason: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()) });

/** The kind of record a value's library evidence is (the Knowledge library's documents, never an import). */
export const EVIDENCE_KIND = 'knowledge.document';

/** A library document given as evidence checked: a Knowledge document (that module installed) that is there. */
async function checkEvidenceDocument(ctx: RequestContext, value: string | undefined) {
	if (!value) return;
	if (parseLink(value)?.kind !== EVIDENCE_KIND || !linkKindInstalled(EVIDENCE_KIND) || (await unknownLinks(ctx.db, [value], ctx.language)).length) throw invalid('evidenceDocument', 'evidence_document_unknown');
}

/** The library documents these values name as evidence, by link (title, path and language in `language`). */
export async function evidenceDocuments(db: DbOrTx, links: readonly (string | null | undefined)[], language: Language): Promise<Map<string, ResolvedLink>> {
	const wanted = [...new Set(links.filter((link): link is string => !!link))];
	if (!wanted.length) return new Map();
	return new Map((await resolveLinks(db, wanted, language)).map((link) => [link.value, link]));
}

const invalid = (path: string, reason: string, messageKey = 'field_choice') => new AppError('invalid_input', { fields: [{ path, messageKey }], extra: { reason } });

/**
 * The years a strategy runs, the reporting periods: its period; a strategy without an end (the SNIA,
 * adopted in 2014) runs to this year; none when it has no start.
 */
export function periodYears(row: Pick<StrategyRow, 'periodStart' | 'periodEnd'>, now: Date = new Date()): number[] {
	if (row.periodStart == null) return [];
	const end = row.periodEnd ?? now.getUTCFullYear();
	return Array.from({ length: Math.max(0, end - row.periodStart + 1) }, (_, index) => row.periodStart! + index);
}

// ---------- indicators (planners) ----------

/** A new indicator on a node of the strategy, with its targets (years within the strategy's period), audited. */
export async function createIndicator(ctx: RequestContext, slug: string, input: unknown, options: { isSample?: boolean } = {}): Promise<IndicatorRow> {
	const data = parseOrThrow(NewIndicator, input);
	return ctx.transaction(async (tx) => {
		const owner = await strategyBySlug(tx.db, slug);
		tx.require('strategy.plan', strategyResource(owner));
		return insertIndicator(tx, owner, data, options);
	});
}

/** An indicator checked and audited; the caller has checked who acts (a page, or the demo data). */
/** An indicator's rules: texts given, its node in the strategy, its code free (but for itself), its targets in the period. */
async function checkIndicator(ctx: RequestContext, owner: StrategyRow, data: NewIndicator, self: string | null) {
	if (!Object.values(cleanTexts(data.definition)).length) throw invalid('definition.fr', 'definition_required', 'field_required');
	if (!Object.values(cleanTexts(data.unit)).length) throw invalid('unit.fr', 'unit_required', 'field_required');
	const [place] = await ctx.db.select({ id: node.id }).from(node).where(and(eq(node.id, data.nodeId), eq(node.strategyId, owner.id)));
	if (!place) throw invalid('nodeId', 'node_of_another_strategy');
	const [taken] = await ctx.db.select({ id: indicator.id }).from(indicator).where(and(eq(indicator.strategyId, owner.id), eq(indicator.code, data.code)));
	if (taken && taken.id !== self) throw new AppError('invalid_input', { fields: [{ path: 'code', messageKey: 'field_invalid' }], extra: { reason: 'code_taken' } });
	const years = periodYears(owner, ctx.now());
	data.targets.forEach((target, index) => {
		if (years.length && !years.includes(target.year)) throw invalid(`targets.${index}.year`, 'period_outside_strategy');
	});
}

const targetRows = (indicatorId: string, data: NewIndicator) => [...new Map(data.targets.map((target) => [target.year, target.value])).entries()].map(([year, value]) => ({ indicatorId, year, value }));

export async function insertIndicator(ctx: RequestContext, owner: StrategyRow, data: NewIndicator, options: { isSample?: boolean } = {}): Promise<IndicatorRow> {
	await checkIndicator(ctx, owner, data, null);
	const [row] = await ctx.db
		.insert(indicator)
		.values({
			strategyId: owner.id,
			nodeId: data.nodeId,
			code: data.code,
			definition: cleanTexts(data.definition),
			unit: cleanTexts(data.unit),
			level: data.level,
			disaggregations: [...new Set(data.disaggregations)],
			baselineValue: data.baselineValue ?? null,
			baselineYear: data.baselineYear ?? null,
			isSample: options.isSample ?? false,
			createdAt: ctx.now(),
			updatedAt: ctx.now()
		})
		.returning();
	const targets = targetRows(row.id, data);
	if (targets.length) await ctx.db.insert(indicatorTarget).values(targets);
	await recordAudit(ctx.db, ctx.audit, { action: 'strategy_indicator.create', resourceType: 'strategy_indicator', resourceId: row.id, after: { ...row, targets } });
	return row;
}

/** An indicator of the strategy, locked for a change by its planners. */
async function indicatorToChange(ctx: RequestContext, slug: string, id: string) {
	const owner = await strategyBySlug(ctx.db, slug);
	ctx.require('strategy.plan', strategyResource(owner));
	const [row] = await ctx.db.select().from(indicator).where(and(eq(indicator.id, id), eq(indicator.strategyId, owner.id))).for('update');
	if (!row) throw new AppError('not_found');
	const targets = await ctx.db.select({ year: indicatorTarget.year, value: indicatorTarget.value }).from(indicatorTarget).where(eq(indicatorTarget.indicatorId, id)).orderBy(asc(indicatorTarget.year));
	return { owner, row, targets };
}

/** An indicator as its planners' form edits it (the strategy's planners only). */
export async function indicatorForPlanner(ctx: RequestContext, slug: string, id: string) {
	const { row, targets } = await indicatorToChange(ctx, slug, id);
	const [{ count }] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(indicatorValue).where(eq(indicatorValue.indicatorId, id));
	return { ...row, baselineValue: row.baselineValue == null ? null : Number(row.baselineValue), targets: targets.map((target) => ({ year: target.year, value: Number(target.value) })), values: count };
}

/**
 * Planners correct an indicator: its texts, node, code, level, baseline, targets and breakdowns. A breakdown
 * its values already use stays (removing `region` while regions reported, or a dimension some parts give,
 * would leave values the indicator no longer explains). Audited with before and after.
 */
export async function updateIndicator(ctx: RequestContext, slug: string, id: string, input: unknown): Promise<IndicatorRow> {
	const data = parseOrThrow(NewIndicator, input);
	return ctx.transaction(async (tx) => {
		const { owner, row: before, targets: targetsBefore } = await indicatorToChange(tx, slug, id);
		await checkIndicator(tx, owner, data, id);
		const kept = new Set(data.disaggregations);
		const dropped = before.disaggregations.filter((name) => !kept.has(name));
		if (dropped.length) {
			const [used] = rowsOf<{ used: boolean }>(
				await tx.db.execute(sql`select exists (
					select 1 from strategy.indicator_value v where v.indicator_id = ${id}
					and ((${dropped.includes('region')} and v.region <> '')
						or exists (select 1 from jsonb_array_elements(v.parts) p where p->>'dimension' = any(${`{${dropped.join(',')}}`}::text[])))
				) as used`)
			);
			if (used?.used) throw invalid('disaggregations', 'disaggregation_in_use');
		}
		const [row] = await tx.db
			.update(indicator)
			.set({ nodeId: data.nodeId, code: data.code, definition: cleanTexts(data.definition), unit: cleanTexts(data.unit), level: data.level, disaggregations: [...kept], baselineValue: data.baselineValue ?? null, baselineYear: data.baselineYear ?? null, updatedAt: tx.now() })
			.where(eq(indicator.id, id))
			.returning();
		await tx.db.delete(indicatorTarget).where(eq(indicatorTarget.indicatorId, id));
		const targets = targetRows(id, data);
		if (targets.length) await tx.db.insert(indicatorTarget).values(targets);
		await recordAudit(tx.db, tx.audit, { action: 'strategy_indicator.update', resourceType: 'strategy_indicator', resourceId: id, before: { ...before, targets: targetsBefore }, after: { ...row, targets } });
		return row;
	});
}

/** Planners remove an indicator no value was ever reported for (values are the reporters' work: never lost with it). */
export async function removeIndicator(ctx: RequestContext, slug: string, id: string): Promise<void> {
	await ctx.transaction(async (tx) => {
		const { row, targets } = await indicatorToChange(tx, slug, id);
		const [reported] = await tx.db.select({ id: indicatorValue.id }).from(indicatorValue).where(eq(indicatorValue.indicatorId, id)).limit(1);
		if (reported) throw new AppError('conflict', { extra: { reason: 'indicator_has_values' } });
		await tx.db.delete(indicator).where(eq(indicator.id, id));
		await recordAudit(tx.db, tx.audit, { action: 'strategy_indicator.remove', resourceType: 'strategy_indicator', resourceId: id, before: { ...row, targets }, after: null });
	});
}

async function indicatorWithStrategy(db: DbOrTx, id: string) {
	const [found] = await db.select({ indicator, owner: strategy }).from(indicator).innerJoin(strategy, eq(strategy.id, indicator.strategyId)).where(eq(indicator.id, id));
	return found ?? null;
}

// ---------- values (reporters) ----------

async function addEvent(ctx: RequestContext, valueId: string, kind: ValueEventKind, value: number | null, reason: string | null) {
	await ctx.db.insert(indicatorValueEvent).values({ valueId, kind, actorId: ctx.actor?.userId ?? null, value, reason, at: ctx.now() });
}

/**
 * The parts of a value checked against its indicator: only the dimensions it declares, known categories
 * (a nationality is a country code), each category once, and per dimension no more than the value itself
 * (a part left unknown is allowed: the sum may fall short). In a stable order: by dimension, then category.
 */
function checkedParts(parts: ValuePart[], total: number, declared: readonly string[]): ValuePart[] {
	const cents = (value: number) => Math.round(value * 10_000);
	const sums = new Map<string, number>();
	const seen = new Set<string>();
	const checked = parts.map((part) => ({ ...part, category: part.dimension === 'nationality' ? part.category.toUpperCase() : part.category }));
	for (const { dimension, category, value } of checked) {
		if (!declared.includes(dimension)) throw invalid('parts', 'dimension_not_declared');
		const known = dimension === 'sex' ? (SEX_CATEGORIES as readonly string[]).includes(category) : dimension === 'age' ? (AGE_GROUPS as readonly string[]).includes(category) : countryCodes.includes(category);
		if (!known) throw invalid('parts', 'part_category_unknown');
		if (seen.has(`${dimension}:${category}`)) throw invalid('parts', 'part_twice');
		seen.add(`${dimension}:${category}`);
		sums.set(dimension, (sums.get(dimension) ?? 0) + cents(value));
	}
	if ([...sums.values()].some((sum) => sum > cents(total))) throw invalid('parts', 'parts_above_total');
	const order = ['sex', 'age', 'nationality'];
	const rank = (part: ValuePart) => (part.dimension === 'age' ? AGE_GROUPS.indexOf(part.category as (typeof AGE_GROUPS)[number]) : 0);
	return checked.sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension) || rank(a) - rank(b) || a.category.localeCompare(b.category));
}

/**
 * A reporter's value for an indicator, a year and a region ('' = national total). A value already
 * there and not yet approved is corrected (a returned one goes back to the owner); an approved one stays.
 */
export async function submitValue(ctx: RequestContext, slug: string, input: unknown, options: { isSample?: boolean } = {}): Promise<IndicatorValueRow> {
	const data = parseOrThrow(ValueInput, input);
	return ctx.transaction(async (tx) => {
		const owner = await strategyBySlug(tx.db, slug);
		tx.require('strategy.report', strategyResource(owner));
		const found = await indicatorWithStrategy(tx.db, data.indicatorId);
		// an indicator of another strategy is not one this reporter may report on
		if (!found || found.owner.id !== owner.id) throw invalid('indicatorId', 'indicator_of_another_strategy');
		const years = periodYears(owner, tx.now());
		if (!years.includes(data.year)) throw invalid('year', 'period_outside_strategy');
		if (data.region) {
			if (!found.indicator.disaggregations.includes('region')) throw invalid('region', 'region_not_disaggregated');
			// a place of the strategy's own country (a Moroccan region on Senegal's plan is another country's)
			if (!isPlaceOf(data.region, owner.country)) throw invalid('region', placeByCode(data.region) ? 'region_of_another_country' : 'region_unknown');
		}
		const parts = checkedParts(data.parts, data.value, found.indicator.disaggregations);
		await checkEvidenceDocument(tx, data.evidenceDocument);
		const [before] = await tx.db
			.select()
			.from(indicatorValue)
			.where(and(eq(indicatorValue.indicatorId, data.indicatorId), eq(indicatorValue.year, data.year), eq(indicatorValue.region, data.region)))
			.for('update');
		if (before?.status === 'approved') throw new AppError('conflict', { extra: { reason: 'value_already_approved' } });
		const values = { value: data.value, parts, comment: data.comment ?? null, evidenceUrl: data.evidenceUrl ?? null, evidenceDocument: data.evidenceDocument ?? null, status: 'submitted' as const, reporterId: tx.actor?.userId ?? null, updatedAt: tx.now() };
		const [row] = before
			? await tx.db.update(indicatorValue).set(values).where(eq(indicatorValue.id, before.id)).returning()
			: await tx.db.insert(indicatorValue).values({ ...values, indicatorId: data.indicatorId, year: data.year, region: data.region, isSample: options.isSample ?? false, createdAt: tx.now() }).returning();
		await addEvent(tx, row.id, before ? 'corrected' : 'submitted', data.value, data.comment ?? null);
		await recordAudit(tx.db, tx.audit, { action: before ? 'strategy_value.correct' : 'strategy_value.submit', resourceType: 'strategy_indicator_value', resourceId: row.id, before: before ?? null, after: row });
		return row;
	});
}

/** The owner approves a submitted value, or returns it to its reporter with the reason (required). */
export async function reviewValue(ctx: RequestContext, slug: string, valueId: string, input: unknown): Promise<IndicatorValueRow> {
	const data = parseOrThrow(Review, input);
	return ctx.transaction(async (tx) => {
		const owner = await strategyBySlug(tx.db, slug);
		tx.require('strategy.review', strategyResource(owner));
		const [found] = await tx.db.select({ value: indicatorValue }).from(indicatorValue).innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId)).where(and(eq(indicatorValue.id, valueId), eq(indicator.strategyId, owner.id))).for('update');
		if (!found) throw new AppError('not_found');
		if (found.value.status !== 'submitted') throw new AppError('conflict', { extra: { reason: 'value_not_waiting' } });
		if (data.decision === 'return' && !data.reason) throw invalid('reason', 'reason_required', 'field_required');
		const status: ValueStatus = data.decision === 'approve' ? 'approved' : 'returned';
		const [row] = await tx.db
			.update(indicatorValue)
			.set({ status, returnReason: data.decision === 'return' ? data.reason! : null, updatedAt: tx.now() })
			.where(eq(indicatorValue.id, valueId))
			.returning();
		await addEvent(tx, valueId, status, null, data.reason ?? null);
		await recordAudit(tx.db, tx.audit, { action: `strategy_value.${data.decision}`, resourceType: 'strategy_indicator_value', resourceId: valueId, before: found.value, after: row });
		return row;
	});
}

// ---------- reading ----------

export type ValueView = {
	id: string;
	indicatorId: string;
	code: string;
	year: number;
	region: string;
	value: number;
	parts: ValuePart[];
	comment: string | null;
	evidenceUrl: string | null;
	/** a library document as evidence (`knowledge.document:<slug>`) */
	evidenceDocument: string | null;
	status: ValueStatus;
	reporter: string | null;
	reporterId: string | null;
	returnReason: string | null;
	isSample: boolean;
	updatedAt: Date;
};

/** The values of a strategy's indicators (all, or in some statuses), newest change first. */
export async function valuesOf(db: DbOrTx, strategyId: string, filter: { status?: ValueStatus[]; reporterId?: string } = {}): Promise<ValueView[]> {
	const rows = await db
		.select({ value: indicatorValue, code: indicator.code, reporter: user.name })
		.from(indicatorValue)
		.innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId))
		.leftJoin(user, eq(user.id, indicatorValue.reporterId))
		.where(and(eq(indicator.strategyId, strategyId), filter.status ? inArray(indicatorValue.status, filter.status) : undefined, filter.reporterId ? eq(indicatorValue.reporterId, filter.reporterId) : undefined))
		.orderBy(desc(indicatorValue.updatedAt), asc(indicator.code));
	return rows.map(({ value, code, reporter }) => ({
		id: value.id,
		indicatorId: value.indicatorId,
		code,
		year: value.year,
		region: value.region,
		value: Number(value.value),
		parts: value.parts,
		comment: value.comment,
		evidenceUrl: value.evidenceUrl,
		evidenceDocument: value.evidenceDocument,
		status: value.status,
		reporter,
		reporterId: value.reporterId,
		returnReason: value.returnReason,
		isSample: value.isSample,
		updatedAt: value.updatedAt
	}));
}

/** A value's history, oldest first, with who acted. */
export async function historyOf(db: DbOrTx, valueIds: string[]) {
	if (!valueIds.length) return new Map<string, { kind: ValueEventKind; actor: string | null; value: number | null; reason: string | null; at: Date }[]>();
	const rows = await db
		.select({ event: indicatorValueEvent, actor: user.name })
		.from(indicatorValueEvent)
		.leftJoin(user, eq(user.id, indicatorValueEvent.actorId))
		.where(inArray(indicatorValueEvent.valueId, valueIds))
		.orderBy(asc(indicatorValueEvent.at), asc(indicatorValueEvent.id));
	const history = new Map<string, { kind: ValueEventKind; actor: string | null; value: number | null; reason: string | null; at: Date }[]>();
	for (const { event, actor } of rows)
		history.set(event.valueId, [...(history.get(event.valueId) ?? []), { kind: event.kind, actor, value: event.value == null ? null : Number(event.value), reason: event.reason, at: event.at }]);
	return history;
}

/**
 * Traffic lights (README, Strategy): the year's actual value (the approved national total, or else the
 * sum of the approved regional values) over the year's target: at least 100 % is `achieved`, at least
 * 75 % `close`, below `behind`; no target or no approved value is `no_data`.
 */
export type Light = 'achieved' | 'close' | 'behind' | 'no_data';
export function lightOf(actual: number | null, target: number | null): { light: Light; ratio: number | null } {
	if (actual == null || target == null || target === 0) return { light: 'no_data', ratio: null };
	const ratio = Math.round((actual / target) * 1000) / 10;
	return { light: ratio >= 100 ? 'achieved' : ratio >= 75 ? 'close' : 'behind', ratio };
}

export type IndicatorView = {
	id: string;
	code: string;
	nodeId: string;
	node: string;
	definition: string;
	definitions: Record<string, string>;
	unit: string;
	units: Record<string, string>;
	nodeTitles: Record<string, string>;
	level: string;
	disaggregations: string[];
	baselineValue: number | null;
	baselineYear: number | null;
	isSample: boolean;
	/** per year: the target, the actual (the national total, else the sum of the regions), its parts when the total has them, and each region's value and parts */
	years: { year: number; target: number | null; actual: number | null; light: Light; ratio: number | null; parts: ValuePart[]; regions: { region: string; value: number; parts: ValuePart[] }[]; evidence: string[] }[];
};

/** A strategy's indicators (or the one of `code`) with their targets and approved values by year and region (the public results). */
/**
 * `only.latest`: the approved values of each indicator's latest year with any (the results summary's one line
 * per indicator), not all of them; the other years then show no actual.
 */
export async function indicatorsOf(db: DbOrTx, owner: StrategyRow, language: Language, only: { code?: string; latest?: boolean } = {}): Promise<IndicatorView[]> {
	const which = and(eq(indicator.strategyId, owner.id), only.code === undefined ? undefined : eq(indicator.code, only.code));
	const rows = await db.select({ indicator, nodeTitle: node.title }).from(indicator).innerJoin(node, eq(node.id, indicator.nodeId)).where(which).orderBy(asc(indicator.code));
	if (!rows.length) return [];
	const inStrategy = db.select({ id: indicator.id }).from(indicator).where(which);
	const [targets, approved] = await Promise.all([
		db.select({ indicatorId: indicatorTarget.indicatorId, year: indicatorTarget.year, value: indicatorTarget.value }).from(indicatorTarget).where(inArray(indicatorTarget.indicatorId, inStrategy)),
		db
			.select({ indicatorId: indicatorValue.indicatorId, year: indicatorValue.year, region: indicatorValue.region, value: indicatorValue.value, parts: indicatorValue.parts, evidenceDocument: indicatorValue.evidenceDocument })
			.from(indicatorValue)
			.where(
				and(
					inArray(indicatorValue.indicatorId, inStrategy),
					eq(indicatorValue.status, 'approved'),
					// each indicator's latest year, grouped once (not a subquery per value)
					only.latest ? sql`(${indicatorValue.indicatorId}, ${indicatorValue.year}) in (select w.indicator_id, max(w.year) from strategy.indicator_value w where w.status = 'approved' and w.indicator_id in ${inStrategy} group by w.indicator_id)` : undefined
				)
			)
	]);
	// grouped once by indicator and year (a strategy at scale has tens of thousands of values)
	const targetOf = new Map(targets.map((target) => [`${target.indicatorId}|${target.year}`, Number(target.value)]));
	const yearsWithTargets = new Map<string, number[]>();
	for (const target of targets) yearsWithTargets.set(target.indicatorId, [...(yearsWithTargets.get(target.indicatorId) ?? []), target.year]);
	const valuesOf = new Map<string, Map<number, typeof approved>>();
	for (const value of approved) {
		const byYear = valuesOf.get(value.indicatorId) ?? new Map<number, typeof approved>();
		valuesOf.set(value.indicatorId, byYear);
		const list = byYear.get(value.year);
		if (list) list.push(value);
		else byYear.set(value.year, [value]);
	}
	const years = periodYears(owner);
	return rows.map(({ indicator: row, nodeTitle }) => {
		const mine = valuesOf.get(row.id) ?? new Map<number, typeof approved>();
		const yearsOf = [...new Set([...years, ...(yearsWithTargets.get(row.id) ?? []), ...mine.keys()])].sort((a, b) => a - b);
		return {
			id: row.id,
			code: row.code,
			nodeId: row.nodeId,
			node: textOf(nodeTitle, language),
			definition: textOf(row.definition, language),
			definitions: row.definition as Record<string, string>,
			unit: textOf(row.unit, language),
			units: row.unit as Record<string, string>,
			nodeTitles: nodeTitle as Record<string, string>,
			level: row.level,
			disaggregations: row.disaggregations,
			baselineValue: row.baselineValue == null ? null : Number(row.baselineValue),
			baselineYear: row.baselineYear,
			isSample: row.isSample,
			years: yearsOf.map((each) => {
				const ofYear = mine.get(each) ?? [];
				const total = ofYear.find((value) => value.region === '');
				const regional = ofYear.filter((value) => value.region !== '');
				const actual = total ? Number(total.value) : regional.length ? regional.reduce((sum, value) => sum + Number(value.value), 0) : null;
				const targetValue = targetOf.get(`${row.id}|${each}`) ?? null;
				return { year: each, target: targetValue, actual, ...lightOf(actual, targetValue), parts: total?.parts ?? [], regions: regional.map((value) => ({ region: value.region, value: Number(value.value), parts: value.parts })).sort((a, b) => a.region.localeCompare(b.region)),
					// the library documents the year's approved values give as evidence (national first, then by region)
					evidence: [...new Set([total, ...[...regional].sort((a, b) => a.region.localeCompare(b.region))].flatMap((value) => (value?.evidenceDocument ? [value.evidenceDocument] : [])))]
				};
			})
		};
	});
}

/** An indicator's line on the results page: its latest year with an approved value, and the domain its node is in. */
export type ResultLine = Pick<IndicatorView, 'id' | 'code' | 'definitions' | 'units' | 'level' | 'isSample'> & {
	domainId: string | null;
	latest: { year: number; target: number | null; actual: number | null; light: Light; ratio: number | null } | null;
};
/** A domain of the results page: how many indicators measure its nodes, by the traffic light of their latest year. */
export type DomainResults = { id: string; titles: Record<string, string>; indicators: number; lights: Record<Light, number> };

/**
 * The results page's reading: one line per indicator (its latest year with an approved value), and the domains
 * of the nodes they measure, in the tree's order, each with its count of indicators by traffic light (those with
 * none left out) — the page summarises a strategy of hundreds of indicators by domain and lists them a domain
 * and a page at a time.
 */
export async function resultsByDomain(db: DbOrTx, owner: StrategyRow, language: Language): Promise<{ domains: DomainResults[]; lines: ResultLine[] }> {
	const [indicators, nodes] = await Promise.all([
		indicatorsOf(db, owner, language, { latest: true }),
		db.select({ id: node.id, parentId: node.parentId, title: node.title }).from(node).where(eq(node.strategyId, owner.id)).orderBy(asc(node.position), asc(node.createdAt))
	]);
	const byId = new Map(nodes.map((item) => [item.id, item]));
	const domainOf = (id: string) => {
		let item = byId.get(id);
		while (item?.parentId) item = byId.get(item.parentId);
		return item?.id ?? null;
	};
	const lines: ResultLine[] = indicators.map((item) => {
		const latest = item.years.findLast((year) => year.actual != null) ?? null;
		return {
			id: item.id,
			code: item.code,
			definitions: item.definitions,
			units: item.units,
			level: item.level,
			isSample: item.isSample,
			domainId: domainOf(item.nodeId),
			latest: latest && { year: latest.year, target: latest.target, actual: latest.actual, light: latest.light, ratio: latest.ratio }
		};
	});
	const counts = new Map<string, DomainResults>();
	for (const item of nodes) if (!item.parentId) counts.set(item.id, { id: item.id, titles: item.title as Record<string, string>, indicators: 0, lights: { achieved: 0, close: 0, behind: 0, no_data: 0 } });
	for (const line of lines) {
		const domain = counts.get(line.domainId ?? '');
		if (!domain) continue;
		domain.indicators++;
		domain.lights[line.latest?.light ?? 'no_data']++;
	}
	return { domains: [...counts.values()].filter((domain) => domain.indicators > 0), lines };
}

/** The people who report on a strategy: grants `strategy:reporter` scoped to its slug. */
export async function reportersOf(db: DbOrTx, slug: string) {
	return db
		.select({ id: user.id, name: user.name, email: user.email, locale: user.locale })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(eq(accessGrant.module, 'strategy'), eq(accessGrant.role, 'reporter'), eq(accessGrant.scope, slug)))
		.orderBy(asc(user.name));
}

/**
 * Completeness of a reporting year: how many of the strategy's indicators have a value (submitted or
 * approved; a returned one is still to report), how many an approved one, which have none yet, and each
 * reporter's count of values for the year — a reporter with none has not reported yet. With `region`,
 * the indicators broken down by region and their values for that region only.
 */
export async function completenessOf(db: DbOrTx, owner: StrategyRow, reportYear: number, only: { region?: string } = {}) {
	const all = await db.select({ id: indicator.id, code: indicator.code, definition: indicator.definition, disaggregations: indicator.disaggregations }).from(indicator).where(eq(indicator.strategyId, owner.id)).orderBy(asc(indicator.code));
	const counted = only.region ? all.filter((row) => row.disaggregations.includes('region')) : all;
	const values = await db
		.select({ indicatorId: indicatorValue.indicatorId, reporterId: indicatorValue.reporterId, status: indicatorValue.status })
		.from(indicatorValue)
		.innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId))
		.where(and(eq(indicator.strategyId, owner.id), eq(indicatorValue.year, reportYear), only.region ? eq(indicatorValue.region, only.region) : undefined));
	const reported = new Set(values.filter((value) => value.status !== 'returned').map((value) => value.indicatorId));
	const approved = new Set(values.filter((value) => value.status === 'approved').map((value) => value.indicatorId));
	const reporters = (await reportersOf(db, owner.slug)).map((person) => ({ ...person, values: values.filter((value) => value.reporterId === person.id && value.status !== 'returned').length }));
	return {
		year: reportYear,
		indicators: counted.length,
		reported: counted.filter((row) => reported.has(row.id)).length,
		approved: counted.filter((row) => approved.has(row.id)).length,
		missing: counted.filter((row) => !reported.has(row.id)).map((row) => ({ id: row.id, code: row.code, definitions: row.definition as Record<string, string> })),
		reporters
	};
}

/** The strategies a person reports on or reviews through grants, with the counts of their queues (my space). */
export async function resultsQueues(db: DbOrTx, actor: Actor) {
	const grants = (actor.grants ?? []).filter((grant) => grant.module === 'strategy' && grant.scope);
	const reporting = grants.filter((grant) => grant.role === 'reporter').map((grant) => grant.scope!);
	const reviewing = grants.filter((grant) => grant.role === 'owner').map((grant) => grant.scope!);
	const count = async (slugs: string[], status: ValueStatus, reporterId?: string) => {
		if (!slugs.length) return 0;
		const [{ total }] = await db
			.select({ total: sql<number>`count(*)::int` })
			.from(indicatorValue)
			.innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId))
			.innerJoin(strategy, eq(strategy.id, indicator.strategyId))
			.where(and(inArray(strategy.slug, slugs), eq(indicatorValue.status, status), reporterId ? eq(indicatorValue.reporterId, reporterId) : undefined));
		return Number(total);
	};
	return { reporting, reviewing, returned: await count(reporting, 'returned', actor.userId), waiting: await count(reviewing, 'submitted') };
}

/** A region's progress: the approved values for the region of every published strategy's indicators broken down by region, latest year first. */
export async function progressInRegion(db: DbOrTx, region: string, language: Language) {
	return progressInRegionFrom(await approvedValuesByRegion(db), region, language);
}

export type ApprovedValuesByRegion = Awaited<ReturnType<typeof approvedValuesByRegion>>;

/** The published strategies' approved values, one row per indicator and region (latest year first). */
export async function approvedValuesByRegion(db: DbOrTx) {
	const rows = await db
		.select({
			region: indicatorValue.region,
			code: indicator.code,
			definition: indicator.definition,
			unit: indicator.unit,
			isSample: indicator.isSample,
			strategySlug: strategy.slug,
			strategyTitle: strategy.title,
			values: sql<{ year: number; value: string | number }[]>`json_agg(json_build_object('year', ${indicatorValue.year}, 'value', ${indicatorValue.value}) order by ${indicatorValue.year} desc)`
		})
		.from(indicatorValue)
		.innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId))
		.innerJoin(strategy, eq(strategy.id, indicator.strategyId))
		.where(and(eq(indicatorValue.status, 'approved'), eq(strategy.published, true), isNotNull(indicatorValue.region)))
		.groupBy(indicator.id, strategy.id, indicatorValue.region)
		.orderBy(asc(strategy.slug), asc(indicator.code));
	const byRegion: Record<string, typeof rows> = {};
	for (const row of rows) (byRegion[row.region!] ??= []).push(row);
	return byRegion;
}

/** The same, from the values already read (no database). */
export function progressInRegionFrom(byRegion: ApprovedValuesByRegion, region: string, language: Language) {
	return (byRegion[region] ?? []).map((row) => ({
		strategy: { slug: row.strategySlug, title: textOf(row.strategyTitle, language) },
		code: row.code,
		definitions: row.definition as Record<string, string>,
		units: row.unit as Record<string, string>,
		isSample: row.isSample,
		values: (typeof row.values === 'string' ? (JSON.parse(row.values) as typeof row.values) : row.values).map((entry) => ({ year: Number(entry.year), value: Number(entry.value) }))
	}));
}

/**
 * Gaps of a strategy's tree: for each domain, the regions where none of its actions is carried out (a
 * national action covers every region).
 */
export function regionsWithoutActions(tree: { id: string; titles: Record<string, string>; kind: string; national: boolean; regions: string[]; children: unknown[] }[], country = 'MA') {
	type Item = (typeof tree)[number];
	return tree.map((domain) => {
		const covered = new Set<string>();
		let national = false;
		const walk = (items: Item[]) => {
			for (const item of items) {
				if (item.kind === 'action') {
					if (item.national) national = true;
					for (const region of item.regions) covered.add(region);
				}
				walk(item.children as Item[]);
			}
		};
		walk(domain.children as Item[]);
		return { domain: domain.id, titles: domain.titles, missing: national ? [] : placesOf(country).map((region) => region.iso).filter((iso) => !covered.has(iso)) };
	});
}
