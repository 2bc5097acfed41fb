// Coordinators' announcements to a network's members: written in one or more languages, e-mailed by the
// job queue to each member in their language (or a stand-in, marked), with a one-click unsubscribe link.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/database.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { AppError, type FieldProblem } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { composeEmail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { pickText, languageNameIn } from '../../platform/i18n/content-language.ts';
import { defaultLanguage, isLanguage } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { network, networkAnnouncement, networkMember } from './talents.table.ts';

/** The job's name on the queue (`<module>.<job>`, the manifest's `jobs` key). */
export const SEND_ANNOUNCEMENT_JOB = 'talents.send-announcement';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const inLanguages = (max: number) =>
	z.object({ fr: z.preprocess(blank, z.string().trim().max(max).optional()), ar: z.preprocess(blank, z.string().trim().max(max).optional()), en: z.preprocess(blank, z.string().trim().max(max).optional()) });

/** `publish`: also on the network's public page, as news (a form's ticked box sends 'on'); else for the members only. */
export const AnnouncementInput = z
	.object({ subject: inLanguages(150), body: inLanguages(5000), publish: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).default(false) })
	.meta({ id: 'TalentAnnouncementInput' });

/** At least one language, and each language given whole: a subject without its text (or the reverse) is a mistake. */
function checkAnnouncement(raw: unknown) {
	const input = parseOrThrow(AnnouncementInput, raw);
	const languages = (['fr', 'ar', 'en'] as const).filter((language) => input.subject[language] || input.body[language]);
	const fields: FieldProblem[] = languages.length ? [] : [{ path: 'subject.fr', messageKey: 'field_required' }, { path: 'body.fr', messageKey: 'field_required' }];
	for (const language of languages) {
		if (!input.subject[language]) fields.push({ path: `subject.${language}`, messageKey: 'field_required' });
		if (!input.body[language]) fields.push({ path: `body.${language}`, messageKey: 'field_required' });
	}
	if (fields.length) throw new AppError('invalid_input', { fields });
	return input;
}

interface Queue {
	send(name: string, data: object, options?: { tx?: DbOrTx }): Promise<string | null>;
}

async function networkBySlug(db: DbOrTx, slug: string) {
	const [row] = await db.select().from(network).where(eq(network.slug, slug));
	if (!row) throw new AppError('not_found');
	return row;
}

/** A coordinator of the network posts an announcement; its e-mails are queued with it (both or neither). */
export async function postAnnouncement(ctx: RequestContext, slug: string, raw: unknown, queue: Queue) {
	const author = ctx.require('talents.coordinate', { scope: slug });
	const input = checkAnnouncement(raw);
	return ctx.transaction(async (tx) => {
		const found = await networkBySlug(tx.db, slug);
		const [created] = await tx.db.insert(networkAnnouncement).values({ networkId: found.id, authorUserId: author.userId, subject: input.subject, body: input.body, published: input.publish }).returning();
		await recordAudit(tx.db, tx.audit, { action: 'network_announcement.create', resourceType: 'network', resourceId: found.id, after: { announcementId: created.id, languages: Object.keys(input.subject), published: input.publish } });
		await queue.send(SEND_ANNOUNCEMENT_JOB, { announcementId: created.id }, { tx: tx.db });
		return created;
	});
}

/** The network's announcements, newest first, for its coordinators. */
export async function listAnnouncements(ctx: RequestContext, slug: string) {
	ctx.require('talents.coordinate', { scope: slug });
	const found = await networkBySlug(ctx.db, slug);
	return ctx.db.select().from(networkAnnouncement).where(eq(networkAnnouncement.networkId, found.id)).orderBy(desc(networkAnnouncement.createdAt)).limit(50);
}

/**
 * The job: one e-mail per member who still wants announcements, in the member's language when the
 * coordinator wrote it, else in a stand-in language that the e-mail names. Once sent, never again.
 */
export async function sendAnnouncement(db: DbOrTx, mailer: Mailer, publicUrl: string, announcementId: string): Promise<number> {
	const [found] = await db.select({ announcement: networkAnnouncement, network }).from(networkAnnouncement).innerJoin(network, eq(network.id, networkAnnouncement.networkId)).where(eq(networkAnnouncement.id, announcementId));
	if (!found || found.announcement.sentAt) return 0;
	const members = await db
		.select({ email: user.email, locale: user.locale, token: networkMember.unsubscribeToken })
		.from(networkMember)
		.innerJoin(user, eq(user.id, networkMember.userId))
		.where(and(eq(networkMember.networkId, found.network.id), eq(networkMember.status, 'member'), eq(networkMember.announcements, true)));
	const base = publicUrl.replace(/\/$/, '');
	for (const member of members) {
		const language = isLanguage(member.locale) ? member.locale : defaultLanguage;
		const subject = pickText(found.announcement.subject, language);
		const body = pickText(found.announcement.body, language);
		const note = body.fallback ? `${translate(language, 'talents.email_in_language', { language: languageNameIn(body.lang, language) })}\n\n` : '';
		await mailer.send(
			composeEmail(language, member.email, 'talents.email_announcement', {
				network: pickText(found.network.name, language).text,
				subject: subject.text,
				body: `${note}${body.text}`,
				page: `${base}/${language}/talents/networks/${found.network.slug}`,
				unsubscribe: `${base}/${language}/talents/unsubscribe?token=${member.token}`
			})
		);
	}
	await db.update(networkAnnouncement).set({ sentAt: new Date(), recipients: members.length }).where(eq(networkAnnouncement.id, announcementId));
	return members.length;
}

/** The unsubscribe link: the membership it names stops receiving announcements (no sign-in needed). */
export async function unsubscribeByToken(ctx: RequestContext, token: string) {
	if (!/^[0-9a-f-]{36}$/i.test(token)) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const [row] = await tx.db.update(networkMember).set({ announcements: false }).where(eq(networkMember.unsubscribeToken, token)).returning();
		if (!row) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: 'network_member.unsubscribe', resourceType: 'network', resourceId: row.networkId, after: { userId: row.userId } });
		const [found] = await tx.db.select().from(network).where(eq(network.id, row.networkId));
		return found;
	});
}

/** A member turns the network's announcements on or off from its page. */
export async function setAnnouncements(ctx: RequestContext, slug: string, wanted: boolean) {
	const talent = ctx.require('talents.profile.manage_own');
	return ctx.transaction(async (tx) => {
		const found = await networkBySlug(tx.db, slug);
		const [row] = await tx.db.update(networkMember).set({ announcements: wanted }).where(and(eq(networkMember.networkId, found.id), eq(networkMember.userId, talent.userId))).returning();
		if (!row) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: wanted ? 'network_member.subscribe' : 'network_member.unsubscribe', resourceType: 'network', resourceId: found.id, after: { userId: talent.userId } });
	});
}
