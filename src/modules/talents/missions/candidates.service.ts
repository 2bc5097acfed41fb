// Talents and missions meet: talents see the missions that fit them and express interest; the owning
// organisation sees an explained ranking of the talents whose consent allows it, only the fields that consent
// shows, shortlists, contacts them through the platform (no e-mail address shown before the talent accepts),
// selects; both sides give feedback once the mission is completed. Every view of a talent's profile by an
// organisation is a read of personal data in the audit trail, and the talent sees it ("who looked at my profile").
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, recordPersonalDataRead } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';
import { defaultLanguage, isLanguage } from '../../../platform/i18n/languages.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { talentProfile, type TalentProfileRecord } from '../talents.table.ts';
import { institutionLevels, type CardField } from '../talents.model.ts';
import { explainMissionMatch, mayScoreAtLeast, missionScoreSql, rankingFloors, type MissionFacts, type MissionMatch } from './matching.ts';
import { changeStatus, completedMissions, missionSummary, ownedMission } from './missions.service.ts';
import { FeedbackInput, InterestInput, MessageInput } from './missions.schemas.ts';
import { mission, missionCandidate, missionFeedback, missionMessage, talentProfileView, type MissionRow } from './missions.table.ts';

type Candidate = typeof missionCandidate.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const mayBeRanked = inArray(talentProfile.consentLevel, [...institutionLevels]);

const factsOf = (row: MissionRow): MissionFacts => ({
	skills: row.skills,
	occupationCode: row.occupationCode,
	sector: row.sector,
	languages: row.languages,
	mode: row.mode,
	remoteHoursPerMonth: row.remoteHoursPerMonth,
	region: row.region
});

const match = (row: MissionRow, profile: TalentProfileRecord): MissionMatch => explainMissionMatch(factsOf(row), profile);

async function findMission(db: DbOrTx, slug: string, options: { lock?: boolean } = {}): Promise<MissionRow> {
	const query = db.select().from(mission).where(UUID.test(slug) ? eq(mission.id, slug) : eq(mission.slug, slug.toLowerCase()));
	const [row] = options.lock ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found');
	return row;
}

async function candidateOf(db: DbOrTx, missionId: string, userId: string): Promise<Candidate | null> {
	const [row] = await db.select().from(missionCandidate).where(and(eq(missionCandidate.missionId, missionId), eq(missionCandidate.talentUserId, userId)));
	return row ?? null;
}

/** Inserts or updates a talent's row in a mission (inside the caller's transaction). */
async function upsertCandidate(ctx: RequestContext, missionId: string, userId: string, values: Partial<Candidate>) {
	const now = ctx.now();
	const [row] = await ctx.db
		.insert(missionCandidate)
		.values({ missionId, talentUserId: userId, ...values, createdAt: now, updatedAt: now })
		.onConflictDoUpdate({ target: [missionCandidate.missionId, missionCandidate.talentUserId], set: { ...values, updatedAt: now } })
		.returning();
	return row;
}

// ── What an organisation may see of a talent ────────────────────────────────

/** A stable pseudonym of a talent within one mission (not the same in another mission), while the name is not shown. */
export const pseudonymOf = (missionId: string, userId: string) => `T-${createHash('sha256').update(`${missionId}:${userId}`).digest('hex').slice(0, 6).toUpperCase()}`;

/**
 * A talent as the organisation of a mission sees them: the professional profile (what the consent to
 * institutions covers); the name, city and professional page only where the public card shows them or once
 * the talent accepted the contact; the e-mail address only once the talent accepted the contact.
 */
export function institutionView(missionId: string, profile: TalentProfileRecord, person: { name: string; email: string }, candidate: Candidate | null, extra: { otherSkills: string[]; completed: number }) {
	const accepted = candidate?.contact === 'accepted';
	const card = new Set<CardField>(profile.consentLevel === 'public' ? profile.cardFields : []);
	const shows = (field: CardField) => accepted || card.has(field);
	return {
		id: profile.userId,
		pseudonym: pseudonymOf(missionId, profile.userId),
		name: shows('name') ? person.name : null,
		email: accepted ? person.email : null,
		hostCountry: profile.hostCountry,
		hostCity: shows('hostCity') ? profile.hostCity : null,
		link: shows('link') ? profile.link : null,
		originRegion: profile.originRegion,
		occupationCode: profile.occupationCode,
		skills: profile.skills,
		otherSkills: extra.otherSkills,
		sectors: profile.sectors,
		languages: profile.languages,
		experienceYears: profile.experienceYears,
		education: profile.education,
		generation: profile.generation,
		contributions: profile.contributions,
		remoteHoursPerMonth: profile.remoteHoursPerMonth,
		missionWindows: profile.missionWindows,
		completedMissions: extra.completed,
		isSample: profile.isSample,
		standing: candidateView(candidate)
	};
}
export type InstitutionTalentView = ReturnType<typeof institutionView>;

function candidateView(row: Candidate | null) {
	return {
		interested: row?.interested ?? false,
		interestNote: row?.interested ? row.interestNote : null,
		interestAt: row?.interested ? (row.interestAt?.toISOString() ?? null) : null,
		shortlisted: row?.shortlisted ?? false,
		contact: row?.contact ?? null,
		selected: row?.selected ?? false
	};
}

/** The talents an organisation may see for this mission: consent to institutions (or a public card), or interest in this very mission. */
const visibleFor = (missionId: string): SQL =>
	or(mayBeRanked, sql`exists (select 1 from talents.mission_candidate c where c.mission_id = ${missionId} and c.talent_user_id = ${talentProfile.userId} and c.interested)`)!;

/** How many talents the organisation may see for this mission: the consent levels (the consent index counts them), and those who came forward from other levels. */
async function visibleCount(db: DbOrTx, missionId: string): Promise<number> {
	const [{ consented }] = await db.select({ consented: sql<number>`count(*)::int` }).from(talentProfile).where(mayBeRanked);
	const [{ forward }] = await db
		.select({ forward: sql<number>`count(*)::int` })
		.from(missionCandidate)
		.innerJoin(talentProfile, eq(talentProfile.userId, missionCandidate.talentUserId))
		.where(and(eq(missionCandidate.missionId, missionId), eq(missionCandidate.interested, true), sql`not coalesce(${mayBeRanked}, false)`));
	return consented + forward;
}

const acceptedSkills = sql<string[] | null>`(select array_agg(s.label order by s.label) from talents.skill_suggestion s where s.user_id = ${talentProfile.userId} and s.status = 'accepted')`;
const completedCount = sql<number>`(select count(*)::int from talents.mission_candidate c join talents.mission m on m.id = c.mission_id where c.talent_user_id = ${talentProfile.userId} and c.selected and m.status = 'completed')`;

/**
 * Records that the organisation looked at these talents for this mission: one read of personal data in the
 * audit trail (who, which people, where), and the talents' own counter of views (what they are shown).
 */
async function recordViews(ctx: RequestContext, row: MissionRow, ids: string[], kind: 'ranking' | 'details') {
	if (!ids.length) return;
	const now = ctx.now();
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'talent_profile', ids, view: `mission_${kind}:${row.id}` });
	await ctx.db
		.insert(talentProfileView)
		.values(ids.map((talentUserId) => ({ talentUserId, missionId: row.id, kind, views: 1, firstAt: now, lastAt: now })))
		.onConflictDoUpdate({ target: [talentProfileView.talentUserId, talentProfileView.missionId, talentProfileView.kind], set: { views: sql`${talentProfileView.views} + 1`, lastAt: now } });
}

async function viewsOf(ctx: RequestContext, row: MissionRow, profiles: { profile: TalentProfileRecord; name: string; email: string; otherSkills: string[] | null; completed: number }[]) {
	const candidates = profiles.length
		? await ctx.db.select().from(missionCandidate).where(and(eq(missionCandidate.missionId, row.id), inArray(missionCandidate.talentUserId, profiles.map((entry) => entry.profile.userId))))
		: [];
	const byUser = new Map(candidates.map((entry) => [entry.talentUserId, entry]));
	return profiles.map((entry) => ({
		...institutionView(row.id, entry.profile, entry, byUser.get(entry.profile.userId) ?? null, { otherSkills: entry.otherSkills ?? [], completed: entry.completed }),
		match: match(row, entry.profile)
	}));
}

const profileColumns = { profile: talentProfile, name: user.name, email: user.email, otherSkills: acceptedSkills, completed: completedCount };
export const RANKING_PAGE = 20;

/**
 * The explained ranking of a mission, for its organisation: every talent whose consent reaches institutions
 * (never the MDCMRE-only level) or who expressed interest, by score (computed in the database), each with the
 * reasons that add up to it and only the fields the consent shows. The page shown is recorded as viewed.
 *
 * Scoring every profile for every page does not hold at 100,000 profiles, so only the profiles that may reach the
 * page are scored, with the same result. Among the profiles that may score 80 or more (`mayScoreAtLeast`, which the
 * indexes answer), then 70, 60, 50, the first group holding a full page gives it: when the page's last place scores
 * the group's floor or more, nobody outside the group can be on it; else that last score is one the page reaches
 * at least, and the page is sorted again from the profiles that may reach it. A deep page, or a mission few
 * profiles fit, scores every profile.
 */
export async function rankTalents(ctx: RequestContext, slug: string, page = 1) {
	const row = await ownedMission(ctx, slug);
	const facts = factsOf(row);
	const score = missionScoreSql(facts);
	const where = visibleFor(row.id);
	const offset = (Math.max(1, page) - 1) * RANKING_PAGE;
	const total = await visibleCount(ctx.db, row.id);
	const pageAmong = (group: SQL | null) =>
		ctx.db
			.select({ userId: talentProfile.userId, score })
			.from(talentProfile)
			.where(group ? and(where, group) : where)
			.orderBy(desc(score), desc(talentProfile.updatedAt), asc(talentProfile.userId))
			.limit(RANKING_PAGE)
			.offset(offset);
	let found: { userId: string; score: number }[] | null = null;
	for (const floor of rankingFloors) {
		const group = mayScoreAtLeast(facts, floor);
		if (!group) break;
		const rows = await pageAmong(group);
		if (rows.length < RANKING_PAGE) continue;
		const last = rows[rows.length - 1].score;
		found = last >= floor ? rows : await pageAmong(mayScoreAtLeast(facts, last));
		break;
	}
	found ??= await pageAmong(null);
	// what the page shows of its 20 talents (names, skills accepted, missions completed), in the ranking's order
	const shown = found.length ? await ctx.db.select(profileColumns).from(talentProfile).innerJoin(user, eq(user.id, talentProfile.userId)).where(inArray(talentProfile.userId, found.map((entry) => entry.userId))) : [];
	const byUser = new Map(shown.map((entry) => [entry.profile.userId, entry]));
	const ranked = found.map((entry) => byUser.get(entry.userId)).filter((entry) => entry !== undefined);
	const items = await viewsOf(ctx, row, ranked);
	await recordViews(ctx, row, items.map((item) => item.id), 'ranking');
	return { total, page, pageSize: RANKING_PAGE, items };
}

/** The talents who expressed interest in the mission or whom the organisation shortlisted, contacted or selected, best first. */
export async function missionCandidates(ctx: RequestContext, slug: string) {
	const row = await ownedMission(ctx, slug);
	const rows = await ctx.db
		.select(profileColumns)
		.from(missionCandidate)
		.innerJoin(talentProfile, eq(talentProfile.userId, missionCandidate.talentUserId))
		.innerJoin(user, eq(user.id, talentProfile.userId))
		.where(
			and(
				eq(missionCandidate.missionId, row.id),
				or(eq(missionCandidate.interested, true), eq(missionCandidate.shortlisted, true), sql`${missionCandidate.contact} is not null`, eq(missionCandidate.selected, true)),
				// a talent who withdrew both their consent and their interest is no longer shown
				visibleFor(row.id)
			)
		);
	const items = (await viewsOf(ctx, row, rows)).sort((a, b) => Number(b.standing.selected) - Number(a.standing.selected) || b.match.score - a.match.score);
	await recordViews(ctx, row, items.map((item) => item.id), 'ranking');
	return items;
}

/** One talent's details for the mission's organisation (recorded as viewed), with the conversation. */
export async function talentForMission(ctx: RequestContext, slug: string, userId: string) {
	const row = await ownedMission(ctx, slug);
	const [found] = await ctx.db.select(profileColumns).from(talentProfile).innerJoin(user, eq(user.id, talentProfile.userId)).where(and(eq(talentProfile.userId, userId), visibleFor(row.id)));
	if (!found) throw new AppError('not_found');
	const [view] = await viewsOf(ctx, row, [found]);
	await recordViews(ctx, row, [userId], 'details');
	const feedback = await ctx.db.select().from(missionFeedback).where(and(eq(missionFeedback.missionId, row.id), eq(missionFeedback.talentUserId, userId)));
	return { mission: row, talent: view, thread: await thread(ctx.db, row.id, userId), feedback: feedbackView(feedback) };
}

async function visibleTalent(ctx: RequestContext, row: MissionRow, userId: string) {
	const [found] = await ctx.db
		.select({ userId: talentProfile.userId, name: user.name, email: user.email, locale: user.locale })
		.from(talentProfile)
		.innerJoin(user, eq(user.id, talentProfile.userId))
		.where(and(eq(talentProfile.userId, userId), visibleFor(row.id)));
	if (!found) throw new AppError('not_found');
	return found;
}

// ── The organisation acts ───────────────────────────────────────────────────

/** Puts a talent on the mission's shortlist, or takes them off. */
export async function setShortlisted(ctx: RequestContext, slug: string, userId: string, on: boolean) {
	return ctx.transaction(async (tx) => {
		const row = await ownedMission(tx, slug);
		await visibleTalent(tx, row, userId);
		const updated = await upsertCandidate(tx, row.id, userId, { shortlisted: on, shortlistedAt: on ? tx.now() : null });
		await recordAudit(tx.db, tx.audit, { action: on ? 'talent_mission.shortlist' : 'talent_mission.unshortlist', resourceType: 'talent_mission', resourceId: row.id, after: { talentUserId: userId } });
		return updated;
	});
}

const languageOf = (locale: string) => (isLanguage(locale) ? locale : defaultLanguage);

/**
 * The organisation writes to a talent through the platform: the first message asks for contact (the talent
 * accepts or declines); after a decline nothing more can be sent. The talent is told by e-mail, in their
 * language, with the organisation's name and the message, never the writer's address.
 */
export async function writeToTalent(ctx: RequestContext, slug: string, userId: string, raw: unknown) {
	const { body } = parseOrThrow(MessageInput, raw);
	const sent = await ctx.transaction(async (tx) => {
		const row = await ownedMission(tx, slug);
		if (row.status === 'completed' || row.status === 'cancelled') throw new AppError('conflict', { extra: { reason: 'closed' } });
		const talent = await visibleTalent(tx, row, userId);
		const before = await candidateOf(tx.db, row.id, userId);
		if (before?.contact === 'declined') throw new AppError('conflict', { extra: { reason: 'contact_declined' } });
		if (!before?.contact) await upsertCandidate(tx, row.id, userId, { contact: 'requested', contactAt: tx.now() });
		const [message] = await tx.db.insert(missionMessage).values({ missionId: row.id, talentUserId: userId, fromTalent: false, authorUserId: tx.actor!.userId, body, createdAt: tx.now() }).returning();
		await recordAudit(tx.db, tx.audit, { action: before?.contact ? 'talent_mission.message' : 'talent_mission.contact', resourceType: 'talent_mission', resourceId: row.id, after: { talentUserId: userId, messageId: message.id } });
		const [owner] = await tx.db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, row.organisationId));
		return { row, talent, owner: owner?.name ?? '', first: !before?.contact };
	});
	if (ctx.mailer) {
		const language = languageOf(sent.talent.locale);
		await ctx.mailer.send(
			composeEmail(language, sent.talent.email, sent.first ? 'missions.email_contact' : 'missions.email_message', {
				organisation: sent.owner,
				mission: pickText(sent.row.title, language).text,
				body,
				link: `${ctx.publicUrl}/${language}/talents/missions/${sent.row.slug}#conversation`
			})
		);
	}
}

/**
 * Selects a talent who accepted the contact (the mission becomes `matched`), or takes the selection back
 * (the mission is open again when nobody is left selected). Only while the mission has not started.
 */
export async function setSelected(ctx: RequestContext, slug: string, userId: string, on: boolean) {
	return ctx.transaction(async (tx) => {
		const row = await ownedMission(tx, slug, { lock: true });
		if (row.status !== 'open' && row.status !== 'matched') throw new AppError('conflict', { extra: { reason: 'wrong_status', status: row.status } });
		const before = await candidateOf(tx.db, row.id, userId);
		if (on && before?.contact !== 'accepted') throw new AppError('conflict', { extra: { reason: 'contact_not_accepted' } });
		if (!before || before.selected === on) return row.status;
		await upsertCandidate(tx, row.id, userId, { selected: on, selectedAt: on ? tx.now() : null });
		await recordAudit(tx.db, tx.audit, { action: on ? 'talent_mission.select' : 'talent_mission.unselect', resourceType: 'talent_mission', resourceId: row.id, after: { talentUserId: userId } });
		const [{ selected }] = await tx.db.select({ selected: sql<number>`count(*)::int` }).from(missionCandidate).where(and(eq(missionCandidate.missionId, row.id), eq(missionCandidate.selected, true)));
		if (row.status === 'open' && selected > 0) await changeStatus(tx, row, 'matched');
		if (row.status === 'matched' && selected === 0) await changeStatus(tx, row, 'open');
		return selected > 0 ? 'matched' : 'open';
	});
}

/** One side's feedback on the other after a completed mission: the organisation on a selected talent, the talent on the mission. */
async function giveFeedback(ctx: RequestContext, row: MissionRow, userId: string, fromTalent: boolean, raw: unknown) {
	const input = parseOrThrow(FeedbackInput, raw);
	if (row.status !== 'completed') throw new AppError('conflict', { extra: { reason: 'not_completed' } });
	const candidate = await candidateOf(ctx.db, row.id, userId);
	if (!candidate?.selected) throw new AppError('not_found');
	const [saved] = await ctx.db
		.insert(missionFeedback)
		.values({ missionId: row.id, talentUserId: userId, fromTalent, authorUserId: ctx.actor!.userId, rating: input.rating, comment: input.comment, createdAt: ctx.now() })
		.onConflictDoNothing()
		.returning();
	if (!saved) throw new AppError('conflict', { extra: { reason: 'feedback_given' } });
	await recordAudit(ctx.db, ctx.audit, { action: 'talent_mission.feedback', resourceType: 'talent_mission', resourceId: row.id, after: { talentUserId: userId, fromTalent, rating: input.rating } });
	return saved;
}

export const organisationFeedback = (ctx: RequestContext, slug: string, userId: string, raw: unknown) =>
	ctx.transaction(async (tx) => giveFeedback(tx, await ownedMission(tx, slug), userId, false, raw));

// ── The talent acts ─────────────────────────────────────────────────────────

async function requireProfile(ctx: RequestContext): Promise<TalentProfileRecord> {
	const talent = ctx.require('talents.profile.manage_own');
	const [profile] = await ctx.db.select().from(talentProfile).where(eq(talentProfile.userId, talent.userId));
	if (!profile) throw new AppError('conflict', { extra: { reason: 'profile_missing' } });
	return profile;
}

/**
 * A talent expresses interest in an open mission with a short note (or changes the note). By doing so the
 * talent lets the mission's organisation see their professional profile, whatever their consent level.
 */
export async function expressInterest(ctx: RequestContext, slug: string, raw: unknown) {
	const { note } = parseOrThrow(InterestInput, raw);
	return ctx.transaction(async (tx) => {
		const profile = await requireProfile(tx);
		const row = await findMission(tx.db, slug);
		if (row.status !== 'open') throw new AppError('conflict', { extra: { reason: 'not_open' } });
		const saved = await upsertCandidate(tx, row.id, profile.userId, { interested: true, interestNote: note, interestAt: tx.now() });
		await recordAudit(tx.db, tx.audit, { action: 'talent_mission.interest', resourceType: 'talent_mission', resourceId: row.id, after: { talentUserId: profile.userId, note } });
		return saved;
	});
}

/** The talent withdraws their interest (the note goes with it). */
export async function withdrawInterest(ctx: RequestContext, slug: string) {
	const talent = ctx.require('talents.profile.manage_own');
	return ctx.transaction(async (tx) => {
		const row = await findMission(tx.db, slug);
		const before = await candidateOf(tx.db, row.id, talent.userId);
		if (!before?.interested) return null;
		const saved = await upsertCandidate(tx, row.id, talent.userId, { interested: false, interestNote: null, interestAt: null });
		await recordAudit(tx.db, tx.audit, { action: 'talent_mission.interest_withdraw', resourceType: 'talent_mission', resourceId: row.id, after: { talentUserId: talent.userId } });
		return saved;
	});
}

/** The talent accepts the organisation's request for contact (both e-mail addresses are then shown to the other side) or declines it. */
export async function answerContact(ctx: RequestContext, slug: string, accept: boolean) {
	const talent = ctx.require('talents.profile.manage_own');
	const answered = await ctx.transaction(async (tx) => {
		const row = await findMission(tx.db, slug);
		const before = await candidateOf(tx.db, row.id, talent.userId);
		if (before?.contact !== 'requested') throw new AppError('conflict', { extra: { reason: 'no_request' } });
		await upsertCandidate(tx, row.id, talent.userId, { contact: accept ? 'accepted' : 'declined', contactAnsweredAt: tx.now() });
		await recordAudit(tx.db, tx.audit, { action: accept ? 'talent_mission.contact_accept' : 'talent_mission.contact_decline', resourceType: 'talent_mission', resourceId: row.id, after: { talentUserId: talent.userId } });
		return row;
	});
	await tellOrganisation(ctx, answered, talent.userId, accept ? 'missions.email_contact_accepted' : 'missions.email_contact_declined', '');
}

/** The talent answers in the conversation, once they accepted the contact; the organisation's last writer is told by e-mail. */
export async function writeToOrganisation(ctx: RequestContext, slug: string, raw: unknown) {
	const talent = ctx.require('talents.profile.manage_own');
	const { body } = parseOrThrow(MessageInput, raw);
	const row = await ctx.transaction(async (tx) => {
		const found = await findMission(tx.db, slug);
		const before = await candidateOf(tx.db, found.id, talent.userId);
		if (before?.contact !== 'accepted') throw new AppError('conflict', { extra: { reason: 'contact_not_accepted' } });
		const [message] = await tx.db.insert(missionMessage).values({ missionId: found.id, talentUserId: talent.userId, fromTalent: true, authorUserId: talent.userId, body, createdAt: tx.now() }).returning();
		await recordAudit(tx.db, tx.audit, { action: 'talent_mission.reply', resourceType: 'talent_mission', resourceId: found.id, after: { talentUserId: talent.userId, messageId: message.id } });
		return found;
	});
	await tellOrganisation(ctx, row, talent.userId, 'missions.email_reply', body);
}

/** E-mails the organisation's member who last wrote to the talent about the mission. */
async function tellOrganisation(ctx: RequestContext, row: MissionRow, talentUserId: string, template: string, body: string) {
	if (!ctx.mailer) return;
	const [writer] = await ctx.db
		.select({ email: user.email, locale: user.locale })
		.from(missionMessage)
		.innerJoin(user, eq(user.id, missionMessage.authorUserId))
		.where(and(eq(missionMessage.missionId, row.id), eq(missionMessage.talentUserId, talentUserId), eq(missionMessage.fromTalent, false)))
		.orderBy(desc(missionMessage.createdAt))
		.limit(1);
	const [talent] = await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, talentUserId));
	if (!writer) return;
	const language = languageOf(writer.locale);
	await ctx.mailer.send(
		composeEmail(language, writer.email, template, {
			talent: template === 'missions.email_contact_declined' ? pseudonymOf(row.id, talentUserId) : (talent?.name ?? ''),
			mission: pickText(row.title, language).text,
			body,
			link: `${ctx.publicUrl}/${language}/talents/missions/${row.slug}/talents/${talentUserId}`
		})
	);
}

export async function talentFeedback(ctx: RequestContext, slug: string, raw: unknown) {
	const talent = ctx.require('talents.profile.manage_own');
	return ctx.transaction(async (tx) => giveFeedback(tx, await findMission(tx.db, slug), talent.userId, true, raw));
}

/** What the signed-in talent has to do with a mission: their standing, the score it gives them, the conversation, the feedback. */
export async function myStanding(ctx: RequestContext, slug: string) {
	if (!ctx.actor || !ctx.can('talents.profile.manage_own')) return null;
	const row = await findMission(ctx.db, slug);
	const [profile] = await ctx.db.select().from(talentProfile).where(eq(talentProfile.userId, ctx.actor.userId));
	const candidate = await candidateOf(ctx.db, row.id, ctx.actor.userId);
	const messages = candidate?.contact ? await thread(ctx.db, row.id, ctx.actor.userId) : [];
	// the organisation's writer's address, once the talent accepted the contact
	let writer: { name: string; email: string } | null = null;
	if (candidate?.contact === 'accepted') {
		const [found] = await ctx.db
			.select({ name: user.name, email: user.email })
			.from(missionMessage)
			.innerJoin(user, eq(user.id, missionMessage.authorUserId))
			.where(and(eq(missionMessage.missionId, row.id), eq(missionMessage.talentUserId, ctx.actor.userId), eq(missionMessage.fromTalent, false)))
			.orderBy(desc(missionMessage.createdAt))
			.limit(1);
		writer = found ?? null;
	}
	const feedback = candidate?.selected ? await ctx.db.select().from(missionFeedback).where(and(eq(missionFeedback.missionId, row.id), eq(missionFeedback.talentUserId, ctx.actor.userId))) : [];
	return { hasProfile: Boolean(profile), match: profile ? match(row, profile) : null, standing: candidateView(candidate), messages, writer, feedback: feedbackView(feedback) };
}

/**
 * The missions for the signed-in talent: open missions that fit their profile (at least one skill or the
 * occupation's field in common), best first, with the reasons; and the missions they are part of.
 */
export async function missionsForMe(ctx: RequestContext) {
	const talent = ctx.require('talents.profile.manage_own');
	const [profile] = await ctx.db.select().from(talentProfile).where(eq(talentProfile.userId, talent.userId));
	const listed = (where: SQL) =>
		ctx.db
			.select({ mission, organisation: { id: organisation.id, name: organisation.name, acronym: organisation.acronym } })
			.from(mission)
			.innerJoin(organisation, eq(organisation.id, mission.organisationId))
			.where(where)
			.orderBy(desc(mission.createdAt))
			.limit(500);
	const open = profile ? await listed(eq(mission.status, 'open')) : [];
	const fitting = profile
		? open
				.map((entry) => ({ ...missionSummary(entry), match: match(entry.mission, profile) }))
				.filter((entry) => entry.match.reasons.some((reason) => (reason.code === 'skills_common' || reason.code.startsWith('occupation_')) && reason.points > 0))
				.sort((a, b) => b.match.score - a.match.score || b.publishedAt.localeCompare(a.publishedAt))
				.slice(0, 30)
		: [];
	const mine = await ctx.db
		.select({ mission, organisation: { id: organisation.id, name: organisation.name, acronym: organisation.acronym }, candidate: missionCandidate })
		.from(missionCandidate)
		.innerJoin(mission, eq(mission.id, missionCandidate.missionId))
		.innerJoin(organisation, eq(organisation.id, mission.organisationId))
		.where(and(eq(missionCandidate.talentUserId, talent.userId), or(eq(missionCandidate.interested, true), sql`${missionCandidate.contact} is not null`, eq(missionCandidate.selected, true))))
		.orderBy(desc(missionCandidate.updatedAt));
	return {
		hasProfile: Boolean(profile),
		fitting,
		mine: mine.map((entry) => ({ ...missionSummary(entry), standing: candidateView(entry.candidate) })),
		completed: await completedMissions(ctx.db, talent.userId)
	};
}

/** "Who looked at my profile": the organisations that saw the talent in a mission's ranking or opened their details, by mission. */
export async function profileViews(ctx: RequestContext) {
	const talent = ctx.require('talents.profile.manage_own');
	const rows = await ctx.db
		.select({ kind: talentProfileView.kind, views: talentProfileView.views, firstAt: talentProfileView.firstAt, lastAt: talentProfileView.lastAt, slug: mission.slug, title: mission.title, organisation: organisation.name })
		.from(talentProfileView)
		.innerJoin(mission, eq(mission.id, talentProfileView.missionId))
		.innerJoin(organisation, eq(organisation.id, mission.organisationId))
		.where(eq(talentProfileView.talentUserId, talent.userId))
		.orderBy(desc(talentProfileView.lastAt));
	return rows.map((row) => ({ ...row, firstAt: row.firstAt.toISOString(), lastAt: row.lastAt.toISOString() }));
}

// ── Shared ──────────────────────────────────────────────────────────────────

async function thread(db: DbOrTx, missionId: string, talentUserId: string) {
	const rows = await db
		.select({ id: missionMessage.id, fromTalent: missionMessage.fromTalent, body: missionMessage.body, createdAt: missionMessage.createdAt, author: user.name })
		.from(missionMessage)
		.leftJoin(user, eq(user.id, missionMessage.authorUserId))
		.where(and(eq(missionMessage.missionId, missionId), eq(missionMessage.talentUserId, talentUserId)))
		.orderBy(asc(missionMessage.createdAt), asc(missionMessage.id));
	return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

function feedbackView(rows: (typeof missionFeedback.$inferSelect)[]) {
	const side = (fromTalent: boolean) => {
		const found = rows.find((row) => row.fromTalent === fromTalent);
		return found ? { rating: found.rating, comment: found.comment, at: found.createdAt.toISOString() } : null;
	};
	return { fromOrganisation: side(false), fromTalent: side(true) };
}

// ── The person's data ───────────────────────────────────────────────────────

/** A talent's part in missions, for the export: interests and standings, conversations, feedback, views of their profile. */
export async function exportMissionData(db: DbOrTx, actor: Actor) {
	const candidates = await db
		.select({ mission: mission.slug, candidate: missionCandidate })
		.from(missionCandidate)
		.innerJoin(mission, eq(mission.id, missionCandidate.missionId))
		.where(eq(missionCandidate.talentUserId, actor.userId));
	const messages = await db
		.select({ mission: mission.slug, fromTalent: missionMessage.fromTalent, body: missionMessage.body, createdAt: missionMessage.createdAt })
		.from(missionMessage)
		.innerJoin(mission, eq(mission.id, missionMessage.missionId))
		.where(eq(missionMessage.talentUserId, actor.userId));
	const feedback = await db
		.select({ mission: mission.slug, fromTalent: missionFeedback.fromTalent, rating: missionFeedback.rating, comment: missionFeedback.comment, createdAt: missionFeedback.createdAt })
		.from(missionFeedback)
		.innerJoin(mission, eq(mission.id, missionFeedback.missionId))
		.where(eq(missionFeedback.talentUserId, actor.userId));
	const views = await db
		.select({ mission: mission.slug, kind: talentProfileView.kind, views: talentProfileView.views, firstAt: talentProfileView.firstAt, lastAt: talentProfileView.lastAt })
		.from(talentProfileView)
		.innerJoin(mission, eq(mission.id, talentProfileView.missionId))
		.where(eq(talentProfileView.talentUserId, actor.userId));
	return {
		talentMissions: candidates.map(({ mission: slug, candidate }) => ({ mission: slug, ...candidateView(candidate), contactAt: candidate.contactAt, selectedAt: candidate.selectedAt })),
		talentMissionMessages: messages,
		talentMissionFeedback: feedback,
		talentProfileViews: views
	};
}

/** Erases a talent's part in missions (the missions themselves belong to their organisations and stay). */
export async function eraseMissionData(tx: DbOrTx, userId: string) {
	await tx.delete(missionMessage).where(eq(missionMessage.talentUserId, userId));
	await tx.delete(missionFeedback).where(eq(missionFeedback.talentUserId, userId));
	await tx.delete(talentProfileView).where(eq(talentProfileView.talentUserId, userId));
	await tx.delete(missionCandidate).where(eq(missionCandidate.talentUserId, userId));
}
