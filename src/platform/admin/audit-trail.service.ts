import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { user } from '../accounts/accounts.table.ts';
import { AppError } from '../http/app-error.ts';
import type { AuditEventQuery } from './admin.schemas.ts';
import { platformTimeZone, wallClockToInstant } from '../time-zone.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a calendar day (YYYY-MM-DD) begins in a time zone; `plusDays` moves to a later day. */
export function startOfDay(day: string, timeZone = platformTimeZone, plusDays = 0): Date {
	const [year, month, date] = day.split('-').map(Number);
	return wallClockToInstant(Date.UTC(year, month - 1, date + plusDays), timeZone);
}

/** The bounds of a period filter: days are whole days in the platform's time zone (Morocco's), instants are taken as they are. */
export function periodBounds(from?: string, to?: string): { from?: Date; before?: Date; until?: Date } {
	const bounds: { from?: Date; before?: Date; until?: Date } = {};
	if (from) bounds.from = DAY.test(from) ? startOfDay(from) : new Date(from);
	if (to) {
		if (DAY.test(to)) bounds.before = startOfDay(to, platformTimeZone, 1);
		else bounds.until = new Date(to);
	}
	const end = bounds.before ?? bounds.until;
	if (bounds.from && end && end.getTime() < bounds.from.getTime()) {
		throw new AppError('invalid_input', { fields: [{ path: 'to', messageKey: 'field_invalid' }] });
	}
	return bounds;
}

/**
 * The audit trail, newest first. `actor` is a user id, or an e-mail address: then both the
 * account that has it now and events labelled with it (e.g. of a deleted account) match.
 */
export async function searchAuditTrail(db: DbOrTx, query: AuditEventQuery) {
	const conditions: SQL[] = [];
	if (query.actor) {
		if (query.actor.includes('@')) {
			const address = query.actor.toLowerCase();
			const accounts = db.select({ id: user.id }).from(user).where(sql`lower(${user.email}) = ${address}`);
			conditions.push(or(inArray(auditEvent.actorUserId, accounts), sql`lower(${auditEvent.actorLabel}) = ${address}`)!);
		} else {
			conditions.push(eq(auditEvent.actorUserId, query.actor));
		}
	}
	if (query.resourceType) conditions.push(eq(auditEvent.resourceType, query.resourceType));
	if (query.resourceId) conditions.push(eq(auditEvent.resourceId, query.resourceId));
	if (query.action) conditions.push(eq(auditEvent.action, query.action));
	const bounds = periodBounds(query.from, query.to);
	if (bounds.from) conditions.push(gte(auditEvent.occurredAt, bounds.from));
	if (bounds.before) conditions.push(lt(auditEvent.occurredAt, bounds.before));
	if (bounds.until) conditions.push(lte(auditEvent.occurredAt, bounds.until));
	const where = conditions.length ? and(...conditions) : undefined;
	const [items, [{ total }]] = await Promise.all([
		db
			.select()
			.from(auditEvent)
			.where(where)
			.orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ total: sql<number>`count(*)::int` }).from(auditEvent).where(where)
	]);
	return { total, page: query.page, pageSize: query.pageSize, items };
}

export type AuditRow = typeof auditEvent.$inferSelect;

/** The API shape of one event. */
export function auditEventJson(row: AuditRow) {
	return {
		id: row.id,
		occurredAt: row.occurredAt.toISOString(),
		actorUserId: row.actorUserId,
		actorLabel: row.actorLabel,
		channel: row.channel,
		action: row.action,
		resourceType: row.resourceType,
		resourceId: row.resourceId,
		before: row.before ?? null,
		after: row.after ?? null,
		requestId: row.requestId,
		ip: row.ip
	};
}
