import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { auditEvent } from './audit-event.table.ts';

export type AuditChannel = 'web' | 'api' | 'cli' | 'system';

/** Who acts and through what: built once per request (or per CLI command, or per job). */
export interface AuditContext {
	actorUserId: string | null;
	actorLabel: string | null;
	channel: AuditChannel;
	requestId?: string | null;
	ip?: string | null;
}

export const systemContext = (channel: AuditChannel = 'system'): AuditContext => ({
	actorUserId: null,
	actorLabel: channel,
	channel
});

export interface AuditEntry {
	action: string;
	resourceType: string;
	resourceId?: string | null;
	before?: unknown;
	after?: unknown;
}

/** Append one event; call it with the transaction that makes the change, so both land or neither. */
export async function recordAudit(tx: DbOrTx, context: AuditContext, entry: AuditEntry): Promise<void> {
	await recordAudits(tx, context, [entry]);
}

/** Several events of one context in one statement per thousand (an import that creates hundreds of records). */
export async function recordAudits(tx: DbOrTx, context: AuditContext, entries: AuditEntry[]): Promise<void> {
	const rows = entries.map((entry) => ({
		actorUserId: context.actorUserId,
		actorLabel: context.actorLabel,
		channel: context.channel,
		action: entry.action,
		resourceType: entry.resourceType,
		resourceId: entry.resourceId ?? null,
		before: entry.before ?? null,
		after: entry.after ?? null,
		requestId: context.requestId ?? null,
		ip: context.ip ?? null
	}));
	for (let start = 0; start < rows.length; start += 1000) await tx.insert(auditEvent).values(rows.slice(start, start + 1000));
}

export interface AuditFilters {
	actorUserId?: string;
	resourceType?: string;
	resourceId?: string;
	action?: string;
	from?: Date;
	to?: Date;
	page: number;
	pageSize: number;
}

export async function listAuditEvents(db: DbOrTx, filters: AuditFilters) {
	const conditions: SQL[] = [];
	if (filters.actorUserId) conditions.push(eq(auditEvent.actorUserId, filters.actorUserId));
	if (filters.resourceType) conditions.push(eq(auditEvent.resourceType, filters.resourceType));
	if (filters.resourceId) conditions.push(eq(auditEvent.resourceId, filters.resourceId));
	if (filters.action) conditions.push(eq(auditEvent.action, filters.action));
	if (filters.from) conditions.push(gte(auditEvent.occurredAt, filters.from));
	if (filters.to) conditions.push(lte(auditEvent.occurredAt, filters.to));
	const where = conditions.length ? and(...conditions) : undefined;
	const [items, [{ total }]] = await Promise.all([
		db
			.select()
			.from(auditEvent)
			.where(where)
			.orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
			.limit(filters.pageSize)
			.offset((filters.page - 1) * filters.pageSize),
		db.select({ total: sql<number>`count(*)::int` }).from(auditEvent).where(where)
	]);
	return { total, items };
}

/**
 * Staff reading people's private data (contact details, profiles) leaves a trace: which people,
 * where (`view`), by whom. Nothing is written when the page showed nobody.
 */
export async function recordPersonalDataRead(
	db: DbOrTx,
	context: AuditContext,
	read: { resourceType: string; ids: readonly string[]; view: string }
): Promise<void> {
	if (read.ids.length === 0) return;
	await recordAudit(db, context, {
		action: 'personal_data.read',
		resourceType: read.resourceType,
		resourceId: read.ids.length === 1 ? read.ids[0] : null,
		after: { view: read.view, ids: read.ids }
	});
}
