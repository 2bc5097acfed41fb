// Research mapping (issue #14, item 3; seed 002 §2.11): who studies migration in Morocco and on what.
// Researchers keep their own profile (institution, themes, regions, their works in the library) and choose
// whether it is public; the mapping counts the library's research works by theme and institution, for a
// period and over time; the seeds' study of Moroccan research on migration (2010–2016) gives its findings.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { regions as moroccanRegions } from '../../../platform/geo/morocco.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { slugify } from '../../../platform/text/slug.ts';
import { document, type Translated } from '../knowledge.table.ts';
import { documentThemes } from '../knowledge.model.ts';
import { researchPeriods, researchTypes } from './research.model.ts';
import { researcher, researchFinding, type ResearcherRow } from './research.table.ts';

const text = (maxLength: number) => z.string().trim().min(1).max(maxLength);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());
const regionCodes = moroccanRegions.map((region) => region.iso) as [string, ...string[]];

export const ResearcherInput = z.object({
	name: text(200),
	position: optional(text(200)),
	institution: optional(text(120)),
	themes: z.array(z.enum(documentThemes)).max(documentThemes.length).default([]),
	regions: z.array(z.enum(regionCodes)).max(regionCodes.length).default([]),
	bio: z.object({ fr: text(3000).optional(), ar: text(3000).optional(), en: text(3000).optional() }).default({}),
	website: optional(z.url({ protocol: /^https?$/ }).max(500)),
	works: z.array(z.string().trim().min(1).max(120)).max(100).default([]),
	/** the box "show my profile publicly" (its text says what is shown and that it can be withdrawn) */
	visible: z.preprocess((value) => value === 'on' || value === true, z.boolean()).default(false)
});

function signedIn(ctx: RequestContext) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	return ctx.actor;
}

/** The signed-in person's own profile, or null. */
export async function myResearcherProfile(ctx: RequestContext): Promise<ResearcherRow | null> {
	const actor = signedIn(ctx);
	const [row] = await ctx.db.select().from(researcher).where(eq(researcher.userId, actor.userId));
	return row ?? null;
}

/**
 * Creates or changes the signed-in person's profile. Being shown publicly is their choice, recorded with
 * its time each time they give it; the institution and works must exist (by slug).
 */
export async function saveMyResearcherProfile(ctx: RequestContext, raw: unknown) {
	const actor = signedIn(ctx);
	const data = parseOrThrow(ResearcherInput, raw);
	return ctx.transaction(async (tx) => {
		const problems: { path: string; messageKey: string }[] = [];
		if (data.institution && !(await tx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, data.institution))).length) problems.push({ path: 'institution', messageKey: 'field_choice' });
		const works = [...new Set(data.works)];
		if (works.length && (await tx.db.select({ slug: document.slug }).from(document).where(inArray(document.slug, works))).length !== works.length) problems.push({ path: 'works', messageKey: 'field_choice' });
		if (problems.length) throw new AppError('invalid_input', { fields: problems });
		const [current] = await tx.db.select().from(researcher).where(eq(researcher.userId, actor.userId)).for('update');
		const values = {
			name: data.name,
			position: (data.position as string | undefined) ?? null,
			institution: (data.institution as string | undefined) ?? null,
			themes: data.themes,
			regions: data.regions,
			bio: data.bio as Translated,
			website: (data.website as string | undefined) ?? null,
			works,
			visible: data.visible,
			// consent given now when they tick the box; kept from before when it stays ticked
			consentAt: data.visible ? (current?.visible ? current.consentAt : tx.now()) : null,
			updatedAt: tx.now()
		};
		const [row] = current
			? await tx.db.update(researcher).set(values).where(eq(researcher.id, current.id)).returning()
			: await tx.db
					.insert(researcher)
					.values({ ...values, userId: actor.userId, slug: await freeSlug(tx.db, slugify(data.name) || 'chercheur'), createdAt: tx.now() })
					.returning();
		await recordAudit(tx.db, tx.audit, {
			action: current ? 'knowledge_researcher.update' : 'knowledge_researcher.create',
			resourceType: 'knowledge_researcher',
			resourceId: row.id,
			before: current ? { visible: current.visible, institution: current.institution, themes: current.themes } : undefined,
			after: { visible: row.visible, institution: row.institution, themes: row.themes }
		});
		return row;
	});
}

async function freeSlug(db: DbOrTx, wanted: string): Promise<string> {
	const taken = new Set((await db.select({ slug: researcher.slug }).from(researcher)).map((row) => row.slug));
	if (!taken.has(wanted)) return wanted;
	for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** The person deletes their profile (nothing of it is kept). */
export async function deleteMyResearcherProfile(ctx: RequestContext) {
	const actor = signedIn(ctx);
	return ctx.transaction(async (tx) => {
		const [gone] = await tx.db.delete(researcher).where(eq(researcher.userId, actor.userId)).returning({ id: researcher.id });
		if (!gone) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_researcher.delete', resourceType: 'knowledge_researcher', resourceId: gone.id });
	});
}

export type ResearcherQuery = { theme?: string; institution?: string; region?: string };

/** The public directory: profiles whose owners chose to appear, by name. */
export async function listResearchers(db: DbOrTx, query: ResearcherQuery = {}) {
	const rows = await db
		.select({ row: researcher, institutionName: organisation.name, institutionAcronym: organisation.acronym })
		.from(researcher)
		.leftJoin(organisation, eq(organisation.slug, researcher.institution))
		.where(
			and(
				eq(researcher.visible, true),
				query.theme ? sql`${researcher.themes} ? ${query.theme}` : undefined,
				query.region ? sql`${researcher.regions} ? ${query.region}` : undefined,
				query.institution ? eq(researcher.institution, query.institution) : undefined
			)
		)
		.orderBy(asc(researcher.name));
	return rows.map(({ row, institutionName, institutionAcronym }) => ({ ...publicView(row), institutionName: institutionName ?? null, institutionAcronym: institutionAcronym ?? null }));
}

const publicView = (row: ResearcherRow) => ({ slug: row.slug, name: row.name, position: row.position, institution: row.institution, themes: row.themes, regions: row.regions, bio: row.bio, website: row.website, works: row.works, isSample: row.isSample });

/** One researcher's public page: only while they appear (their own profile is always theirs to see). */
export async function getResearcher(ctx: RequestContext, slug: string) {
	const [found] = await ctx.db
		.select({ row: researcher, institutionName: organisation.name })
		.from(researcher)
		.leftJoin(organisation, eq(organisation.slug, researcher.institution))
		.where(eq(researcher.slug, slug));
	if (!found || (!found.row.visible && found.row.userId !== ctx.actor?.userId)) throw new AppError('not_found');
	const works = found.row.works.length
		? await ctx.db.select({ slug: document.slug, title: document.title, year: document.year, type: document.type }).from(document).where(inArray(document.slug, found.row.works))
		: [];
	return { ...publicView(found.row), visible: found.row.visible, institutionName: found.institutionName ?? null, works: found.row.works.flatMap((slug) => works.filter((work) => work.slug === slug)) };
}

// ---- the mapping ------------------------------------------------------------------------------------

/**
 * The library's research works (studies, reports, syntheses, not samples unless asked) counted by theme
 * and institution — for the years asked — and by theme and period over time. A work with several themes
 * or institutions counts once in each of its cells; the totals count works.
 */
export async function researchMatrix(db: DbOrTx, query: { from?: number; to?: number; samples?: boolean } = {}) {
	const works = await db
		.select({ slug: document.slug, year: document.year, themes: document.themes, organisations: document.organisations })
		.from(document)
		.where(and(inArray(document.type, [...researchTypes]), query.samples ? undefined : eq(document.isSample, false)));
	const inYears = (year: number | null) => year !== null && (query.from === undefined || year >= query.from) && (query.to === undefined || year <= query.to);
	const chosen = works.filter((work) => (query.from === undefined && query.to === undefined ? true : inYears(work.year)));
	const institutionSlugs = [...new Set(chosen.flatMap((work) => work.organisations))];
	const institutions = institutionSlugs.length
		? await db.select({ slug: organisation.slug, name: organisation.name, acronym: organisation.acronym }).from(organisation).where(inArray(organisation.slug, institutionSlugs)).orderBy(asc(organisation.name))
		: [];
	const cell = (theme: string, institution: string) => chosen.filter((work) => work.themes.includes(theme) && work.organisations.includes(institution)).length;
	const periodOf = (year: number | null) => researchPeriods.find((period) => year !== null && (period.from === null || year >= period.from) && (period.to === null || year <= period.to))?.key ?? 'unknown';
	return {
		works: chosen.length,
		withoutInstitution: chosen.filter((work) => !work.organisations.some((slug) => institutions.some((entry) => entry.slug === slug))).length,
		institutions,
		byInstitution: documentThemes.map((theme) => ({
			theme,
			counts: institutions.map((institution) => cell(theme, institution.slug)),
			total: chosen.filter((work) => work.themes.includes(theme)).length
		})),
		institutionTotals: institutions.map((institution) => chosen.filter((work) => work.organisations.includes(institution.slug)).length),
		// over time: every work, whatever the years asked
		periods: [...researchPeriods.map((period) => period.key), 'unknown'],
		byPeriod: documentThemes.map((theme) => ({
			theme,
			counts: [...researchPeriods.map((period) => period.key), 'unknown'].map((key) => works.filter((work) => work.themes.includes(theme) && periodOf(work.year) === key).length)
		}))
	};
}

/** The findings of a study, in order, for the mapping's page. */
export async function findingsOf(db: DbOrTx, documentSlug: string) {
	return db.select().from(researchFinding).where(eq(researchFinding.document, documentSlug)).orderBy(asc(researchFinding.position));
}

/** The library's works a researcher may name as theirs: studies, reports and syntheses, latest first (samples last). */
export async function researchWorkChoices(db: DbOrTx) {
	return db
		.select({ slug: document.slug, title: document.title })
		.from(document)
		.where(inArray(document.type, [...researchTypes]))
		.orderBy(asc(document.isSample), sql`${document.year} desc nulls last`, asc(document.slug))
		.limit(500);
}

// ---- personal data ----------------------------------------------------------------------------------

export async function researcherDataOf(db: DbOrTx, userId: string) {
	const [row] = await db.select().from(researcher).where(eq(researcher.userId, userId));
	return row ? { ...publicView(row), visible: row.visible, consentAt: row.consentAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() } : null;
}

export async function eraseResearcherOf(db: DbOrTx, userId: string): Promise<boolean> {
	return (await db.delete(researcher).where(eq(researcher.userId, userId)).returning({ id: researcher.id })).length > 0;
}

// ---- API ----------------------------------------------------------------------------------------------

const blank = (value: unknown) => (value === '' ? undefined : value);
export const ResearchMatrixQuery = z.object({
	from: z.preprocess(blank, z.coerce.number().int().min(1900).max(2100).optional()).meta({ description: 'first year of the works counted in the theme × institution table' }),
	to: z.preprocess(blank, z.coerce.number().int().min(1900).max(2100).optional()).meta({ description: 'last year' })
});
export const ResearcherListQuery = z.object({
	theme: z.preprocess(blank, z.enum(documentThemes).optional()),
	region: z.preprocess(blank, z.enum(regionCodes).optional()),
	institution: z.preprocess(blank, z.string().max(120).optional()).meta({ description: 'an organisation’s slug' })
});
const count = z.int();
export const ResearchMatrixOut = z
	.object({
		works: count,
		withoutInstitution: count,
		institutions: z.array(z.object({ slug: z.string(), name: z.string(), acronym: z.string().nullable() })),
		byInstitution: z.array(z.object({ theme: z.enum(documentThemes), counts: z.array(count).meta({ description: 'in the order of `institutions`' }), total: count })),
		institutionTotals: z.array(count),
		periods: z.array(z.string()),
		byPeriod: z.array(z.object({ theme: z.enum(documentThemes), counts: z.array(count).meta({ description: 'in the order of `periods`' }) }))
	})
	.meta({ id: 'KnowledgeResearchMatrix' });
export const ResearcherListOut = z.object({
	items: z.array(
		z.object({
			slug: z.string(),
			name: z.string(),
			position: z.string().nullable(),
			institution: z.string().nullable(),
			institutionName: z.string().nullable(),
			institutionAcronym: z.string().nullable(),
			themes: z.array(z.string()),
			regions: z.array(z.string()),
			bio: z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() }),
			website: z.string().nullable(),
			works: z.array(z.string()).meta({ description: 'library documents, by slug' }),
			isSample: z.boolean()
		})
	)
});
