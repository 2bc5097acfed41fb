// Matching: the consenting candidates of an offer, ranked, and the offers recommended to a job seeker,
// both by the score of matching.score.ts. The ranking runs in SQL over profiles (or offers) first
// narrowed by GIN indexes (same ISCO sub-major group, or a skill in common), so it never loads the
// whole table into Node; the page of results is then explained by `explainMatch`.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { recordPersonalDataRead } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { can, type Actor } from '../../../platform/policy/policy.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { jobEmployer, jobOffer, occupation, type RequiredLanguage } from '../job-offer.table.ts';
import { cefrLevels, type CefrLevel } from '../../../platform/i18n/spoken-languages.ts';
import { effectiveStatus, employerOrganisationsOf, occupationTitle, offerSummary, placeName } from '../jobs.service.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { jobApplication, seekerProfile } from '../seekers/seekers.table.ts';
import type { ConsentScope } from '../seekers/seekers.model.ts';
import { matchingCache } from './matching-cache.ts';
import { byCodePoint, byScore, isCommonReason, languageUnitsByRank } from '../../../platform/matching/criteria.ts';
import { commonReasonText, occupationGroupsOf } from '../../../platform/matching/explain.ts';
import { explainMatch, matchWeights, provincesOf, regionOf, levelRank, type MatchReason, type OfferFacts, type ProfileFacts } from './matching.score.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Residence statuses of Moroccans: an offer not open to foreigners is matched with them only. */
const moroccanStatuses = ['moroccan', 'returning_moroccan'] as const;

// ---------- SQL pieces ----------

/** A text[] literal built from parameters ('{}' when empty). */
function textArray(values: readonly string[]): SQL {
	if (values.length === 0) return sql`'{}'::text[]`;
	return sql`ARRAY[${sql.join(
		values.map((value) => sql`${value}`),
		sql`, `
	)}]::text[]`;
}

const levelsArray = sql.raw(`'{${cefrLevels.join(',')}}'::text[]`);

/**
 * A `case <rank> when …` giving a language's units (2 met, 1 one level below, 0 otherwise: the platform's rule,
 * `languageUnitsByRank`); the rank (1 = A1 … 6 = C2, 0 = none) is evaluated once.
 */
function unitsCase(rank: SQL, required: CefrLevel): SQL {
	const whens = languageUnitsByRank(required).flatMap((units, have) => (units ? [`when ${have} then ${units}`] : []));
	return sql`(case ${rank} ${sql.raw(whens.join(' '))} else 0 end)`;
}

/** The score of every profile for a known offer (the same arithmetic as `explainMatch`). */
function profileScoreSql(offer: OfferFacts): SQL {
	const w = matchWeights;
	const p = seekerProfile;
	const unit = offer.occupationCode;
	const occupationPart = sql`(case when ${p.matchOccupationGroups} @> ${textArray([unit])} then ${sql.raw(String(w.occupation.unit))}
		when ${p.matchOccupationGroups} @> ${textArray([unit.slice(0, 3)])} then ${sql.raw(String(w.occupation.minor))}
		when ${p.matchOccupationGroups} @> ${textArray([unit.slice(0, 2)])} then ${sql.raw(String(w.occupation.subMajor))} else 0 end)`;

	const keys = [...new Set(offer.skillKeys)];
	const skillsPart = keys.length
		? sql`((${sql.raw(String(w.skills))} * (${sql.join(
				keys.map((key) => sql`(${p.matchSkillKeys} @> ${textArray([key])})::int`),
				sql` + `
			)})) / ${sql.raw(String(keys.length))})`
		: sql`0`;

	const languagesPart = offer.languages.length
		? sql`((${sql.raw(String(w.languages))} * (${sql.join(
				offer.languages.map((required) =>
					unitsCase(
						sql`coalesce(array_position(${levelsArray}, jsonb_path_query_first(${p.languages}, '$[*] ? (@.language == $l).level', jsonb_build_object('l', ${required.language}::text)) #>> '{}'), 0)`,
						required.level
					)
				),
				sql` + `
			)})) / ${sql.raw(String(2 * offer.languages.length))})`
		: sql.raw(String(w.languages));

	// an offer abroad has no region: no place points (the array is then empty and matches nobody)
	const regionPlaces = offer.regionCode ? [offer.regionCode, ...provincesOf(offer.regionCode)] : [];
	const placePart = sql`(case ${offer.provinceCode ? sql`when ${p.placeCodes} @> ${textArray([offer.provinceCode])} then ${sql.raw(String(w.place.province))}` : sql``}
		when ${p.placeCodes} && ${textArray(regionPlaces)} then ${sql.raw(String(w.place.region))} else 0 end)`;

	const availabilityPart = sql`(case ${p.availability} when 'immediately' then ${sql.raw(String(w.availability.immediately))} when 'within_month' then ${sql.raw(String(w.availability.within_month))} else ${sql.raw(String(w.availability.later))} end)`;
	return sql`(${occupationPart} + ${skillsPart} + ${languagesPart} + ${placePart} + ${availabilityPart})`;
}

/** The score of every offer for a known profile (the same arithmetic as `explainMatch`). */
function offerScoreSql(profile: ProfileFacts): { score: SQL; lateral: SQL } {
	const w = matchWeights;
	const o = jobOffer;
	const codes = profile.occupationCodes;
	const occupationPart = codes.length
		? sql`(case when ${o.occupationCode} = any(${textArray(codes)}) then ${sql.raw(String(w.occupation.unit))}
			when left(${o.occupationCode}, 3) = any(${textArray(codes.map((code) => code.slice(0, 3)))}) then ${sql.raw(String(w.occupation.minor))}
			when left(${o.occupationCode}, 2) = any(${textArray(codes.map((code) => code.slice(0, 2)))}) then ${sql.raw(String(w.occupation.subMajor))} else 0 end)`
		: sql`0`;

	// per offer: its distinct skill keys and how many the person has; its languages and the units met
	const haveRank = profile.languages.length
		? sql`(case r ->> 'language' ${sql.join(
				profile.languages.map((entry) => sql`when ${entry.language}::text then ${sql.raw(String(levelRank(entry.level)))}`),
				sql` `
			)} else 0 end)`
		: sql`0`;
	const wantRank = sql`array_position(${levelsArray}, r ->> 'level')`;
	const lateral = sql`cross join lateral (
			select count(distinct k)::int as skill_total, (count(distinct k) filter (where k = any(${textArray(profile.skillKeys)})))::int as skill_common
			from unnest(matching_skill_keys(${o.skills})) k) as match_skills
		cross join lateral (
			select count(*)::int as language_total,
				coalesce(sum(case when h >= ${wantRank} then 2 when h > 0 and h = ${wantRank} - 1 then 1 else 0 end), 0)::int as language_units
			from jsonb_array_elements(${o.languages}) r cross join lateral (select ${haveRank} as h) have) as match_languages`;
	const skillsPart = sql`(case when match_skills.skill_total = 0 then 0 else (${sql.raw(String(w.skills))} * match_skills.skill_common) / match_skills.skill_total end)`;
	const languagesPart = sql`(case when match_languages.language_total = 0 then ${sql.raw(String(w.languages))} else (${sql.raw(String(w.languages))} * match_languages.language_units) / (2 * match_languages.language_total) end)`;

	const provinceCodes = profile.placeCodes.filter((code) => regionOf(code) !== code);
	const regionCodes = [...new Set(profile.placeCodes.map(regionOf))];
	const placePart = sql`(case when ${o.provinceCode} = any(${textArray(provinceCodes)}) then ${sql.raw(String(w.place.province))}
		when ${o.regionCode} = any(${textArray(regionCodes)}) then ${sql.raw(String(w.place.region))} else 0 end)`;
	const availabilityPart = sql.raw(String(w.availability[profile.availability]));
	return { score: sql`(${occupationPart} + ${skillsPart} + ${languagesPart} + ${placePart} + ${availabilityPart})`, lateral };
}

// ---------- explanations in words ----------


export type ExplainedReason = MatchReason & { text: string };

/** Occupation titles for codes of any ISCO level, in a language. */
async function groupTitles(db: DbOrTx, codes: string[], language: Language): Promise<Map<string, string>> {
	const wanted = [...new Set(codes)];
	if (wanted.length === 0) return new Map();
	const rows = await db.select().from(occupation).where(inArray(occupation.code, wanted));
	return new Map(rows.map((row) => [row.code, occupationTitle(row, language).title]));
}

function reasonText(reason: MatchReason, language: Language, titles: Map<string, string>): string {
	const t = (key: string, values: Record<string, string | number> = {}) => translate(language, `matching.reason_${key}`, values);
	if (isCommonReason(reason)) return commonReasonText(language, reason, { occupation: (code) => titles.get(code) });
	switch (reason.code) {
		case 'place_province':
		case 'place_region':
			return t(reason.code, { place: placeName(reason.values.place, language) });
		case 'availability':
			return t(reason.code, { availability: translate(language, `seekers.availability_${reason.values.availability}`) });
		default:
			return t(reason.code);
	}
}

/** Adds the text of each reason (occupation groups named from the database). */
async function explainAll<T extends { reasons: MatchReason[] }>(
	db: DbOrTx,
	items: T[],
	language: Language,
	/** other codes to name in the same query (the occupations profiles seek) */
	alsoNamed: string[] = []
): Promise<{ items: (Omit<T, 'reasons'> & { reasons: ExplainedReason[] })[]; titles: Map<string, string> }> {
	const titles = await groupTitles(db, [...occupationGroupsOf(items), ...alsoNamed], language);
	return { items: items.map((item) => ({ ...item, reasons: item.reasons.map((reason) => ({ ...reason, text: reasonText(reason, language, titles) }) as ExplainedReason) })), titles };
}

// ---------- candidates of an offer ----------

export interface Paging {
	page: number;
	pageSize: number;
}

/**
 * A stable pseudonym of a person for one offer: what employers see instead of a name, and what a
 * counsellor sees beside it, so both can speak of the same candidate. Another offer gives another one
 * (a person cannot be followed from offer to offer).
 */
export function candidateReference(offerId: string, userId: string): string {
	const hex = createHash('sha256').update(`${offerId}:${userId}`).digest('hex').slice(0, 8).toUpperCase();
	return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}

/** Who looks, and the consents that let them: counsellors (counsellors or employers), the offer's employer (employers). */
async function viewerOf(db: DbOrTx, actor: Actor | null | undefined, offer: { organisationId: string; status: string }): Promise<{ viewer: 'counsellor' | 'employer'; scopes: ConsentScope[] }> {
	if (!actor || !can(actor, 'matching.candidates.read')) throw new AppError('forbidden');
	if (can(actor, 'seekers.profile.read')) {
		// a draft is its employer's alone
		if (offer.status === 'draft') throw new AppError('not_found');
		return { viewer: 'counsellor', scopes: ['counsellors', 'employers'] };
	}
	const organisationId = offer.organisationId;
	const organisations = await employerOrganisationsOf(db, actor);
	// another employer's offer does not exist for them (as elsewhere in the jobs module)
	if (!organisations.some((row) => row.id === organisationId)) throw new AppError('not_found');
	return { viewer: 'employer', scopes: ['employers'] };
}

/** An offer with its skills as comparison keys; not_found for an unknown id. */
export async function offerWithSkillKeys(db: DbOrTx, id: string) {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await db
		.select({ offer: jobOffer, skillKeys: sql<string[]>`matching_skill_keys(${jobOffer.skills})` })
		.from(jobOffer)
		.where(eq(jobOffer.id, id));
	if (!row) throw new AppError('not_found');
	return row;
}

/** The most a profile can score outside the occupation for this offer (the bound that lets lower tiers be skipped). */
function bestOutsideOccupation(offer: OfferFacts): number {
	const w = matchWeights;
	return (offer.skillKeys.length ? w.skills : 0) + w.languages + (offer.provinceCode ? w.place.province : w.place.region) + w.availability.immediately;
}

/**
 * The candidate pool of an offer, by occupation tier: same unit group, then minor group, then sub-major
 * group, then (another field) a skill in common. Each tier is read through a GIN index, and a tier's best
 * possible score is known, so the ranking can stop before the lower tiers.
 */
export function candidateTiers(offer: OfferFacts) {
	const p = seekerProfile;
	const w = matchWeights;
	const [unit, minor, subMajor] = [offer.occupationCode, offer.occupationCode.slice(0, 3), offer.occupationCode.slice(0, 2)];
	const has = (group: string) => sql`${p.matchOccupationGroups} @> ${textArray([group])}`;
	const outside = bestOutsideOccupation(offer);
	const keys = [...new Set(offer.skillKeys)];
	const tiers = [
		{ condition: has(unit), best: w.occupation.unit + outside },
		{ condition: sql`${has(minor)} and not ${has(unit)}`, best: w.occupation.minor + outside },
		{ condition: sql`${has(subMajor)} and not ${has(minor)}`, best: w.occupation.subMajor + outside }
	];
	if (keys.length) tiers.push({ condition: sql`${p.matchSkillKeys} && ${textArray(keys)} and not ${has(subMajor)}`, best: outside });
	const pool = keys.length ? sql`(${has(subMajor)} or ${p.matchSkillKeys} && ${textArray(keys)})` : has(subMajor);
	return { tiers, pool };
}

/**
 * One tier's best `limit` candidates (score, then person id). Exported for the benchmark's EXPLAIN ANALYZE.
 */
export function candidateTierQuery(db: DbOrTx, offer: OfferFacts, filters: SQL[], condition: SQL, limit: number) {
	const p = seekerProfile;
	return db
		.select({ userId: p.userId, score: sql<number>`${profileScoreSql(offer)}`.mapWith(Number) })
		.from(p)
		.where(and(...filters, condition))
		// byte order, as the merge of the tiers in JavaScript compares ids (and the same on every database)
		.orderBy(desc(sql`2`), asc(sql`${p.userId} collate "C"`))
		.limit(limit);
}

/**
 * One page of an offer's ranked candidates and how many there are: profiles whose consent covers the
 * viewer (Moroccans only for an offer closed to foreigners) that seek an occupation of the offer's ISCO
 * sub-major group or share a skill with it, scored by `profileScoreSql`. Tiers are read best first and
 * the reading stops as soon as the page's last score beats everything a lower tier could reach
 * (strictly: equal scores are ordered by person id), so a page rarely scores more than the first tier.
 */
export async function rankCandidateIds(db: DbOrTx, offer: OfferFacts & { id?: string }, options: { openToForeigners: boolean; scopes: ConsentScope[] }, paging: Paging) {
	const p = seekerProfile;
	const filters: SQL[] = [inArray(p.consentScope, options.scopes)];
	if (!options.openToForeigners) filters.push(inArray(p.residenceStatus, [...moroccanStatuses]));
	const { tiers, pool } = candidateTiers(offer);
	const wanted = paging.page * paging.pageSize;
	const countKey = JSON.stringify(['pool', offer.id ?? null, offer.occupationCode, offer.skillKeys, offer.regionCode, offer.provinceCode, options]);
	const rows = await db.transaction(async (tx) => {
		// A tier is a few thousand profiles in memory: reading them through the GIN index beats scanning
		// every profile, which the default cost of a random page read (made for spinning disks) hides.
		await tx.execute(sql`set local random_page_cost = 1.1`);
		let best: { userId: string; score: number }[] = [];
		for (const tier of tiers) {
			if (best.length >= wanted && best[wanted - 1].score > tier.best) break;
			const found = await candidateTierQuery(tx, offer, filters, tier.condition, wanted);
			best = [...best, ...found].sort(byScore((a, b) => byCodePoint(a.userId, b.userId))).slice(0, wanted);
		}
		return best;
	});
	// exact for the data the ranking read: the count is kept under the same matching revision
	const total = await matchingCache(db).read(countKey, async () => {
		const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(p).where(and(...filters, pool));
		return count;
	});
	return { rows: rows.slice((paging.page - 1) * paging.pageSize), total };
}

/**
 * The candidates of an offer, best first (ties: by the person's id, so the order is stable), with why
 * each ranks where it does. Only profiles whose consent covers the viewer; for an offer not open to
 * foreigners, only Moroccans. Employers get a pseudonymous card (no name, contact, nationality,
 * residence status, free text or CV: those come only with an application); counsellors also get the
 * person's name and contact. Each listing that shows someone is written to the audit trail.
 *
 * The page is kept per matching revision (matching-cache.ts) under the offer, the viewer kind, the
 * language and the page: access is checked on every request before it is read, and the audit event is
 * written on every request, cached or not.
 */
export async function rankCandidates(ctx: RequestContext, offerId: string, paging: Paging) {
	const actor = ctx.require('matching.candidates.read');
	const { db, language } = ctx;
	if (!UUID.test(offerId)) throw new AppError('not_found');
	// one counter read for the offer and its page: both of the same data revision
	const cache = await matchingCache(db).snapshot();
	const { offer, skillKeys } = await cache.read(JSON.stringify(['offer', offerId]), () => offerWithSkillKeys(db, offerId));
	const { viewer, scopes } = await viewerOf(db, actor, offer);
	// (had the data changed since the counter was read, the snapshot ranks afresh and keeps nothing)
	const key = JSON.stringify(['candidates', offer.id, viewer, language, paging.page, paging.pageSize]);
	const { total, items, shown } = await cache.read(key, () => candidatePage(db, { ...offer, skillKeys }, viewer, scopes, language, paging));
	await recordPersonalDataRead(db, ctx.audit, { resourceType: 'seeker_profile', ids: shown, view: `job_offer_candidates:${offer.id}` });
	return {
		viewer,
		offer: {
			id: offer.id,
			title: offer.title,
			status: effectiveStatus(offer, ctx.now()),
			occupationCode: offer.occupationCode,
			openToForeigners: offer.openToForeigners
		},
		total,
		page: paging.page,
		pageSize: paging.pageSize,
		items
	};
}

/** One page of an offer's candidates as one kind of viewer sees them (nothing of the viewer's own in it), and who is shown. */
async function candidatePage(
	db: DbOrTx,
	offer: typeof jobOffer.$inferSelect & { skillKeys: string[] },
	viewer: 'counsellor' | 'employer',
	scopes: ConsentScope[],
	language: Language,
	paging: Paging
) {
	const facts: OfferFacts & { id: string } = {
		id: offer.id,
		occupationCode: offer.occupationCode,
		skills: offer.skills,
		skillKeys: offer.skillKeys,
		languages: offer.languages,
		regionCode: offer.regionCode,
		provinceCode: offer.provinceCode
	};
	const { rows: ranked, total } = await rankCandidateIds(db, facts, { openToForeigners: offer.openToForeigners, scopes }, paging);

	const p = seekerProfile;
	const ids = ranked.map((row) => row.userId);
	const [profiles, applications] = ids.length
		? await Promise.all([
				db
					.select({ profile: p, name: user.name, email: user.email })
					.from(p)
					.innerJoin(user, eq(user.id, p.userId))
					.where(inArray(p.userId, ids)),
				db
					.select({ id: jobApplication.id, userId: jobApplication.userId })
					.from(jobApplication)
					.where(and(eq(jobApplication.offerId, offer.id), inArray(jobApplication.userId, ids), sql`${jobApplication.status} <> 'withdrawn'`))
			])
		: [[], []];
	const byId = new Map(profiles.map((row) => [row.profile.userId, row]));
	const applied = new Map(applications.map((row) => [row.userId!, row.id]));

	const shown: string[] = [];
	const items = ranked.flatMap((row, index) => {
		const found = byId.get(row.userId);
		if (!found) return []; // deleted meanwhile
		const { profile } = found;
		shown.push(profile.userId);
		const explained = explainMatch(facts, {
			occupationCodes: profile.occupationCodes,
			skillKeys: profile.matchSkillKeys,
			languages: profile.languages,
			placeCodes: profile.placeCodes,
			availability: profile.availability
		});
		return [
			{
				rank: (paging.page - 1) * paging.pageSize + index + 1,
				reference: candidateReference(offer.id, profile.userId),
				score: row.score,
				reasons: explained.reasons,
				profile: {
					occupations: profile.occupationCodes.map((code) => ({ code, title: code })),
					skills: profile.skills,
					languages: profile.languages,
					places: profile.placeCodes.map((code) => ({ code, name: placeName(code, language) })),
					availability: profile.availability,
					availableFrom: profile.availableFrom,
					experienceYears: profile.experienceYears,
					education: profile.education
				},
				application: applied.has(profile.userId) ? { id: viewer === 'employer' ? applied.get(profile.userId)! : null } : null,
				person:
					viewer === 'counsellor'
						? { id: profile.userId, name: found.name, email: found.email, phone: profile.phone, city: profile.city, isSample: profile.isSample }
						: null
			}
		];
	});
	const explained = await explainAll(db, items, language, profiles.flatMap((row) => row.profile.occupationCodes));
	const named = explained.items.map((item) => ({
		...item,
		profile: { ...item.profile, occupations: item.profile.occupations.map(({ code }) => ({ code, title: explained.titles.get(code) ?? code })) }
	}));
	return { total, items: named, shown };
}

// ---------- offers recommended to a seeker ----------

/**
 * The published, open offers best matching the caller's profile (ties: newest first, then by id),
 * each with why. Without a profile: `profile: false` and no offers. A person who is not Moroccan is not
 * shown offers closed to foreigners. Only the person's own data is read: nothing to audit.
 */
export async function recommendOffers(ctx: RequestContext, options: { limit: number }) {
	const actor = ctx.require('seekers.profile.manage_own');
	const { db, language } = ctx;
	const now = ctx.now();
	const [profile] = await db.select().from(seekerProfile).where(eq(seekerProfile.userId, actor.userId));
	if (!profile) return { profile: false as const, items: [] };
	const facts: ProfileFacts = {
		occupationCodes: profile.occupationCodes,
		skillKeys: profile.matchSkillKeys,
		languages: profile.languages,
		placeCodes: profile.placeCodes,
		availability: profile.availability
	};
	const o = jobOffer;
	const subMajors = [...new Set(profile.occupationCodes.map((code) => code.slice(0, 2)))];
	const related: SQL[] = subMajors.map((group) => sql`${o.occupationCode} like ${`${group}%`}`);
	if (profile.matchSkillKeys.length) related.push(sql`matching_skill_keys(${o.skills}) && ${textArray(profile.matchSkillKeys)}`);
	if (related.length === 0) return { profile: true as const, items: [] };
	const conditions: SQL[] = [eq(o.status, 'published'), sql`${o.closingDate} >= ${platformDay(now)}`, sql`(${sql.join(related, sql` or `)})`];
	if (!(moroccanStatuses as readonly string[]).includes(profile.residenceStatus)) conditions.push(eq(o.openToForeigners, true));
	const { score, lateral } = offerScoreSql(facts);
	const ranked = (await db.execute(sql`
		select ${o.id} as id, ${score} as score
		from ${o} ${lateral}
		where ${and(...conditions)}
		order by 2 desc, ${o.publishedAt} desc nulls last, ${o.id} asc
		limit ${options.limit}`)) as unknown as { rows: { id: string; score: number | string }[] };
	const ids = ranked.rows.map((row) => row.id);
	if (ids.length === 0) return { profile: true as const, items: [] };
	const rows = await db
		.select({
			offer: o,
			skillKeys: sql<string[]>`matching_skill_keys(${o.skills})`,
			occupation: { titleEn: occupation.titleEn, titleFr: occupation.titleFr, titleAr: occupation.titleAr, arUnofficial: occupation.arUnofficial },
			employerName: organisation.name,
			employerIsSample: sql<boolean>`coalesce(${jobEmployer.isSample}, false)`
		})
		.from(o)
		.innerJoin(occupation, eq(occupation.code, o.occupationCode))
		.innerJoin(organisation, eq(organisation.id, o.organisationId))
		.leftJoin(jobEmployer, eq(jobEmployer.organisationId, o.organisationId))
		.where(inArray(o.id, ids));
	const byId = new Map(rows.map((row) => [row.offer.id, row]));
	const items = ranked.rows.flatMap((row) => {
		const found = byId.get(row.id);
		if (!found) return [];
		const explained = explainMatch(
			{
				occupationCode: found.offer.occupationCode,
				skills: found.offer.skills,
				skillKeys: found.skillKeys,
				languages: found.offer.languages as RequiredLanguage[],
				regionCode: found.offer.regionCode,
				provinceCode: found.offer.provinceCode
			},
			facts
		);
		return [{ offer: offerSummary(found, language), score: Number(row.score), reasons: explained.reasons }];
	});
	return { profile: true as const, items: (await explainAll(db, items, language)).items };
}
