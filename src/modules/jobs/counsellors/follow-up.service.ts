// The follow-up of job seekers by their agency, as the counsellors see it: the list of the agency's
// seekers, and a person's file (their profile, read-only, beside the casework the platform keeps:
// notes, appointments, referrals — ADR 0010, caseload `jobs.agencies`).
import { and, asc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { searchWords } from '../../../platform/db/search-words.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordPersonalDataRead } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { caseAppointment, caseReferral } from '../../../platform/casework/casework.table.ts';
import { listEntryReferrals, listTeamReferrals, openCaseFile } from '../../../platform/casework/casework.service.ts';
import type { ReferralStatus } from '../../../platform/casework/casework.model.ts';
import { occupation } from '../job-offer.table.ts';
import { occupationTitle } from '../jobs.service.ts';
import { describeProfile, getProfileForCounsellor, readCvForCounsellor } from '../seekers/seekers.service.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { counsellorAgencies } from './agencies.service.ts';
import { agencyFollowUp } from './follow-up.caseload.ts';
import { placementFollowUp } from '../placement/mobility.caseload.ts';
import type { SeekerListQuery } from './counsellors.schemas.ts';
import { agency, seekerAgency } from './counsellors.table.ts';

function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const PAGE_SIZE = 50;

/**
 * The job seekers of the counsellor's agencies who consented to counsellors: search by name, e-mail
 * or occupation, filters. The names shown are a read of personal data: the audit trail records it.
 */
export async function listAgencySeekers(ctx: RequestContext, query: SeekerListQuery) {
	const agencies = await counsellorAgencies(ctx);
	const db = ctx.db;
	const now = ctx.now();
	const empty = { agencies, total: 0, page: query.page, pageSize: PAGE_SIZE, items: [] };
	if (agencies.length === 0) return empty;
	if (query.agency && !agencies.some((row) => row.id === query.agency)) {
		throw new AppError('invalid_input', { fields: [{ path: 'agency', messageKey: 'field_choice' }] });
	}
	const scope = query.agency ? [query.agency] : agencies.map((row) => row.id);
	const conditions: SQL[] = [inArray(seekerAgency.agencyId, scope), isNotNull(seekerProfile.consentScope)];
	for (const word of searchWords(query.q, 6)) {
		const pattern = likePattern(word);
		conditions.push(
			or(
				sql`search_normalise(${user.name} || ' ' || ${user.email}) like search_normalise(${pattern})`,
				sql`exists (select 1 from ${occupation} where ${occupation.code} = any(${seekerProfile.occupationCodes}) and search_normalise(coalesce(${occupation.titleFr}, '') || ' ' || ${occupation.titleEn} || ' ' || coalesce(${occupation.titleAr}, '')) like search_normalise(${pattern}))`
			)!
		);
	}
	if (query.occupation) {
		conditions.push(sql`exists (select 1 from unnest(${seekerProfile.occupationCodes}) as c(code) where c.code like ${`${query.occupation}%`})`);
	}
	if (query.residence) conditions.push(eq(seekerProfile.residenceStatus, query.residence));
	if (query.cv === 'yes') conditions.push(isNotNull(seekerProfile.cvFile));
	if (query.cv === 'no') conditions.push(isNull(seekerProfile.cvFile));
	const where = and(...conditions);
	const ofThisCase = (table: typeof caseReferral | typeof caseAppointment) =>
		sql`${table.caseload} = ${agencyFollowUp.key} and ${table.personUserId} = ${user.id} and ${table.teamId} = ${seekerAgency.agencyId}`;
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: user.id,
				name: user.name,
				agencyId: seekerAgency.agencyId,
				agencyName: agency.name,
				city: seekerProfile.city,
				occupationCodes: seekerProfile.occupationCodes,
				residenceStatus: seekerProfile.residenceStatus,
				hasCv: sql<boolean>`${seekerProfile.cvFile} is not null`,
				updatedAt: seekerProfile.updatedAt,
				openReferrals: sql<number>`(select count(*)::int from ${caseReferral} where ${ofThisCase(caseReferral)} and ${caseReferral.status} in ('sent', 'accepted'))`,
				nextAppointment: sql<string | null>`(select min(${caseAppointment.startsAt}) from ${caseAppointment} where ${ofThisCase(caseAppointment)} and ${caseAppointment.status} = 'planned' and ${caseAppointment.startsAt} >= ${now.toISOString()})`
			})
			.from(seekerAgency)
			.innerJoin(agency, eq(agency.id, seekerAgency.agencyId))
			.innerJoin(user, eq(user.id, seekerAgency.userId))
			.innerJoin(seekerProfile, eq(seekerProfile.userId, seekerAgency.userId))
			.where(where)
			.orderBy(asc(sql`lower(${user.name})`), asc(user.id))
			.limit(PAGE_SIZE)
			.offset((query.page - 1) * PAGE_SIZE),
		db
			.select({ total: sql<number>`count(*)::int` })
			.from(seekerAgency)
			.innerJoin(user, eq(user.id, seekerAgency.userId))
			.innerJoin(seekerProfile, eq(seekerProfile.userId, seekerAgency.userId))
			.where(where)
	]);
	await recordPersonalDataRead(db, ctx.audit, { resourceType: 'seeker_profile', ids: rows.map((row) => row.id), view: 'counsellor_seekers' });
	return {
		agencies,
		total,
		page: query.page,
		pageSize: PAGE_SIZE,
		items: rows.map((row) => ({
			id: row.id,
			name: row.name,
			agency: { id: row.agencyId, name: row.agencyName },
			city: row.city,
			occupationCodes: row.occupationCodes,
			residenceStatus: row.residenceStatus,
			hasCv: Boolean(row.hasCv),
			openReferrals: Number(row.openReferrals),
			nextAppointment: row.nextAppointment ? new Date(row.nextAppointment).toISOString() : null,
			updatedAt: row.updatedAt.toISOString()
		}))
	};
}

/**
 * A counsellor opens a person's follow-up file: the casework of the agency (notes, appointments,
 * referrals) and the profile, read-only (the seekers' service writes that read in the audit trail).
 */
export async function openFollowUp(ctx: RequestContext, seekerId: string) {
	const file = await openCaseFile(ctx, agencyFollowUp, seekerId);
	const profile = await getProfileForCounsellor(ctx, seekerId);
	return { ...file, profile: await describeProfile(ctx.db, profile, ctx.language) };
}

/** The person's CV for their counsellor; the read is audited. */
export async function readFollowedSeekerCv(ctx: RequestContext, seekerId: string) {
	ctx.require('counsellors.follow_up');
	await agencyFollowUp.followed(ctx, seekerId);
	return readCvForCounsellor(ctx, seekerId);
}

/**
 * Any referral the actor may see, for the API, newest first, each saying who referred: an agency's counsellor
 * (`agency`) or a mobility counsellor of the international placement division (`mobility`, caseload
 * `jobs.placement`). Each side the actor holds adds its own: counsellors their agencies' referrals; holders of
 * the mobility caseload's grant (`jobs:placement_counsellor`, `jobs:placement_division`, with or without the
 * counsellor role) those of the qualified candidates they follow; partners the referrals to their programmes
 * from both, as the programmes' referrals page lists them. Who reaches the endpoint at all is the route's
 * action (`counsellors.programme_referral.list`, which those grants include).
 */
export async function listReferralsFor(ctx: RequestContext, filter: { status?: ReferralStatus } = {}) {
	const programmes = ctx.can('counsellors.referral.respond');
	const [agencyTeams, mobilityTeam, agencyEntries, mobilityEntries] = await Promise.all([
		ctx.can('counsellors.follow_up') ? listTeamReferrals(ctx, agencyFollowUp, filter) : [],
		ctx.can('placement.caseload.work') ? listTeamReferrals(ctx, placementFollowUp, filter) : [],
		programmes ? listEntryReferrals(ctx, agencyFollowUp, filter) : [],
		programmes ? listEntryReferrals(ctx, placementFollowUp, filter) : []
	]);
	const seen = new Set<string>();
	const once = <T extends { id: string }>(item: T) => !seen.has(item.id) && Boolean(seen.add(item.id));
	return [
		...[...agencyTeams, ...agencyEntries].filter(once).map((item) => ({ ...item, source: 'agency' as const })),
		...[...mobilityTeam, ...mobilityEntries].filter(once).map((item) => ({ ...item, source: 'mobility' as const }))
	].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/** Occupation titles (ISCO-08 codes → title in the language), for lists. */
export async function occupationTitles(ctx: RequestContext, codes: readonly string[]): Promise<Record<string, string>> {
	const unique = [...new Set(codes)];
	if (unique.length === 0) return {};
	const rows = await ctx.db.select().from(occupation).where(inArray(occupation.code, unique));
	return Object.fromEntries(rows.map((row) => [row.code, occupationTitle(row, ctx.language).title]));
}
