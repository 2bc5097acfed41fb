import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { parseOrThrow } from '../http/validation.ts';
import { composeEmail } from '../mail/compose.ts';
import { translate } from '../i18n/translator.ts';
import { formatInPlatformZone } from '../time-zone.ts';
import { ContactInput, SiteInformationInput } from './site.schemas.ts';
import { contactMessage, siteInformation } from './site.table.ts';
import type { AccessibilityStatus } from './site.model.ts';
import type { LocalisedText } from '../i18n/content-language.ts';

export interface SiteInformation {
	publisher: LocalisedText;
	address: string | null;
	publicationDirector: string | null;
	contactEmail: string | null;
	host: string | null;
	accessibilityStatus: AccessibilityStatus;
	accessibilityAuditedOn: string | null;
	updatedAt: string | null;
}

/** What an administrator has not set yet reads as "not given" on the pages, never as made-up facts. */
const nothingSet: SiteInformation = {
	publisher: {},
	address: null,
	publicationDirector: null,
	contactEmail: null,
	host: null,
	accessibilityStatus: 'partial',
	accessibilityAuditedOn: null,
	updatedAt: null
};

/** The publisher's details and the accessibility status, as the legal notice and the statement show them (anyone). */
export async function getSiteInformation(db: DbOrTx): Promise<SiteInformation> {
	const [row] = await db.select().from(siteInformation).where(eq(siteInformation.id, 1));
	if (!row) return nothingSet;
	return {
		publisher: Object.fromEntries(Object.entries(row.publisher).filter(([, value]) => value)),
		address: row.address,
		publicationDirector: row.publicationDirector,
		contactEmail: row.contactEmail,
		host: row.host,
		accessibilityStatus: row.accessibilityStatus,
		accessibilityAuditedOn: row.accessibilityAuditedOn,
		updatedAt: row.updatedAt.toISOString()
	};
}

/** Sets the publisher's details (administrators); the audit trail keeps before and after. */
export async function updateSiteInformation(ctx: RequestContext, raw: unknown): Promise<SiteInformation> {
	const actor = ctx.require('site.manage');
	const input = parseOrThrow(SiteInformationInput, raw);
	const before = await getSiteInformation(ctx.db);
	const values = { ...input, publisher: input.publisher as LocalisedText, updatedAt: ctx.now(), updatedBy: actor.userId };
	await ctx.transaction(async (tx) => {
		await tx.db.insert(siteInformation).values({ id: 1, ...values }).onConflictDoUpdate({ target: siteInformation.id, set: values });
		await recordAudit(tx.db, tx.audit, { action: 'site_information.update', resourceType: 'site_information', resourceId: '1', before, after: input });
	});
	return getSiteInformation(ctx.db);
}

/** Demo values, so a demo shows what a filled legal notice looks like (marked as an example). */
export async function loadSiteDemoData(db: DbOrTx): Promise<void> {
	await db
		.insert(siteInformation)
		.values({
			id: 1,
			publisher: {
				fr: 'Ministère délégué chargé des Marocains résidant à l’étranger (exemple de démonstration)',
				ar: 'الوزارة المنتدبة المكلفة بالمغاربة المقيمين بالخارج (مثال للعرض)',
				en: 'Ministry for Moroccans Living Abroad (demonstration example)'
			},
			address: 'Rabat, Maroc',
			publicationDirector: 'Direction de la coopération (exemple)',
			contactEmail: 'contact@demo.sharaka.ma',
			host: 'Hébergement sur des serveurs situés au Maroc (exemple)',
			accessibilityStatus: 'partial'
		})
		.onConflictDoNothing();
}

/**
 * A message from the contact form: kept for the administrators and sent to the contact address.
 * Limited per IP address and per sender; a robot that fills the hidden field is answered as if
 * the message went, and nothing is kept.
 */
export async function sendContactMessage(ctx: RequestContext, limiter: RateLimiter, raw: unknown, ip: string | null): Promise<void> {
	const input = parseOrThrow(ContactInput, raw);
	if (input.website) return;
	const ticket = await limiter.hit('contact', ip, input.email);
	if (!ticket.allowed) {
		throw new AppError('rate_limited', { values: { minutes: Math.max(1, Math.ceil(ticket.retryAfterSeconds / 60)), seconds: ticket.retryAfterSeconds } });
	}
	const site = await getSiteInformation(ctx.db);
	const [row] = await ctx.transaction(async (tx) => {
		// retention: a message handled more than a year ago has served its purpose
		await tx.db.delete(contactMessage).where(lt(contactMessage.handledAt, new Date(ctx.now().getTime() - CONTACT_RETENTION_MS)));
		const inserted = await tx.db
			.insert(contactMessage)
			.values({ topic: input.topic, name: input.name, email: input.email, message: input.message, language: ctx.language })
			.returning();
		// the trail says a message came, not what it says nor who wrote it
		await recordAudit(tx.db, tx.audit, { action: 'contact_message.create', resourceType: 'contact_message', resourceId: inserted[0].id, after: { topic: input.topic } });
		return inserted;
	});
	if (site.contactEmail && ctx.mailer) {
		await ctx.mailer.send(
			composeEmail('fr', site.contactEmail, 'site.email_contact', {
				topic: translate('fr', `site.topic_${input.topic}`),
				name: input.name ?? '—',
				email: input.email,
				language: ctx.language,
				message: input.message,
				at: formatInPlatformZone('fr-MA', row.createdAt, { dateStyle: 'long', timeStyle: 'short' })
			})
		);
	}
}

/** How long a handled contact message is kept (then removed at the next message). */
export const CONTACT_RETENTION_MS = 365 * 24 * 3600 * 1000;

/** The messages a person sent from the contact form with their account's address (the export of their data). */
export async function contactMessagesFrom(db: DbOrTx, email: string) {
	return db
		.select({ topic: contactMessage.topic, message: contactMessage.message, createdAt: contactMessage.createdAt, handledAt: contactMessage.handledAt })
		.from(contactMessage)
		.where(sql`lower(${contactMessage.email}) = lower(${email})`)
		.orderBy(desc(contactMessage.createdAt));
}

/** Removes the messages sent with that address (the closing of the account); returns how many went. */
export async function eraseContactMessagesFrom(db: DbOrTx, email: string): Promise<number> {
	const removed = await db.delete(contactMessage).where(sql`lower(${contactMessage.email}) = lower(${email})`).returning({ id: contactMessage.id });
	return removed.length;
}

/** The contact messages, those still open first (administrators). */
export async function listContactMessages(ctx: RequestContext, limit = 100) {
	ctx.require('site.manage');
	return ctx.db
		.select()
		.from(contactMessage)
		.orderBy(sql`${contactMessage.handledAt} is not null`, desc(contactMessage.createdAt))
		.limit(limit);
}

/** How many contact messages nobody has handled yet (for the administration home). */
export async function openContactMessages(db: DbOrTx): Promise<number> {
	const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(contactMessage).where(isNull(contactMessage.handledAt));
	return Number(row?.count ?? 0);
}

/** Marks a message handled (administrators), in the audit trail. */
export async function markContactMessageHandled(ctx: RequestContext, id: string): Promise<void> {
	const actor = ctx.require('site.manage');
	await ctx.transaction(async (tx) => {
		const [updated] = await tx.db
			.update(contactMessage)
			.set({ handledAt: ctx.now(), handledBy: actor.userId })
			.where(and(eq(contactMessage.id, id), isNull(contactMessage.handledAt)))
			.returning({ id: contactMessage.id });
		if (!updated) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: 'contact_message.handle', resourceType: 'contact_message', resourceId: id });
	});
}
