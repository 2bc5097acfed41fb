// The newsletter of the Knowledge module (issue #14, item 6). Anyone subscribes with an e-mail address and
// the language they read; the subscription counts only once confirmed through the e-mailed link (double
// opt-in), and every issue carries a link that unsubscribes in one click (RFC 8058 for mail clients too),
// which deletes the subscription. Editors compose issues from library documents, events and Atlas
// initiatives, preview them, then send them: each confirmed subscriber gets the issue in their language,
// once (a send interrupted goes on where it stopped). Sent issues make the public archive.
import crypto from 'node:crypto';
import { and, asc, count, desc, eq, inArray, lt, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { hashToken } from '../../../platform/accounts/api-token.service.ts';
import { recordAudit, systemContext, type AuditContext } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';
import { isLanguage, languages, type Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { linkTarget, resolveLinks, unknownLinks } from '../../../platform/kernel/links.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { document, type Translated } from '../knowledge.table.ts';
import { titleIn, titleLanguage } from '../titles.ts';
import { event } from '../events/event.table.ts';
import { issueLinkKinds, PENDING_RETENTION_DAYS } from './newsletter.model.ts';
import { newsletterIssue, newsletterSubscriber, type NewsletterIssueRow } from './newsletter.table.ts';

const EDIT = 'knowledge.edit_newsletter' as const;
const newToken = () => crypto.randomBytes(24).toString('base64url');
const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

const text = (maxLength: number) => z.string().trim().min(1).max(maxLength);
const Translated = (maxLength: number) => z.object({ fr: text(maxLength).optional(), ar: text(maxLength).optional(), en: text(maxLength).optional() });

export const SubscriptionInput = z.object({
	email: z.email().max(254),
	language: z.enum(languages),
	// an unticked box sends nothing: "this field is required"
	consent: z.preprocess((value) => (value === 'on' || value === true ? true : undefined), z.literal(true))
});

export const IssueInput = z.object({
	title: Translated(200).refine((value) => Object.values(value).some(Boolean), { message: 'field_required' }),
	intro: Translated(5000).default({}),
	documents: z.array(z.string().trim().min(1).max(120)).max(30).default([]),
	events: z.array(z.string().trim().min(1).max(120)).max(30).default([]),
	links: z.array(z.string().trim().min(1).max(200)).max(30).default([])
});

// ---- subscribers -----------------------------------------------------------------------------------------

/**
 * Asks for the newsletter. Whatever the address's state, the answer is the same (nobody learns from the
 * page whether an address is subscribed): a new or pending address gets the confirmation link, a confirmed
 * one a note that it already receives the newsletter (with its unsubscribe link).
 */
export async function subscribe(ctx: RequestContext, raw: unknown) {
	const input = parseOrThrow(SubscriptionInput, raw);
	const token = newToken();
	const outcome = await ctx.transaction(async (tx) => {
		const [current] = await tx.db.select().from(newsletterSubscriber).where(sql`lower(${newsletterSubscriber.email}) = ${input.email.toLowerCase()}`).for('update');
		if (current?.status === 'confirmed') return { kind: 'already' as const, row: current };
		const values = { email: input.email, language: input.language, status: 'pending' as const, confirmTokenHash: hashToken(token), consentAt: tx.now() };
		const [row] = current
			? await tx.db.update(newsletterSubscriber).set(values).where(eq(newsletterSubscriber.id, current.id)).returning()
			: await tx.db.insert(newsletterSubscriber).values({ ...values, unsubscribeToken: newToken(), createdAt: tx.now() }).returning();
		// the trail keeps the fact, not the address
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_newsletter.subscribe', resourceType: 'knowledge_newsletter_subscriber', resourceId: row.id, after: { language: input.language } });
		return { kind: 'pending' as const, row };
	});
	const language = outcome.row.language as Language;
	const unsubscribe = unsubscribeUrl(ctx, language, outcome.row.unsubscribeToken);
	const message =
		outcome.kind === 'pending'
			? composeEmail(language, outcome.row.email, 'newsletters.email_confirm', { link: `${ctx.publicUrl}/${language}/knowledge/newsletters/confirm/${token}`, days: PENDING_RETENTION_DAYS })
			: composeEmail(language, outcome.row.email, 'newsletters.email_already', { unsubscribe });
	await ctx.mailer?.send(message);
}

const unsubscribeUrl = (ctx: RequestContext, language: Language, token: string) => `${ctx.publicUrl}/${language}/knowledge/newsletters/unsubscribe/${token}`;

/** The pending subscription a confirmation link names, or null (unknown, used or expired link). */
export async function pendingByToken(db: DbOrTx, token: string) {
	if (!TOKEN.test(token)) return null;
	const [row] = await db.select().from(newsletterSubscriber).where(eq(newsletterSubscriber.confirmTokenHash, hashToken(token)));
	return row && row.status === 'pending' ? row : null;
}

/** Confirms a subscription by its link (the second step of the double opt-in). */
export async function confirmSubscription(ctx: RequestContext, token: string) {
	return ctx.transaction(async (tx) => {
		const row = await pendingByToken(tx.db, token);
		if (!row) throw new AppError('not_found');
		// the last issue sent so far is not sent to them afterwards: they receive the next ones
		const [latest] = await tx.db.select({ number: max(newsletterIssue.number) }).from(newsletterIssue).where(eq(newsletterIssue.status, 'sent'));
		await tx.db
			.update(newsletterSubscriber)
			.set({ status: 'confirmed', confirmTokenHash: null, confirmedAt: tx.now(), lastIssue: latest?.number ?? 0 })
			.where(eq(newsletterSubscriber.id, row.id));
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_newsletter.confirm', resourceType: 'knowledge_newsletter_subscriber', resourceId: row.id });
		return { language: row.language as Language };
	});
}

/** Whether an unsubscribe link still names a subscription (its page says so before the button). */
export async function subscriptionByUnsubscribeToken(db: DbOrTx, token: string) {
	if (!TOKEN.test(token)) return null;
	const [row] = await db.select({ email: newsletterSubscriber.email, language: newsletterSubscriber.language }).from(newsletterSubscriber).where(eq(newsletterSubscriber.unsubscribeToken, token));
	return row ?? null;
}

/** Unsubscribes by the link of an issue: the subscription is deleted. An unknown link changes nothing (and says so). */
export async function unsubscribe(ctx: RequestContext, token: string): Promise<boolean> {
	if (!TOKEN.test(token)) return false;
	return ctx.transaction(async (tx) => {
		const [gone] = await tx.db.delete(newsletterSubscriber).where(eq(newsletterSubscriber.unsubscribeToken, token)).returning({ id: newsletterSubscriber.id });
		if (gone) await recordAudit(tx.db, tx.audit, { action: 'knowledge_newsletter.unsubscribe', resourceType: 'knowledge_newsletter_subscriber', resourceId: gone.id });
		return Boolean(gone);
	});
}

/** Retention: subscriptions not confirmed within 7 days are deleted. Answers how many. */
export async function deleteUnconfirmed(db: DbOrTx, now: Date, audit: AuditContext = systemContext()): Promise<number> {
	const limit = new Date(now.getTime() - PENDING_RETENTION_DAYS * 24 * 3600 * 1000);
	return db.transaction(async (tx) => {
		const gone = await tx
			.delete(newsletterSubscriber)
			.where(and(eq(newsletterSubscriber.status, 'pending'), lt(newsletterSubscriber.consentAt, limit)))
			.returning({ id: newsletterSubscriber.id });
		// the count only: the addresses are what goes
		if (gone.length) {
			await recordAudit(tx, audit, { action: 'knowledge_newsletter.unconfirmed_retention', resourceType: 'knowledge_newsletter_subscriber', resourceId: null, after: { deleted: gone.length, days: PENDING_RETENTION_DAYS } });
		}
		return gone.length;
	});
}

/** The subscription of an address, for the person's data export. */
export async function subscriptionOf(db: DbOrTx, email: string) {
	if (!email) return null;
	const [row] = await db.select().from(newsletterSubscriber).where(sql`lower(${newsletterSubscriber.email}) = ${email.toLowerCase()}`);
	return row ? { email: row.email, language: row.language, status: row.status, consentAt: row.consentAt.toISOString(), confirmedAt: row.confirmedAt?.toISOString() ?? null, lastIssue: row.lastIssue } : null;
}

export async function deleteSubscriptionOf(db: DbOrTx, email: string): Promise<boolean> {
	if (!email) return false;
	return (await db.delete(newsletterSubscriber).where(sql`lower(${newsletterSubscriber.email}) = ${email.toLowerCase()}`).returning({ id: newsletterSubscriber.id })).length > 0;
}

/** Counts for the editors (never the addresses). */
export async function subscriberCounts(db: DbOrTx) {
	const rows = await db.select({ status: newsletterSubscriber.status, language: newsletterSubscriber.language, n: count() }).from(newsletterSubscriber).groupBy(newsletterSubscriber.status, newsletterSubscriber.language);
	const confirmed = rows.filter((row) => row.status === 'confirmed');
	return {
		confirmed: confirmed.reduce((sum, row) => sum + row.n, 0),
		pending: rows.filter((row) => row.status === 'pending').reduce((sum, row) => sum + row.n, 0),
		byLanguage: languages.map((language) => ({ language, count: confirmed.find((row) => row.language === language)?.n ?? 0 }))
	};
}

// ---- issues ----------------------------------------------------------------------------------------------

/** The issue's data checked: documents and events that exist and are public, links to records that exist. */
async function normaliseIssue(ctx: RequestContext, raw: unknown) {
	const data = parseOrThrow(IssueInput, raw);
	const documents = [...new Set(data.documents)];
	const events = [...new Set(data.events)];
	const links = [...new Set(data.links)];
	const problems: { path: string; messageKey: string }[] = [];
	if (documents.length) {
		const found = await ctx.db.select({ slug: document.slug }).from(document).where(and(inArray(document.slug, documents), inArray(document.status, ['published', 'forthcoming'])));
		if (found.length !== documents.length) problems.push({ path: 'documents', messageKey: 'field_choice' });
	}
	if (events.length) {
		const found = await ctx.db.select({ slug: event.slug }).from(event).where(and(inArray(event.slug, events), inArray(event.status, ['published', 'cancelled'])));
		if (found.length !== events.length) problems.push({ path: 'events', messageKey: 'field_choice' });
	}
	if (links.length && (links.some((value) => !issueLinkKinds.some((kind) => value.startsWith(`${kind}:`))) || (await unknownLinks(ctx.db, links, ctx.language)).length)) problems.push({ path: 'links', messageKey: 'field_choice' });
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return { title: data.title as Translated, intro: data.intro as Translated, documents, events, links };
}

const issueAudit = (row: NewsletterIssueRow) => ({ number: row.number, title: row.title, documents: row.documents, events: row.events, links: row.links, status: row.status });

export async function createIssue(ctx: RequestContext, raw: unknown) {
	const actor = ctx.require(EDIT);
	return ctx.transaction(async (tx) => {
		const values = await normaliseIssue(tx, raw);
		// numbers follow each other: one new issue at a time
		await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext('knowledge.newsletter_issue'))`);
		const [last] = await tx.db.select({ number: max(newsletterIssue.number) }).from(newsletterIssue);
		const [row] = await tx.db
			.insert(newsletterIssue)
			.values({ ...values, number: (last?.number ?? 0) + 1, createdBy: actor.userId, createdAt: tx.now(), updatedAt: tx.now() })
			.returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_newsletter_issue.create', resourceType: 'knowledge_newsletter_issue', resourceId: row.id, after: issueAudit(row) });
		return row;
	});
}

async function lockedIssue(ctx: RequestContext, number: number): Promise<NewsletterIssueRow> {
	if (!Number.isInteger(number) || number < 1) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(newsletterIssue).where(eq(newsletterIssue.number, number)).for('update');
	if (!row) throw new AppError('not_found');
	return row;
}

/** Changes a draft (a sent issue is as it was sent: 409 `issue_sent`). */
export async function updateIssue(ctx: RequestContext, number: number, raw: unknown) {
	ctx.require(EDIT);
	return ctx.transaction(async (tx) => {
		const current = await lockedIssue(tx, number);
		if (current.status === 'sent') throw new AppError('conflict', { extra: { reason: 'issue_sent' } });
		const values = await normaliseIssue(tx, raw);
		const [row] = await tx.db.update(newsletterIssue).set({ ...values, updatedAt: tx.now() }).where(eq(newsletterIssue.id, current.id)).returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_newsletter_issue.update', resourceType: 'knowledge_newsletter_issue', resourceId: row.id, before: issueAudit(current), after: issueAudit(row) });
		return row;
	});
}

/** One issue: a draft only for the editors (anyone else: not found). */
export async function getIssue(ctx: RequestContext, number: number): Promise<NewsletterIssueRow> {
	if (!Number.isInteger(number) || number < 1) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(newsletterIssue).where(eq(newsletterIssue.number, number));
	if (!row || (row.status === 'draft' && !ctx.can(EDIT))) throw new AppError('not_found');
	return row;
}

/** The archive (sent issues, latest first); the editors see the drafts too. */
export async function listIssues(ctx: RequestContext) {
	return ctx.db
		.select()
		.from(newsletterIssue)
		.where(ctx.can(EDIT) ? undefined : eq(newsletterIssue.status, 'sent'))
		.orderBy(desc(newsletterIssue.number));
}

export type IssueItem = { title: string; lang: Language; path: string; isSample: boolean; detail?: string };

/** What an issue points to, in a language: its documents, events and other modules' records (gone ones left out). */
export async function issueContents(db: DbOrTx, row: NewsletterIssueRow, language: Language): Promise<Record<'documents' | 'events' | 'links', IssueItem[]>> {
	const [documents, events, links] = await Promise.all([
		row.documents.length ? db.select({ slug: document.slug, title: document.title, year: document.year, isSample: document.isSample }).from(document).where(inArray(document.slug, row.documents)) : [],
		row.events.length ? db.select({ slug: event.slug, title: event.title, startsAt: event.startsAt, isSample: event.isSample }).from(event).where(inArray(event.slug, row.events)) : [],
		resolveLinks(db, row.links, language)
	]);
	const dateOf = (at: Date) => new Intl.DateTimeFormat(language === 'ar' ? 'ar-MA' : language, { dateStyle: 'long', timeZone: 'Africa/Casablanca' }).format(at);
	return {
		documents: row.documents.flatMap((slug) => {
			const found = documents.find((entry) => entry.slug === slug);
			return found ? [{ title: titleIn(found.title, language), lang: titleLanguage(found.title, language), path: `/knowledge/documents/${slug}`, isSample: found.isSample, detail: found.year ? String(found.year) : undefined }] : [];
		}),
		events: row.events.flatMap((slug) => {
			const found = events.find((entry) => entry.slug === slug);
			return found ? [{ title: titleIn(found.title, language), lang: titleLanguage(found.title, language), path: `/knowledge/events/${slug}`, isSample: found.isSample, detail: dateOf(found.startsAt) }] : [];
		}),
		links: links.map((link) => ({ title: link.label, lang: (isLanguage(link.lang) ? link.lang : 'fr') as Language, path: link.path, isSample: link.isSample }))
	};
}

/** What an issue points to, read once per language however many subscribers read that language. */
function contentsByLanguage(ctx: RequestContext, row: NewsletterIssueRow) {
	const read = new Map<Language, ReturnType<typeof issueContents>>();
	return (language: Language) => {
		if (!read.has(language)) read.set(language, issueContents(ctx.db, row, language));
		return read.get(language)!;
	};
}

/** The e-mail of an issue in a subscriber's language: introduction, then each part's titles and links, then how to unsubscribe. */
async function issueEmail(ctx: RequestContext, row: NewsletterIssueRow, to: { email: string; language: string; unsubscribeToken: string }, contentsIn: ReturnType<typeof contentsByLanguage>) {
	const language = (isLanguage(to.language) ? to.language : 'fr') as Language;
	const contents = await contentsIn(language);
	const part = (key: string, items: IssueItem[]) =>
		items.length ? `${translate(language, key)}\n${items.map((item) => `- ${item.title}${item.detail ? ` (${item.detail})` : ''}\n  ${ctx.publicUrl}/${language}${item.path}`).join('\n')}` : '';
	const unsubscribe = unsubscribeUrl(ctx, language, to.unsubscribeToken);
	const message = composeEmail(language, to.email, 'newsletters.email_issue', {
		number: row.number,
		title: pickText(row.title, language).text,
		intro: pickText(row.intro, language).text,
		contents: [part('newsletters.part_documents', contents.documents), part('newsletters.part_events', contents.events), part('newsletters.part_links', contents.links)].filter(Boolean).join('\n\n'),
		archive: `${ctx.publicUrl}/${language}/knowledge/newsletters/${row.number}`,
		unsubscribe
	});
	// one click in the mail client (RFC 2369, RFC 8058)
	message.unsubscribeUrl = `${ctx.publicUrl}/api/v1/knowledge/newsletters/unsubscribe/${to.unsubscribeToken}`;
	return message;
}

/** Sends a draft to the subscriber who asks to preview it (an editor, to their own address). */
export async function sendPreview(ctx: RequestContext, number: number, email: string) {
	ctx.require(EDIT);
	const row = await getIssue(ctx, number);
	await ctx.mailer?.send(await issueEmail(ctx, row, { email, language: ctx.language, unsubscribeToken: 'preview-no-subscription-000' }, contentsByLanguage(ctx, row)));
}

/**
 * Sends an issue to every confirmed subscriber who has not had it, each in their language; the issue then
 * joins the archive. Each subscriber is marked as the message is queued, so sending again after an
 * interruption reaches only those left. Answers how many were sent this time.
 */
export async function sendIssue(ctx: RequestContext, number: number) {
	ctx.require(EDIT);
	const row = await ctx.transaction(async (tx) => {
		const current = await lockedIssue(tx, number);
		const [later] = await tx.db.select({ number: max(newsletterIssue.number) }).from(newsletterIssue).where(eq(newsletterIssue.status, 'sent'));
		if (current.status === 'draft' && (later?.number ?? 0) > current.number) throw new AppError('conflict', { extra: { reason: 'issue_out_of_order' } });
		if (current.status === 'sent') return current;
		const [sent] = await tx.db.update(newsletterIssue).set({ status: 'sent', sentAt: tx.now(), updatedAt: tx.now() }).where(eq(newsletterIssue.id, current.id)).returning();
		await recordAudit(tx.db, tx.audit, { action: 'knowledge_newsletter_issue.send', resourceType: 'knowledge_newsletter_issue', resourceId: sent.id, after: { number: sent.number } });
		return sent;
	});
	let sent = 0;
	const contentsIn = contentsByLanguage(ctx, row);
	for (;;) {
		const batch = await ctx.db
			.select()
			.from(newsletterSubscriber)
			.where(and(eq(newsletterSubscriber.status, 'confirmed'), lt(newsletterSubscriber.lastIssue, row.number)))
			.orderBy(asc(newsletterSubscriber.id))
			.limit(200);
		if (!batch.length) break;
		for (const subscriber of batch) {
			await ctx.mailer?.send(await issueEmail(ctx, row, subscriber, contentsIn));
			await ctx.db.update(newsletterSubscriber).set({ lastIssue: row.number }).where(eq(newsletterSubscriber.id, subscriber.id));
			sent++;
		}
	}
	await ctx.db.update(newsletterIssue).set({ recipients: sql`${newsletterIssue.recipients} + ${sent}` }).where(eq(newsletterIssue.id, row.id));
	return { sent };
}

/** The pickers of the composer: published documents, public events, and the other modules' records it may link. */
export async function issueChoices(db: DbOrTx, language: Language) {
	const [documents, events] = await Promise.all([
		db.select({ slug: document.slug, title: document.title, isSample: document.isSample }).from(document).where(inArray(document.status, ['published', 'forthcoming'])).orderBy(desc(document.year), asc(document.slug)),
		db.select({ slug: event.slug, title: event.title, isSample: event.isSample }).from(event).where(inArray(event.status, ['published', 'cancelled'])).orderBy(desc(event.startsAt))
	]);
	const links = (
		await Promise.all(
			issueLinkKinds
				.filter((kind) => linkTarget(kind))
				.map(async (kind) => (await linkTarget(kind)!.choices(db, language)).map((choice) => ({ value: `${kind}:${choice.value}`, label: choice.label, isolate: true })))
		)
	).flat();
	return {
		documents: documents.map((row) => ({ value: row.slug, label: titleIn(row.title, language), isolate: true })),
		events: events.map((row) => ({ value: row.slug, label: titleIn(row.title, language), isolate: true })),
		links
	};
}

/** An issue as the API gives it: its words, its date, and what it points to in the request's language. */
export async function issueForApi(ctx: RequestContext, row: NewsletterIssueRow) {
	const contents = await issueContents(ctx.db, row, ctx.language);
	const absolute = (items: IssueItem[]) => items.map((item) => ({ title: item.title, lang: item.lang, url: `${ctx.publicUrl}/${ctx.language}${item.path}`, isSample: item.isSample }));
	return {
		number: row.number,
		title: row.title,
		intro: row.intro,
		status: row.status,
		sentAt: row.sentAt?.toISOString() ?? null,
		url: `${ctx.publicUrl}/${ctx.language}/knowledge/newsletters/${row.number}`,
		documents: absolute(contents.documents),
		events: absolute(contents.events),
		links: absolute(contents.links)
	};
}

const TranslatedOut = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() });
const IssueItemOut = z.object({ title: z.string(), lang: z.enum(languages), url: z.string(), isSample: z.boolean() });
export const IssueOut = z
	.object({
		number: z.int(),
		title: TranslatedOut,
		intro: TranslatedOut,
		status: z.enum(['draft', 'sent']),
		sentAt: z.string().nullable(),
		url: z.string(),
		documents: z.array(IssueItemOut),
		events: z.array(IssueItemOut),
		links: z.array(IssueItemOut).meta({ description: 'Atlas initiatives (when the Atlas is installed)' })
	})
	.meta({ id: 'KnowledgeNewsletterIssue' });
export const IssueListOut = z.object({ items: z.array(IssueOut) });
