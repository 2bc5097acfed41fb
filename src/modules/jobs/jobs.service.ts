import { foldForMatch } from '../../platform/ui/pickers/pickers.js';
import { and, asc, desc, eq, inArray, isNotNull, like, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { searchWords } from '../../platform/db/search-words.ts';
import { organisation, organisationMember } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service.ts';
import { AppError, type FieldProblem } from '../../platform/http/app-error.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { can, type Actor } from '../../platform/policy/policy.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { platformDay, platformTimeZone } from '../../platform/time-zone.ts';
import { jobEmployer, jobOffer, occupation, type JobOfferRecord, type OccupationRecord } from './job-offer.table.ts';
import { HOME_COUNTRY, type OfferStatus } from './job-offer.model.ts';
import { countryName } from '../../platform/geo/countries.ts';
import { languageNameIn } from '../../platform/i18n/content-language.ts';
import { placementTermsOf, type PlacementTermsView } from './placement/placement-terms.ts';
import { OfferInput, type OfferSearchQuery } from './jobs.schemas.ts';
import { offerSearchCache } from './offer-search-cache.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The status a person sees: a published offer whose closing date (a Moroccan day) is past has expired, even before `jobs:expire` runs. */
export function effectiveStatus(offer: Pick<JobOfferRecord, 'status' | 'closingDate'>, now: Date = new Date()): OfferStatus {
	return offer.status === 'published' && offer.closingDate < platformDay(now) ? 'expired' : offer.status;
}

// ---------- names ----------

export type TitleNote = 'unofficial_translation' | 'french_fallback' | null;

/** An occupation's title in a language: Arabic titles are ours (unofficial); without one, the French title with a note. */
export function occupationTitle(row: Pick<OccupationRecord, 'titleEn' | 'titleFr' | 'titleAr' | 'arUnofficial'>, language: Language): { title: string; note: TitleNote } {
	if (language === 'en') return { title: row.titleEn, note: null };
	if (language === 'fr') return { title: row.titleFr ?? row.titleEn, note: null };
	if (row.titleAr) return { title: row.titleAr, note: row.arUnofficial ? 'unofficial_translation' : null };
	return { title: row.titleFr ?? row.titleEn, note: 'french_fallback' };
}

const regionByCode = new Map(regions.map((region) => [region.iso, region]));
const provinceByCode = new Map(provinces.map((province) => [province.iso, province]));

export function placeName(code: string | null, language: Language): string {
	if (!code) return '';
	const place = regionByCode.get(code) ?? provinceByCode.get(code);
	if (!place) return code;
	return language === 'ar' ? place.nameAr : language === 'en' ? place.nameEn : place.nameFr;
}

// ---------- who may act ----------

/** The employer organisations the actor may post for: partners who are members of an organisation of type `employer`. */
export async function employerOrganisationsOf(db: DbOrTx, actor: Actor | null | undefined) {
	if (!actor || !can(actor, 'jobs.offer.manage') || actor.organisationIds.length === 0) return [];
	return db
		.select({ id: organisation.id, name: organisation.name, isSample: sql<boolean>`coalesce(${jobEmployer.isSample}, false)` })
		.from(organisation)
		.leftJoin(jobEmployer, eq(jobEmployer.organisationId, organisation.id))
		.where(and(inArray(organisation.id, [...actor.organisationIds]), eq(organisation.type, 'employer')))
		.orderBy(asc(organisation.name));
}

async function requireEmployerOf(db: DbOrTx, actor: Actor | null | undefined, organisationId: string): Promise<Actor> {
	if (!actor || !can(actor, 'jobs.offer.manage') || !actor.organisationIds.includes(organisationId)) throw new AppError('forbidden');
	const [row] = await db.select({ type: organisation.type }).from(organisation).where(eq(organisation.id, organisationId));
	if (row?.type !== 'employer') throw new AppError('forbidden');
	// the membership may have been removed since the actor was built
	const [member] = await db
		.select({ userId: organisationMember.userId })
		.from(organisationMember)
		.where(and(eq(organisationMember.organisationId, organisationId), eq(organisationMember.userId, actor.userId)));
	if (!member) throw new AppError('forbidden');
	return actor;
}

async function findOffer(db: DbOrTx, id: string, forUpdate = false): Promise<JobOfferRecord> {
	if (!UUID.test(id)) throw new AppError('not_found');
	const query = db.select().from(jobOffer).where(eq(jobOffer.id, id));
	const [row] = forUpdate ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found');
	return row;
}

/** An offer of the actor's own employer organisation (locked for the transaction); not_found for anyone else's. */
async function ownOffer(tx: DbOrTx, actor: Actor | null | undefined, id: string): Promise<JobOfferRecord> {
	const offer = await findOffer(tx, id, true);
	try {
		// an offer abroad is the international placement division's, even when its organisation is the employer's
		if (offer.hostCountry !== HOME_COUNTRY) throw new AppError('forbidden');
		await requireEmployerOf(tx, actor, offer.organisationId);
	} catch {
		// another employer's offer: it does not exist for them (no hint about drafts)
		throw new AppError(can(actor, 'jobs.offer.manage') ? 'not_found' : 'forbidden');
	}
	return offer;
}

// ---------- writes ----------

function conflict(reason: string, values: Record<string, string> = {}): AppError {
	return new AppError('conflict', { extra: { reason, ...values } });
}

async function checkInput(db: DbOrTx, raw: OfferInput) {
	const input = parseOrThrow(OfferInput, raw);
	const problems: FieldProblem[] = [];
	const [occ] = await db.select().from(occupation).where(eq(occupation.code, input.occupationCode));
	if (!occ || occ.level !== 4) problems.push({ path: 'occupationCode', messageKey: 'field_choice' });
	if (input.provinceCode && provinceByCode.get(input.provinceCode)?.regionIso !== input.regionCode) {
		problems.push({ path: 'provinceCode', messageKey: 'field_choice' });
	}
	if (input.salaryMin !== null && input.salaryMax !== null && input.salaryMax < input.salaryMin) {
		problems.push({ path: 'salaryMax', messageKey: 'field_invalid' });
	}
	if ((input.salaryMin !== null || input.salaryMax !== null) && input.salaryPeriod === null) {
		problems.push({ path: 'salaryPeriod', messageKey: 'field_required' });
	}
	if (new Set(input.languages.map((entry) => entry.language)).size !== input.languages.length) {
		problems.push({ path: 'languages', messageKey: 'field_invalid' });
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return { input, occ: occ! };
}

/** The text the search reads, normalised in SQL by search_normalise (custom migration). */
export function searchSource(
	input: { title: string; description: string; skills: string[]; city: string; regionCode: string | null; provinceCode: string | null; hostCountry?: string },
	occ: OccupationRecord,
	employerName: string
) {
	const places = [input.regionCode, input.provinceCode].flatMap((code) => {
		const place = code ? (regionByCode.get(code) ?? provinceByCode.get(code)) : undefined;
		return place ? [place.nameFr, place.nameAr, place.nameEn] : [];
	});
	// an offer abroad is found by its host country's name in the three languages
	const country = input.hostCountry && input.hostCountry !== HOME_COUNTRY ? (['fr', 'ar', 'en'] as const).map((language) => countryName(input.hostCountry!, language)) : [];
	return [input.title, input.description, input.skills.join(' '), input.city, ...places, ...country, occ.titleEn, occ.titleFr, occ.titleAr, employerName]
		.filter(Boolean)
		.join(' ');
}

async function employerName(db: DbOrTx, organisationId: string): Promise<string> {
	const [row] = await db.select({ name: organisation.name, acronym: organisation.acronym }).from(organisation).where(eq(organisation.id, organisationId));
	return [row?.name, row?.acronym].filter(Boolean).join(' ');
}

export function offerValuesFor(input: ReturnType<typeof OfferInput.parse>, occ: OccupationRecord, name: string) {
	return {
		...input,
		searchText: sql`search_normalise(${searchSource(input, occ, name)})`
	};
}

/** A new offer, as a draft, for one of the actor's employer organisations. */
export async function createOffer(ctx: RequestContext, organisationId: string, raw: OfferInput) {
	if (!UUID.test(organisationId)) throw new AppError('forbidden');
	return ctx.transaction(async ({ db: tx, audit: context, actor }) => {
		const employer = await requireEmployerOf(tx, actor, organisationId);
		const { input, occ } = await checkInput(tx, raw);
		const [created] = await tx
			.insert(jobOffer)
			.values({ ...offerValuesFor(input, occ, await employerName(tx, organisationId)), organisationId, createdBy: employer.userId, status: 'draft' })
			.returning();
		await recordAudit(tx, context, { action: 'job_offer.create', resourceType: 'job_offer', resourceId: created.id, after: auditView(created) });
		return created;
	});
}

const editable: OfferStatus[] = ['draft', 'pending_validation', 'published'];

export async function updateOffer(ctx: RequestContext, id: string, raw: OfferInput) {
	return ctx.transaction(async ({ db: tx, audit: context, actor }) => {
		const before = await ownOffer(tx, actor, id);
		if (!editable.includes(before.status)) throw conflict('offer_not_editable', { status: before.status });
		const { input, occ } = await checkInput(tx, raw);
		const [after] = await tx
			.update(jobOffer)
			.set({ ...offerValuesFor(input, occ, await employerName(tx, before.organisationId)), updatedAt: ctx.now() })
			.where(eq(jobOffer.id, id))
			.returning();
		await recordAudit(tx, context, { action: 'job_offer.update', resourceType: 'job_offer', resourceId: id, before: auditView(before), after: auditView(after) });
		return after;
	});
}

/** Whether a counsellor has already validated one of this employer's offers (then its offers publish at once). */
export async function isTrustedEmployer(db: DbOrTx, organisationId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: jobOffer.id })
		.from(jobOffer)
		.where(and(eq(jobOffer.organisationId, organisationId), isNotNull(jobOffer.validatedAt)))
		.limit(1);
	return !!row;
}

/**
 * Publishing: an employer with a validated offer publishes at once; a new employer's offer waits in the
 * counsellors' queue (pending_validation). The closing date must not be past.
 */
export async function publishOffer(ctx: RequestContext, id: string) {
	const now = ctx.now();
	return ctx.transaction(async ({ db: tx, audit: context, actor }) => {
		const before = await ownOffer(tx, actor, id);
		if (before.status !== 'draft') throw conflict('offer_not_draft', { status: before.status });
		if (before.closingDate < platformDay(now)) throw new AppError('invalid_input', { fields: [{ path: 'closingDate', messageKey: 'field_invalid' }] });
		const trusted = await isTrustedEmployer(tx, before.organisationId);
		const [after] = await tx
			.update(jobOffer)
			.set(
				trusted
					? { status: 'published', publishedAt: now, returnReason: null, updatedAt: now }
					: { status: 'pending_validation', returnReason: null, updatedAt: now }
			)
			.where(eq(jobOffer.id, id))
			.returning();
		await recordAudit(tx, context, {
			action: trusted ? 'job_offer.publish' : 'job_offer.submit_for_validation',
			resourceType: 'job_offer',
			resourceId: id,
			before: { status: before.status },
			after: { status: after.status }
		});
		return after;
	});
}

function requireCounsellor(actor: Actor | null | undefined) {
	if (!can(actor, 'jobs.offer.validate')) throw new AppError('forbidden');
}

/** A counsellor approves a pending offer: it is published, and its employer is trusted from now on. */
export async function approveOffer(ctx: RequestContext, id: string) {
	const actor = ctx.actor;
	requireCounsellor(actor);
	const now = ctx.now();
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const before = await findOffer(tx, id, true);
		if (before.status !== 'pending_validation') throw conflict('offer_not_pending', { status: before.status });
		const [after] = await tx
			.update(jobOffer)
			.set({ status: 'published', publishedAt: now, validatedAt: now, validatedBy: actor!.userId, returnReason: null, updatedAt: now })
			.where(eq(jobOffer.id, id))
			.returning();
		await recordAudit(tx, context, { action: 'job_offer.approve', resourceType: 'job_offer', resourceId: id, before: { status: before.status }, after: { status: after.status } });
		return after;
	});
}

/** A counsellor sends a pending offer back to its employer (draft again) with a reason the employer reads. */
export async function returnOffer(ctx: RequestContext, id: string, reason: string) {
	requireCounsellor(ctx.actor);
	const now = ctx.now();
	const text = reason.trim();
	if (text.length < 5 || text.length > 2000) throw new AppError('invalid_input', { fields: [{ path: 'reason', messageKey: text.length < 5 ? 'field_too_short' : 'field_too_long', values: { min: 5, max: 2000 } }] });
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const before = await findOffer(tx, id, true);
		if (before.status !== 'pending_validation') throw conflict('offer_not_pending', { status: before.status });
		const [after] = await tx.update(jobOffer).set({ status: 'draft', returnReason: text, updatedAt: now }).where(eq(jobOffer.id, id)).returning();
		await recordAudit(tx, context, { action: 'job_offer.return', resourceType: 'job_offer', resourceId: id, before: { status: before.status }, after: { status: after.status, reason: text } });
		return after;
	});
}

async function endOffer(ctx: RequestContext, id: string, to: 'closed' | 'filled', from: OfferStatus[]) {
	return ctx.transaction(async ({ db: tx, audit: context, actor }) => {
		const before = await ownOffer(tx, actor, id);
		if (!from.includes(before.status)) throw conflict('offer_wrong_status', { status: before.status });
		const [after] = await tx.update(jobOffer).set({ status: to, updatedAt: ctx.now() }).where(eq(jobOffer.id, id)).returning();
		await recordAudit(tx, context, { action: `job_offer.${to === 'closed' ? 'close' : 'fill'}`, resourceType: 'job_offer', resourceId: id, before: { status: before.status }, after: { status: to } });
		return after;
	});
}

export const closeOffer = (ctx: RequestContext, id: string) =>
	endOffer(ctx, id, 'closed', ['draft', 'pending_validation', 'published', 'expired']);
export const markOfferFilled = (ctx: RequestContext, id: string) =>
	endOffer(ctx, id, 'filled', ['published', 'expired']);

/** Persists the expiry of published offers whose closing date is past (npm run jobs:expire), one audit event each. */
export async function expireOffers(db: DbOrTx, context: AuditContext, now: Date = new Date()): Promise<number> {
	const today = platformDay(now);
	return db.transaction(async (tx) => {
		const expired = await tx
			.update(jobOffer)
			.set({ status: 'expired', updatedAt: now })
			.where(and(eq(jobOffer.status, 'published'), lt(jobOffer.closingDate, today)))
			.returning({ id: jobOffer.id, closingDate: jobOffer.closingDate });
		for (const offer of expired) {
			await recordAudit(tx, context, {
				action: 'job_offer.expire',
				resourceType: 'job_offer',
				resourceId: offer.id,
				before: { status: 'published' },
				after: { status: 'expired', closingDate: offer.closingDate }
			});
		}
		return expired.length;
	});
}

function auditView(offer: JobOfferRecord) {
	const { searchText: _searchText, ...rest } = offer;
	return rest;
}

// ---------- reads ----------

const summaryColumns = {
	offer: jobOffer,
	occupation: { titleEn: occupation.titleEn, titleFr: occupation.titleFr, titleAr: occupation.titleAr, arUnofficial: occupation.arUnofficial },
	employerName: organisation.name,
	employerIsSample: sql<boolean>`coalesce(${jobEmployer.isSample}, false)`
};

type OfferRow = {
	offer: JobOfferRecord;
	occupation: Pick<OccupationRecord, 'titleEn' | 'titleFr' | 'titleAr' | 'arUnofficial'>;
	employerName: string;
	employerIsSample: boolean;
};

function offerRows(db: DbOrTx) {
	return db
		.select(summaryColumns)
		.from(jobOffer)
		.innerJoin(occupation, eq(occupation.code, jobOffer.occupationCode))
		.innerJoin(organisation, eq(organisation.id, jobOffer.organisationId))
		.leftJoin(jobEmployer, eq(jobEmployer.organisationId, jobOffer.organisationId));
}

export function offerSummary(row: OfferRow, language: Language) {
	const { offer } = row;
	const occ = occupationTitle(row.occupation, language);
	return {
		id: offer.id,
		title: offer.title,
		occupation: { code: offer.occupationCode, title: occ.title, titleNote: occ.note },
		employer: { id: offer.organisationId, name: row.employerName, isSample: row.employerIsSample },
		hostCountry: { code: offer.hostCountry, name: countryName(offer.hostCountry, language) },
		region: offer.regionCode ? { code: offer.regionCode, name: placeName(offer.regionCode, language) } : null,
		province: offer.provinceCode ? { code: offer.provinceCode, name: placeName(offer.provinceCode, language) } : null,
		city: offer.city,
		channel: offer.channel,
		noWorkerFees: offer.noWorkerFees,
		contractType: offer.contractType,
		workingTime: offer.workingTime,
		publishedAt: offer.publishedAt?.toISOString() ?? null,
		closingDate: offer.closingDate,
		openToForeigners: offer.openToForeigners,
		isSample: offer.isSample
	};
}

export function offerDetail(row: OfferRow, language: Language, now: Date = new Date(), abroad: PlacementTermsView | null = null) {
	const { offer } = row;
	return {
		...offerSummary(row, language),
		description: offer.description,
		skills: offer.skills,
		hoursPerWeek: offer.hoursPerWeek,
		salary:
			offer.salaryMin === null && offer.salaryMax === null
				? null
				: { min: offer.salaryMin, max: offer.salaryMax, period: offer.salaryPeriod, currency: offer.salaryCurrency },
		languages: offer.languages,
		education: offer.education,
		experienceYears: offer.experienceYears,
		positions: offer.positions,
		status: effectiveStatus(offer, now),
		abroad
	};
}
export type OfferDetail = ReturnType<typeof offerDetail>;
export type OfferSummary = ReturnType<typeof offerSummary>;

/** Only these are public: published and not past their closing date. */
function publicCondition(today: string): SQL {
	return and(eq(jobOffer.status, 'published'), sql`${jobOffer.closingDate} >= ${today}`)!;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Search of the public offers: `{ total, items, facets }` (frozen; kept per data revision, see offer-search-cache.ts). */
export async function searchOffers(db: DbOrTx, query: OfferSearchQuery, language: Language, now: Date = new Date()) {
	return offerSearchCache(db).read(JSON.stringify([query, language, platformDay(now)]), () => searchOffersNow(db, query, language, now));
}

async function searchOffersNow(db: DbOrTx, query: OfferSearchQuery, language: Language, now: Date) {
	const conditions: SQL[] = [publicCondition(platformDay(now))];
	const words = searchWords(query.q, 8);
	for (const word of words) {
		conditions.push(sql`${jobOffer.searchText} like '%' || search_normalise(${likeEscape(word)}) || '%'`);
	}
	if (query.occupation) conditions.push(like(jobOffer.occupationCode, `${query.occupation}%`));
	if (query.region) conditions.push(eq(jobOffer.regionCode, query.region));
	if (query.province) conditions.push(eq(jobOffer.provinceCode, query.province));
	if (query.contract) conditions.push(eq(jobOffer.contractType, query.contract));
	if (query.language) conditions.push(sql`${jobOffer.languages} @> ${JSON.stringify([{ language: query.language }])}::jsonb`);
	if (query.since) conditions.push(sql`${jobOffer.publishedAt} >= (${query.since}::date)::timestamp at time zone ${platformTimeZone}`);
	if (query.foreigners === 'yes') conditions.push(eq(jobOffer.openToForeigners, true));
	// the "abroad" filter (issue 10): offers abroad are few and indexed apart (job_offer_abroad_idx)
	const abroad = query.abroad === 'yes' || !!query.country || !!query.channel;
	if (abroad) conditions.push(sql`${jobOffer.hostCountry} <> ${HOME_COUNTRY}`);
	else if (query.abroad === 'no') conditions.push(eq(jobOffer.hostCountry, HOME_COUNTRY));
	if (query.country) conditions.push(eq(jobOffer.hostCountry, query.country));
	if (query.channel) conditions.push(eq(jobOffer.channel, query.channel));
	const where = and(...conditions);

	const byRelevance = words.length > 0 && query.sort !== 'date';
	const normalisedQuery = sql`search_normalise(${words.join(' ')})`;
	const order = byRelevance
		? [
				desc(sql`similarity(search_normalise(${jobOffer.title}), ${normalisedQuery}) * 2 + word_similarity(${normalisedQuery}, ${jobOffer.searchText})`),
				desc(jobOffer.publishedAt),
				asc(jobOffer.id)
			]
		: [desc(jobOffer.publishedAt), asc(jobOffer.id)];

	const facet = (column: SQL) =>
		db
			.select({ value: sql<string>`${column}`, count: sql<number>`count(*)::int` })
			.from(jobOffer)
			.where(where)
			.groupBy(sql`1`)
			.orderBy(desc(sql`2`), asc(sql`1`));

	const none = Promise.resolve([] as { value: string; count: number }[]);
	const [rows, [{ total }], contractType, regions, occupationMajorGroup, languageFacet, hostCountry, channel] = await Promise.all([
		offerRows(db)
			.where(where)
			.orderBy(...order)
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ total: sql<number>`count(*)::int` }).from(jobOffer).where(where),
		facet(sql`${jobOffer.contractType}`),
		facet(sql`${jobOffer.regionCode}`),
		facet(sql`left(${jobOffer.occupationCode}, 1)`),
		db
			.select({ value: sql<string>`l ->> 'language'`, count: sql<number>`count(*)::int` })
			.from(sql`${jobOffer} cross join lateral jsonb_array_elements(${jobOffer.languages}) as l`)
			.where(where)
			.groupBy(sql`1`)
			.orderBy(desc(sql`2`), asc(sql`1`)),
		// searching in Morocco asks nothing more than before
		abroad ? facet(sql`${jobOffer.hostCountry}`) : none,
		abroad ? facet(sql`${jobOffer.channel}`) : none
	]);
	// offers abroad have no Moroccan region
	const region = regions.filter((entry) => entry.value !== null);
	return {
		total,
		page: query.page,
		pageSize: query.pageSize,
		items: (rows as OfferRow[]).map((row) => offerSummary(row, language)),
		facets: { contractType, region, occupationMajorGroup, language: languageFacet, hostCountry, channel }
	};
}

/** One public offer (published, not expired); not_found otherwise — drafts and others' offers stay hidden. */
export async function getPublicOffer(db: DbOrTx, id: string, language: Language, now: Date = new Date()) {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await offerRows(db).where(and(eq(jobOffer.id, id), publicCondition(platformDay(now))));
	if (!row) throw new AppError('not_found');
	return offerDetail(row as OfferRow, language, now, await termsOf(db, row.offer));
}

/** The terms of an offer abroad (null in Morocco). */
async function termsOf(db: DbOrTx, offer: JobOfferRecord) {
	return offer.hostCountry === HOME_COUNTRY ? null : placementTermsOf(db, offer.id);
}

/**
 * The host countries with public offers abroad, named in the language and sorted (the search's country
 * filter); kept per jobs data revision like the searches.
 */
export async function abroadCountries(db: DbOrTx, language: Language, now: Date = new Date()) {
	const today = platformDay(now);
	return offerSearchCache(db).read(JSON.stringify(['abroad-countries', language, today]), async () => {
		const rows = await db
			.select({ code: jobOffer.hostCountry, count: sql<number>`count(*)::int` })
			.from(jobOffer)
			.where(and(publicCondition(today), sql`${jobOffer.hostCountry} <> ${HOME_COUNTRY}`))
			.groupBy(jobOffer.hostCountry);
		const collator = new Intl.Collator(language);
		return rows.map((row) => ({ value: row.code, label: countryName(row.code, language), count: row.count })).sort((a, b) => collator.compare(a.label, b.label));
	});
}

/**
 * An offer as its employer or a counsellor sees it, whatever its status (used by the offer page so an
 * employer can preview a draft). null when the actor may not see it.
 */
export async function getOfferForStaff(ctx: RequestContext, id: string) {
	const { db, actor, language } = ctx;
	const now = ctx.now();
	if (!actor || !UUID.test(id)) return null;
	const [row] = await offerRows(db).where(eq(jobOffer.id, id));
	if (!row) return null;
	const abroad = row.offer.hostCountry !== HOME_COUNTRY;
	const isOwner = !abroad && can(actor, 'jobs.offer.manage') && actor.organisationIds.includes(row.offer.organisationId);
	const isValidator = !abroad && can(actor, 'jobs.offer.validate') && row.offer.status === 'pending_validation';
	// the international placement division previews its offers abroad
	const isDivision = abroad && can(actor, 'placement.offer.manage');
	if (!isOwner && !isValidator && !isDivision) return null;
	return offerDetail(row as OfferRow, language, now, await termsOf(db, row.offer));
}

/** The raw offer for the employer's edit form. */
export async function getOwnOffer(ctx: RequestContext, id: string) {
	const { db, actor } = ctx;
	const offer = await findOffer(db, id);
	if (offer.hostCountry !== HOME_COUNTRY) throw new AppError('not_found');
	await requireEmployerOf(db, actor, offer.organisationId).catch(() => {
		throw new AppError('not_found');
	});
	return offer;
}
export type OwnOffer = Awaited<ReturnType<typeof getOwnOffer>>;

/** An employer organisation's offers, newest first, with the status each is in now. */
export async function listEmployerOffers(ctx: RequestContext, organisationId: string) {
	const { db, actor } = ctx;
	const now = ctx.now();
	await requireEmployerOf(db, actor, organisationId);
	// offers abroad are the international placement division's (its own pages)
	const rows = await db
		.select()
		.from(jobOffer)
		.where(and(eq(jobOffer.organisationId, organisationId), eq(jobOffer.hostCountry, HOME_COUNTRY)))
		.orderBy(desc(jobOffer.updatedAt), asc(jobOffer.id));
	return rows.map((offer) => ({ ...offer, effectiveStatus: effectiveStatus(offer, now) }));
}

/** The counsellors' queue: offers waiting for validation, oldest first. */
export async function listPendingValidations(ctx: RequestContext) {
	const { db, actor, language } = ctx;
	const now = ctx.now();
	requireCounsellor(actor);
	const rows = await offerRows(db).where(eq(jobOffer.status, 'pending_validation')).orderBy(asc(jobOffer.updatedAt), asc(jobOffer.id));
	return (rows as OfferRow[]).map((row) => offerDetail(row, language, now));
}

/**
 * The unit groups as a picker shows them: under their major group, named in the language (in French, marked,
 * where there is no Arabic title), found by their titles in every language and by their code.
 */
/** The ISCO-08 choices per database and language: reference data, written once at start, so computed once. */
const occupationChoices = new WeakMap<object, Map<Language, Promise<OccupationChoiceGroup[]>>>();
export type OccupationChoiceGroup = { label: string; choices: { value: string; label: string; keywords: string; match: string; lang?: string }[] };

export async function occupationChoiceGroups(db: DbOrTx, language: Language): Promise<OccupationChoiceGroup[]> {
	let byLanguage = occupationChoices.get(db);
	if (!byLanguage) occupationChoices.set(db, (byLanguage = new Map()));
	let groups = byLanguage.get(language);
	if (!groups) {
		groups = loadOccupationChoiceGroups(db, language);
		byLanguage.set(language, groups);
		// an empty or failed read (a database still being filled) is not kept
		groups.then(
			(found) => (found.length ? undefined : byLanguage.delete(language)),
			() => byLanguage.delete(language)
		);
	}
	return groups;
}

/** The unit groups under their major groups, named in the language, with their other names and the picker's folded words. */
async function loadOccupationChoiceGroups(db: DbOrTx, language: Language): Promise<OccupationChoiceGroup[]> {
	const rows = await db.select().from(occupation).where(sql`${occupation.level} in (1, 4)`).orderBy(asc(occupation.code));
	const units = new Map<string, (typeof rows)[number][]>();
	for (const row of rows) if (row.level === 4) units.set(row.code.slice(0, 1), [...(units.get(row.code.slice(0, 1)) ?? []), row]);
	return rows
		.filter((row) => row.level === 1)
		.map((major) => ({
			label: occupationTitle(major, language).title,
			choices: (units.get(major.code) ?? []).map((row) => {
				const { title, note } = occupationTitle(row, language);
				const keywords = [row.titleFr, row.titleEn, row.titleAr].filter((name) => name && name !== title).join(' ');
				return {
					value: row.code,
					label: title,
					keywords,
					match: foldForMatch(`${title} ${keywords} ${row.code}`),
					...(note === 'french_fallback' ? { lang: 'fr' } : {})
				};
			})
		}));
}

/** Major, sub-major and minor groups for the search filter. */
export async function listOccupationGroups(db: DbOrTx, language: Language) {
	const rows = await db.select().from(occupation).where(sql`${occupation.level} <= 2`).orderBy(asc(occupation.code));
	return rows.map((row) => ({ code: row.code, level: row.level, ...occupationTitle(row, language) }));
}

// ---------- schema.org ----------

/** schema.org JobPosting for an offer page; `<` escaped so the JSON cannot close its script element. */
export function jobPostingJsonLd(offer: OfferDetail, url: string) {
	const employmentType: Record<string, string> = {
		cdi: 'FULL_TIME',
		cdd: 'TEMPORARY',
		seasonal: 'TEMPORARY',
		internship: 'INTERN',
		temporary: 'TEMPORARY',
		integration: 'OTHER'
	};
	const types = [employmentType[offer.contractType], offer.workingTime === 'part_time' ? 'PART_TIME' : null].filter(Boolean);
	const unitText: Record<string, string> = { hour: 'HOUR', day: 'DAY', month: 'MONTH', year: 'YEAR' };
	const abroad = offer.hostCountry.code !== HOME_COUNTRY;
	// the languages required, each a term of the CEFR scale (schema.org has no property of its own for them)
	const skills: (string | Record<string, string>)[] = [
		...(offer.skills.length ? [offer.skills.join(', ')] : []),
		...offer.languages.map((entry) => ({
			'@type': 'DefinedTerm',
			name: `${languageNameIn(entry.language, 'en')} ${entry.level}`,
			termCode: `${entry.language}-${entry.level}`,
			inDefinedTermSet: 'https://www.coe.int/en/web/common-european-framework-reference-languages'
		}))
	];
	const data = {
		'@context': 'https://schema.org',
		'@type': 'JobPosting',
		title: offer.title,
		description: offer.description,
		identifier: { '@type': 'PropertyValue', name: 'Sharaka', value: offer.id },
		url,
		datePosted: offer.publishedAt?.slice(0, 10),
		validThrough: `${offer.closingDate}T23:59:59+01:00`,
		employmentType: types,
		occupationalCategory: `ISCO-08 ${offer.occupation.code} ${offer.occupation.title}`,
		hiringOrganization: { '@type': 'Organization', name: offer.abroad?.employerAbroad ?? offer.employer.name },
		jobLocation: {
			'@type': 'Place',
			address: {
				'@type': 'PostalAddress',
				addressLocality: offer.city,
				addressRegion: offer.region?.name,
				addressCountry: offer.hostCountry.code
			}
		},
		// an offer abroad is for workers recruited in Morocco through ANAPEC's international placement
		applicantLocationRequirements: abroad ? { '@type': 'Country', name: countryName(HOME_COUNTRY, 'en'), identifier: HOME_COUNTRY } : undefined,
		skills: skills.length ? skills : undefined,
		experienceRequirements: offer.experienceYears ? { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: offer.experienceYears * 12 } : undefined,
		totalJobOpenings: offer.positions,
		baseSalary: offer.salary
			? {
					'@type': 'MonetaryAmount',
					currency: offer.salary.currency,
					value: { '@type': 'QuantitativeValue', minValue: offer.salary.min ?? undefined, maxValue: offer.salary.max ?? undefined, unitText: offer.salary.period ? unitText[offer.salary.period] : undefined }
				}
			: undefined,
		jobStartDate: offer.abroad?.season?.startsOn,
		workHours: offer.hoursPerWeek ? `${offer.hoursPerWeek} h/week` : undefined
	};
	return data;
}
