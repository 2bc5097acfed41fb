import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, recordPersonalDataRead } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { AppError, type FieldProblem } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { searchNormalised } from '../../platform/db/search.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { takesCefrLevel } from '../../platform/i18n/spoken-languages.ts';
import { CardQuery, ConsentInput, TalentProfileInput } from './talents.schemas.ts';
import { skillSuggestion, talentConsentEvent, talentProfile, type TalentProfileRecord } from './talents.table.ts';
import type { CardField } from './talents.model.ts';
import { knownUnitGroups } from './occupations.ts';

const profileFields = [
	'hostCountry',
	'hostCity',
	'nationalities',
	'originRegion',
	'occupationCode',
	'skills',
	'sectors',
	'languages',
	'experienceYears',
	'education',
	'educationDetails',
	'generation',
	'contributions',
	'remoteHoursPerMonth',
	'missionWindows',
	'link'
] as const satisfies readonly (keyof TalentProfileRecord)[];

// ---------- the talent's own profile ----------

export async function getOwnProfile(ctx: RequestContext): Promise<TalentProfileRecord | null> {
	const talent = ctx.require('talents.profile.manage_own');
	const [row] = await ctx.db.select().from(talentProfile).where(eq(talentProfile.userId, talent.userId));
	return row ?? null;
}

/** The profile as the talent and the API see it. */
export function profileView(row: TalentProfileRecord) {
	return {
		...(Object.fromEntries(profileFields.map((field) => [field, row[field]])) as Pick<TalentProfileRecord, (typeof profileFields)[number]>),
		consent: { level: row.consentLevel, cardFields: row.cardFields, at: row.consentAt?.toISOString() ?? null },
		isSample: row.isSample,
		updatedAt: row.updatedAt.toISOString()
	};
}
export type TalentProfileView = ReturnType<typeof profileView>;

async function checkProfile(db: DbOrTx, raw: unknown): Promise<TalentProfileInput> {
	const input = parseOrThrow(TalentProfileInput, raw);
	const problems: FieldProblem[] = [];
	if (input.occupationCode && !(await knownUnitGroups(db, [input.occupationCode])).has(input.occupationCode)) problems.push({ path: 'occupationCode', messageKey: 'field_choice' });
	if (new Set(input.languages.map((entry) => entry.language)).size !== input.languages.length) problems.push({ path: 'languages', messageKey: 'field_invalid' });
	input.languages.forEach((entry, index) => {
		if (takesCefrLevel(entry.language) && !entry.level) problems.push({ path: `languages.${index}.level`, messageKey: 'field_required' });
	});
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	const unique = <T>(values: T[]) => [...new Set(values)];
	return {
		...input,
		languages: input.languages.map((entry) => (takesCefrLevel(entry.language) ? entry : { ...entry, level: null })),
		nationalities: unique(input.nationalities),
		skills: unique(input.skills),
		sectors: unique(input.sectors),
		contributions: unique(input.contributions),
		newSkills: unique(input.newSkills)
	};
}

/**
 * Creates or replaces the caller's profile. Skills not on the controlled list wait for a moderator. The
 * audit trail keeps which fields changed, never their content.
 */
export async function saveProfile(ctx: RequestContext, raw: unknown): Promise<TalentProfileRecord> {
	const talent = ctx.require('talents.profile.manage_own');
	const { newSkills, ...input } = await checkProfile(ctx.db, raw);
	return ctx.transaction(async (tx) => {
		const [before] = await tx.db.select().from(talentProfile).where(eq(talentProfile.userId, talent.userId)).for('update');
		const [after] = before
			? await tx.db.update(talentProfile).set({ ...input, updatedAt: tx.now() }).where(eq(talentProfile.userId, talent.userId)).returning()
			: await tx.db.insert(talentProfile).values({ ...input, userId: talent.userId }).returning();
		const known = new Set((await tx.db.select({ label: skillSuggestion.label }).from(skillSuggestion).where(eq(skillSuggestion.userId, talent.userId))).map((row) => row.label.toLowerCase()));
		const suggested = newSkills.filter((label) => !known.has(label.toLowerCase()));
		if (suggested.length) await tx.db.insert(skillSuggestion).values(suggested.map((label) => ({ userId: talent.userId, label })));
		const changed = profileFields.filter((field) => !before || JSON.stringify(before[field]) !== JSON.stringify(after[field]));
		await recordAudit(tx.db, tx.audit, {
			action: before ? 'talent_profile.update' : 'talent_profile.create',
			resourceType: 'talent_profile',
			resourceId: talent.userId,
			after: { fields: changed, suggestedSkills: suggested.length }
		});
		return after;
	});
}

/**
 * Gives, changes or withdraws (null) the talent's consent; each choice is kept with its date and in the
 * audit trail. Card fields are kept only with the public level: a narrower level shows no card.
 */
export async function setConsent(ctx: RequestContext, raw: unknown): Promise<TalentProfileRecord> {
	const talent = ctx.require('talents.profile.manage_own');
	const input = parseOrThrow(ConsentInput, raw);
	const cardFields = input.level === 'public' ? [...new Set(input.cardFields)] : [];
	return ctx.transaction(async (tx) => {
		const [before] = await tx.db.select().from(talentProfile).where(eq(talentProfile.userId, talent.userId)).for('update');
		if (!before) throw new AppError('conflict', { extra: { reason: 'profile_missing' } });
		if (before.consentLevel === input.level && JSON.stringify([...before.cardFields].sort()) === JSON.stringify([...cardFields].sort())) return before;
		const now = tx.now();
		const [after] = await tx.db
			.update(talentProfile)
			.set({ consentLevel: input.level, cardFields, consentAt: input.level ? now : null, updatedAt: now })
			.where(eq(talentProfile.userId, talent.userId))
			.returning();
		await tx.db.insert(talentConsentEvent).values({ userId: talent.userId, level: input.level, cardFields, at: now });
		await recordAudit(tx.db, tx.audit, {
			action: input.level ? 'talent_profile.consent' : 'talent_profile.consent_withdraw',
			resourceType: 'talent_profile',
			resourceId: talent.userId,
			before: { level: before.consentLevel, cardFields: before.cardFields },
			after: { level: input.level, cardFields }
		});
		return after;
	});
}

export async function consentHistory(db: DbOrTx, userId: string) {
	return db
		.select({ level: talentConsentEvent.level, cardFields: talentConsentEvent.cardFields, at: talentConsentEvent.at })
		.from(talentConsentEvent)
		.where(eq(talentConsentEvent.userId, userId))
		.orderBy(asc(talentConsentEvent.at), asc(talentConsentEvent.id));
}

// ---------- public cards ----------

/** A public card: only the fields the talent chose to show, nothing else (not even the fields' emptiness). */
export interface PublicCard {
	id: string;
	isSample: boolean;
	name?: string;
	hostCountry?: string;
	hostCity?: string | null;
	occupationCode?: string | null;
	skills?: string[];
	/** accepted free skills, in the talent's words */
	otherSkills?: string[];
	sectors?: string[];
	languages?: TalentProfileRecord['languages'];
	experienceYears?: number;
	contributions?: string[];
	generation?: string | null;
	originRegion?: string | null;
	link?: string | null;
	/** missions completed through the platform */
	completedMissions?: number;
}

type CardRow = { profile: TalentProfileRecord; name: string; otherSkills: string[] | null; completed?: number };

export function publicCard({ profile, name, otherSkills, completed }: CardRow): PublicCard {
	const shown = new Set<CardField>(profile.consentLevel === 'public' ? profile.cardFields : []);
	const card: PublicCard = { id: profile.userId, isSample: profile.isSample };
	if (shown.has('name')) card.name = name;
	if (shown.has('hostCountry')) card.hostCountry = profile.hostCountry;
	if (shown.has('hostCity')) card.hostCity = profile.hostCity;
	if (shown.has('occupation')) card.occupationCode = profile.occupationCode;
	if (shown.has('skills')) {
		card.skills = profile.skills;
		card.otherSkills = otherSkills ?? [];
	}
	if (shown.has('sectors')) card.sectors = profile.sectors;
	if (shown.has('languages')) card.languages = profile.languages;
	if (shown.has('experienceYears')) card.experienceYears = profile.experienceYears;
	if (shown.has('contributions')) card.contributions = profile.contributions;
	if (shown.has('generation')) card.generation = profile.generation;
	if (shown.has('originRegion')) card.originRegion = profile.originRegion;
	if (shown.has('link')) card.link = profile.link;
	if (shown.has('missions')) card.completedMissions = completed ?? 0;
	return card;
}

const shows = (field: CardField) => sql`${field} = any(${talentProfile.cardFields})`;
const acceptedSkills = sql<string[] | null>`(select array_agg(s.label order by s.label) from talents.skill_suggestion s where s.user_id = ${talentProfile.userId} and s.status = 'accepted')`;
/** missions completed through the platform (the talent selected, the mission completed), for cards that show them */
const completedMissions = sql<number>`(case when 'missions' = any(${talentProfile.cardFields}) then (select count(*)::int from talents.mission_candidate c join talents.mission m on m.id = c.mission_id where c.talent_user_id = ${talentProfile.userId} and c.selected and m.status = 'completed') else 0 end)`;
export const CARDS_PER_PAGE = 24;

/**
 * The public cards (public-card consent only). A filter only finds a talent on a field the card shows:
 * searching by country never reveals the country of someone who hides it.
 */
export async function listPublicCards(db: DbOrTx, raw: unknown) {
	const query = parseOrThrow(CardQuery, raw);
	const conditions: SQL[] = [eq(talentProfile.consentLevel, 'public')];
	if (query.country) conditions.push(and(shows('hostCountry'), eq(talentProfile.hostCountry, query.country))!);
	if (query.skill) conditions.push(and(shows('skills'), sql`${query.skill} = any(${talentProfile.skills})`)!);
	if (query.occupation) conditions.push(and(shows('occupation'), sql`${talentProfile.occupationCode} like ${`${query.occupation}%`}`)!);
	if (query.contribution) conditions.push(and(shows('contributions'), sql`${query.contribution} = any(${talentProfile.contributions})`)!);
	if (query.q) {
		const words = sql`${searchNormalised(query.q)}`;
		conditions.push(
			sql`((${shows('name')} and position(${words} in ${searchNormalised(user.name)}) > 0) or (${shows('hostCity')} and position(${words} in ${searchNormalised(sql`coalesce(${talentProfile.hostCity}, '')`)}) > 0))`
		);
	}
	const where = and(...conditions);
	const [total] = await db.select({ n: count() }).from(talentProfile).innerJoin(user, eq(user.id, talentProfile.userId)).where(where);
	const rows = await db
		.select({ profile: talentProfile, name: user.name, otherSkills: acceptedSkills, completed: completedMissions })
		.from(talentProfile)
		.innerJoin(user, eq(user.id, talentProfile.userId))
		.where(where)
		.orderBy(desc(talentProfile.updatedAt), asc(talentProfile.userId))
		.limit(CARDS_PER_PAGE)
		.offset((query.page - 1) * CARDS_PER_PAGE);
	return { total: total.n, page: query.page, pageSize: CARDS_PER_PAGE, items: rows.map(publicCard) };
}

// ---------- free skills (moderators) ----------

export async function pendingSkillSuggestions(ctx: RequestContext) {
	ctx.require('talents.moderate');
	return ctx.db
		.select({ id: skillSuggestion.id, label: skillSuggestion.label, createdAt: skillSuggestion.createdAt })
		.from(skillSuggestion)
		.where(eq(skillSuggestion.status, 'pending'))
		.orderBy(asc(skillSuggestion.createdAt));
}

/** A moderator accepts a free skill (it then shows on the talent's card with the listed skills) or rejects it. */
export async function reviewSkillSuggestion(ctx: RequestContext, id: string, accept: boolean) {
	ctx.require('talents.moderate');
	return ctx.transaction(async (tx) => {
		const [row] = await tx.db
			.update(skillSuggestion)
			.set({ status: accept ? 'accepted' : 'rejected', decidedAt: tx.now() })
			.where(and(eq(skillSuggestion.id, id), eq(skillSuggestion.status, 'pending')))
			.returning();
		if (!row) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: accept ? 'skill_suggestion.accept' : 'skill_suggestion.reject', resourceType: 'skill_suggestion', resourceId: id, after: { status: row.status } });
		return row;
	});
}

// ---------- the person's data (personal-data.ts) ----------

export async function exportTalentData(db: DbOrTx, actor: Actor) {
	const [profile] = await db.select().from(talentProfile).where(eq(talentProfile.userId, actor.userId));
	const history = await consentHistory(db, actor.userId);
	const suggestions = await db.select({ label: skillSuggestion.label, status: skillSuggestion.status, createdAt: skillSuggestion.createdAt }).from(skillSuggestion).where(eq(skillSuggestion.userId, actor.userId));
	return {
		talentProfile: profile ? profileView(profile) : null,
		talentConsentHistory: history.map((entry) => ({ level: entry.level, cardFields: entry.cardFields, at: entry.at.toISOString() })),
		talentSkillSuggestions: suggestions
	};
}

export async function eraseTalentProfile(tx: DbOrTx, userId: string) {
	await tx.delete(talentProfile).where(eq(talentProfile.userId, userId));
	await tx.delete(talentConsentEvent).where(eq(talentConsentEvent.userId, userId));
	await tx.delete(skillSuggestion).where(eq(skillSuggestion.userId, userId));
}

// ---------- the MDCMRE's view ----------

export const MdcmreQuery = CardQuery.pick({ country: true, skill: true, occupation: true, page: true });

/**
 * Profiles as the ministry (MDCMRE moderators) sees them: every talent who gave any consent (each level
 * includes the MDCMRE), whole but without contact details; each page shown is recorded as a read of
 * personal data, so a talent's consent is the only way in.
 */
export async function listProfilesForMdcmre(ctx: RequestContext, raw: unknown) {
	ctx.require('talents.moderate');
	const query = parseOrThrow(MdcmreQuery, raw);
	const conditions: SQL[] = [sql`${talentProfile.consentLevel} is not null`];
	if (query.country) conditions.push(eq(talentProfile.hostCountry, query.country));
	if (query.skill) conditions.push(sql`${query.skill} = any(${talentProfile.skills})`);
	if (query.occupation) conditions.push(sql`${talentProfile.occupationCode} like ${`${query.occupation}%`}`);
	const where = and(...conditions);
	const [total] = await ctx.db.select({ n: count() }).from(talentProfile).where(where);
	const rows = await ctx.db
		.select({ profile: talentProfile, name: user.name })
		.from(talentProfile)
		.innerJoin(user, eq(user.id, talentProfile.userId))
		.where(where)
		.orderBy(desc(talentProfile.updatedAt), asc(talentProfile.userId))
		.limit(CARDS_PER_PAGE)
		.offset((query.page - 1) * CARDS_PER_PAGE);
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'talent_profile', ids: rows.map((row) => row.profile.userId), view: 'mdcmre_profiles' });
	return { total: total.n, page: query.page, pageSize: CARDS_PER_PAGE, items: rows.map((row) => ({ name: row.name, ...profileView(row.profile), id: row.profile.userId })) };
}
