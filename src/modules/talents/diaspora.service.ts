// Knowing the diaspora (issue 11, item 4): reference figures on Moroccans by host country, each with its
// source and year, entered by moderators; beside them the platform's own counts of talents by host country
// and by skill. Public aggregates suppress counts under 5 (SMALL_COUNT).
import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { countryCodes } from '../../platform/geo/countries.ts';
import { countryCentre, pointMap, type MapPoint, type PointMapData } from '../../platform/geo/world.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { suppressed } from './networks.service.ts';
import { diasporaFigure, talentProfile, type DiasporaFigureRecord } from './talents.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const DiasporaFigureInput = z
	.object({
		country: z
			.string()
			.trim()
			.toUpperCase()
			.refine((code) => countryCodes.includes(code) && code !== 'MA'),
		people: z.coerce.number().int().min(1).max(50_000_000).describe('people of Moroccan origin or nationality, as the source counts them'),
		year: z.coerce.number().int().min(1950).max(2100),
		source: z.string().trim().min(3).max(300).describe('the source as one cites it: author, title, year'),
		sourceUrl: z.preprocess(blankToNull, z.url({ protocol: /^https?$/ }).max(500).nullable()).default(null),
		note: z.preprocess(blankToNull, z.string().trim().max(500).nullable()).default(null).describe('what the source counts (nationals only, descendants…)')
	})
	.meta({ id: 'DiasporaFigureInput' });

function figureView(row: DiasporaFigureRecord) {
	return {
		id: row.id,
		country: row.country,
		people: row.people,
		year: row.year,
		source: row.source,
		sourceUrl: row.sourceUrl,
		note: row.note,
		isSample: row.isSample,
		updatedAt: row.updatedAt.toISOString()
	};
}
export type DiasporaFigure = ReturnType<typeof figureView>;

/** A year's figure from one source is one row: a second one is refused on the year. */
async function refuseDuplicate(db: DbOrTx, input: z.output<typeof DiasporaFigureInput>, except?: string) {
	const [taken] = await db
		.select({ id: diasporaFigure.id })
		.from(diasporaFigure)
		.where(
			and(
				eq(diasporaFigure.country, input.country),
				eq(diasporaFigure.year, input.year),
				eq(diasporaFigure.source, input.source),
				except ? ne(diasporaFigure.id, except) : undefined
			)
		);
	if (taken) throw new AppError('invalid_input', { fields: [{ path: 'year', messageKey: 'field_taken', values: { other: `${input.source}, ${input.year}` } }] });
}

export async function addDiasporaFigure(ctx: RequestContext, raw: unknown) {
	ctx.require('talents.moderate');
	const input = parseOrThrow(DiasporaFigureInput, raw);
	return ctx.transaction(async ({ db, audit }) => {
		await refuseDuplicate(db, input);
		const [row] = await db.insert(diasporaFigure).values(input).returning();
		await recordAudit(db, audit, { action: 'diaspora_figure.create', resourceType: 'diaspora_figure', resourceId: row.id, after: input });
		return figureView(row);
	});
}

export async function updateDiasporaFigure(ctx: RequestContext, id: string, raw: unknown) {
	ctx.require('talents.moderate');
	const input = parseOrThrow(DiasporaFigureInput, raw);
	if (!UUID.test(id)) throw new AppError('not_found');
	return ctx.transaction(async ({ db, audit }) => {
		const [before] = await db.select().from(diasporaFigure).where(eq(diasporaFigure.id, id)).for('update');
		if (!before) throw new AppError('not_found');
		await refuseDuplicate(db, input, id);
		const [row] = await db
			.update(diasporaFigure)
			.set({ ...input, updatedAt: ctx.now() })
			.where(eq(diasporaFigure.id, id))
			.returning();
		const { id: _id, createdAt: _created, updatedAt: _updated, isSample: _sample, ...was } = before;
		await recordAudit(db, audit, { action: 'diaspora_figure.update', resourceType: 'diaspora_figure', resourceId: id, before: was, after: input });
		return figureView(row);
	});
}

/** Removes a figure (a wrong entry); the audit trail keeps what it said. */
export async function removeDiasporaFigure(ctx: RequestContext, id: string) {
	ctx.require('talents.moderate');
	if (!UUID.test(id)) throw new AppError('not_found');
	await ctx.transaction(async ({ db, audit }) => {
		const [removed] = await db.delete(diasporaFigure).where(eq(diasporaFigure.id, id)).returning();
		if (!removed) throw new AppError('not_found');
		const { id: _id, createdAt: _created, updatedAt: _updated, ...was } = removed;
		await recordAudit(db, audit, { action: 'diaspora_figure.delete', resourceType: 'diaspora_figure', resourceId: id, before: was });
	});
}

/**
 * What the public page and the API show: for each host country, its reference figures (newest year first)
 * and the number of talents on the platform who live there; the talents by skill. Counts under 5 are null
 * ("fewer than 5"), and countries known only through such a count are left out.
 */
export async function diasporaOverview(db: DbOrTx) {
	const [figures, byCountry, bySkill, [total]] = await Promise.all([
		db.select().from(diasporaFigure).orderBy(asc(diasporaFigure.country), desc(diasporaFigure.year), asc(diasporaFigure.source)),
		db.select({ country: talentProfile.hostCountry, n: count() }).from(talentProfile).groupBy(talentProfile.hostCountry),
		db
			.select({ skill: sql<string>`skill`, n: sql<number>`count(*)::int` })
			.from(sql`${talentProfile}, unnest(${talentProfile.skills}) as skill`)
			.groupBy(sql`skill`),
		db.select({ n: count() }).from(talentProfile)
	]);
	const talents = new Map(byCountry.map((row) => [row.country, row.n]));
	const countries = [...new Set([...figures.map((row) => row.country), ...byCountry.filter((row) => suppressed(row.n) !== null).map((row) => row.country)])].sort();
	return {
		countries: countries.map((country) => ({
			country,
			figures: figures.filter((row) => row.country === country).map(figureView),
			talents: suppressed(talents.get(country) ?? 0)
		})),
		skills: bySkill
			.map((row) => ({ skill: row.skill, talents: suppressed(row.n) }))
			.filter((row) => row.talents !== null)
			.sort((a, b) => b.talents! - a.talents! || a.skill.localeCompare(b.skill)),
		talents: suppressed(total.n)
	};
}
export type DiasporaOverview = Awaited<ReturnType<typeof diasporaOverview>>;

export async function getDiasporaFigure(ctx: RequestContext, id: string) {
	ctx.require('talents.moderate');
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(diasporaFigure).where(eq(diasporaFigure.id, id));
	if (!row) throw new AppError('not_found');
	return figureView(row);
}

export const DiasporaOverviewView = z
	.object({
		countries: z.array(
			z.object({
				country: z.string().describe('ISO 3166-1 alpha-2'),
				figures: z.array(
					z.object({
						id: z.string(),
						country: z.string(),
						people: z.int(),
						year: z.int(),
						source: z.string(),
						sourceUrl: z.string().nullable(),
						note: z.string().nullable(),
						isSample: z.boolean(),
						updatedAt: z.string()
					})
				),
				talents: z.int().nullable().describe('talents on the platform living there; null: fewer than 5')
			})
		),
		skills: z.array(z.object({ skill: z.string(), talents: z.int().nullable() })),
		talents: z.int().nullable()
	})
	.meta({ id: 'DiasporaOverview' });

/** What the world map draws: the reference figures (each country's newest) or the platform's talents. */
export const diasporaMapSeries = ['figures', 'talents'] as const;
export type DiasporaMapSeries = (typeof diasporaMapSeries)[number];

/**
 * The world map of one series: a circle per host country, its area growing with the count (the newest
 * reference figure, or the talents living there; counts under 5 are already left out), and the countries
 * the map cannot place (a territory too small for it) named apart so that the page lists them.
 */
export function diasporaMap(
	countries: readonly { country: string; name: string; figures: readonly { people: number; year: number }[]; talents: number | null }[],
	series: DiasporaMapSeries
): { map: PointMapData | null; unplaced: string[] } {
	const points: MapPoint[] = [];
	const unplaced: string[] = [];
	for (const entry of countries) {
		const count = series === 'figures' ? entry.figures[0]?.people : entry.talents;
		if (count === undefined || count === null) continue;
		const centre = countryCentre(entry.country);
		if (centre) points.push({ ...centre, label: entry.name, count });
		else unplaced.push(entry.name);
	}
	return { map: pointMap(points), unplaced };
}
