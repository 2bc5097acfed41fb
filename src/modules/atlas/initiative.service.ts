import { languages } from '../../platform/i18n/languages.ts';
import { mayConcernMorocco, mayConcernMoroccoSql } from './recipient-regions.ts';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { searchWords } from '../../platform/db/search-words.ts';
import { slugify, slugWithSuffix } from '../../platform/text/slug.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { AppError, type FieldProblem } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import {
	atlasProvince,
	atlasRegion,
	exchangeRate,
	initiative,
	initiativeDeliverable,
	initiativeOrganisation,
	initiativeProvince,
	initiativeRegion,
	initiativeSource,
	initiativeVersion,
	initiativeYearlyAmount,
	normalisedSql,
	type Translated
} from './atlas.table.ts';
import { datesOf, inOrder, precisionOf, storedDates, storedDay, withPrecision } from './partial-dates.ts';
import { InitiativeInput, type InitiativeData, type InitiativeFilters, type InitiativeQuery, type StatsDimension } from './atlas.schemas.ts';
import { communeByCode } from '../../platform/geo/communes.ts';
import { impliedPlaces } from './places.ts';
import { yearlyCentsSql } from './year-amounts.ts';
import { forgetModeratedSubjects } from '../../platform/moderation/moderation.service.ts';
import { initiativesCollection } from './atlas.model.ts';
import { rateFor, rateTableOf, toEur, type ExchangeRate, type RateTable } from '../../platform/money/exchange-rates.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ── Exchange rates ──────────────────────────────────────────────────────────

/** Units of each currency for one euro, by year (the lookups are the platform's: other modules convert with them too). */
export { rateFor, toEur, type RateTable } from '../../platform/money/exchange-rates.ts';

export async function loadRates(db: DbOrTx): Promise<RateTable> {
	return rateTableOf(await db.select().from(exchangeRate));
}

/** The rates as the platform gives them to other modules (manifest `exchangeRates`), read once per Atlas data revision. */
export async function exchangeRateRows(db: DbOrTx): Promise<ExchangeRate[]> {
	const rows = await db.select().from(exchangeRate).orderBy(asc(exchangeRate.currency), asc(exchangeRate.year));
	return rows.map((row) => ({ currency: row.currency, year: row.year, perEur: Number(row.perEur), source: row.source, checkedAt: row.checkedAt }));
}

// ── Writing ─────────────────────────────────────────────────────────────────

type ResolvedOrganisation = { id: string; slug: string; name: string; acronym: string | null };

function yearOf(day: string | null | undefined): number | null {
	return day ? Number(day.slice(0, 4)) : null;
}

/**
 * The one slug rule of every path that makes initiatives (moderator, proposal approval, import): the base,
 * else base-2, base-3…, free in the Atlas, unique among themselves and apart from `reserved` (slugs chosen
 * explicitly in the same batch).
 */
export async function freeSlugs(db: DbOrTx, bases: string[], reserved: Iterable<string> = []): Promise<string[]> {
	const tries = 20;
	const candidates = [...new Set(bases.flatMap((base) => Array.from({ length: tries }, (_, index) => slugWithSuffix(base, index + 1))))];
	const taken = new Set<string>(reserved);
	for (const chunk of chunks(candidates, 1000)) {
		const rows = await db.select({ slug: initiative.slug }).from(initiative).where(inArray(initiative.slug, chunk));
		rows.forEach((row) => taken.add(row.slug));
	}
	return bases.map((base) => {
		let slug = Array.from({ length: tries }, (_, index) => slugWithSuffix(base, index + 1)).find((option) => !taken.has(option));
		while (!slug || taken.has(slug)) slug = slugWithSuffix(base, crypto.randomUUID().slice(0, 8));
		taken.add(slug);
		return slug;
	});
}

/** Checks what zod cannot: dates in order, provinces inside the regions, sources present. */
function checkCoherence(data: InitiativeData, index?: number): FieldProblem[] {
	const prefix = index === undefined ? '' : `${index}.`;
	const problems: FieldProblem[] = [];
	if (data.sources.length === 0) problems.push({ path: `${prefix}sources`, messageKey: 'field_required' });
	for (const [start, end] of [
		['plannedStart', 'plannedEnd'],
		['actualStart', 'actualEnd']
	] as const) {
		// a day or a month on either side: the end's last day may not come before the start's first
		if (data[start] && data[end] && !inOrder(data[start]!, data[end]!)) problems.push({ path: `${prefix}${end}`, messageKey: 'field_invalid' });
	}
	if (data.startYear && data.endYear && data.endYear < data.startYear) problems.push({ path: `${prefix}endYear`, messageKey: 'field_invalid' });
	problems.push(...checkShares(data, prefix));
	return problems;
}

/**
 * What zod cannot say of the amounts (issue #17 rule 5): a second figure is in another currency than the
 * first and stands beside one; a yearly amount names one of the funders (or none: the initiative's own
 * budget), once per year and currency. Paths point at the row's cell, so the form names the row.
 */
export function checkAmounts(data: Pick<InitiativeData, 'budget' | 'organisations' | 'yearlyAmounts'>, prefix = ''): FieldProblem[] {
	const problems: FieldProblem[] = [];
	const second = data.budget?.secondFigure;
	if (second && second.currency === data.budget!.currency) problems.push({ path: `${prefix}budget.secondFigure.currency`, messageKey: 'field_invalid' });
	data.organisations.forEach((entry, position) => {
		if (!entry.secondFigure) return;
		if (entry.amount == null) problems.push({ path: `${prefix}organisations.${position}.amount`, messageKey: 'field_required' });
		else if (entry.secondFigure.currency === (entry.currency ?? data.budget?.currency ?? 'EUR')) {
			problems.push({ path: `${prefix}organisations.${position}.secondFigure.currency`, messageKey: 'field_invalid' });
		}
	});
	const funders = new Set(data.organisations.filter((entry) => entry.role === 'funder').map((entry) => entry.organisation.toLowerCase()));
	const seen = new Set<string>();
	data.yearlyAmounts.forEach((entry, position) => {
		const organisation = entry.organisation?.toLowerCase() ?? '';
		if (organisation && !funders.has(organisation)) problems.push({ path: `${prefix}yearlyAmounts.${position}.organisation`, messageKey: 'field_choice' });
		const key = `${organisation}/${entry.year}/${entry.currency}`;
		if (seen.has(key)) problems.push({ path: `${prefix}yearlyAmounts.${position}.year`, messageKey: 'field_taken', values: { other: String(entry.year) } });
		seen.add(key);
	});
	return problems;
}

/**
 * A country's share needs the country; shares never add up beyond the whole. Checked on publishing and
 * already on proposing (the form's and the API's proposals alike), so a partner hears of it at once.
 */
export function checkShares(data: Pick<InitiativeData, 'countries' | 'countryShares' | 'moroccoShare'>, prefix = ''): FieldProblem[] {
	const problems: FieldProblem[] = [];
	data.countryShares.forEach((share, position) => {
		if (!data.countries.includes(share.country)) problems.push({ path: `${prefix}countryShares.${position}.country`, messageKey: 'field_choice' });
	});
	const shared = (data.moroccoShare ?? 0) + data.countryShares.reduce((sum, share) => sum + share.percentage, 0);
	if (shared > 100.5) problems.push({ path: `${prefix}${data.moroccoShare != null ? 'moroccoShare' : 'countryShares'}`, messageKey: 'field_invalid' });
	return problems;
}

interface Prepared {
	data: InitiativeData;
	slug: string;
	row: typeof initiative.$inferInsert;
	organisations: (ResolvedOrganisation & {
		role: string;
		amount: number | null;
		currency: string | null;
		amountEur: number | null;
		secondFigure: { amount: number; currency: string } | null;
	})[];
	/** the amounts per year, their funder resolved (null: the initiative's own budget) */
	yearlyAmounts: { organisation: ResolvedOrganisation | null; year: number; amount: number; currency: string }[];
	regions: string[];
	/** the provinces given and those of the communes */
	provinces: string[];
}

function prepare(data: InitiativeData, orgs: Map<string, ResolvedOrganisation>, rates: RateTable, index?: number): Prepared {
	const startYear = yearOf(data.actualStart) ?? yearOf(data.plannedStart) ?? data.startYear ?? null;
	const endYear = yearOf(data.actualEnd) ?? yearOf(data.plannedEnd) ?? data.endYear ?? null;
	const rateYear = startYear ?? new Date().getFullYear();
	const problems = checkCoherence(data, index);
	const prefix = index === undefined ? '' : `${index}.`;
	const organisations = data.organisations.map((entry, position) => {
		const found = orgs.get(entry.organisation) ?? orgs.get(entry.organisation.toLowerCase());
		if (!found) problems.push({ path: `${prefix}organisations.${position}.organisation`, messageKey: 'field_choice' });
		const currency = entry.amount != null ? (entry.currency ?? data.budget?.currency ?? 'EUR') : null;
		return {
			...(found ?? { id: '', slug: '', name: '', acronym: null }),
			role: entry.role,
			amount: entry.amount ?? null,
			currency,
			amountEur: entry.amount != null && currency ? toEur(rates, entry.amount, currency, rateYear) : null,
			secondFigure: entry.amount != null && entry.secondFigure ? { amount: entry.secondFigure.amount, currency: entry.secondFigure.currency } : null
		};
	});
	// the funders compared by what they resolve to (one row may name an organisation by id, another by slug)
	const resolvedKey = (key: string) => (orgs.get(key) ?? orgs.get(key.toLowerCase()))?.id ?? key;
	problems.push(
		...checkAmounts(
			{
				...data,
				organisations: data.organisations.map((entry) => ({ ...entry, organisation: resolvedKey(entry.organisation) })),
				yearlyAmounts: data.yearlyAmounts.map((entry) => ({ ...entry, organisation: entry.organisation ? resolvedKey(entry.organisation) : null }))
			},
			prefix
		)
	);
	const yearlyAmounts = data.yearlyAmounts.map((entry) => ({
		organisation: entry.organisation ? (orgs.get(entry.organisation) ?? orgs.get(entry.organisation.toLowerCase()) ?? null) : null,
		year: entry.year,
		amount: entry.amount,
		currency: entry.currency
	}));
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	// Communes imply their provinces, provinces their regions (filters by place find them there).
	const { communes, provinces: impliedProvinces, regions: impliedRegions } = impliedPlaces(data);
	const contributions = organisations.filter((entry) => entry.role === 'funder' && entry.amountEur != null);
	const budgetEur = data.budget
		? toEur(rates, data.budget.total, data.budget.currency, rateYear)
		: contributions.length
			? Math.round(contributions.reduce((sum, entry) => sum + entry.amountEur!, 0) * 100) / 100
			: null;
	const mad = rateFor(rates, 'MAD', rateYear);
	const budgetMad = budgetEur != null && mad ? Math.round(budgetEur * mad * 100) / 100 : null;
	const slug = data.slug ?? slugify(data.title.fr ?? data.title.en ?? '') ?? '';
	const searchText = [
		...Object.values(data.title),
		...Object.values(data.summary),
		...Object.values(data.description),
		...organisations.flatMap((entry) => [entry.name, entry.acronym ?? '']),
		...communes.flatMap((commune) => [commune.nameFr, commune.nameAr]),
		data.otherPlaces ?? '',
		...data.foreignPlaces.map((place) => place.region),
		...data.deliverables.map((entry) => entry.title),
		...Object.values(data.results),
		...Object.values(data.lessons),
		slug
	]
		.filter(Boolean)
		.join(' \n ');
	return {
		data,
		slug,
		regions: impliedRegions,
		provinces: impliedProvinces,
		organisations,
		yearlyAmounts,
		row: {
			slug,
			title: data.title,
			summary: data.summary,
			description: data.description,
			status: data.status,
			// a month is stored as its first day for a start, its last day for an end, with its precision
			...storedDates(data),
			startYear,
			endYear,
			nationalScope: data.nationalScope,
			communes: communes.map((commune) => commune.code),
			otherPlaces: data.otherPlaces ?? null,
			// a partner region abroad says its country is concerned too
			countries: [...new Set([...data.countries, ...data.foreignPlaces.map((place) => place.country)])],
			foreignPlaces: data.foreignPlaces,
			moroccoShare: data.moroccoShare ?? null,
			countryShares: data.countryShares,
			recipientRegions: data.recipientRegions,
			points: data.points,
			themes: [...new Set(data.themes)],
			targetGroups: [...new Set(data.targetGroups)],
			budgetTotal: data.budget?.total ?? null,
			budgetCurrency: data.budget?.currency ?? null,
			budgetEur,
			budgetMad,
			budgetSecondAmount: data.budget?.secondFigure?.amount ?? null,
			budgetSecondCurrency: data.budget?.secondFigure?.currency ?? null,
			contact: data.contact ?? null,
			website: data.website ?? null,
			iatiIdentifier: data.iatiIdentifier ?? null,
			// the parent's id is written once every initiative of the batch exists (linkParts)
			parentId: null,
			parentRelation: data.partOf ? data.partOf.relation : null,
			results: data.results,
			lessons: data.lessons,
			evaluation: data.evaluation ?? null,
			lastVerifiedOn: data.lastVerifiedOn ?? null,
			isSample: data.isSample,
			searchText
		}
	};
}

/**
 * One initiative per IATI activity (the database's unique index says so too): an identifier already held by
 * another initiative, or twice in one batch, is refused with the initiative that holds it.
 */
async function assertIdentifiersFree(tx: DbOrTx, prepared: Prepared[], batch: boolean, self?: string): Promise<void> {
	const given = prepared.map((item, index) => ({ index, identifier: item.row.iatiIdentifier?.trim().toUpperCase() ?? '' })).filter((entry) => entry.identifier);
	if (!given.length) return;
	const problems: FieldProblem[] = [];
	const path = (index: number) => `${batch ? `${index}.` : ''}iatiIdentifier`;
	const seen = new Map<string, number>();
	for (const entry of given) {
		if (seen.has(entry.identifier)) problems.push({ path: path(entry.index), messageKey: 'field_taken', values: { other: prepared[seen.get(entry.identifier)!].slug } });
		else seen.set(entry.identifier, entry.index);
	}
	const holders = await tx
		.select({ id: initiative.id, slug: initiative.slug, identifier: sql<string>`upper(${initiative.iatiIdentifier})` })
		.from(initiative)
		.where(inArray(sql`upper(${initiative.iatiIdentifier})`, [...seen.keys()]));
	for (const holder of holders) {
		if (holder.id === self) continue;
		problems.push({ path: path(seen.get(holder.identifier)!), messageKey: 'field_taken', values: { other: holder.slug } });
	}
	if (problems.length) throw new AppError('conflict', { fields: problems, extra: { reason: 'iati_identifier_taken', slugs: problems.map((problem) => problem.values!.other) } });
}

/** The organisations an initiative names: its organisations' and its yearly amounts' funders. */
function organisationKeys(data: InitiativeData): string[] {
	return [...data.organisations.map((entry) => entry.organisation), ...data.yearlyAmounts.flatMap((entry) => (entry.organisation ? [entry.organisation] : []))];
}

/** The organisations named by id or slug, keyed by both. */
async function resolveOrganisations(db: DbOrTx, keys: string[]): Promise<Map<string, ResolvedOrganisation>> {
	const unique = [...new Set(keys)];
	const map = new Map<string, ResolvedOrganisation>();
	if (!unique.length) return map;
	const ids = unique.filter((key) => UUID.test(key));
	const slugs = unique.map((key) => key.toLowerCase());
	const rows = await db
		.select({ id: organisation.id, slug: organisation.slug, name: organisation.name, acronym: organisation.acronym })
		.from(organisation)
		.where(ids.length ? sql`${organisation.slug} in ${slugs} or ${organisation.id} in ${ids}` : inArray(organisation.slug, slugs));
	for (const row of rows) {
		map.set(row.id, row);
		map.set(row.slug, row);
	}
	return map;
}

/** The snapshot kept for each version: the input as given, with organisations named. */
function snapshotOf(prepared: Prepared) {
	return {
		...prepared.data,
		slug: prepared.slug,
		organisations: prepared.organisations.map(({ slug, name, role, amount, currency, secondFigure }) => ({
			organisation: slug,
			name,
			role,
			amount,
			currency,
			...(secondFigure ? { secondFigure } : {})
		})),
		yearlyAmounts: prepared.yearlyAmounts.map(({ organisation, year, amount, currency }) => ({ organisation: organisation?.slug ?? null, year, amount, currency })),
		budgetEur: prepared.row.budgetEur ?? null,
		budgetMad: prepared.row.budgetMad ?? null
	};
}

async function insertLinks(tx: DbOrTx, items: { id: string; prepared: Prepared }[]) {
	const regions = items.flatMap(({ id, prepared }) => prepared.regions.map((regionIso) => ({ initiativeId: id, regionIso })));
	const provinceRows = items.flatMap(({ id, prepared }) =>
		prepared.provinces.map((provinceIso) => ({ initiativeId: id, provinceIso }))
	);
	const seen = new Set<string>();
	const orgs = items.flatMap(({ id, prepared }) =>
		prepared.organisations
			.filter((entry) => {
				const key = `${id}/${entry.id}/${entry.role}`;
				if (seen.has(key)) return false;
				seen.add(key);
				return true;
			})
			.map((entry, position) => ({
				initiativeId: id,
				organisationId: entry.id,
				role: entry.role as 'funder',
				amount: entry.amount,
				currency: entry.currency,
				amountEur: entry.amountEur,
				secondAmount: entry.secondFigure?.amount ?? null,
				secondCurrency: entry.secondFigure?.currency ?? null,
				position
			}))
	);
	const yearly = items.flatMap(({ id, prepared }) =>
		prepared.yearlyAmounts.map((entry, position) => ({
			initiativeId: id,
			position,
			organisationId: entry.organisation?.id ?? null,
			year: entry.year,
			amount: entry.amount,
			currency: entry.currency
		}))
	);
	const deliverables = items.flatMap(({ id, prepared }) =>
		prepared.data.deliverables.map((entry, position) => ({
			initiativeId: id,
			position,
			title: entry.title,
			url: entry.url ?? null,
			type: entry.type ?? null,
			status: entry.status
		}))
	);
	const sources = items.flatMap(({ id, prepared }) =>
		prepared.data.sources.map((entry, position) => ({
			initiativeId: id,
			position,
			citation: entry.citation,
			url: entry.url ?? null,
			publishedOn: storedDay(entry.date),
			publishedPrecision: entry.date ? precisionOf(entry.date) : ('day' as const)
		}))
	);
	for (const chunk of chunks(regions, 2000)) await tx.insert(initiativeRegion).values(chunk);
	for (const chunk of chunks(provinceRows, 2000)) await tx.insert(initiativeProvince).values(chunk);
	for (const chunk of chunks(orgs, 1000)) await tx.insert(initiativeOrganisation).values(chunk);
	for (const chunk of chunks(yearly, 1000)) await tx.insert(initiativeYearlyAmount).values(chunk);
	for (const chunk of chunks(deliverables, 1000)) await tx.insert(initiativeDeliverable).values(chunk);
	for (const chunk of chunks(sources, 1000)) await tx.insert(initiativeSource).values(chunk);
}

/**
 * Writes each initiative's link to the larger one it is part of (named by slug or id, possibly created in
 * the same batch), and stores the parent's slug in the version. Refuses a parent that does not exist, the
 * initiative itself, or one of its own parts (a loop): field `partOf.initiative`, nothing written.
 */
async function linkParts(tx: DbOrTx, items: { id: string; prepared: Prepared }[], batch: boolean) {
	const wanted = items.filter((item) => item.prepared.data.partOf);
	if (!wanted.length) return;
	const inBatch = new Map(items.map((item) => [item.prepared.slug, item.id]));
	const keys = wanted.map((item) => item.prepared.data.partOf!.initiative);
	const ids = keys.filter((key) => UUID.test(key));
	const found = await tx
		.select({ id: initiative.id, slug: initiative.slug })
		.from(initiative)
		.where(ids.length ? sql`${initiative.slug} in ${keys.map((key) => key.toLowerCase())} or ${initiative.id} in ${ids}` : inArray(initiative.slug, keys.map((key) => key.toLowerCase())));
	const problems: FieldProblem[] = [];
	for (const [index, item] of items.entries()) {
		const partOf = item.prepared.data.partOf;
		if (!partOf) continue;
		const path = `${batch ? `${index}.` : ''}partOf.initiative`;
		const key = partOf.initiative;
		const parent = found.find((row) => row.id === key || row.slug === key.toLowerCase()) ?? (inBatch.has(key) ? { id: inBatch.get(key)!, slug: key } : undefined);
		if (!parent) {
			problems.push({ path, messageKey: 'field_choice' });
			continue;
		}
		if (parent.id === item.id) {
			problems.push({ path, messageKey: 'field_invalid' });
			continue;
		}
		partOf.initiative = parent.slug;
		await tx.update(initiative).set({ parentId: parent.id }).where(eq(initiative.id, item.id));
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	// a loop (A part of B part of A) is refused: walk up from each changed initiative
	const loop = (await tx.execute(sql`
		with recursive up(start, ancestor, depth) as (
			select ${initiative.id}, ${initiative.parentId}, 1 from ${initiative} where ${initiative.id} in ${wanted.map((item) => item.id)} and ${initiative.parentId} is not null
			union all
			select up.start, i.parent_id, up.depth + 1 from up join ${initiative} i on i.id = up.ancestor where i.parent_id is not null and up.depth < 100
		) select start from up where ancestor = start limit 1`)) as unknown as { rows: { start: string }[] };
	if (loop.rows.length) {
		const index = items.findIndex((item) => item.id === loop.rows[0].start);
		throw new AppError('invalid_input', { fields: [{ path: `${batch ? `${index}.` : ''}partOf.initiative`, messageKey: 'field_invalid' }] });
	}
}

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
	return out;
}

export interface VersionAuthor {
	userId?: string | null;
	organisationId?: string | null;
	comment?: string | null;
}

/**
 * Publishes new initiatives: each gets version 1 (a full snapshot). One audit event per initiative,
 * or one summary event for bulk loads (`bulkAudit`), in the same transaction.
 */
export async function createInitiatives(
	ctx: RequestContext,
	inputs: InitiativeInput[],
	options: VersionAuthor & { bulkAudit?: string } = {}
): Promise<{ id: string; slug: string }[]> {
	const parsed = inputs.map((input, index) => {
		try {
			return parseOrThrow(InitiativeInput, input);
		} catch (error) {
			if (inputs.length > 1 && error instanceof AppError) {
				throw new AppError('invalid_input', { fields: error.fields.map((field) => ({ ...field, path: `${index}.${field.path}` })) });
			}
			throw error;
		}
	});
	return ctx.transaction(async ({ db: tx, audit }) => {
		// a slug derived from the title takes the next free one; a slug given explicitly must be free
		const derived = parsed.flatMap((data, index) => (data.slug ? [] : [index]));
		if (derived.length) {
			const free = await freeSlugs(
				tx,
				derived.map((index) => slugify(parsed[index].title.fr ?? parsed[index].title.en ?? parsed[index].title.ar ?? '') || 'initiative'),
				parsed.flatMap((data) => (data.slug ? [data.slug] : []))
			);
			derived.forEach((index, position) => (parsed[index] = { ...parsed[index], slug: free[position] }));
		}
		const orgs = await resolveOrganisations(tx, parsed.flatMap(organisationKeys));
		const rates = await loadRates(tx);
		const prepared = parsed.map((data, index) => prepare(data, orgs, rates, inputs.length > 1 ? index : undefined));
		const slugs = prepared.map((item) => item.slug);
		if (slugs.some((slug) => !slug)) throw new AppError('invalid_input', { fields: [{ path: 'slug', messageKey: 'field_required' }] });
		if (new Set(slugs).size !== slugs.length) throw new AppError('conflict', { extra: { reason: 'slug_taken' } });
		const taken = [];
		for (const chunk of chunks(slugs, 1000)) {
			taken.push(...(await tx.select({ slug: initiative.slug }).from(initiative).where(inArray(initiative.slug, chunk))));
		}
		if (taken.length) throw new AppError('conflict', { extra: { reason: 'slug_taken', slugs: taken.map((row) => row.slug) } });
		await assertIdentifiersFree(tx, prepared, inputs.length > 1);
		const created: { id: string; prepared: Prepared }[] = [];
		for (const chunk of chunks(prepared, 500)) {
			const rows = await tx
				.insert(initiative)
				.values(chunk.map((item) => item.row))
				.returning({ id: initiative.id, slug: initiative.slug });
			rows.forEach((row, position) => created.push({ id: row.id, prepared: chunk[position] }));
		}
		await insertLinks(tx, created);
		await linkParts(tx, created, inputs.length > 1);
		const versions = created.map(({ id, prepared: item }) => ({
			initiativeId: id,
			number: 1,
			snapshot: snapshotOf(item),
			authorUserId: options.userId ?? null,
			authorOrganisationId: options.organisationId ?? null,
			comment: options.comment ?? null
		}));
		for (const chunk of chunks(versions, 500)) await tx.insert(initiativeVersion).values(chunk);
		if (options.bulkAudit) {
			await recordAudit(tx, audit, {
				action: options.bulkAudit,
				resourceType: 'initiative',
				after: { count: created.length, first: created[0]?.prepared.slug ?? null, last: created.at(-1)?.prepared.slug ?? null }
			});
		} else {
			for (const item of created) {
				await recordAudit(tx, audit, {
					action: 'initiative.create',
					resourceType: 'initiative',
					resourceId: item.id,
					after: { version: 1, ...snapshotOf(item.prepared) }
				});
			}
		}
		return created.map((item) => ({ id: item.id, slug: item.prepared.slug }));
	});
}

export async function createInitiative(ctx: RequestContext, input: InitiativeInput, author: VersionAuthor = {}) {
	const [created] = await createInitiatives(ctx, [input], author);
	return created;
}

/**
 * Publishes a complete new version of an initiative. With `expectedVersion`, a version that is no
 * longer the current one is refused (409, with the current version) rather than applied silently.
 */
/**
 * A form edits the three languages; a text the source wrote in another (an IATI file in Spanish) stays
 * unless the new version gives texts in other languages itself (a re-import).
 */
function keepOtherLanguages(next: Translated, current: Translated): Translated {
	const isOther = (key: string) => !(languages as readonly string[]).includes(key);
	if (Object.keys(next).some(isOther)) return next;
	const kept = Object.fromEntries(Object.entries(current).filter(([key, text]) => isOther(key) && text));
	return { ...next, ...kept };
}

export async function updateInitiative(
	ctx: RequestContext,
	idOrSlug: string,
	input: InitiativeInput,
	options: VersionAuthor & { expectedVersion?: number } = {}
): Promise<{ id: string; slug: string; version: number }> {
	const data = parseOrThrow(InitiativeInput, input);
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [current] = await tx
			.select({ id: initiative.id, slug: initiative.slug, version: initiative.version, title: initiative.title, summary: initiative.summary, description: initiative.description })
			.from(initiative)
			.where(UUID.test(idOrSlug) ? eq(initiative.id, idOrSlug) : eq(initiative.slug, idOrSlug))
			.for('update');
		if (!current) throw new AppError('not_found');
		if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
			throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: current.version } });
		}
		const orgs = await resolveOrganisations(tx, organisationKeys(data));
		const texts = {
			title: keepOtherLanguages(data.title, current.title),
			summary: keepOtherLanguages(data.summary, current.summary),
			description: keepOtherLanguages(data.description, current.description)
		};
		const prepared = prepare({ ...data, ...texts, slug: data.slug ?? current.slug }, orgs, await loadRates(tx));
		if (prepared.slug !== current.slug) {
			const [clash] = await tx.select({ id: initiative.id }).from(initiative).where(eq(initiative.slug, prepared.slug));
			if (clash) throw new AppError('conflict', { extra: { reason: 'slug_taken' } });
		}
		await assertIdentifiersFree(tx, [prepared], false, current.id);
		const [before] = await tx
			.select({ snapshot: initiativeVersion.snapshot })
			.from(initiativeVersion)
			.where(and(eq(initiativeVersion.initiativeId, current.id), eq(initiativeVersion.number, current.version)));
		const version = current.version + 1;
		await tx
			.update(initiative)
			.set({ ...prepared.row, version, updatedAt: ctx.now() })
			.where(eq(initiative.id, current.id));
		for (const table of [initiativeRegion, initiativeProvince, initiativeOrganisation, initiativeYearlyAmount, initiativeDeliverable, initiativeSource]) {
			await tx.delete(table).where(eq(table.initiativeId, current.id));
		}
		await insertLinks(tx, [{ id: current.id, prepared }]);
		await linkParts(tx, [{ id: current.id, prepared }], false);
		const snapshot = snapshotOf(prepared);
		await tx.insert(initiativeVersion).values({
			initiativeId: current.id,
			number: version,
			snapshot,
			authorUserId: options.userId ?? null,
			authorOrganisationId: options.organisationId ?? null,
			comment: options.comment ?? null
		});
		await recordAudit(tx, audit, {
			action: 'initiative.update',
			resourceType: 'initiative',
			resourceId: current.id,
			before: { version: current.version, ...((before?.snapshot as object) ?? {}) },
			after: { version, ...snapshot }
		});
		return { id: current.id, slug: prepared.slug, version };
	});
}

/**
 * Marks an initiative as a good practice to redeploy, with the reason (moderators), or removes the mark
 * (`reason` null). The mark is the moderators' judgement, not the initiative's data: no new version; audited.
 */
export async function setGoodPractice(ctx: RequestContext, idOrSlug: string, reason: Translated | null) {
	ctx.require('atlas.moderate');
	const cleaned: Translated | null = reason
		? Object.fromEntries((['fr', 'ar', 'en'] as const).flatMap((lang) => (reason[lang]?.trim() ? [[lang, reason[lang]!.trim()]] : [])))
		: null;
	if (reason && !Object.keys(cleaned!).length) throw new AppError('invalid_input', { fields: [{ path: 'reason', messageKey: 'field_required' }] });
	if (cleaned && Object.values(cleaned).some((text) => (text ?? '').length > 2000)) {
		throw new AppError('invalid_input', { fields: [{ path: 'reason', messageKey: 'field_too_long', values: { max: 2000 } }] });
	}
	return ctx.transaction(async ({ db: tx, audit, actor }) => {
		const [current] = await tx
			.select({ id: initiative.id, reason: initiative.goodPracticeReason, at: initiative.goodPracticeAt })
			.from(initiative)
			.where(UUID.test(idOrSlug) ? eq(initiative.id, idOrSlug) : eq(initiative.slug, idOrSlug))
			.for('update');
		if (!current) throw new AppError('not_found');
		await tx
			.update(initiative)
			.set({ goodPracticeReason: cleaned, goodPracticeAt: cleaned ? ctx.now() : null, goodPracticeBy: cleaned ? (actor?.userId ?? null) : null })
			.where(eq(initiative.id, current.id));
		await recordAudit(tx, audit, {
			action: cleaned ? 'initiative.good_practice' : 'initiative.good_practice_removed',
			resourceType: 'initiative',
			resourceId: current.id,
			before: { reason: current.reason, markedAt: current.at },
			after: { reason: cleaned }
		});
	});
}

/** The good practices to redeploy for a filter, most recently marked first, with the moderators' reasons. */
export async function listGoodPractices(db: DbOrTx, filters: Partial<InitiativeFilters> = {}) {
	return db
		.select({
			slug: initiative.slug,
			title: initiative.title,
			summary: initiative.summary,
			themes: initiative.themes,
			status: initiative.status,
			startYear: initiative.startYear,
			endYear: initiative.endYear,
			isSample: initiative.isSample,
			reason: initiative.goodPracticeReason,
			markedAt: initiative.goodPracticeAt
		})
		.from(initiative)
		.where(and(filterCondition({ ...filters, goodPractice: 'only' })))
		.orderBy(sql`${initiative.goodPracticeAt} desc`, asc(initiative.slug))
		.limit(500);
}

/** Deletes every sample initiative (and the fictional sample organisations no longer used). */
export async function removeSampleInitiatives(ctx: RequestContext): Promise<number> {
	return ctx.transaction(async ({ db: tx, audit }) => {
		const removed = await tx.delete(initiative).where(eq(initiative.isSample, true)).returning({ id: initiative.id });
		// their proposals and discussions go with them (the platform's moderation tables have no foreign key to them)
		await forgetModeratedSubjects(tx, initiativesCollection, removed.map((row) => row.id));
		await tx.execute(sql`
			delete from ${organisation} o
			where o.slug like 'exemple-%'
			  and not exists (select 1 from ${initiativeOrganisation} io where io.organisation_id = o.id)
			  and not exists (select 1 from organisation_member m where m.organisation_id = o.id)`);
		if (removed.length) {
			await recordAudit(tx, audit, {
				action: 'initiative.remove_samples',
				resourceType: 'initiative',
				after: { count: removed.length }
			});
		}
		return removed.length;
	});
}

// ── Reading ─────────────────────────────────────────────────────────────────

export async function getInitiative(db: DbOrTx, idOrSlug: string) {
	const [row] = await db
		.select()
		.from(initiative)
		.where(UUID.test(idOrSlug) ? eq(initiative.id, idOrSlug) : eq(initiative.slug, idOrSlug.toLowerCase()));
	if (!row) throw new AppError('not_found');
	const [regionRows, provinceRows, orgRows, deliverables, sourceRows, versions, parentRows, parts, yearlyRows] = await Promise.all([
		db
			.select({ iso: atlasRegion.iso, fr: atlasRegion.nameFr, ar: atlasRegion.nameAr, en: atlasRegion.nameEn })
			.from(initiativeRegion)
			.innerJoin(atlasRegion, eq(atlasRegion.iso, initiativeRegion.regionIso))
			.where(eq(initiativeRegion.initiativeId, row.id))
			.orderBy(asc(atlasRegion.iso)),
		db
			.select({
				iso: atlasProvince.iso,
				regionIso: atlasProvince.regionIso,
				fr: atlasProvince.nameFr,
				ar: atlasProvince.nameAr,
				en: atlasProvince.nameEn
			})
			.from(initiativeProvince)
			.innerJoin(atlasProvince, eq(atlasProvince.iso, initiativeProvince.provinceIso))
			.where(eq(initiativeProvince.initiativeId, row.id))
			.orderBy(asc(atlasProvince.nameFr)),
		db
			.select({
				id: organisation.id,
				slug: organisation.slug,
				name: organisation.name,
				acronym: organisation.acronym,
				type: organisation.type,
				role: initiativeOrganisation.role,
				amount: initiativeOrganisation.amount,
				currency: initiativeOrganisation.currency,
				amountEur: initiativeOrganisation.amountEur,
				secondAmount: initiativeOrganisation.secondAmount,
				secondCurrency: initiativeOrganisation.secondCurrency
			})
			.from(initiativeOrganisation)
			.innerJoin(organisation, eq(organisation.id, initiativeOrganisation.organisationId))
			.where(eq(initiativeOrganisation.initiativeId, row.id))
			.orderBy(asc(initiativeOrganisation.role), asc(initiativeOrganisation.position)),
		db
			.select({ title: initiativeDeliverable.title, url: initiativeDeliverable.url, type: initiativeDeliverable.type, status: initiativeDeliverable.status })
			.from(initiativeDeliverable)
			.where(eq(initiativeDeliverable.initiativeId, row.id))
			.orderBy(asc(initiativeDeliverable.position)),
		db
			.select({ citation: initiativeSource.citation, url: initiativeSource.url, date: initiativeSource.publishedOn, precision: initiativeSource.publishedPrecision })
			.from(initiativeSource)
			.where(eq(initiativeSource.initiativeId, row.id))
			.orderBy(asc(initiativeSource.position)),
		db
			.select({
				number: initiativeVersion.number,
				createdAt: initiativeVersion.createdAt,
				organisation: organisation.name,
				comment: initiativeVersion.comment
			})
			.from(initiativeVersion)
			.leftJoin(organisation, eq(organisation.id, initiativeVersion.authorOrganisationId))
			.where(eq(initiativeVersion.initiativeId, row.id))
			.orderBy(sql`${initiativeVersion.number} desc`),
		row.parentId
			? db.select({ id: initiative.id, slug: initiative.slug, title: initiative.title }).from(initiative).where(eq(initiative.id, row.parentId))
			: Promise.resolve([]),
		db
			.select({
				id: initiative.id,
				slug: initiative.slug,
				title: initiative.title,
				status: initiative.status,
				relation: initiative.parentRelation,
				isSample: initiative.isSample
			})
			.from(initiative)
			.where(eq(initiative.parentId, row.id))
			.orderBy(asc(initiative.slug)),
		db
			.select({
				slug: organisation.slug,
				name: organisation.name,
				acronym: organisation.acronym,
				year: initiativeYearlyAmount.year,
				amount: initiativeYearlyAmount.amount,
				currency: initiativeYearlyAmount.currency
			})
			.from(initiativeYearlyAmount)
			.leftJoin(organisation, eq(organisation.id, initiativeYearlyAmount.organisationId))
			.where(eq(initiativeYearlyAmount.initiativeId, row.id))
			.orderBy(asc(initiativeYearlyAmount.position))
	]);
	const rateYear = row.startYear ?? (row.budgetEur != null ? new Date(row.createdAt).getFullYear() : null);
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		description: row.description,
		status: row.status,
		...datesOf(row),
		startYear: row.startYear,
		endYear: row.endYear,
		nationalScope: row.nationalScope,
		regions: regionRows.map(({ iso, fr, ar, en }) => ({ iso, name: { fr, ar, en } })),
		provinces: provinceRows.map(({ iso, regionIso, fr, ar, en }) => ({ iso, regionIso, name: { fr, ar, en } })),
		communes: row.communes.flatMap((code) => {
			const commune = communeByCode(code);
			return commune
				? [{ code, name: { fr: commune.nameFr, ar: commune.nameAr }, type: commune.type, provinceIso: commune.provinceIso, lat: commune.lat, lon: commune.lon }]
				: [];
		}),
		otherPlaces: row.otherPlaces,
		countries: row.countries,
		foreignPlaces: row.foreignPlaces,
		moroccoShare: row.moroccoShare == null ? null : Number(row.moroccoShare),
		countryShares: row.countryShares,
		recipientRegions: row.recipientRegions.map((region) => ({ ...region, vocabulary: region.vocabulary ?? '1' })),
		mayConcernMorocco: mayConcernMorocco({ ...row, regions: regionRows, provinces: provinceRows, recipientRegions: row.recipientRegions }),
		points: row.points,
		themes: row.themes as InitiativeData['themes'],
		targetGroups: row.targetGroups as InitiativeData['targetGroups'],
		organisations: orgRows.map(({ secondAmount, secondCurrency, ...entry }) => ({
			...entry,
			amount: entry.amount == null ? null : Number(entry.amount),
			secondFigure: secondAmount != null && secondCurrency ? { amount: Number(secondAmount), currency: secondCurrency } : null,
			amountEur: entry.amountEur == null ? null : Number(entry.amountEur)
		})),
		yearlyAmounts: yearlyRows.map((entry) => ({
			organisation: entry.slug ? { slug: entry.slug, name: entry.name!, acronym: entry.acronym } : null,
			year: entry.year,
			amount: Number(entry.amount),
			currency: entry.currency
		})),
		budget: {
			total: row.budgetTotal == null ? null : Number(row.budgetTotal),
			currency: row.budgetCurrency,
			secondFigure:
				row.budgetSecondAmount != null && row.budgetSecondCurrency ? { amount: Number(row.budgetSecondAmount), currency: row.budgetSecondCurrency } : null,
			eur: row.budgetEur == null ? null : Number(row.budgetEur),
			moroccoEur: row.budgetEur == null ? null : Math.round(Number(row.budgetEur) * (row.moroccoShare == null ? 100 : Number(row.moroccoShare))) / 100,
			mad: row.budgetMad == null ? null : Number(row.budgetMad),
			rateYear: row.budgetEur == null ? null : rateYear
		},
		results: row.results,
		lessons: row.lessons,
		evaluation: row.evaluation ?? null,
		goodPractice: row.goodPracticeAt ? { reason: row.goodPracticeReason ?? {}, markedAt: row.goodPracticeAt.toISOString() } : null,
		partOf: parentRows[0] ? { ...parentRows[0], relation: row.parentRelation ?? 'component' } : null,
		parts: parts.map((part) => ({ ...part, relation: part.relation ?? 'component' })),
		deliverables,
		sources: sourceRows.map(({ precision, ...entry }) => ({ ...entry, date: withPrecision(entry.date, precision) })),
		contact: row.contact,
		website: row.website,
		iatiIdentifier: row.iatiIdentifier,
		lastVerifiedOn: row.lastVerifiedOn,
		isSample: row.isSample,
		version: row.version,
		versions: versions.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString()
	};
}
export type InitiativeDetail = Awaited<ReturnType<typeof getInitiative>>;

/** Escapes LIKE wildcards in a user's word. */
function likeEscape(word: string): string {
	return word.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The words of a query, each normalised by the database exactly like the stored document. */
export function queryWords(q: string | undefined): string[] {
	return searchWords(q, 10);
}

function orgCondition(role: 'funder' | 'implementer', keys: string[]): SQL {
	const ids = keys.filter((key) => UUID.test(key));
	const slugs = keys.map((key) => key.toLowerCase());
	return sql`exists (select 1 from ${initiativeOrganisation} io join ${organisation} o on o.id = io.organisation_id
		where io.initiative_id = ${initiative.id} and io.role = ${role}
		and (o.slug in ${slugs}${ids.length ? sql` or o.id in ${ids}` : sql``}))`;
}

/** Initiatives named in the chosen regions, provinces and communes (null: no place chosen). */
function placeCondition(filters: Partial<InitiativeFilters>): SQL | null {
	const conditions: SQL[] = [];
	if (filters.region?.length) {
		conditions.push(sql`exists (select 1 from ${initiativeRegion} ir where ir.initiative_id = ${initiative.id} and ir.region_iso in ${filters.region})`);
	}
	if (filters.province?.length) {
		conditions.push(sql`exists (select 1 from ${initiativeProvince} ip where ip.initiative_id = ${initiative.id} and ip.province_iso in ${filters.province})`);
	}
	if (filters.commune?.length) conditions.push(sql`${initiative.communes} && ${sql.param(filters.commune)}::text[]`);
	return conditions.length ? and(...conditions)! : null;
}

/**
 * Matches of national scope that name none of the chosen places: a national programme covers every
 * region, so a region filter includes it (unless `national=exclude`), and the page says how many.
 */
function nationalOnlyColumn(filters: Partial<InitiativeFilters>): SQL {
	const place = placeCondition(filters);
	return place && filters.national !== 'exclude' ? sql`(${initiative.nationalScope} and not ${place})` : sql`false`;
}

/** The WHERE clause of a filter (every filter narrows; the values of one filter are alternatives). */
export function filterCondition(filters: Partial<InitiativeFilters>): SQL {
	const conditions: SQL[] = [sql`true`];
	for (const word of queryWords(filters.q)) {
		conditions.push(sql`${initiative.searchDocument} like ${normalisedSql(sql`${'%' + likeEscape(word) + '%'}::text`)}`);
	}
	if (filters.theme?.length) conditions.push(sql`${initiative.themes} && ${sql.param(filters.theme)}::text[]`);
	if (filters.target?.length) conditions.push(sql`${initiative.targetGroups} && ${sql.param(filters.target)}::text[]`);
	if (filters.country?.length) conditions.push(sql`${initiative.countries} && ${sql.param(filters.country)}::text[]`);
	if (filters.status?.length) conditions.push(inArray(initiative.status, filters.status));
	const place = placeCondition(filters);
	if (place) conditions.push(filters.national === 'exclude' ? place : sql`(${place} or ${initiative.nationalScope})`);
	if (filters.funder?.length) conditions.push(orgCondition('funder', filters.funder));
	if (filters.implementer?.length) conditions.push(orgCondition('implementer', filters.implementer));
	// years not known: never silently in or out of a year filter — the caller says which (`undated`)
	const undated = sql`${initiative.startYear} is null`;
	if (filters.undated === 'only') conditions.push(undated);
	else {
		const orUndated = filters.undated === 'include' ? sql` or ${undated}` : sql``;
		if (filters.from !== undefined) conditions.push(sql`((${initiative.startYear} is not null and coalesce(${initiative.endYear}, 9999) >= ${filters.from})${orUndated})`);
		if (filters.to !== undefined) conditions.push(sql`((${initiative.startYear} is not null and ${initiative.startYear} <= ${filters.to})${orUndated})`);
	}
	if (filters.components === 'exclude') conditions.push(sql`${initiative.parentId} is null`);
	if (filters.goodPractice === 'only') conditions.push(sql`${initiative.goodPracticeAt} is not null`);
	if (filters.budgetMin !== undefined) conditions.push(sql`${initiative.budgetEur} >= ${filters.budgetMin}`);
	if (filters.budgetMax !== undefined) conditions.push(sql`${initiative.budgetEur} <= ${filters.budgetMax}`);
	if (filters.sample === 'exclude') conditions.push(sql`not ${initiative.isSample}`);
	if (filters.sample === 'only') conditions.push(sql`${initiative.isSample}`);
	return and(...conditions)!;
}

type FacetRow = { key: string; count: number; name?: string };
export type FacetName = 'theme' | 'region' | 'status' | 'target' | 'country' | 'funder' | 'implementer';

/** Each facet: its rows for the matching initiatives `m` (key, optional name), and how many values it lists. */
const facetSources: Record<FacetName, { rows: SQL; limit: number }> = {
	theme: { rows: sql`select unnest(m.themes) as key, null::text as name from m`, limit: 100 },
	region: { rows: sql`select ir.region_iso as key, null::text as name from ${initiativeRegion} ir join m on m.id = ir.initiative_id`, limit: 100 },
	status: { rows: sql`select m.status as key, null::text as name from m`, limit: 100 },
	target: { rows: sql`select unnest(m.target_groups) as key, null::text as name from m`, limit: 100 },
	country: { rows: sql`select unnest(m.countries) as key, null::text as name from m`, limit: 100 },
	funder: {
		rows: sql`select o.slug as key, o.name as name from ${initiativeOrganisation} io join m on m.id = io.initiative_id
			join ${organisation} o on o.id = io.organisation_id where io.role = 'funder'`,
		limit: 20
	},
	implementer: {
		rows: sql`select o.slug as key, o.name as name from ${initiativeOrganisation} io join m on m.id = io.initiative_id
			join ${organisation} o on o.id = io.organisation_id where io.role = 'implementer'`,
		limit: 20
	}
};

function facetJson(name: FacetName): SQL {
	const { rows, limit } = facetSources[name];
	return sql`(select coalesce(json_agg(json_build_object('key', f.key, 'name', f.name, 'count', f.count) order by f.count desc, f.key), '[]'::json)
		from (select key, name, count(*)::int as count from (${rows}) r group by key, name order by count desc, key limit ${limit}) f)`;
}

/** A row of the list as the search statement returns it. */
export type PageRow = {
	id: string;
	slug: string;
	title: Translated;
	summary: Translated;
	status: InitiativeData['status'];
	start_year: number | null;
	end_year: number | null;
	national_scope: boolean;
	themes: InitiativeData['themes'];
	countries: string[];
	morocco_share: string | number | null;
	may_concern_morocco: boolean;
	budget_eur: string | number | null;
	is_sample: boolean;
	version: number;
	updated_at: string | Date;
	regions: string[];
	funders: { slug: string; name: string; acronym: string | null }[];
};

const facetNames = Object.keys(facetSources) as FacetName[];

/**
 * Relevance, cheap enough to sort thousands of matches: initiatives whose titles hold more of the words
 * first, then those where the first word comes earliest (titles, then summaries… in search_text's order),
 * then the most recently updated. (word_similarity was tried: its trigram work on every match cost 40 ms.)
 */
function relevanceOrder(words: string[]): SQL {
	const inTitle = words.map((word) => sql`(m.title_document like ${normalisedSql(sql`${'%' + likeEscape(word) + '%'}::text`)})::int`);
	return sql`(${sql.join(inTitle, sql` + `)}) desc, strpos(m.search_document, ${normalisedSql(sql`${words[0]}::text`)}) asc, m.updated_at desc`;
}

/** The search as one SQL statement (exported for the benchmark's direct timing and for EXPLAIN). */
export function searchStatement(query: InitiativeQuery & { lang?: 'fr' | 'ar' | 'en' }): SQL {
	const where = filterCondition(query);
	const words = queryWords(query.q);
	const lang = query.lang ?? 'fr';
	const order: SQL =
		query.sort === 'title'
			? sql`m.sort_title asc`
			: query.sort === 'start'
				? sql`m.start_day desc nulls last, m.sort_title asc`
				: query.sort === 'budget'
					? sql`m.budget_eur desc nulls last`
					: query.sort === 'updated' || !words.length
						? sql`m.updated_at desc`
						: relevanceOrder(words);
	const sortTitle = query.sort === 'title' || query.sort === 'start';
	// `m` stays narrow (what facets and ordering need); the page's own columns are read for its rows only.
	return sql`with m as materialized (
			select ${initiative.id} as id, ${initiative.status} as status, ${initiative.themes} as themes, ${initiative.countries} as countries,
				${initiative.targetGroups} as target_groups, ${initiative.startYear} as start_year, ${initiative.budgetEur} as budget_eur,
				${initiative.updatedAt} as updated_at, ${initiative.nationalScope} as national_scope, ${nationalOnlyColumn(query)} as national_only,
				${
					sortTitle
						? sql`lower(coalesce(${initiative.title}->>${lang}, ${initiative.title}->>'fr', ${initiative.title}->>'en', ${initiative.title}->>'ar'))`
						: sql`null::text`
				} as sort_title,
				${
					// the start as a day (a month-only start counts from its first day, a year-only one from 1 January): newest first
					query.sort === 'start'
						? sql`coalesce(${initiative.actualStart}, ${initiative.plannedStart}, make_date(${initiative.startYear}, 1, 1))`
						: sql`null::date`
				} as start_day,
				${words.length ? sql`${initiative.searchDocument}` : sql`null::text`} as search_document,
				${words.length ? sql`${initiative.titleDocument}` : sql`null::text`} as title_document
			from ${initiative} where ${where}
		)
		select (select count(*)::int from m) as total,
			(select count(*)::int from m where m.national_scope) as national_total, (select count(*)::int from m where m.national_only) as national_only,
			${sql.join(
				facetNames.map((name) => sql`${facetJson(name)} as ${sql.identifier(`facet_${name}`)}`),
				sql`, `
			)},
			(select coalesce(json_agg(p order by p.position), '[]'::json) from (
				select page.position, i.id, i.slug, i.title, i.summary, i.status, i.start_year, i.end_year, i.national_scope, i.themes,
					i.countries, i.morocco_share, i.budget_eur, i.is_sample, i.version, i.updated_at, ${mayConcernMoroccoSql('i')} as may_concern_morocco,
					array(select ir.region_iso from ${initiativeRegion} ir where ir.initiative_id = i.id order by 1) as regions,
					coalesce((select json_agg(json_build_object('slug', o.slug, 'name', o.name, 'acronym', o.acronym) order by io.position)
						from ${initiativeOrganisation} io join ${organisation} o on o.id = io.organisation_id
						where io.initiative_id = i.id and io.role = 'funder'), '[]'::json) as funders
				from (select m.id, row_number() over (order by ${order}, m.id) as position from m
					order by ${order}, m.id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}) page
				join ${initiative} i on i.id = page.id
			) p) as items`;
}

/**
 * One page of initiatives for the filter, with its total and the facets counted over the whole filter.
 * One statement: the filter (text match included) is evaluated once into `m`, and the count, every
 * facet and the page are read from it — this is the Atlas's busiest query (see `npm run bench:atlas`).
 */
export async function searchInitiatives(db: DbOrTx, query: InitiativeQuery & { lang?: 'fr' | 'ar' | 'en' }) {
	const result = (await db.execute(searchStatement(query))) as unknown as { rows: Record<string, unknown>[] };
	const row = result.rows[0]!;
	const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
	const facetRows = (name: FacetName): FacetRow[] =>
		json<{ key: string; name: string | null; count: number }[]>(row[`facet_${name}`]).map((entry) =>
			entry.name == null ? { key: String(entry.key), count: Number(entry.count) } : { key: String(entry.key), name: entry.name, count: Number(entry.count) }
		);
	const facets = Object.fromEntries(facetNames.map((name) => [name, facetRows(name)]));
	return {
		total: Number(row.total),
		national: { total: Number(row.national_total), onlyNational: Number(row.national_only) },
		page: query.page,
		pageSize: query.pageSize,
		items: json<PageRow[]>(row.items).map((item) => ({
			id: item.id,
			slug: item.slug,
			title: item.title,
			summary: item.summary,
			status: item.status,
			startYear: item.start_year,
			endYear: item.end_year,
			nationalScope: item.national_scope,
			themes: item.themes,
			countries: item.countries,
			moroccoShare: item.morocco_share == null ? null : Number(item.morocco_share),
			mayConcernMorocco: Boolean(item.may_concern_morocco),
			budgetEur: item.budget_eur == null ? null : Number(item.budget_eur),
			isSample: item.is_sample,
			version: item.version,
			updatedAt: new Date(item.updated_at).toISOString(),
			regions: item.regions,
			funders: item.funders
		})),
		facets: facets as {
			theme: FacetRow[];
			region: FacetRow[];
			status: FacetRow[];
			target: FacetRow[];
			country: FacetRow[];
			funder: (FacetRow & { name: string })[];
			implementer: (FacetRow & { name: string })[];
		}
	};
}

export type StatsRow = {
	key: string;
	label: string | null;
	count: number;
	/** the sum of the amounts known (EUR): whole budgets, or for a funder its own contributions */
	budgetEur: number;
	/** how many of the `count` initiatives have no known amount (no budget; for a funder, no split of its share) */
	budgetUnknown: number;
};

/**
 * Counts and budgets (EUR) for the filter, grouped by region, theme, status, target group, country, year
 * (initiatives active that year), year started, or funder (its own contributions in EUR). An amount not
 * known is never a zero: each row says how many of its initiatives have none (`budgetUnknown`). Initiatives
 * whose years are not known are a row of their own (`unknown`) under `year` and `started`. A component
 * whose larger initiative is also counted with a known budget adds no money (it is in that budget).
 */
export async function atlasStats(db: DbOrTx, by: StatsDimension, filters: Partial<InitiativeFilters> = {}) {
	const where = filterCondition(filters);
	// c: the matches, each with `within` (an ancestor among the matches has a known budget) and its amount to add
	// money counts for Morocco's share when the source gives one (an activity 40 % in Morocco adds 40 % of its budget)
	const matches = sql`with recursive f as (select ${initiative.id} as id, ${initiative.budgetEur} as budget_eur, ${initiative.moroccoShare} as morocco_share, ${initiative.themes} as themes,
			${initiative.startYear} as start_year, ${initiative.endYear} as end_year, ${initiative.status} as status,
			${initiative.targetGroups} as target_groups, ${initiative.countries} as countries, ${initiative.parentId} as parent_id
			from ${initiative} where ${where}),
		anc(id, ancestor, depth) as (
			select f.id, f.parent_id, 1 from f where f.parent_id is not null
			union all
			select anc.id, i.parent_id, anc.depth + 1 from anc join ${initiative} i on i.id = anc.ancestor where i.parent_id is not null and anc.depth < 100),
		w as (select f.*, exists (select 1 from anc join f g on g.id = anc.ancestor where anc.id = f.id and g.budget_eur is not null) as within from f),
		c as (select w.*, case when w.within then null else w.budget_eur * coalesce(w.morocco_share, 100) / 100 end as amount, (w.budget_eur is null and not w.within) as amount_unknown from w)`;
	const sums = sql`coalesce(sum(c.amount), 0)::float8 as budget, (count(c.id) filter (where c.amount_unknown))::int as unknown`;
	const thisYear = sql`extract(year from now())::int`;
	const byCount = (values: SQL) => sql`${matches}
		select t.key, null::text as label, count(*)::int as count, coalesce(sum(t.amount), 0)::float8 as budget, (count(*) filter (where t.amount_unknown))::int as unknown
		from (select ${values} as key, c.amount, c.amount_unknown from c) t group by t.key order by count desc, t.key`;
	const unknownYears = sql`select 'unknown' as key, null::text as label, count(c.id)::int as count, ${sums}, 1 as part from c where c.start_year is null`;
	let query: SQL;
	if (by === 'region') {
		query = sql`${matches}
			select r.iso as key, null::text as label, count(c.id)::int as count, ${sums}
			from ${atlasRegion} r left join ${initiativeRegion} ir on ir.region_iso = r.iso left join c on c.id = ir.initiative_id
			group by r.iso order by r.iso`;
	} else if (by === 'theme') query = byCount(sql`unnest(c.themes)`);
	else if (by === 'target') query = byCount(sql`unnest(c.target_groups)`);
	else if (by === 'country') query = byCount(sql`unnest(c.countries)`);
	else if (by === 'status') query = byCount(sql`c.status`);
	else if (by === 'started') {
		query = sql`${matches}
			select key, label, count, budget, unknown from (
				select y::text as key, null::text as label, count(c.id)::int as count, ${sums}, 0 as part, y
				from generate_series(
					(select least(coalesce(min(start_year), 2004), 2004) from c c0),
					(select greatest(coalesce(max(coalesce(end_year, start_year)), 0), ${thisYear}) from c c1)) y
				left join c on c.start_year = y
				group by y
				union all
				select *, null::int as y from (${unknownYears}) u
			) rows order by part, y`;
	} else if (by === 'year') {
		// each year counts the initiatives active then (or whose amounts by year name it), with their amounts
		// by year, else their budget spread evenly over their active years, in cents (year-amounts.ts: the rule)
		query = sql`${matches},
			d as (select c.id, c.start_year as s, greatest(coalesce(c.end_year, ${thisYear}), c.start_year) as e, c.within,
				case when c.within then 0::int8 else round(c.budget_eur * coalesce(c.morocco_share, 100))::int8 end as total
				from c where c.start_year is not null),
			py as (select g.id, g.year, g.cents from (${yearlyCentsSql}) g join d on d.id = g.id where not d.within),
			yrs as (select d.id, s.y from d cross join lateral generate_series(d.s, d.e) s(y) union select py.id, py.year from py),
			cell as (select yrs.id, yrs.y, yrs.y between d.s and d.e as active, py.cents, d.total
				from yrs join d on d.id = yrs.id left join py on py.id = yrs.id and py.year = yrs.y),
			per as (select id, coalesce(sum(cents), 0)::int8 as placed, count(*) filter (where active and cents is null) as free,
				count(*) filter (where active) as active_years from cell group by id),
			spread as (select cell.*, greatest(cell.total - per.placed, 0) as rest, case when per.free > 0 then per.free else per.active_years end as n,
				cell.active and (per.free = 0 or cell.cents is null) as takes from cell join per on per.id = cell.id),
			ranked as (select spread.*, row_number() over (partition by spread.id, spread.takes order by spread.y) as k from spread),
			yv as (select id, y as year, case when total is null then cents
				else coalesce(cents, 0) + case when takes then rest / n + case when k <= rest % n then 1 else 0 end else 0 end end as cents from ranked)
			select key, label, count, budget, unknown from (
				select y::text as key, null::text as label, count(yv.id)::int as count, (coalesce(sum(yv.cents), 0) / 100.0)::float8 as budget,
					(count(yv.id) filter (where yv.cents is null))::int as unknown, 0 as part, y
				from generate_series(
					(select least(coalesce(min(y), 2004), 2004) from yrs),
					(select greatest(coalesce(max(coalesce(end_year, start_year)), 0), (select coalesce(max(y), 0) from yrs), ${thisYear}) from c c1)) y
				left join yv on yv.year = y
				group by y
				union all
				select *, null::int as y from (${unknownYears}) u
			) rows order by part, y`;
	} else {
		// ranked by the number of initiatives funded: the one figure known for every funder
		query = sql`${matches}
			select o.slug as key, o.name as label, count(*)::int as count, coalesce(sum(case when c.within then null else io.amount_eur end), 0)::float8 as budget,
				(count(*) filter (where io.amount_eur is null and not c.within))::int as unknown
			from ${initiativeOrganisation} io join ${organisation} o on o.id = io.organisation_id join c on c.id = io.initiative_id
			where io.role = 'funder' group by o.slug, o.name order by count desc, budget desc, o.slug`;
	}
	const result = (await db.execute(query)) as unknown as { rows: unknown[] };
	return {
		by,
		rows: (result.rows as { key: string; label: string | null; count: number; budget: number; unknown: number }[]).map(
			(row): StatsRow => ({
				key: String(row.key),
				label: row.label,
				count: Number(row.count),
				budgetEur: Math.round(Number(row.budget) * 100) / 100,
				budgetUnknown: Number(row.unknown)
			})
		)
	};
}
