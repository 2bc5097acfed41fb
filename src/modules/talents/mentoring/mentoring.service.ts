// Mentoring (issue #11, item 6): a talent offers mentoring in a field; a member (a young person in Morocco)
// asks for it with a short message; the talent accepts or declines (with an optional reason); either side can
// end it. Contact goes through the platform: once the request is accepted, both sides write to each other in the
// request's conversation (mentoring_message), never seeing the other's e-mail address; each step and each message
// is e-mailed to the other side in their own language.
//
// Who sees an offer follows the module's consent rules: only a talent whose consent level is the public card
// is listed (to everyone, signed in or not), and of the talent only what the card shows (else a pseudonym).
// No other level lets members see a talent, so an offer of a talent without the public card is kept but not
// listed (the offer page says so to the talent).
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { mailUser } from '../../../platform/mail/mail-user.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { talentProfile, type TalentProfileRecord } from '../talents.table.ts';
import { knownUnitGroups } from '../occupations.ts';
import type { CardField, MentoringSide } from '../talents.model.ts';
import {
	MentoringAsk,
	MentoringMessageInput,
	MentoringOfferInput,
	MentoringOfferQuery,
	MentoringReason,
	type MentoringConversationView,
	type MentoringOfferView,
	type MentoringRequestView
} from './mentoring.schemas.ts';
import { mentoringMessage, mentoringOffer, mentoringRequest, type MentoringOfferRow, type MentoringRequestRow } from './mentoring.table.ts';
import { mentoringMessagesDeletedOn } from '../retention.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const OFFERS_PER_PAGE = 24;
/** where both sides follow their requests */
export const MENTORING_PAGE = '/talents/mentoring/mine';
/** a request's page: its conversation once accepted */
export const conversationPath = (id: string) => `/talents/mentoring/requests/${id}`;

/** A stable pseudonym of a mentor while their public card does not show the name. */
export const mentorPseudonym = (userId: string) => `M-${createHash('sha256').update(`mentor:${userId}`).digest('hex').slice(0, 6).toUpperCase()}`;

/** accepted requests of an offer: they fill its capacity */
const acceptedCount = sql<number>`(select count(*)::int from talents.mentoring_request r where r.offer_id = ${mentoringOffer.id} and r.status = 'accepted')`;
/** an offer is listed when it is open and its talent's consent is the public card */
const listed = and(eq(mentoringOffer.status, 'open'), eq(talentProfile.consentLevel, 'public'))!;

function mentorOf(profile: TalentProfileRecord, name: string) {
	const shown = new Set<CardField>(profile.consentLevel === 'public' ? profile.cardFields : []);
	return {
		pseudonym: mentorPseudonym(profile.userId),
		name: shown.has('name') ? name : null,
		hostCountry: shown.has('hostCountry') ? profile.hostCountry : null,
		occupationCode: shown.has('occupation') ? profile.occupationCode : null
	};
}

function offerView(row: { offer: MentoringOfferRow; profile: TalentProfileRecord; name: string; accepted: number }): MentoringOfferView {
	const { offer } = row;
	return {
		id: offer.id,
		mentor: mentorOf(row.profile, row.name),
		skills: offer.skills,
		occupationCode: offer.occupationCode,
		languages: offer.languages,
		remote: offer.remote,
		hoursPerMonth: offer.hoursPerMonth,
		capacity: offer.capacity,
		placesLeft: Math.max(0, offer.capacity - row.accepted),
		about: offer.about,
		aboutLanguage: offer.aboutLanguage,
		status: offer.status,
		isSample: offer.isSample,
		updatedAt: offer.updatedAt.toISOString()
	};
}

const offerColumns = { offer: mentoringOffer, profile: talentProfile, name: user.name, accepted: acceptedCount };

// ── The talent's offer ──────────────────────────────────────────────────────

async function requireProfile(ctx: RequestContext): Promise<TalentProfileRecord> {
	const talent = ctx.require('talents.profile.manage_own');
	const [profile] = await ctx.db.select().from(talentProfile).where(eq(talentProfile.userId, talent.userId));
	if (!profile) throw new AppError('conflict', { extra: { reason: 'profile_missing' } });
	return profile;
}

/** The caller's own offer (whatever their consent), whether they have a profile, and whether the offer is listed. */
export async function myOffer(ctx: RequestContext) {
	const talent = ctx.require('talents.profile.manage_own');
	const [profile] = await ctx.db.select().from(talentProfile).where(eq(talentProfile.userId, talent.userId));
	const [row] = await ctx.db.select({ ...offerColumns }).from(mentoringOffer).innerJoin(talentProfile, eq(talentProfile.userId, mentoringOffer.mentorUserId)).innerJoin(user, eq(user.id, mentoringOffer.mentorUserId)).where(eq(mentoringOffer.mentorUserId, talent.userId));
	return {
		hasProfile: Boolean(profile),
		/** the consent lets the offer be listed (public card) */
		publicCard: profile?.consentLevel === 'public',
		profile: profile ? { skills: profile.skills, occupationCode: profile.occupationCode, languages: profile.languages.map((entry) => entry.language), remoteHoursPerMonth: profile.remoteHoursPerMonth } : null,
		offer: row ? offerView(row) : null
	};
}

/**
 * Creates or changes the caller's offer (a talent profile is needed). Closing it takes no new request;
 * requests under way go on. Audited with the fields that changed.
 */
export async function saveOffer(ctx: RequestContext, raw: unknown): Promise<MentoringOfferRow> {
	const input = parseOrThrow(MentoringOfferInput, raw);
	if (input.occupationCode && !(await knownUnitGroups(ctx.db, [input.occupationCode])).has(input.occupationCode)) {
		throw new AppError('invalid_input', { fields: [{ path: 'occupationCode', messageKey: 'field_choice' }] });
	}
	const values = {
		...input,
		skills: [...new Set(input.skills)],
		languages: [...new Set(input.languages)],
		about: input.about,
		aboutLanguage: input.about ? (input.aboutLanguage ?? ctx.language) : null
	};
	return ctx.transaction(async (tx) => {
		const profile = await requireProfile(tx);
		const [before] = await tx.db.select().from(mentoringOffer).where(eq(mentoringOffer.mentorUserId, profile.userId)).for('update');
		const [after] = before
			? await tx.db.update(mentoringOffer).set({ ...values, updatedAt: tx.now() }).where(eq(mentoringOffer.id, before.id)).returning()
			: await tx.db.insert(mentoringOffer).values({ ...values, mentorUserId: profile.userId, createdAt: tx.now(), updatedAt: tx.now() }).returning();
		const fields = Object.keys(values) as (keyof typeof values)[];
		const changed = fields.filter((field) => !before || JSON.stringify(before[field]) !== JSON.stringify(after[field]));
		await recordAudit(tx.db, tx.audit, { action: before ? 'talent_mentoring.offer_update' : 'talent_mentoring.offer_create', resourceType: 'talent_mentoring_offer', resourceId: after.id, after: { fields: changed, status: after.status } });
		return after;
	});
}

// ── The offers, as members and the public see them ──────────────────────────

/** The listed offers (open, public-card consent), newest first; filters by skill, language and remote. */
export async function listOffers(db: DbOrTx, raw: unknown) {
	const query = parseOrThrow(MentoringOfferQuery, raw);
	const conditions: SQL[] = [listed];
	if (query.skill) conditions.push(sql`${query.skill} = any(${mentoringOffer.skills})`);
	if (query.language) conditions.push(sql`${query.language} = any(${mentoringOffer.languages})`);
	if (query.remote) conditions.push(eq(mentoringOffer.remote, query.remote === 'yes'));
	const where = and(...conditions);
	const [total] = await db.select({ n: count() }).from(mentoringOffer).innerJoin(talentProfile, eq(talentProfile.userId, mentoringOffer.mentorUserId)).where(where);
	const rows = await db
		.select(offerColumns)
		.from(mentoringOffer)
		.innerJoin(talentProfile, eq(talentProfile.userId, mentoringOffer.mentorUserId))
		.innerJoin(user, eq(user.id, mentoringOffer.mentorUserId))
		.where(where)
		.orderBy(asc(mentoringOffer.isSample), desc(mentoringOffer.updatedAt), asc(mentoringOffer.id))
		.limit(OFFERS_PER_PAGE)
		.offset((query.page - 1) * OFFERS_PER_PAGE);
	return { total: total.n, page: query.page, pageSize: OFFERS_PER_PAGE, items: rows.map(offerView) };
}

/** One listed offer, and the caller's standing with it (their live request, or that it is their own offer). */
export async function getOffer(ctx: RequestContext, id: string) {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db
		.select(offerColumns)
		.from(mentoringOffer)
		.innerJoin(talentProfile, eq(talentProfile.userId, mentoringOffer.mentorUserId))
		.innerJoin(user, eq(user.id, mentoringOffer.mentorUserId))
		.where(and(eq(mentoringOffer.id, id), listed));
	if (!row) throw new AppError('not_found');
	const actor = ctx.actor;
	const [live] = actor
		? await ctx.db
				.select({ id: mentoringRequest.id, status: mentoringRequest.status })
				.from(mentoringRequest)
				.where(and(eq(mentoringRequest.offerId, id), eq(mentoringRequest.menteeUserId, actor.userId), inArray(mentoringRequest.status, ['requested', 'accepted'])))
		: [];
	return { offer: offerView(row), own: actor?.userId === row.offer.mentorUserId, request: live ?? null };
}

// ── Asking, answering, ending ───────────────────────────────────────────────

const conflict = (reason: string) => new AppError('conflict', { extra: { reason } });

/**
 * A member asks a talent for mentoring with a short message. Refused, with nothing changed: one's own offer,
 * a second live request to the same talent, an offer closed or full (every place taken by accepted requests).
 * The talent is e-mailed, in their language, the member's name and message — never the member's address.
 */
export async function askMentoring(ctx: RequestContext, raw: unknown): Promise<MentoringRequestRow> {
	const mentee = ctx.require('talents.profile.manage_own');
	const input = parseOrThrow(MentoringAsk, raw);
	const created = await ctx.transaction(async (tx) => {
		// the offer's row is locked: two requests at once cannot both take the last place or ask twice
		const [offer] = await tx.db.select().from(mentoringOffer).where(eq(mentoringOffer.id, input.offerId)).for('update');
		const [mentor] = offer ? await tx.db.select({ consent: talentProfile.consentLevel }).from(talentProfile).where(eq(talentProfile.userId, offer.mentorUserId)) : [];
		if (!offer || mentor?.consent !== 'public') throw new AppError('not_found');
		if (offer.mentorUserId === mentee.userId) throw conflict('own_offer');
		if (offer.status !== 'open') throw conflict('offer_closed');
		const [live] = await tx.db
			.select({ id: mentoringRequest.id })
			.from(mentoringRequest)
			.where(and(eq(mentoringRequest.offerId, offer.id), eq(mentoringRequest.menteeUserId, mentee.userId), inArray(mentoringRequest.status, ['requested', 'accepted'])));
		if (live) throw conflict('already_asked');
		if ((await acceptedOf(tx.db, offer.id)) >= offer.capacity) throw conflict('capacity_full');
		const [row] = await tx.db
			.insert(mentoringRequest)
			.values({ offerId: offer.id, mentorUserId: offer.mentorUserId, menteeUserId: mentee.userId, message: input.message, createdAt: tx.now(), updatedAt: tx.now() })
			.returning();
		await recordAudit(tx.db, tx.audit, { action: 'talent_mentoring.ask', resourceType: 'talent_mentoring_request', resourceId: row.id, after: { offerId: offer.id, mentorUserId: offer.mentorUserId } });
		return row;
	});
	const [asker] = await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, mentee.userId));
	await mailUser(ctx, created.mentorUserId, 'mentoring.email_asked', () => ({ mentee: asker?.name ?? '', message: input.message }), MENTORING_PAGE);
	return created;
}

async function acceptedOf(db: DbOrTx, offerId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(mentoringRequest).where(and(eq(mentoringRequest.offerId, offerId), eq(mentoringRequest.status, 'accepted')));
	return row.n;
}

/** The request, locked, when the caller is on the side given (or either side); someone else's request is forbidden. */
async function requestFor(ctx: RequestContext, id: string, side: MentoringSide | 'either') {
	const actor = ctx.require('talents.profile.manage_own');
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(mentoringRequest).where(eq(mentoringRequest.id, id)).for('update');
	if (!row) throw new AppError('not_found');
	const mine = side === 'mentor' ? row.mentorUserId === actor.userId : side === 'mentee' ? row.menteeUserId === actor.userId : row.mentorUserId === actor.userId || row.menteeUserId === actor.userId;
	if (!mine) throw new AppError('forbidden');
	return row;
}

/** What a mentee sees as their mentor's name before the acceptance: the card's name, else the pseudonym. */
async function mentorShownName(db: DbOrTx, mentorUserId: string, revealed: boolean) {
	const [row] = await db.select({ profile: talentProfile, name: user.name }).from(user).leftJoin(talentProfile, eq(talentProfile.userId, user.id)).where(eq(user.id, mentorUserId));
	if (!row) return '';
	if (revealed || !row.profile) return row.name;
	return mentorOf(row.profile, row.name).name ?? mentorPseudonym(mentorUserId);
}

const reasonText = (reason: string | null, language: Language) => reason ?? translate(language, 'mentoring.no_reason');

/**
 * The talent accepts a waiting request (when a place is left: accepted requests fill the capacity) or
 * declines it with an optional reason. The member is e-mailed in their language.
 */
export async function answerRequest(ctx: RequestContext, id: string, accept: boolean, raw: unknown = {}) {
	const { reason } = parseOrThrow(MentoringReason, raw);
	const answered = await ctx.transaction(async (tx) => {
		const row = await requestFor(tx, id, 'mentor');
		if (row.status !== 'requested') throw conflict('not_waiting');
		if (accept) {
			const [offer] = await tx.db.select().from(mentoringOffer).where(eq(mentoringOffer.id, row.offerId)).for('update');
			if ((await acceptedOf(tx.db, row.offerId)) >= (offer?.capacity ?? 0)) throw conflict('capacity_full');
		}
		const [after] = await tx.db
			.update(mentoringRequest)
			.set({ status: accept ? 'accepted' : 'declined', reason: accept ? null : reason, answeredAt: tx.now(), updatedAt: tx.now() })
			.where(eq(mentoringRequest.id, id))
			.returning();
		await recordAudit(tx.db, tx.audit, { action: accept ? 'talent_mentoring.accept' : 'talent_mentoring.decline', resourceType: 'talent_mentoring_request', resourceId: id, before: { status: row.status }, after: { status: after.status, reason: after.reason !== null } });
		return after;
	});
	const mentor = await mentorShownName(ctx.db, answered.mentorUserId, accept);
	await mailUser(ctx, answered.menteeUserId, accept ? 'mentoring.email_accepted' : 'mentoring.email_declined', (language) => ({ mentor, reason: reasonText(answered.reason, language) }), accept ? conversationPath(id) : MENTORING_PAGE);
	return answered;
}

/** The member withdraws their request before the talent answered; the talent is told. */
export async function withdrawRequest(ctx: RequestContext, id: string) {
	const withdrawn = await ctx.transaction(async (tx) => {
		const row = await requestFor(tx, id, 'mentee');
		if (row.status !== 'requested') throw conflict('not_waiting');
		const [after] = await tx.db.update(mentoringRequest).set({ status: 'withdrawn', endedAt: tx.now(), updatedAt: tx.now() }).where(eq(mentoringRequest.id, id)).returning();
		await recordAudit(tx.db, tx.audit, { action: 'talent_mentoring.withdraw', resourceType: 'talent_mentoring_request', resourceId: id, before: { status: row.status }, after: { status: after.status } });
		return after;
	});
	const [mentee] = await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, withdrawn.menteeUserId));
	await mailUser(ctx, withdrawn.mentorUserId, 'mentoring.email_withdrawn', () => ({ mentee: mentee?.name ?? '' }), MENTORING_PAGE);
	return withdrawn;
}

/** Either side ends an accepted mentoring, with an optional reason; the other side is told in their language. */
export async function endMentoring(ctx: RequestContext, id: string, raw: unknown = {}) {
	const { reason } = parseOrThrow(MentoringReason, raw);
	const ended = await ctx.transaction(async (tx) => {
		const row = await requestFor(tx, id, 'either');
		if (row.status !== 'accepted') throw conflict('not_accepted');
		const endedBy: MentoringSide = row.mentorUserId === tx.actor!.userId ? 'mentor' : 'mentee';
		const [after] = await tx.db.update(mentoringRequest).set({ status: 'ended', endedBy, reason, endedAt: tx.now(), updatedAt: tx.now() }).where(eq(mentoringRequest.id, id)).returning();
		await recordAudit(tx.db, tx.audit, { action: 'talent_mentoring.end', resourceType: 'talent_mentoring_request', resourceId: id, before: { status: row.status }, after: { status: after.status, endedBy, reason: reason !== null } });
		return after;
	});
	const [by] = await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, ctx.actor!.userId));
	const other = ended.endedBy === 'mentor' ? ended.menteeUserId : ended.mentorUserId;
	await mailUser(ctx, other, 'mentoring.email_ended', (language) => ({ by: by?.name ?? '', reason: reasonText(ended.reason, language) }), conversationPath(id));
	return ended;
}

/** One API call for the four moves. */
export async function actOnRequest(ctx: RequestContext, id: string, action: 'accept' | 'decline' | 'withdraw' | 'end', reason: string | null) {
	if (action === 'accept' || action === 'decline') return answerRequest(ctx, id, action === 'accept', { reason });
	if (action === 'withdraw') return withdrawRequest(ctx, id);
	return endMentoring(ctx, id, { reason });
}

// ── Both sides' lists ───────────────────────────────────────────────────────

/** how many messages a request's conversation holds */
const messageCount = sql<number>`(select count(*)::int from talents.mentoring_message m where m.request_id = ${mentoringRequest.id})`;

/** A message of the other side than this person's, written after this person last read the conversation (or wrote in it). */
const unreadBy = (userId: string): SQL =>
	or(
		and(eq(mentoringRequest.mentorUserId, userId), eq(mentoringMessage.fromMentor, false), sql`${mentoringMessage.createdAt} > coalesce(${mentoringRequest.mentorReadAt}, '-infinity')`),
		and(eq(mentoringRequest.menteeUserId, userId), eq(mentoringMessage.fromMentor, true), sql`${mentoringMessage.createdAt} > coalesce(${mentoringRequest.menteeReadAt}, '-infinity')`)
	)!;

/** how many messages of a request's conversation this person has not read */
const unreadCount = (userId: string) =>
	sql<number>`(select count(*)::int from ${mentoringMessage} where ${mentoringMessage.requestId} = ${mentoringRequest.id} and ${unreadBy(userId)})`;

/** The person has read the conversation (opened it, or written in it): nothing of the other side's is unread any more. Not audited: a mark, as a followed thread's. */
async function markRead(db: DbOrTx, request: MentoringRequestRow, userId: string, at: Date) {
	const set = request.mentorUserId === userId ? { mentorReadAt: at } : { menteeReadAt: at };
	await db.update(mentoringRequest).set(set).where(eq(mentoringRequest.id, request.id));
}

/**
 * Requests as the caller sees them: the other side named (before the acceptance, the mentor as their card shows
 * them, else a pseudonym), never an address.
 */
async function requestViews(db: DbOrTx, callerId: string, rows: { request: MentoringRequestRow; skills: string[]; messages: number; unread: number }[]): Promise<MentoringRequestView[]> {
	const ids = [...new Set(rows.flatMap((row) => [row.request.mentorUserId, row.request.menteeUserId]))];
	const people = ids.length ? await db.select({ id: user.id, name: user.name, profile: talentProfile }).from(user).leftJoin(talentProfile, eq(talentProfile.userId, user.id)).where(inArray(user.id, ids)) : [];
	const byId = new Map(people.map((person) => [person.id, person]));
	return rows.map(({ request, skills, messages, unread }) => {
		const side: MentoringSide = request.mentorUserId === callerId ? 'mentor' : 'mentee';
		const revealed = request.status === 'accepted' || request.status === 'ended';
		const mentor = byId.get(request.mentorUserId);
		const mentee = byId.get(request.menteeUserId);
		const mentorName = !mentor ? '' : revealed || side === 'mentor' || !mentor.profile ? mentor.name : (mentorOf(mentor.profile, mentor.name).name ?? mentorPseudonym(request.mentorUserId));
		return {
			id: request.id,
			offerId: request.offerId,
			side,
			mentor: { name: mentorName },
			mentee: { name: mentee?.name ?? '' },
			skills,
			message: request.message,
			status: request.status,
			reason: request.reason,
			endedBy: request.endedBy,
			isSample: request.isSample,
			createdAt: request.createdAt.toISOString(),
			answeredAt: request.answeredAt?.toISOString() ?? null,
			endedAt: request.endedAt?.toISOString() ?? null,
			messages,
			unread
		};
	});
}

/**
 * The caller's mentoring: the requests they received as a talent and those they sent as a member, newest
 * first, each with the number of messages of its conversation. No address is shown: once a request is accepted,
 * both sides write to each other on its page.
 */
export async function myMentoring(ctx: RequestContext): Promise<{ asMentor: MentoringRequestView[]; asMentee: MentoringRequestView[] }> {
	const actor = ctx.require('talents.profile.manage_own');
	const rows = await ctx.db
		.select({ request: mentoringRequest, skills: mentoringOffer.skills, messages: messageCount, unread: unreadCount(actor.userId) })
		.from(mentoringRequest)
		.innerJoin(mentoringOffer, eq(mentoringOffer.id, mentoringRequest.offerId))
		.where(or(eq(mentoringRequest.mentorUserId, actor.userId), eq(mentoringRequest.menteeUserId, actor.userId)))
		.orderBy(desc(mentoringRequest.updatedAt), asc(mentoringRequest.id))
		.limit(200);
	const views = await requestViews(ctx.db, actor.userId, rows);
	return { asMentor: views.filter((view) => view.side === 'mentor'), asMentee: views.filter((view) => view.side === 'mentee') };
}

// ── The conversation of an accepted request ─────────────────────────────────

/** The request and its conversation, for either of its two people (someone else: 403); oldest message first. */
export async function mentoringConversation(ctx: RequestContext, id: string): Promise<MentoringConversationView> {
	const actor = ctx.require('talents.profile.manage_own');
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db
		.select({ request: mentoringRequest, skills: mentoringOffer.skills, messages: messageCount, unread: unreadCount(actor.userId) })
		.from(mentoringRequest)
		.innerJoin(mentoringOffer, eq(mentoringOffer.id, mentoringRequest.offerId))
		.where(eq(mentoringRequest.id, id));
	if (!row) throw new AppError('not_found');
	if (row.request.mentorUserId !== actor.userId && row.request.menteeUserId !== actor.userId) throw new AppError('forbidden');
	const [view] = await requestViews(ctx.db, actor.userId, [row]);
	// opening the conversation reads it: my space counts none of its messages any more
	if (row.unread > 0) await markRead(ctx.db, row.request, actor.userId, ctx.now());
	const messages = await ctx.db
		.select({ message: mentoringMessage, author: user.name })
		.from(mentoringMessage)
		.leftJoin(user, eq(user.id, mentoringMessage.authorUserId))
		.where(eq(mentoringMessage.requestId, id))
		.orderBy(asc(mentoringMessage.createdAt), asc(mentoringMessage.id));
	return {
		request: view,
		open: row.request.status === 'accepted',
		deletedOn: row.request.status === 'ended' && row.request.endedAt ? mentoringMessagesDeletedOn(row.request.endedAt) : null,
		messages: messages.map(({ message, author }) => ({
			id: message.id,
			side: message.fromMentor ? 'mentor' : 'mentee',
			mine: message.authorUserId === actor.userId,
			author,
			body: message.body,
			createdAt: message.createdAt.toISOString()
		}))
	};
}

/**
 * One side writes to the other while the mentoring is under way (accepted; else 409 `not_accepted`). The other side
 * is e-mailed in their language the writer's name and the message, with the link to the conversation — never the
 * writer's address. The same message sent twice (a form sent again) is kept once. Audited without the words.
 */
export async function writeMentoringMessage(ctx: RequestContext, id: string, raw: unknown) {
	const { body } = parseOrThrow(MentoringMessageInput, raw);
	const saved = await ctx.transaction(async (tx) => {
		const row = await requestFor(tx, id, 'either');
		if (row.status !== 'accepted') throw conflict('not_accepted');
		const writer = tx.actor!.userId;
		const [last] = await tx.db.select().from(mentoringMessage).where(eq(mentoringMessage.requestId, id)).orderBy(desc(mentoringMessage.createdAt), desc(mentoringMessage.id)).limit(1);
		if (last && last.authorUserId === writer && last.body === body) return { row, message: last, repeated: true };
		const [message] = await tx.db.insert(mentoringMessage).values({ requestId: id, authorUserId: writer, fromMentor: row.mentorUserId === writer, body, createdAt: tx.now() }).returning();
		await tx.db.update(mentoringRequest).set({ updatedAt: tx.now() }).where(eq(mentoringRequest.id, id));
		// who answers has read what came before
		await markRead(tx.db, row, writer, tx.now());
		await recordAudit(tx.db, tx.audit, { action: 'talent_mentoring.message', resourceType: 'talent_mentoring_request', resourceId: id, after: { messageId: message.id, side: message.fromMentor ? 'mentor' : 'mentee' } });
		return { row, message, repeated: false };
	});
	if (!saved.repeated) {
		const [writer] = await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, ctx.actor!.userId));
		const other = saved.message.fromMentor ? saved.row.menteeUserId : saved.row.mentorUserId;
		await mailUser(ctx, other, 'mentoring.email_message', () => ({ writer: writer?.name ?? '', message: body }), conversationPath(id));
	}
	return saved.message;
}

/**
 * For my space: whether the person offers mentoring, the requests waiting for their answer, how many they asked
 * (any status), and the messages of their conversations (as talent or as member) they have not read.
 */
export async function mentoringCounts(db: DbOrTx, userId: string) {
	const [offer] = await db.select({ id: mentoringOffer.id }).from(mentoringOffer).where(eq(mentoringOffer.mentorUserId, userId));
	const [waiting] = await db.select({ n: count() }).from(mentoringRequest).where(and(eq(mentoringRequest.mentorUserId, userId), eq(mentoringRequest.status, 'requested')));
	const [asked] = await db.select({ n: count() }).from(mentoringRequest).where(eq(mentoringRequest.menteeUserId, userId));
	const [unread] = await db
		.select({ n: count() })
		.from(mentoringMessage)
		.innerJoin(mentoringRequest, eq(mentoringRequest.id, mentoringMessage.requestId))
		.where(and(or(eq(mentoringRequest.mentorUserId, userId), eq(mentoringRequest.menteeUserId, userId)), unreadBy(userId)));
	return { hasOffer: Boolean(offer), waiting: waiting.n, asked: asked.n, unread: unread.n };
}

// ── The person's data ───────────────────────────────────────────────────────

/** The person's offer, their requests on both sides and those requests' conversations (the other side's address is never exported). */
export async function exportMentoringData(db: DbOrTx, actor: Actor) {
	const [offer] = await db.select().from(mentoringOffer).where(eq(mentoringOffer.mentorUserId, actor.userId));
	const requests = await db
		.select()
		.from(mentoringRequest)
		.where(or(eq(mentoringRequest.mentorUserId, actor.userId), eq(mentoringRequest.menteeUserId, actor.userId)))
		.orderBy(asc(mentoringRequest.createdAt));
	const { mentorUserId: _mentor, ...offerFields } = offer ?? ({} as MentoringOfferRow);
	// the conversations the person takes part in: both sides' words, as they read them on the page
	const messages = requests.length
		? await db
				.select({ requestId: mentoringMessage.requestId, fromMentor: mentoringMessage.fromMentor, authorUserId: mentoringMessage.authorUserId, body: mentoringMessage.body, createdAt: mentoringMessage.createdAt })
				.from(mentoringMessage)
				.where(inArray(mentoringMessage.requestId, requests.map((request) => request.id)))
				.orderBy(asc(mentoringMessage.createdAt))
		: [];
	return {
		talentMentoringOffer: offer ? offerFields : null,
		// the person's own reading mark only, never the other side's
		talentMentoringRequests: requests.map(({ mentorUserId, menteeUserId: _mentee, mentorReadAt, menteeReadAt, ...rest }) => ({ ...rest, side: mentorUserId === actor.userId ? 'mentor' : 'mentee', readAt: mentorUserId === actor.userId ? mentorReadAt : menteeReadAt })),
		talentMentoringMessages: messages.map(({ authorUserId, fromMentor, ...rest }) => ({ ...rest, side: fromMentor ? 'mentor' : 'mentee', mine: authorUserId === actor.userId }))
	};
}

/** Erases the person's offer (and the requests it received) and every request they sent or received, with their conversations. */
export async function eraseMentoringData(tx: DbOrTx, userId: string) {
	await tx.delete(mentoringRequest).where(or(eq(mentoringRequest.mentorUserId, userId), eq(mentoringRequest.menteeUserId, userId)));
	await tx.delete(mentoringOffer).where(eq(mentoringOffer.mentorUserId, userId));
}
