// Events of the Knowledge module: editors create, edit, publish and cancel them; everyone reads the
// published and cancelled ones (upcoming and past). Drafts are the editors' alone.
import { and, asc, desc, eq, gte, inArray, lt, ne, type SQL } from 'drizzle-orm';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { can } from '../../../platform/policy/policy.ts';
import { slugify } from '../../../platform/text/slug.ts';
import { document, type Translated } from '../knowledge.table.ts';
import { EventInput, type EventData } from './event.schemas.ts';
import { event, type EventRow } from './event.table.ts';
import { moroccoTimeToInstant } from './time.ts';
import { eventLinkProblems } from './event-links.ts';
import { resolveLinks } from '../../../platform/kernel/links.ts';

async function freeSlug(ctx: RequestContext, wanted: string): Promise<string> {
	// the events' own pages (/knowledge/events/new, …/mine, …/registration/…, …/export, …/calendar) are not events
	const taken = new Set(['new', 'mine', 'registration', 'export', 'calendar', ...(await ctx.db.select({ slug: event.slug }).from(event)).map((row) => row.slug)]);
	if (!taken.has(wanted)) return wanted;
	for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** The form's data, checked: organisers and documents that exist (by slug), times in Morocco. */
async function normalise(ctx: RequestContext, input: unknown) {
	const data: EventData = parseOrThrow(EventInput, input);
	const problems: { path: string; messageKey: string }[] = [];
	const organisers = [...new Set(data.organisers)];
	const documents = [...new Set(data.documents)];
	if (organisers.length) {
		const known = new Set((await ctx.db.select({ slug: organisation.slug }).from(organisation).where(inArray(organisation.slug, organisers))).map((row) => row.slug));
		organisers.forEach((slug, index) => known.has(slug) || problems.push({ path: `organisers.${index}`, messageKey: 'field_choice' }));
	}
	if (documents.length) {
		const known = new Set((await ctx.db.select({ slug: document.slug }).from(document).where(inArray(document.slug, documents))).map((row) => row.slug));
		documents.forEach((slug, index) => known.has(slug) || problems.push({ path: `documents.${index}`, messageKey: 'field_choice' }));
	}
	const links = [...new Set(data.links)];
	problems.push(...(await eventLinkProblems(ctx.db, links)));
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return {
		title: data.title,
		description: data.description,
		startsAt: moroccoTimeToInstant(data.startsAt),
		endsAt: moroccoTimeToInstant(data.endsAt),
		place: data.place ?? null,
		onlineUrl: data.onlineUrl ?? null,
		organisers,
		status: data.status,
		participantCategories: [...new Set(data.participantCategories)],
		registrationOpen: data.registrationOpen,
		capacity: data.capacity ?? null,
		documents,
		links,
		sources: data.sources
	};
}

const auditView = (row: EventRow) => ({ ...row, createdAt: undefined, updatedAt: undefined });

export async function createEvent(ctx: RequestContext, input: unknown) {
	ctx.require('knowledge.edit_events');
	return insertEvent(ctx, input);
}

/** A new event and its audit event; the caller checked the right (the seeds' reference data has no actor). */
export async function insertEvent(ctx: RequestContext, input: unknown, options: { isSample?: boolean; slug?: string } = {}) {
	return ctx.transaction(async (tx) => {
		const values = await normalise(tx, input);
		const slug = await freeSlug(tx, options.slug ?? (slugify(values.title.fr ?? values.title.en ?? values.title.ar ?? '') || 'evenement'));
		const [row] = await tx.db
			.insert(event)
			.values({ ...values, slug, isSample: options.isSample ?? false, createdAt: tx.now(), updatedAt: tx.now() })
			.returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_event.create', resourceType: 'knowledge_event', resourceId: row.id, after: auditView(row) });
		return row;
	});
}

export async function updateEvent(ctx: RequestContext, slug: string, input: unknown) {
	ctx.require('knowledge.edit_events');
	return ctx.transaction(async (tx) => {
		const [current] = await tx.db.select().from(event).where(eq(event.slug, slug)).for('update');
		if (!current) throw new AppError('not_found');
		const values = await normalise(tx, input);
		const [row] = await tx.db.update(event).set({ ...values, updatedAt: tx.now() }).where(eq(event.id, current.id)).returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_event.update', resourceType: 'knowledge_event', resourceId: row.id, before: auditView(current), after: auditView(row) });
		return row;
	});
}

/** One event: a draft only for its editors (anyone else: not found, the draft's existence is not told). */
export async function getEvent(ctx: RequestContext, slug: string): Promise<EventRow> {
	const [row] = await ctx.db.select().from(event).where(eq(event.slug, slug));
	if (!row || (row.status === 'draft' && !can(ctx.actor, 'knowledge.edit_events'))) throw new AppError('not_found');
	return row;
}

export type EventListQuery = { when?: 'upcoming' | 'past'; status?: 'draft' | 'published' | 'cancelled'; category?: string; organiser?: string };

/** Upcoming events soonest first, past events latest first; drafts only for editors. */
export async function listEvents(ctx: RequestContext, query: EventListQuery = {}): Promise<EventRow[]> {
	const when = query.when ?? 'upcoming';
	const now = ctx.now();
	const conditions: SQL[] = [when === 'upcoming' ? gte(event.endsAt, now) : lt(event.endsAt, now)];
	if (!can(ctx.actor, 'knowledge.edit_events')) conditions.push(ne(event.status, 'draft'));
	if (query.status) conditions.push(eq(event.status, query.status));
	const rows = await ctx.db
		.select()
		.from(event)
		.where(and(...conditions))
		.orderBy(when === 'upcoming' ? asc(event.startsAt) : desc(event.startsAt));
	return rows.filter(
		(row) =>
			(!query.category || row.participantCategories.includes(query.category as never)) && (!query.organiser || row.organisers.includes(query.organiser))
	);
}

/** An event with its organisers' names and the titles of its documents, for its page. */
export async function eventPage(ctx: RequestContext, slug: string) {
	const row = await getEvent(ctx, slug);
	const organisers = row.organisers.length
		? await ctx.db.select({ slug: organisation.slug, name: organisation.name, website: organisation.website }).from(organisation).where(inArray(organisation.slug, row.organisers))
		: [];
	const documents = row.documents.length ? await ctx.db.select({ slug: document.slug, title: document.title }).from(document).where(inArray(document.slug, row.documents)) : [];
	// the records of other modules the event concerns (the Talents networks), through the platform's links
	const linked = row.links.length ? await resolveLinks(ctx.db, row.links, ctx.language) : [];
	return { row, organisers, documents, linked };
}
