// Registration for an event (issue #14, item 4): anyone registers on the event's page, signed in or not;
// within the capacity they are confirmed, beyond it they wait in order of registration. The confirmation
// e-mail carries the calendar file, the code to show at the door and a personal link to see or cancel the
// registration. A cancelled place goes to the first person waiting, who is told by e-mail. The organisers
// (Knowledge editors) see the list, check people in by code and export it.
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { hashToken } from '../../../platform/accounts/api-token.service.ts';
import { recordAudit, systemContext, type AuditContext } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { EVENT_TIME_ZONE, participantCategories, REGISTRATION_RETENTION_DAYS, type ParticipantCategory, type RegistrationStatus } from './event.model.ts';
import { CheckInInput, RegistrationInput } from './event.schemas.ts';
import { event, eventRegistration, type EventRegistrationRow, type EventRow } from './event.table.ts';
import { getEvent } from './event.service.ts';
import { eventIcs } from './ics.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// no 0/O, 1/I: read aloud or typed at the door without doubt
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from(crypto.randomBytes(6), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');

/** Whether people may register now: published, open for registration and not started yet. */
export function registrationIsOpen(row: Pick<EventRow, 'status' | 'registrationOpen' | 'startsAt'>, now: Date): boolean {
	return row.status === 'published' && row.registrationOpen && row.startsAt > now;
}

/** Places taken and waiting of several events, counted in one query (no names), by event id. */
export async function placesOfEvents(db: DbOrTx, rows: readonly Pick<EventRow, 'id' | 'capacity'>[]) {
	const counts = rows.length
		? await db
				.select({
					eventId: eventRegistration.eventId,
					confirmed: sql<number>`count(*) filter (where ${eventRegistration.status} = 'confirmed')::int`,
					waiting: sql<number>`count(*) filter (where ${eventRegistration.status} = 'waiting')::int`
				})
				.from(eventRegistration)
				.where(inArray(eventRegistration.eventId, rows.map((row) => row.id)))
				.groupBy(eventRegistration.eventId)
		: [];
	return new Map(
		rows.map((row) => {
			const { confirmed = 0, waiting = 0 } = counts.find((count) => count.eventId === row.id) ?? {};
			return [row.id, { confirmed, waiting, capacity: row.capacity, left: row.capacity === null ? null : Math.max(0, row.capacity - confirmed) }];
		})
	);
}

/** Places taken and waiting of one event, for its page (no names). */
export async function placesOf(db: DbOrTx, row: Pick<EventRow, 'id' | 'capacity'>) {
	return (await placesOfEvents(db, [row])).get(row.id)!;
}

/** The confirmation (or waiting-list) e-mail, with the calendar file when the place is confirmed. */
function registrationEmail(ctx: RequestContext, row: EventRow, registration: Pick<EventRegistrationRow, 'email' | 'name' | 'language' | 'status' | 'checkInCode'>, token: string, key: string) {
	const language = registration.language as Language;
	const eventUrl = `${ctx.publicUrl}/${language}/knowledge/events/${row.slug}`;
	const message = composeEmail(language, registration.email!, key, {
		name: registration.name ?? '',
		event: pickText(row.title, language).text,
		code: registration.checkInCode,
		link: `${ctx.publicUrl}/${language}/knowledge/events/registration/${token}`,
		eventLink: eventUrl
	});
	if (registration.status === 'confirmed') {
		message.attachments = [{ filename: `${row.slug}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: eventIcs(row, language, eventUrl, ctx.now()) }];
	}
	return message;
}

async function sendQuietly(ctx: RequestContext, message: ReturnType<typeof composeEmail>) {
	// the registration stands whether or not the e-mail goes: its page says the same
	try {
		await ctx.mailer?.send(message);
		return true;
	} catch {
		return false;
	}
}

/**
 * Registers a person: confirmed while places are left, else on the waiting list. Refused when the event
 * is not open for registration (or started), or when the e-mail is already registered for it. Answers the
 * status, the code and the personal link's token (shown once on the page that follows, and e-mailed).
 */
export async function registerForEvent(ctx: RequestContext, slug: string, raw: unknown) {
	const input = parseOrThrow(RegistrationInput, raw);
	const token = crypto.randomBytes(24).toString('base64url');
	const result = await ctx.transaction(async (tx) => {
		const row = await getEvent(tx, slug);
		// one registration at a time per event: the last place goes to one person only
		await tx.db.select({ id: event.id }).from(event).where(eq(event.id, row.id)).for('update');
		if (!registrationIsOpen(row, tx.now())) throw new AppError('conflict', { extra: { reason: 'registration_closed' } });
		const [already] = await tx.db
			.select({ id: eventRegistration.id })
			.from(eventRegistration)
			.where(and(eq(eventRegistration.eventId, row.id), sql`lower(${eventRegistration.email}) = ${input.email.toLowerCase()}`, sql`${eventRegistration.status} <> 'cancelled'`));
		if (already) throw new AppError('conflict', { extra: { reason: 'already_registered' } });
		const places = await placesOf(tx.db, row);
		const status: RegistrationStatus = places.left === null || places.left > 0 ? 'confirmed' : 'waiting';
		const [saved] = await tx.db
			.insert(eventRegistration)
			.values({
				eventId: row.id,
				userId: tx.actor?.userId ?? null,
				name: input.name,
				email: input.email,
				organisationName: input.organisationName ?? null,
				category: input.category,
				language: tx.language,
				status,
				checkInCode: newCode(),
				tokenHash: hashToken(token),
				consentAt: tx.now(),
				createdAt: tx.now(),
				updatedAt: tx.now()
			})
			.returning();
		// the trail keeps the fact and the category, not the person's name or e-mail
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_event_registration.register', resourceType: 'knowledge_event_registration', resourceId: saved.id, after: { eventId: row.id, status, category: input.category } });
		return { row, saved };
	});
	const emailed = await sendQuietly(ctx, registrationEmail(ctx, result.row, result.saved, token, result.saved.status === 'confirmed' ? 'events.email_confirmed' : 'events.email_waiting'));
	return { token, status: result.saved.status, code: result.saved.checkInCode, emailed };
}

/** A registration as its personal link shows it, or null for an unknown (or erased) link. */
export async function registrationByToken(db: DbOrTx, token: string) {
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
	const [found] = await db
		.select({ registration: eventRegistration, row: event })
		.from(eventRegistration)
		.innerJoin(event, eq(event.id, eventRegistration.eventId))
		.where(eq(eventRegistration.tokenHash, hashToken(token)));
	if (!found) return null;
	const { registration, row } = found;
	const position =
		registration.status === 'waiting'
			? (
					await db
						.select({ count: sql<number>`count(*)::int` })
						.from(eventRegistration)
						// the waiting list's order: time of registration, then id (the same order as promotion)
						.where(and(eq(eventRegistration.eventId, row.id), eq(eventRegistration.status, 'waiting'), sql`(${eventRegistration.createdAt}, ${eventRegistration.id}) < (${registration.createdAt.toISOString()}::timestamptz, ${registration.id}::uuid)`))
				)[0].count + 1
			: null;
	return {
		event: { slug: row.slug, title: row.title, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), place: row.place, onlineUrl: row.onlineUrl, status: row.status },
		name: registration.name,
		email: registration.email,
		organisationName: registration.organisationName,
		category: registration.category,
		status: registration.status,
		code: registration.status === 'confirmed' ? registration.checkInCode : null,
		checkedIn: registration.checkedInAt !== null,
		position,
		registeredAt: registration.createdAt.toISOString()
	};
}

/**
 * The person cancels through their link: their name and e-mail go at once (the count by category stays);
 * a confirmed place goes to the first person waiting, who gets the confirmation with the calendar file.
 */
export function cancelRegistration(ctx: RequestContext, token: string) {
	return cancelWhere(ctx, eq(eventRegistration.tokenHash, hashToken(token)));
}

function signedIn(ctx: RequestContext) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	return ctx.actor;
}

/** A signed-in person cancels one of their own registrations from My registrations (anyone else's: not found). */
export function cancelMyRegistration(ctx: RequestContext, id: string) {
	const actor = signedIn(ctx);
	if (!UUID.test(id)) throw new AppError('not_found');
	return cancelWhere(ctx, and(eq(eventRegistration.id, id), eq(eventRegistration.userId, actor.userId))!);
}

async function cancelWhere(ctx: RequestContext, which: SQL) {
	const promotedToken = crypto.randomBytes(24).toString('base64url');
	const result = await ctx.transaction(async (tx) => {
		const [found] = await tx.db.select().from(eventRegistration).where(which);
		if (!found) throw new AppError('not_found');
		const [row] = await tx.db.select().from(event).where(eq(event.id, found.eventId)).for('update');
		if (found.status === 'cancelled') throw new AppError('conflict', { extra: { reason: 'registration_cancelled' } });
		if (found.checkedInAt || row.endsAt <= tx.now()) throw new AppError('conflict', { extra: { reason: 'event_past' } });
		await tx.db
			.update(eventRegistration)
			.set({ status: 'cancelled', name: null, email: null, organisationName: null, userId: null, tokenHash: null, updatedAt: tx.now() })
			.where(eq(eventRegistration.id, found.id));
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_event_registration.cancel', resourceType: 'knowledge_event_registration', resourceId: found.id, before: { status: found.status }, after: { status: 'cancelled' } });
		const promoted = found.status === 'confirmed' ? await promoteFirstWaiting(tx, row, promotedToken) : null;
		return { row, promoted };
	});
	if (result.promoted) await sendQuietly(ctx, registrationEmail(ctx, result.row, result.promoted, promotedToken, 'events.email_promoted'));
	return { promoted: result.promoted !== null };
}

/** The first person waiting takes the freed place (a new personal link replaces theirs). */
async function promoteFirstWaiting(tx: RequestContext, row: EventRow, token: string) {
	const places = await placesOf(tx.db, row);
	if (places.left !== null && places.left <= 0) return null;
	const [first] = await tx.db
		.select()
		.from(eventRegistration)
		.where(and(eq(eventRegistration.eventId, row.id), eq(eventRegistration.status, 'waiting')))
		.orderBy(asc(eventRegistration.createdAt), asc(eventRegistration.id))
		.limit(1);
	if (!first) return null;
	const [promoted] = await tx.db
		.update(eventRegistration)
		.set({ status: 'confirmed', tokenHash: hashToken(token), updatedAt: tx.now() })
		.where(eq(eventRegistration.id, first.id))
		.returning();
	await recordAudit(tx.db, tx.audit, { action: 'knowledge_event_registration.promote', resourceType: 'knowledge_event_registration', resourceId: first.id, before: { status: 'waiting' }, after: { status: 'confirmed' } });
	return promoted;
}

/** The organisers' list: every registration not cancelled, confirmed first, and the counts by category and status. */
export async function eventRegistrations(ctx: RequestContext, slug: string) {
	ctx.require('knowledge.edit_events');
	const row = await getEvent(ctx, slug);
	const rows = await ctx.db
		.select()
		.from(eventRegistration)
		.where(eq(eventRegistration.eventId, row.id))
		.orderBy(sql`case ${eventRegistration.status} when 'confirmed' then 0 when 'waiting' then 1 else 2 end`, asc(eventRegistration.createdAt), asc(eventRegistration.id));
	// staff reading people's details: in the trail
	await recordAudit(ctx.db, ctx.audit, { action: 'knowledge_event_registration.list', resourceType: 'knowledge_event', resourceId: row.id });
	const byCategory = participantCategories.map((category) => {
		const ofCategory = rows.filter((entry) => entry.category === category);
		return {
			category,
			confirmed: ofCategory.filter((entry) => entry.status === 'confirmed').length,
			waiting: ofCategory.filter((entry) => entry.status === 'waiting').length,
			checkedIn: ofCategory.filter((entry) => entry.checkedInAt !== null).length
		};
	});
	return {
		row,
		places: await placesOf(ctx.db, row),
		byCategory,
		checkedIn: rows.filter((entry) => entry.checkedInAt !== null).length,
		registrations: rows
			.filter((entry) => entry.status !== 'cancelled')
			.map((entry) => ({
				id: entry.id,
				name: entry.name ?? '',
				email: entry.email ?? '',
				organisationName: entry.organisationName,
				category: entry.category as ParticipantCategory,
				status: entry.status as RegistrationStatus,
				code: entry.checkInCode,
				checkedInAt: entry.checkedInAt?.toISOString() ?? null,
				registeredAt: entry.createdAt.toISOString(),
				isSample: entry.isSample
			}))
	};
}

/** The organisers check a confirmed person in by the code of their confirmation (once). */
export async function checkIn(ctx: RequestContext, slug: string, raw: unknown) {
	const actor = ctx.require('knowledge.edit_events');
	const { code } = parseOrThrow(CheckInInput, raw);
	return ctx.transaction(async (tx) => {
		const row = await getEvent(tx, slug);
		const [found] = await tx.db
			.select()
			.from(eventRegistration)
			.where(and(eq(eventRegistration.eventId, row.id), eq(eventRegistration.checkInCode, code)))
			.for('update');
		if (!found || found.status === 'cancelled') throw new AppError('conflict', { extra: { reason: 'unknown_code' } });
		if (found.status === 'waiting') throw new AppError('conflict', { extra: { reason: 'registration_waiting' } });
		if (found.checkedInAt) throw new AppError('conflict', { extra: { reason: 'already_checked_in' } });
		await tx.db.update(eventRegistration).set({ checkedInAt: tx.now(), checkedInBy: actor.userId, updatedAt: tx.now() }).where(eq(eventRegistration.id, found.id));
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_event_registration.check_in', resourceType: 'knowledge_event_registration', resourceId: found.id, after: { eventId: row.id } });
		return { name: found.name ?? '', category: found.category as ParticipantCategory };
	});
}

/**
 * Retention: a year after an event ends, its registrations keep their category, status and attendance
 * only (names, e-mails, organisations, accounts and links go). Answers how many were stripped.
 */
export async function stripOldRegistrations(db: DbOrTx, now: Date, audit: AuditContext = systemContext()): Promise<number> {
	const limit = new Date(now.getTime() - REGISTRATION_RETENTION_DAYS * 24 * 3600 * 1000);
	return db.transaction(async (tx) => {
		const stripped = await tx
			.update(eventRegistration)
			.set({ name: null, email: null, organisationName: null, userId: null, tokenHash: null, updatedAt: now })
			.where(and(isNotNull(eventRegistration.email), sql`${eventRegistration.eventId} in (select ${event.id} from ${event} where ${event.endsAt} < ${limit.toISOString()})`))
			.returning({ eventId: eventRegistration.eventId });
		// one event per event of the calendar, with the count (never who)
		for (const [eventId, count] of countBy(stripped.map((row) => row.eventId))) {
			await recordAudit(tx, audit, { action: 'knowledge_event.registrations_retention', resourceType: 'knowledge_event', resourceId: eventId, after: { stripped: count, days: REGISTRATION_RETENTION_DAYS } });
		}
		return stripped.length;
	});
}

const countBy = (keys: string[]) => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());

/** An event as the API gives it: its facts and, when it takes registrations, the places (no names). */
export function eventForApi(
	ctx: RequestContext,
	row: EventRow,
	places: Awaited<ReturnType<typeof placesOf>>,
	organisers: { slug: string; name: string }[] = [],
	linked: { value: string; label: string; lang: string; path: string }[] = []
) {
	return {
		slug: row.slug,
		title: row.title,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		place: row.place,
		onlineUrl: row.onlineUrl,
		status: row.status,
		participantCategories: row.participantCategories,
		registration: row.registrationOpen ? { open: registrationIsOpen(row, ctx.now()), ...places } : null,
		isSample: row.isSample,
		url: `${ctx.publicUrl}/${ctx.language}/knowledge/events/${row.slug}`,
		description: row.description,
		organisers,
		documents: row.documents,
		linked: linked.map((link) => ({ link: link.value, title: link.label, lang: link.lang, url: `${ctx.publicUrl}/${ctx.language}${link.path}` })),
		sources: row.sources
	};
}

/** The signed-in person's registrations for events not over yet, soonest first (My registrations). */
export async function myRegistrations(ctx: RequestContext) {
	const actor = signedIn(ctx);
	const rows = await ctx.db
		.select({ registration: eventRegistration, row: event })
		.from(eventRegistration)
		.innerJoin(event, eq(event.id, eventRegistration.eventId))
		.where(and(eq(eventRegistration.userId, actor.userId), ne(eventRegistration.status, 'cancelled'), gte(event.endsAt, ctx.now())))
		.orderBy(asc(event.startsAt), desc(eventRegistration.createdAt));
	return rows.map(({ registration, row }) => ({
		id: registration.id,
		event: { slug: row.slug, title: row.title, startsAt: row.startsAt.toISOString(), place: row.place, status: row.status },
		status: registration.status as RegistrationStatus,
		code: registration.status === 'confirmed' ? registration.checkInCode : null,
		checkedIn: registration.checkedInAt !== null
	}));
}

/**
 * The reminder of the day before: each confirmed person of an event starting within the next 24 hours is
 * e-mailed once (in their language) the time, the place, their code and the event's page. Answers how many
 * went. Run by the module's hourly job; a person who registers in the last 24 hours has just had their
 * confirmation and gets no reminder.
 */
export async function sendEventReminders(ctx: RequestContext): Promise<number> {
	const now = ctx.now();
	const soon = new Date(now.getTime() + 24 * 3600 * 1000);
	const due = await ctx.db
		.select({ registration: eventRegistration, row: event })
		.from(eventRegistration)
		.innerJoin(event, eq(event.id, eventRegistration.eventId))
		.where(
			and(
				eq(eventRegistration.status, 'confirmed'),
				isNotNull(eventRegistration.email),
				sql`${eventRegistration.remindedAt} is null`,
				sql`${eventRegistration.checkedInAt} is null`,
				eq(event.status, 'published'),
				sql`${event.startsAt} > ${now.toISOString()}::timestamptz and ${event.startsAt} <= ${soon.toISOString()}::timestamptz`,
				sql`${eventRegistration.createdAt} < ${new Date(now.getTime() - 24 * 3600 * 1000).toISOString()}::timestamptz`
			)
		);
	let sent = 0;
	for (const { registration, row } of due) {
		const language = registration.language as Language;
		// marked first: a reminder never goes twice, even if the job runs again while this one is sending
		const [marked] = await ctx.db
			.update(eventRegistration)
			.set({ remindedAt: now })
			.where(and(eq(eventRegistration.id, registration.id), sql`${eventRegistration.remindedAt} is null`))
			.returning({ id: eventRegistration.id });
		if (!marked) continue;
		const message = composeEmail(language, registration.email!, 'events.email_reminder', {
			name: registration.name ?? '',
			event: pickText(row.title, language).text,
			when: new Intl.DateTimeFormat(language === 'ar' ? 'ar-MA' : language, { dateStyle: 'full', timeStyle: 'short', timeZone: EVENT_TIME_ZONE }).format(row.startsAt),
			place: row.place ?? row.onlineUrl ?? '',
			code: registration.checkInCode,
			eventLink: `${ctx.publicUrl}/${language}/knowledge/events/${row.slug}`
		});
		if (await sendQuietly(ctx, message)) sent += 1;
	}
	return sent;
}
