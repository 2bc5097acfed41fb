// Likely duplicates of an initiative being created or imported: published initiatives whose title is
// similar in any language (trigram similarity on the shared search normalisation: accents, case,
// Arabic hamza/alef forms, ta marbuta and diacritics ignored) and whose dates overlap or which share a
// funder — or whose title is very similar on its own. Computed on the fly (nothing stored): the
// answer follows every later edit of either initiative.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { initiative, initiativeOrganisation, type Translated } from '../atlas.table.ts';
import type { InitiativeData } from '../atlas.schemas.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { initiativeProposals } from '../moderation/initiative-proposals.ts';
import { firstDay, isMonth, lastDay } from '../partial-dates.ts';

export type DuplicateReason = 'similar_title' | 'overlapping_dates' | 'same_funder' | 'same_dates' | 'same_implementer';

/** The roles of the organisations that carry an initiative out (compared across title languages). */
export const implementingRoles = ['implementer', 'accountable', 'extending'] as const;

export interface LikelyDuplicate {
	id: string;
	slug: string;
	title: string;
	reasons: DuplicateReason[];
}

export interface DuplicateCandidate {
	title: string;
	/** `YYYY-MM-DD` or a year `YYYY` (its first day); anything else is ignored */
	startDate?: string | null;
	/** `YYYY-MM-DD` or a year `YYYY` (its last day); none: still running */
	endDate?: string | null;
	/** the candidate's funders: organisation ids (slugs are accepted too) */
	funderIds?: string[];
	/** the organisations that carry it out (implementing, accountable, extending): ids or slugs */
	implementerIds?: string[];
	/** the initiative itself, when the candidate is a new version of it */
	excludeInitiativeId?: string;
}

/**
 * Thresholds on pg_trgm `similarity` (shared trigrams / all trigrams of both titles, 0–1), chosen from
 * realistic pairs (duplicates.test.ts):
 * - the same title re-typed (accents, apostrophes, dashes, hamza forms, plural) scores 0.9–1;
 *   the same project described again ("Projet PRIMO : régionalisation de la politique migratoire
 *   (Oriental)" / "PRIMO — Régionalisation de la politique migratoire dans l’Oriental") 0.85–0.95;
 * - sister projects built on the same phrase for another region or another action ("… de la diaspora
 *   — Oriental" / "… — Souss-Massa") 0.6–0.75: similar, but only likely duplicates with the same
 *   funder or at the same time;
 * - titles that merely share words ("Intégration des migrants" / "Protection des migrants",
 *   "Maisons de l’emploi" / "Maisons de la diaspora") 0.5–0.56, unrelated ones below 0.35: not similar.
 */
export const SIMILAR_TITLE = 0.6;
export const VERY_SIMILAR_TITLE = 0.8;
/** enough for a moderator to look at; the closest first */
const MAX_RESULTS = 10;
/**
 * How many nearest titles per language and candidate title are scored: far more than the similar ones a
 * real Atlas holds for one title (only generated, templated titles come in the hundreds).
 */
const NEAREST = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const languages = ['fr', 'ar', 'en'] as const;

function day(value: string | null | undefined, end: boolean): string | null {
	const text = value?.trim() ?? '';
	if (/^\d{4}$/.test(text)) return end ? `${text}-12-31` : `${text}-01-01`;
	// a month alone: its first day for a start, its last for an end (as the Atlas stores it)
	if (isMonth(text)) return end ? lastDay(text) : firstDay(text);
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	return match && !Number.isNaN(Date.parse(match[1])) ? match[1] : null;
}

function pickTitle(title: Translated): string {
	return title.fr ?? title.en ?? title.ar ?? '';
}

/**
 * Likely duplicates of a candidate among the published initiatives, closest first (at most 10).
 * Looks only at the nearest titles found through the trigram indexes of each language, so it stays fast
 * on a large Atlas.
 */
export async function findLikelyDuplicates(db: DbOrTx, candidate: DuplicateCandidate): Promise<LikelyDuplicate[]> {
	return likelyDuplicates(db, { ...candidate, titles: [candidate.title] });
}

/** The same for a candidate titled in several languages: each title is compared with every title. */
export async function likelyDuplicates(
	db: DbOrTx,
	candidate: Omit<DuplicateCandidate, 'title'> & { titles: string[] }
): Promise<LikelyDuplicate[]> {
	const titles = [...new Set(candidate.titles.map((title) => title.trim()).filter(Boolean))].slice(0, 3);
	if (!titles.length) return [];
	const normalised = titles.map((title) => sql`search_normalise(${title}::text)`);
	const columns = languages.map((language) => sql`search_normalise(${initiative.title}->>${sql.raw(`'${language}'`)})`);
	const exclude =
		candidate.excludeInitiativeId && UUID.test(candidate.excludeInitiativeId) ? sql`where ${initiative.id} <> ${candidate.excludeInitiativeId}` : sql``;
	// The nearest titles of each language to each candidate title, through that language's GiST index
	// (a bounded scan); only these few are scored.
	const nearest = sql.join(
		normalised.flatMap((title) => columns.map((column) => sql`(select ${initiative.id} as id from ${initiative} ${exclude} order by ${column} <-> ${title} limit ${NEAREST})`)),
		sql` union `
	);
	const score = sql`greatest(${sql.join(
		normalised.flatMap((title) => columns.map((column) => sql`coalesce(similarity(${column}, ${title}), 0)`)),
		sql`, `
	)})`;
	const start = day(candidate.startDate, false);
	const end = day(candidate.endDate, true);
	// Dates: actual, else planned, else the years; an initiative without an end is still running.
	const overlaps: SQL = start
		? sql`coalesce(${initiative.actualStart}, ${initiative.plannedStart}, make_date(${initiative.startYear}, 1, 1)) <= ${end ?? 'infinity'}::date
			and ${start}::date <= coalesce(${initiative.actualEnd}, ${initiative.plannedEnd}, make_date(${initiative.endYear}, 12, 31), 'infinity'::date)`
		: sql`false`;
	const keys = [...new Set((candidate.funderIds ?? []).map((key) => key.trim()).filter(Boolean))];
	const ids = keys.filter((key) => UUID.test(key));
	const slugs = keys.map((key) => key.toLowerCase());
	const sameFunder: SQL = keys.length
		? sql`exists (select 1 from ${initiativeOrganisation} io join ${organisation} o on o.id = io.organisation_id
			where io.initiative_id = ${initiative.id} and io.role = 'funder'
			and (o.slug in ${slugs}${ids.length ? sql` or o.id in ${ids}` : sql``}))`
		: sql`false`;

	const result = (await db.execute(sql`
		select id, slug, title, score, dates_overlap, same_funder from (
			select ${initiative.id} as id, ${initiative.slug} as slug, ${initiative.title} as title, ${score}::float8 as score,
				coalesce(${overlaps}, false) as dates_overlap, ${sameFunder} as same_funder
			from ${initiative}
			where ${initiative.id} in (${nearest})
		) found
		where score >= ${SIMILAR_TITLE}
		order by score desc, slug`)) as unknown as { rows: { id: string; slug: string; title: Translated | string; score: number; dates_overlap: boolean; same_funder: boolean }[] };
	const rows = result.rows;

	const found: LikelyDuplicate[] = [];
	// Titles in different languages share no trigrams (an English title of an initiative published in
	// French): the same dates and the same implementing organisation say it may be the same one.
	const sameDatesAndImplementer = await sameDatesSameImplementer(db, candidate, start, end);
	for (const row of rows) {
		const score = Number(row.score);
		const reasons: DuplicateReason[] = ['similar_title'];
		if (row.dates_overlap) reasons.push('overlapping_dates');
		if (row.same_funder) reasons.push('same_funder');
		if (score >= VERY_SIMILAR_TITLE || reasons.length > 1) {
			found.push({ id: row.id, slug: row.slug, title: pickTitle(typeof row.title === 'string' ? JSON.parse(row.title) : row.title), reasons });
		}
		if (found.length === MAX_RESULTS) break;
	}
	for (const row of sameDatesAndImplementer) {
		const already = found.find((entry) => entry.id === row.id);
		if (already) already.reasons.push('same_dates', 'same_implementer');
		else if (found.length < MAX_RESULTS) found.push({ ...row, reasons: ['same_dates', 'same_implementer'] });
	}
	return found;
}

/** Published initiatives with exactly the candidate's start and end (to the day given) and one of its implementers. */
async function sameDatesSameImplementer(
	db: DbOrTx,
	candidate: Pick<DuplicateCandidate, 'implementerIds' | 'excludeInitiativeId'>,
	start: string | null,
	end: string | null
): Promise<Omit<LikelyDuplicate, 'reasons'>[]> {
	const keys = [...new Set((candidate.implementerIds ?? []).map((key) => key.trim()).filter(Boolean))];
	if (!start || !end || !keys.length) return [];
	const ids = keys.filter((key) => UUID.test(key));
	const slugs = keys.map((key) => key.toLowerCase());
	const exclude = candidate.excludeInitiativeId && UUID.test(candidate.excludeInitiativeId) ? sql`and ${initiative.id} <> ${candidate.excludeInitiativeId}` : sql``;
	const rows = await db
		.select({ id: initiative.id, slug: initiative.slug, title: initiative.title })
		.from(initiative)
		.where(
			sql`coalesce(${initiative.actualStart}, ${initiative.plannedStart}, make_date(${initiative.startYear}, 1, 1)) = ${start}::date
				and coalesce(${initiative.actualEnd}, ${initiative.plannedEnd}, make_date(${initiative.endYear}, 12, 31)) = ${end}::date
				and exists (select 1 from ${initiativeOrganisation} io join ${organisation} o on o.id = io.organisation_id
					where io.initiative_id = ${initiative.id} and io.role in ${implementingRoles}
					and (o.slug in ${slugs}${ids.length ? sql` or o.id in ${ids}` : sql``})) ${exclude}`
		)
		.orderBy(initiative.slug)
		.limit(MAX_RESULTS);
	return rows.map((row) => ({ id: row.id, slug: row.slug, title: pickTitle(row.title) }));
}

/** The candidate described by a proposed initiative (organisations by id or slug). */
export function candidateOf(data: Pick<InitiativeData, 'title' | 'organisations'> & Partial<InitiativeData>, excludeInitiativeId?: string | null) {
	return {
		titles: languages.map((language) => data.title[language]).filter((title): title is string => Boolean(title)),
		startDate: data.actualStart ?? data.plannedStart ?? (data.startYear ? String(data.startYear) : null),
		endDate: data.actualEnd ?? data.plannedEnd ?? (data.endYear ? String(data.endYear) : null),
		funderIds: data.organisations.filter((entry) => entry.role === 'funder').map((entry) => entry.organisation),
		implementerIds: data.organisations.filter((entry) => (implementingRoles as readonly string[]).includes(entry.role)).map((entry) => entry.organisation),
		excludeInitiativeId: excludeInitiativeId ?? undefined
	};
}

/** Likely duplicates of a proposed (new or changed) initiative. */
export function likelyDuplicatesOfProposal(db: DbOrTx, data: InitiativeData, excludeInitiativeId?: string | null): Promise<LikelyDuplicate[]> {
	return likelyDuplicates(db, candidateOf(data, excludeInitiativeId));
}

/**
 * Likely duplicates of the listed proposals of new initiatives that still wait for a decision, by
 * proposal id (the moderators' queue); other proposals are left out.
 */
export async function likelyDuplicatesOfNewProposals(db: DbOrTx, proposalIds: string[]): Promise<Map<string, LikelyDuplicate[]>> {
	const found = new Map<string, LikelyDuplicate[]>();
	const ids = proposalIds.filter((id) => UUID.test(id));
	if (!ids.length) return found;
	const rows = await db
		.select({ id: moderationProposal.id, data: moderationProposal.data })
		.from(moderationProposal)
		.where(
			and(
				eq(moderationProposal.collection, initiativeProposals.key),
				inArray(moderationProposal.id, ids),
				isNull(moderationProposal.subjectId),
				inArray(moderationProposal.status, ['pending', 'changes_requested'])
			)
		);
	// Side by side on PostgreSQL's pool (PGlite runs them one after the other).
	const lists = await Promise.all(rows.map((row) => likelyDuplicatesOfProposal(db, row.data as InitiativeData)));
	rows.forEach((row, index) => {
		if (lists[index].length) found.set(row.id, lists[index]);
	});
	return found;
}
