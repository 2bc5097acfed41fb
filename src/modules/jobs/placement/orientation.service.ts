// Pre-departure orientation sessions (issue 10, item 7): local agencies (and the division) hold sessions
// per host country; candidates in a campaign's pipeline for that country register from their page (or
// staff register them); a full session puts people on its waiting list or refuses them; staff record
// attendance, which moves those whose visa is granted to "pre-departure orientation attended"; reminders
// go by e-mail in each person's language through the platform's mail queue.
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { formatInPlatformZone, localDateTimeToInstant, platformDay } from '../../../platform/time-zone.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { mailRecipient } from '../../../platform/mail/mail-user.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { stageIndex } from './campaigns.model.ts';
import { announceStage } from './pipeline.service.ts';
import { placementCampaign, placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { REMINDER_HOURS } from './departure.model.ts';
import { AttendanceInput, SessionEditInput, SessionInput, StaffRegistrationInput } from './departure.schemas.ts';
import { placementOrientationRegistration as registration, placementOrientationSession as session } from './departure.table.ts';
import { myAgencyIds, requirePlacementStaff } from './agency-staff.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Session = typeof session.$inferSelect;

/** The agencies a staff member may hold sessions for: every open agency and the division's own (null), or their own agencies. */
export async function sessionAgencies(ctx: RequestContext) {
	requirePlacementStaff(ctx);
	const division = ctx.can('placement.campaign.manage');
	const mine = division ? null : await myAgencyIds(ctx);
	const rows = await ctx.db
		.select({ id: agency.id, name: agency.name })
		.from(agency)
		.where(division ? eq(agency.status, 'open') : mine!.length ? inArray(agency.id, mine!) : sql`false`)
		.orderBy(asc(agency.name));
	return { agencies: rows, division };
}

/** The session, if the staff member may work on it (the division: all; agency staff: their agencies'). */
async function staffSession(ctx: RequestContext, id: string, db: DbOrTx = ctx.db): Promise<Session> {
	requirePlacementStaff(ctx);
	if (!UUID.test(id)) throw new AppError('not_found');
	const [found] = await db.select().from(session).where(eq(session.id, id));
	if (!found) throw new AppError('not_found');
	if (ctx.can('placement.campaign.manage')) return found;
	const mine = await myAgencyIds(ctx);
	if (!found.agencyId || !mine.includes(found.agencyId)) throw new AppError('not_found');
	return found;
}

/** A new session (agency staff: for their agency; the division: any agency or its own), audited. */
export async function createSession(ctx: RequestContext, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const input = parseOrThrow(SessionInput, raw);
	const { agencies, division } = await sessionAgencies(ctx);
	const problems = [];
	if (input.agencyId ? !agencies.some((row) => row.id === input.agencyId) : !division) problems.push({ path: 'agencyId', messageKey: 'field_choice' });
	const startsAt = localDateTimeToInstant(`${input.date}T${input.time}`);
	if (startsAt.getTime() <= ctx.now().getTime()) problems.push({ path: 'date', messageKey: 'field_date_future' });
	if (!input.place && !input.onlineUrl) problems.push({ path: 'place', messageKey: 'field_place_or_link' });
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	const { date: _date, time: _time, ...fields } = input;
	return ctx.transaction(async ({ db, audit }) => {
		const [created] = await db
			.insert(session)
			.values({ ...fields, startsAt, createdBy: actor.userId })
			.returning();
		await recordAudit(db, audit, { action: 'placement_orientation_session.create', resourceType: 'placement_orientation_session', resourceId: created.id, after: { ...fields, startsAt: startsAt.toISOString() } });
		return created;
	});
}

/** A session as its change form shows it, with the seats taken (no names: not a personal-data read). */
export async function sessionForEdit(ctx: RequestContext, id: string) {
	const found = await staffSession(ctx, id);
	const [{ registered, waiting }] = await ctx.db
		.select({ registered: seatCounts.registered, waiting: seatCounts.waiting })
		.from(registration)
		.where(eq(registration.sessionId, id));
	const [agencyRow] = found.agencyId ? await ctx.db.select({ name: agency.name }).from(agency).where(eq(agency.id, found.agencyId)) : [];
	return { session: found, agencyName: agencyRow?.name ?? null, registered, waiting, editable: found.status === 'open' && found.startsAt.getTime() > ctx.now().getTime() };
}

/** Refused unless the session is open and not started yet (changes and cancellation). */
function stillAhead(found: Session, now: Date, path = 'date') {
	if (found.status !== 'open' || found.startsAt.getTime() <= now.getTime()) throw new AppError('invalid_input', { fields: [{ path, messageKey: 'field_session_started' }] });
}

const editable = ['startsAt', 'durationMinutes', 'place', 'onlineUrl', 'capacity', 'language', 'waitingList'] as const;
const shown = (found: Pick<Session, (typeof editable)[number]>) => Object.fromEntries(editable.map((key) => [key, key === 'startsAt' ? found.startsAt.toISOString() : found[key]]));

/**
 * Changes a session before it starts: day and time (ahead), length, place and/or link, seats (never fewer
 * than the people registered: `field_capacity_below_registered`), language, waiting list. Seats added go to
 * the first people waiting (told by e-mail, as a freed seat); when the day, time, place or link change,
 * everyone registered or waiting is told in their language and will be reminded again. Audited before/after.
 */
export async function updateSession(ctx: RequestContext, id: string, raw: unknown) {
	requirePlacementStaff(ctx);
	const input = parseOrThrow(SessionEditInput, raw);
	await staffSession(ctx, id);
	const startsAt = localDateTimeToInstant(`${input.date}T${input.time}`);
	const { date: _date, time: _time, ...fields } = input;
	const done = await ctx.transaction(async ({ db, audit, now }) => {
		const [found] = await db.select().from(session).where(eq(session.id, id)).for('update');
		if (!found) throw new AppError('not_found');
		stillAhead(found, now());
		const [{ registered }] = await db.select({ registered: sql<number>`count(*)::int` }).from(registration).where(and(eq(registration.sessionId, id), eq(registration.status, 'registered')));
		const problems = [];
		if (startsAt.getTime() <= now().getTime()) problems.push({ path: 'date', messageKey: 'field_date_future' });
		if (!input.place && !input.onlineUrl) problems.push({ path: 'place', messageKey: 'field_place_or_link' });
		if (input.capacity < registered) problems.push({ path: 'capacity', messageKey: 'field_capacity_below_registered', values: { registered } });
		if (problems.length) throw new AppError('invalid_input', { fields: problems });
		const moved = startsAt.getTime() !== found.startsAt.getTime() || fields.place !== found.place || fields.onlineUrl !== found.onlineUrl;
		const [after] = await db.update(session).set({ ...fields, startsAt }).where(eq(session.id, id)).returning();
		// seats added go to the first people waiting
		const free = after.capacity - registered;
		const promoted = free > 0
			? await db.select({ id: registration.id, userId: registration.userId }).from(registration).where(and(eq(registration.sessionId, id), eq(registration.status, 'waiting'))).orderBy(asc(registration.createdAt), asc(registration.id)).limit(free)
			: [];
		if (promoted.length) await db.update(registration).set({ status: 'registered' }).where(inArray(registration.id, promoted.map((row) => row.id)));
		// a new day means a new reminder
		if (startsAt.getTime() !== found.startsAt.getTime()) await db.update(registration).set({ remindedAt: null }).where(eq(registration.sessionId, id));
		const before = shown(found);
		const current = shown(after);
		const changed = editable.filter((key) => before[key] !== current[key]);
		if (changed.length || promoted.length) {
			await recordAudit(db, audit, {
				action: 'placement_orientation_session.update',
				resourceType: 'placement_orientation_session',
				resourceId: id,
				before: Object.fromEntries(changed.map((key) => [key, before[key]])),
				after: { ...Object.fromEntries(changed.map((key) => [key, current[key]])), promoted: promoted.map((row) => row.id) }
			});
		}
		const told = moved
			? await db.select({ userId: registration.userId }).from(registration).where(and(eq(registration.sessionId, id), inArray(registration.status, ['registered', 'waiting'])))
			: [];
		return { session: after, changed, promoted: promoted.map((row) => row.userId), told: told.map((row) => row.userId) };
	});
	const promotedSet = new Set(done.promoted);
	for (const userId of done.promoted) await tell(ctx, userId, 'departure.email_seat', done.session);
	for (const userId of done.told) if (!promotedSet.has(userId)) await tell(ctx, userId, 'departure.email_session_changed', done.session);
	return { session: done.session, changed: [...done.changed], promoted: done.promoted.length, told: done.told.length };
}

/**
 * Cancels a session before it starts: the session stays (status cancelled) and so do its registrations,
 * each marked cancelled; everyone who was registered or waiting is told in their language after the
 * commit. Audited with who was registered.
 */
export async function cancelSession(ctx: RequestContext, id: string) {
	requirePlacementStaff(ctx);
	await staffSession(ctx, id);
	const done = await ctx.transaction(async ({ db, audit, now }) => {
		const [found] = await db.select().from(session).where(eq(session.id, id)).for('update');
		if (!found) throw new AppError('not_found');
		stillAhead(found, now(), 'sessionId');
		const [after] = await db.update(session).set({ status: 'cancelled' }).where(eq(session.id, id)).returning();
		const people = await db
			.update(registration)
			.set({ status: 'cancelled' })
			.where(and(eq(registration.sessionId, id), inArray(registration.status, ['registered', 'waiting'])))
			.returning({ id: registration.id, userId: registration.userId });
		await recordAudit(db, audit, {
			action: 'placement_orientation_session.cancel',
			resourceType: 'placement_orientation_session',
			resourceId: id,
			before: { status: found.status },
			after: { status: 'cancelled', registrationIds: people.map((row) => row.id) }
		});
		return { session: after, people };
	});
	let told = 0;
	for (const row of done.people) if (await tell(ctx, row.userId, 'departure.email_session_cancelled', done.session)) told++;
	return { cancelled: done.people.length, told };
}

/** E-mails a person about a session, in their language, linking to their placement page. */
async function tell(ctx: RequestContext, userId: string, key: string, found: Session) {
	const [person] = await ctx.db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, userId));
	return person ? mailRecipient(ctx, person, key, (lang) => sessionValues(lang, found), '/jobs/placement/mine') : false;
}

const seatCounts = {
	registered: sql<number>`(count(*) filter (where ${registration.status} = 'registered'))::int`,
	waiting: sql<number>`(count(*) filter (where ${registration.status} = 'waiting'))::int`,
	attended: sql<number>`(count(*) filter (where ${registration.attended}))::int`
};

/** Staff's sessions (upcoming first; `past` for those held), with seats taken, waiting and attended. */
export async function listSessions(ctx: RequestContext, when: 'upcoming' | 'past' = 'upcoming') {
	requirePlacementStaff(ctx);
	const division = ctx.can('placement.campaign.manage');
	const mine = division ? [] : await myAgencyIds(ctx);
	const now = ctx.now();
	const rows = await ctx.db
		.select({ session, agencyName: agency.name, ...seatCounts })
		.from(session)
		.leftJoin(agency, eq(agency.id, session.agencyId))
		.leftJoin(registration, eq(registration.sessionId, session.id))
		.where(and(division ? undefined : mine.length ? inArray(session.agencyId, mine) : sql`false`, when === 'upcoming' ? gte(session.startsAt, now) : lt(session.startsAt, now)))
		.groupBy(session.id, agency.name)
		.orderBy(when === 'upcoming' ? asc(session.startsAt) : sql`${session.startsAt} desc`)
		.limit(200);
	return rows;
}

/** A session with its registrations (names and e-mails: an audited staff read). */
export async function sessionDetail(ctx: RequestContext, id: string) {
	const found = await staffSession(ctx, id);
	const [agencyRow] = found.agencyId ? await ctx.db.select({ name: agency.name }).from(agency).where(eq(agency.id, found.agencyId)) : [];
	const people = await ctx.db
		.select({
			id: registration.id,
			name: user.name,
			email: user.email,
			status: registration.status,
			attended: registration.attended,
			campaignTitle: placementCampaign.title,
			campaignLang: placementCampaign.lang,
			stage: placementCandidate.stage,
			exitReason: placementCandidate.exitReason,
			createdAt: registration.createdAt
		})
		.from(registration)
		.innerJoin(user, eq(user.id, registration.userId))
		.innerJoin(placementCandidate, eq(placementCandidate.id, registration.candidateId))
		.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
		.where(eq(registration.sessionId, id))
		.orderBy(sql`case ${registration.status} when 'registered' then 0 when 'waiting' then 1 else 2 end`, asc(registration.createdAt), asc(registration.id));
	await recordAudit(ctx.db, ctx.audit, { action: 'placement_orientation_session.read', resourceType: 'placement_orientation_session', resourceId: id, after: { count: people.length } });
	const now = ctx.now().getTime();
	return { session: found, agencyName: agencyRow?.name ?? null, people, started: found.startsAt.getTime() <= now, attendanceOpen: attendanceOpens(found) <= now };
}

/**
 * The person's pipeline entry a session serves: in a campaign for the session's host country, still in,
 * not departed yet (the most advanced one when there are several). Null when none.
 */
async function entryFor(db: DbOrTx, userId: string, hostCountry: string, agencyIds: string[] | null = null) {
	const rows = await db
		.select({ id: placementCandidate.id, stage: placementCandidate.stage, agencyId: placementCandidate.agencyId })
		.from(placementCandidate)
		.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
		.where(and(eq(placementCandidate.userId, userId), eq(placementCampaign.hostCountry, hostCountry), isNull(placementCandidate.exitReason), eq(placementCampaign.status, 'open')));
	const eligible = rows
		.filter((row) => stageIndex(row.stage) < stageIndex('departed'))
		.filter((row) => agencyIds === null || (row.agencyId !== null && agencyIds.includes(row.agencyId)))
		.sort((a, b) => stageIndex(b.stage) - stageIndex(a.stage));
	return eligible[0] ?? null;
}

/**
 * Registers a person (a seat while there is one, else the waiting list when the session keeps one, else
 * refused: `field_session_full`). A person already registered or waiting keeps their place. Sessions are
 * locked one at a time so two last-seat registrations cannot both win.
 */
async function registerPerson(ctx: RequestContext, sessionId: string, userId: string, agencyIds: string[] | null) {
	const actor = ctx.actor!;
	return ctx.transaction(async ({ db, audit, now }) => {
		const [found] = await db.select().from(session).where(eq(session.id, sessionId)).for('update');
		if (!found) throw new AppError('not_found');
		if (found.status !== 'open' || found.startsAt.getTime() <= now().getTime()) throw new AppError('invalid_input', { fields: [{ path: 'sessionId', messageKey: 'field_session_closed' }] });
		const entry = await entryFor(db, userId, found.hostCountry, agencyIds);
		if (!entry) throw new AppError('invalid_input', { fields: [{ path: agencyIds || actor.userId !== userId ? 'email' : 'sessionId', messageKey: 'field_session_not_yours' }] });
		const [existing] = await db.select().from(registration).where(and(eq(registration.sessionId, sessionId), eq(registration.userId, userId)));
		if (existing && existing.status !== 'cancelled') return { registration: existing, already: true };
		const [{ taken }] = await db.select({ taken: sql<number>`count(*)::int` }).from(registration).where(and(eq(registration.sessionId, sessionId), eq(registration.status, 'registered')));
		const status = taken < found.capacity ? 'registered' : found.waitingList ? 'waiting' : null;
		if (!status) throw new AppError('invalid_input', { fields: [{ path: 'sessionId', messageKey: 'field_session_full', values: { capacity: found.capacity } }] });
		const values = { status, candidateId: entry.id, registeredBy: actor.userId, attended: null, createdAt: now() } as const;
		const [saved] = existing
			? await db.update(registration).set(values).where(eq(registration.id, existing.id)).returning()
			: await db.insert(registration).values({ ...values, sessionId, userId }).returning();
		await recordAudit(db, audit, { action: 'placement_orientation_registration.create', resourceType: 'placement_orientation_session', resourceId: sessionId, after: { registrationId: saved.id, candidateId: entry.id, status, byStaff: actor.userId !== userId } });
		return { registration: saved, already: false };
	});
}

/** The candidate registers themselves (from their placement page). */
export async function registerMyself(ctx: RequestContext, sessionId: string) {
	const actor = ctx.require('placement.pipeline.own');
	if (!UUID.test(sessionId)) throw new AppError('not_found');
	return registerPerson(ctx, sessionId, actor.userId, null);
}

/** Staff register a candidate by their account's e-mail (agency staff: their agency's people only). */
export async function registerByStaff(ctx: RequestContext, sessionId: string, raw: unknown) {
	const found = await staffSession(ctx, sessionId);
	const { email } = parseOrThrow(StaffRegistrationInput, raw);
	const [person] = await ctx.db.select({ id: user.id }).from(user).where(eq(sql`lower(${user.email})`, email.toLowerCase()));
	if (!person) throw new AppError('invalid_input', { fields: [{ path: 'email', messageKey: 'field_no_account', values: { email } }] });
	const agencyIds = ctx.can('placement.campaign.manage') ? null : await myAgencyIds(ctx);
	return { ...(await registerPerson(ctx, found.id, person.id, agencyIds)) };
}

type Registration = typeof registration.$inferSelect;

/**
 * Gives up a registration — a seat or a place on the waiting list — before the session starts (after, it is
 * `field_session_started`: attendance is recorded instead); a freed seat goes to the first person waiting.
 * Runs in the caller's transaction with the session locked; audited with who cancelled and who took the seat.
 */
async function giveUp(tx: RequestContext, sessionId: string, pick: (found: Session) => Promise<Registration | undefined>, byStaff: boolean, path: string) {
	const [found] = await tx.db.select().from(session).where(eq(session.id, sessionId)).for('update');
	if (!found) throw new AppError('not_found');
	const mine = await pick(found);
	if (!mine || mine.status === 'cancelled') throw new AppError('not_found');
	stillAhead(found, tx.now(), path);
	await tx.db.update(registration).set({ status: 'cancelled' }).where(eq(registration.id, mine.id));
	let next: Registration | undefined;
	if (mine.status === 'registered') {
		[next] = await tx.db.select().from(registration).where(and(eq(registration.sessionId, sessionId), eq(registration.status, 'waiting'))).orderBy(asc(registration.createdAt), asc(registration.id)).limit(1);
		if (next) await tx.db.update(registration).set({ status: 'registered' }).where(eq(registration.id, next.id));
	}
	await recordAudit(tx.db, tx.audit, {
		action: 'placement_orientation_registration.cancel',
		resourceType: 'placement_orientation_session',
		resourceId: sessionId,
		before: { registrationId: mine.id, status: mine.status },
		after: { registrationId: mine.id, status: 'cancelled', byStaff, promoted: next?.id ?? null }
	});
	return next ? { userId: next.userId, session: found } : null;
}

/** The person who took a freed seat is told, in their language (the waiting list's e-mail). */
async function tellPromoted(ctx: RequestContext, promoted: { userId: string; session: Session } | null) {
	if (promoted) await tell(ctx, promoted.userId, 'departure.email_seat', promoted.session);
	return { promoted: promoted !== null };
}

/** The candidate gives up their seat (or place on the waiting list); the first person waiting takes the seat and is told. */
export async function cancelMyRegistration(ctx: RequestContext, sessionId: string) {
	const actor = ctx.require('placement.pipeline.own');
	if (!UUID.test(sessionId)) throw new AppError('not_found');
	const promoted = await ctx.transaction(async (tx) =>
		giveUp(tx, sessionId, async () => (await tx.db.select().from(registration).where(and(eq(registration.sessionId, sessionId), eq(registration.userId, actor.userId))))[0], false, 'sessionId')
	);
	return tellPromoted(ctx, promoted);
}

/**
 * Staff cancel one person's registration on their behalf (the division: any session; agency staff: their
 * agencies' sessions), as the person would: the first person waiting takes a freed seat and is told.
 */
export async function cancelRegistrationByStaff(ctx: RequestContext, sessionId: string, registrationId: string) {
	await staffSession(ctx, sessionId);
	if (!UUID.test(registrationId)) throw new AppError('not_found');
	const promoted = await ctx.transaction(async (tx) =>
		giveUp(tx, sessionId, async () => (await tx.db.select().from(registration).where(and(eq(registration.id, registrationId), eq(registration.sessionId, sessionId))))[0], true, '')
	);
	return tellPromoted(ctx, promoted);
}

/** People sign in at the door: attendance is taken from this many minutes before the start. */
export const ATTENDANCE_OPENS_MINUTES = 30;
const attendanceOpens = (found: Pick<Session, 'startsAt'>) => found.startsAt.getTime() - ATTENDANCE_OPENS_MINUTES * 60_000;

/**
 * Records who attended (the ticked registrations; every other seat of the session: absent). Those who
 * attended and whose visa or work permit is granted move to "pre-departure orientation attended" on the
 * session's day, with their history row and one audit event; the others keep their stage (the move is
 * allowed later). From half an hour before the start (ATTENDANCE_OPENS_MINUTES).
 */
export async function recordAttendance(ctx: RequestContext, sessionId: string, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const input = parseOrThrow(AttendanceInput, raw);
	const found = await staffSession(ctx, sessionId);
	if (found.status !== 'open') throw new AppError('invalid_input', { fields: [{ path: 'attended', messageKey: 'field_session_closed' }] });
	if (attendanceOpens(found) > ctx.now().getTime()) throw new AppError('invalid_input', { fields: [{ path: 'attended', messageKey: 'field_session_not_started', values: { minutes: ATTENDANCE_OPENS_MINUTES } }] });
	const done = await ctx.transaction(async ({ db, audit, now }) => {
		const seats = await db.select({ id: registration.id, candidateId: registration.candidateId }).from(registration).where(and(eq(registration.sessionId, sessionId), eq(registration.status, 'registered'))).for('update');
		const attended = seats.filter((seat) => input.attended.includes(seat.id));
		if (attended.length !== new Set(input.attended).size) throw new AppError('invalid_input', { fields: [{ path: 'attended', messageKey: 'field_choice' }] });
		const at = now();
		await db.update(registration).set({ attended: false, attendanceBy: actor.userId, attendanceAt: at }).where(and(eq(registration.sessionId, sessionId), eq(registration.status, 'registered')));
		if (attended.length) await db.update(registration).set({ attended: true }).where(inArray(registration.id, attended.map((seat) => seat.id)));
		// those whose visa is granted take the step now (set-based: history, then rows)
		const candidateIds = attended.map((seat) => seat.candidateId);
		const day = platformDay(found.startsAt);
		const batchId = crypto.randomUUID();
		let moved = 0;
		let told: { userId: string; campaign: string }[] = [];
		if (candidateIds.length) {
			const ready = await db
				.select({ id: placementCandidate.id, userId: placementCandidate.userId, campaign: placementCampaign.title })
				.from(placementCandidate)
				.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
				.where(and(inArray(placementCandidate.id, candidateIds), eq(placementCandidate.stage, 'visa_granted'), isNull(placementCandidate.exitReason), eq(placementCampaign.status, 'open')));
			if (ready.length) {
				const ids = ready.map((row) => row.id);
				await db.insert(placementCandidateMove).values(ids.map((candidateId) => ({ candidateId, fromStage: 'visa_granted', toStage: 'orientation', eventOn: day, batchId, byUserId: actor.userId, at })));
				await db.update(placementCandidate).set({ stage: 'orientation', stageOn: day, stageChangedAt: at }).where(inArray(placementCandidate.id, ids));
				moved = ids.length;
				told = ready;
			}
		}
		await recordAudit(db, audit, {
			action: 'placement_orientation_session.attendance',
			resourceType: 'placement_orientation_session',
			resourceId: sessionId,
			after: { attended: attended.map((seat) => seat.id), absent: seats.length - attended.length, moved, batchId }
		});
		return { attended: attended.length, absent: seats.length - attended.length, moved, told };
	});
	// those who took the step are told, in their language (one campaign per e-mail)
	for (const title of new Set(done.told.map((row) => row.campaign))) {
		await announceStage(ctx, done.told.filter((row) => row.campaign === title).map((row) => row.userId), title, 'orientation');
	}
	return { attended: done.attended, absent: done.absent, moved: done.moved };
}

/** The values of a session's e-mails in one language. */
function sessionValues(language: 'fr' | 'ar' | 'en', found: Session) {
	const when = formatInPlatformZone(language === 'ar' ? 'ar-MA' : language === 'fr' ? 'fr-MA' : 'en-GB', found.startsAt, { dateStyle: 'full', timeStyle: 'short' });
	return { when, where: [found.place, found.onlineUrl].filter(Boolean).join(' — '), country: new Intl.DisplayNames([language], { type: 'region' }).of(found.hostCountry) ?? found.hostCountry };
}

/** Sessions the candidate may join: open, ahead, for the host country of an entry of theirs not departed yet; and their registrations. */
export async function mySessions(ctx: RequestContext) {
	const actor = ctx.require('placement.pipeline.own');
	const now = ctx.now();
	const entries = await ctx.db
		.select({ stage: placementCandidate.stage, hostCountry: placementCampaign.hostCountry })
		.from(placementCandidate)
		.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
		.where(and(eq(placementCandidate.userId, actor.userId), isNull(placementCandidate.exitReason), eq(placementCampaign.status, 'open')));
	const countries = [...new Set(entries.filter((entry) => stageIndex(entry.stage) < stageIndex('departed')).map((entry) => entry.hostCountry))];
	const mine = await ctx.db
		.select({ sessionId: registration.sessionId, status: registration.status, attended: registration.attended })
		.from(registration)
		.where(and(eq(registration.userId, actor.userId), sql`${registration.status} <> 'cancelled'`));
	const ids = mine.map((row) => row.sessionId);
	const condition = countries.length
		? ids.length
			? sql`((${inArray(session.hostCountry, countries)} and ${gt(session.startsAt, now)} and ${eq(session.status, 'open')}) or ${inArray(session.id, ids)})`
			: and(inArray(session.hostCountry, countries), gt(session.startsAt, now), eq(session.status, 'open'))
		: ids.length
			? inArray(session.id, ids)
			: sql`false`;
	const rows = await ctx.db
		.select({ session, agencyName: agency.name, ...seatCounts })
		.from(session)
		.leftJoin(agency, eq(agency.id, session.agencyId))
		.leftJoin(registration, eq(registration.sessionId, session.id))
		.where(condition)
		.groupBy(session.id, agency.name)
		.orderBy(asc(session.startsAt))
		.limit(50);
	return rows.map((row) => {
		const own = mine.find((item) => item.sessionId === row.session.id);
		return {
			id: row.session.id,
			hostCountry: row.session.hostCountry,
			startsAt: row.session.startsAt.toISOString(),
			durationMinutes: row.session.durationMinutes,
			place: row.session.place,
			onlineUrl: row.session.onlineUrl,
			language: row.session.language,
			agencyName: row.agencyName,
			seatsLeft: Math.max(0, row.session.capacity - row.registered),
			waitingList: row.session.waitingList,
			isSample: row.session.isSample,
			past: row.session.startsAt.getTime() <= now.getTime(),
			mine: own ? { status: own.status, attended: own.attended } : null
		};
	});
}
export type MySession = Awaited<ReturnType<typeof mySessions>>[number];

/**
 * Reminds each person with a seat (or waiting) of a session starting within the next 48 hours, once, by
 * e-mail in their language (the scheduled job `jobs:orientation-reminders`, hourly). Returns how many.
 */
export async function sendOrientationReminders(db: DbOrTx, audit: AuditContext, env: { mailer?: Mailer; publicUrl?: string }, now: Date = new Date()) {
	const rows = await db
		.select({ id: registration.id, session, email: user.email, name: user.name, locale: user.locale, status: registration.status })
		.from(registration)
		.innerJoin(session, eq(session.id, registration.sessionId))
		.innerJoin(user, eq(user.id, registration.userId))
		.where(and(inArray(registration.status, ['registered', 'waiting']), isNull(registration.remindedAt), eq(session.status, 'open'), gt(session.startsAt, now), lte(session.startsAt, new Date(now.getTime() + REMINDER_HOURS * 3600_000))))
		.orderBy(asc(session.startsAt), asc(registration.id))
		.limit(5000);
	let sent = 0;
	for (const row of rows) {
		const key = row.status === 'waiting' ? 'departure.email_reminder_waiting' : 'departure.email_reminder';
		if (await mailRecipient(env, row, key, (lang) => sessionValues(lang, row.session), '/jobs/placement/mine')) {
			await db.update(registration).set({ remindedAt: now }).where(eq(registration.id, row.id));
			sent++;
		}
	}
	if (sent) await recordAudit(db, audit, { action: 'placement_orientation_session.remind', resourceType: 'placement_orientation_session', resourceId: 'reminders', after: { sent } });
	return sent;
}

// ---------- personal data ----------

export async function exportRegistrations(db: DbOrTx, userId: string) {
	const rows = await db
		.select({ sessionId: registration.sessionId, hostCountry: session.hostCountry, startsAt: session.startsAt, status: registration.status, attended: registration.attended, createdAt: registration.createdAt })
		.from(registration)
		.innerJoin(session, eq(session.id, registration.sessionId))
		.where(eq(registration.userId, userId));
	return rows.map((row) => ({ ...row, startsAt: row.startsAt.toISOString(), createdAt: row.createdAt.toISOString() }));
}
