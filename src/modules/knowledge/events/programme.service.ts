// An event's programme (issue #14, item 4): its editors add and remove sessions — plenaries, parallel
// sessions, round tables, presentations, visits — each with its times in Morocco (within the event), room
// and speakers; the event's page shows them by day.
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { getEvent } from './event.service.ts';
import { SessionInput } from './event.schemas.ts';
import { eventSession } from './event.table.ts';
import { moroccoTimeToInstant } from './time.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The programme of an event, in order of time. */
export function programmeOf(db: DbOrTx, eventId: string) {
	return db.select().from(eventSession).where(eq(eventSession.eventId, eventId)).orderBy(asc(eventSession.startsAt), asc(eventSession.endsAt), asc(eventSession.createdAt));
}

/** Adds a session; its times must fall within the event's (refused on `startsAt`/`endsAt` otherwise). */
export async function addSession(ctx: RequestContext, slug: string, raw: unknown) {
	ctx.require('knowledge.edit_events');
	const input = parseOrThrow(SessionInput, raw);
	return ctx.transaction(async (tx) => {
		const row = await getEvent(tx, slug);
		const startsAt = moroccoTimeToInstant(input.startsAt);
		const endsAt = moroccoTimeToInstant(input.endsAt);
		const outside = [
			...(startsAt < row.startsAt || startsAt > row.endsAt ? [{ path: 'startsAt', messageKey: 'field_invalid' }] : []),
			...(endsAt > row.endsAt || endsAt < row.startsAt ? [{ path: 'endsAt', messageKey: 'field_invalid' }] : [])
		];
		if (outside.length) throw new AppError('invalid_input', { fields: outside });
		const [saved] = await tx.db
			.insert(eventSession)
			.values({ eventId: row.id, title: input.title, kind: input.kind, startsAt, endsAt, room: input.room ?? null, speakers: input.speakers, createdAt: tx.now() })
			.returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_event_session.add', resourceType: 'knowledge_event_session', resourceId: saved.id, after: { ...saved, createdAt: undefined } });
		return saved;
	});
}

/** Removes a session of the event (another event's session, or none: not found). */
export async function removeSession(ctx: RequestContext, slug: string, id: string) {
	ctx.require('knowledge.edit_events');
	if (!UUID.test(id)) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const row = await getEvent(tx, slug);
		const [removed] = await tx.db.delete(eventSession).where(and(eq(eventSession.id, id), eq(eventSession.eventId, row.id))).returning();
		if (!removed) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_event_session.remove', resourceType: 'knowledge_event_session', resourceId: id, before: { ...removed, createdAt: undefined } });
	});
}

/** The session form's fields to a session's data (speakers one per line). */
export function sessionFromForm(form: FormData) {
	const one = (name: string) => String(form.get(name) ?? '');
	const title = Object.fromEntries((['fr', 'ar', 'en'] as const).flatMap((code) => (one(`session_title_${code}`).trim() ? [[code, one(`session_title_${code}`).trim()]] : [])));
	return {
		title,
		kind: one('kind'),
		startsAt: one('sessionStartsAt'),
		endsAt: one('sessionEndsAt'),
		room: one('room'),
		speakers: one('speakers')
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean)
	};
}
