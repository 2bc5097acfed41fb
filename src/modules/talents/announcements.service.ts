// Coordinators' announcements to a network's members: written in one or more languages, e-mailed by the
// job queue to each member in their language (or a stand-in, marked), with a one-click unsubscribe link.
import { and, desc, eq, sql } from 'drizzle-orm';
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
import type { LocalisedText } from '../../platform/i18n/content-language.ts';
import { network, networkAnnouncement, networkMember } from './talents.table.ts';
import { checkNewsImage, deleteNewsImage, imageRefusal, NEWS_IMAGE_ALT_MAX, newsImageKey, newsImageRecord, prepareNewsImage, requireFiles, storeNewsImage } from './news-images.ts';

/** The job's name on the queue (`<module>.<job>`, the manifest's `jobs` key). */
export const SEND_ANNOUNCEMENT_JOB = 'talents.send-announcement';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const inLanguages = (max: number) =>
	z.object({ fr: z.preprocess(blank, z.string().trim().max(max).optional()), ar: z.preprocess(blank, z.string().trim().max(max).optional()), en: z.preprocess(blank, z.string().trim().max(max).optional()) });

/**
 * `publish`: also on the network's public page, as news (a form's ticked box sends 'on'); else for the members only.
 * `imageAlt`: what the picture sent with it shows, in each language the announcement is written in.
 */
export const AnnouncementInput = z
	.object({
		subject: inLanguages(150),
		body: inLanguages(5000),
		imageAlt: inLanguages(NEWS_IMAGE_ALT_MAX).default({}),
		publish: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).default(false)
	})
	.meta({ id: 'TalentAnnouncementInput' });

const LANGUAGES = ['fr', 'ar', 'en'] as const;

/** The picture's description in each language written: required for each, and only with a picture. */
export function altProblems(languages: readonly string[], alt: LocalisedText, hasImage: boolean): { fields: FieldProblem[]; missingImage: boolean } {
	const given = LANGUAGES.filter((language) => alt[language]);
	if (!hasImage) return { fields: given.length ? [{ path: 'image', messageKey: 'field_required' }] : [], missingImage: given.length > 0 };
	return { fields: languages.filter((language) => !alt[language as keyof LocalisedText]).map((language) => ({ path: `imageAlt.${language}`, messageKey: 'field_required' })), missingImage: false };
}

/**
 * At least one language, and each language given whole: a subject without its text (or the reverse, or a picture's
 * description alone) is a mistake; with a picture, its description in each language written. The picture is checked
 * by its content; one refusal lists every problem (a picture's alone keeps its own status: 413, 415).
 */
function checkAnnouncement(raw: unknown, upload: Uint8Array | null) {
	const input = parseOrThrow(AnnouncementInput, raw);
	const languages = LANGUAGES.filter((language) => input.subject[language] || input.body[language] || input.imageAlt[language]);
	const fields: FieldProblem[] = languages.length ? [] : [{ path: 'subject.fr', messageKey: 'field_required' }, { path: 'body.fr', messageKey: 'field_required' }];
	for (const language of languages) {
		if (!input.subject[language]) fields.push({ path: `subject.${language}`, messageKey: 'field_required' });
		if (!input.body[language]) fields.push({ path: `body.${language}`, messageKey: 'field_required' });
	}
	const picture = upload && upload.byteLength ? checkNewsImage(upload) : null;
	const alt = altProblems(languages, input.imageAlt, picture !== null);
	fields.push(...alt.fields);
	if (picture && 'problem' in picture) {
		if (!fields.length) throw imageRefusal(picture.problem);
		fields.push({ path: 'image', messageKey: 'field_invalid' });
	}
	const imageReason = picture && 'problem' in picture ? picture.problem : alt.missingImage ? 'image_missing' : undefined;
	if (fields.length) throw new AppError('invalid_input', { fields, extra: imageReason ? { reason: imageReason } : undefined });
	return { input, picture: picture && !('problem' in picture) ? { ...picture, alt: pickLanguages(input.imageAlt, languages) } : null };
}

const pickLanguages = (text: LocalisedText, languages: readonly string[]): LocalisedText => Object.fromEntries(languages.map((language) => [language, text[language as keyof LocalisedText]]).filter(([, value]) => value));

interface Queue {
	send(name: string, data: object, options?: { tx?: DbOrTx }): Promise<string | null>;
}

async function networkBySlug(db: DbOrTx, slug: string) {
	const [row] = await db.select().from(network).where(eq(network.slug, slug));
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * A coordinator of the network posts an announcement, with a picture when one is sent (`upload`, the file's bytes);
 * its e-mails are queued with it (both or neither). The picture is stored first and removed again if the
 * announcement is not written.
 */
export async function postAnnouncement(ctx: RequestContext, slug: string, raw: unknown, queue: Queue, upload: Uint8Array | null = null) {
	const author = ctx.require('talents.coordinate', { scope: slug });
	const { input, picture } = checkAnnouncement(raw, upload);
	// the picture made again (bounded, without metadata) before anything is kept: the file sent never is
	const prepared = picture && upload ? await prepareNewsImage(upload, { format: picture.format, width: picture.width, height: picture.height, size: picture.size }) : null;
	const image = prepared && picture ? { ...newsImageRecord(prepared), alt: picture.alt } : null;
	const files = prepared ? requireFiles(ctx.files) : null;
	const imageKey = prepared ? newsImageKey(prepared.main.format, ctx.now()) : null;
	if (files && imageKey && prepared) await storeNewsImage(files, imageKey, prepared);
	try {
		return await ctx.transaction(async (tx) => {
			const found = await networkBySlug(tx.db, slug);
			const [created] = await tx.db
				.insert(networkAnnouncement)
				.values({ networkId: found.id, authorUserId: author.userId, subject: input.subject, body: input.body, published: input.publish, publishedAt: input.publish ? sql`now()` : null, imageKey, image })
				.returning();
			await recordAudit(tx.db, tx.audit, {
				action: 'network_announcement.create',
				resourceType: 'network',
				resourceId: found.id,
				after: { announcementId: created.id, languages: Object.keys(input.subject), published: input.publish, ...(image ? { image: { key: imageKey, format: image.format, width: image.width, height: image.height, size: image.size, sent: image.sent } } : {}) }
			});
			await queue.send(SEND_ANNOUNCEMENT_JOB, { announcementId: created.id }, { tx: tx.db });
			return created;
		});
	} catch (failure) {
		if (files && imageKey) await deleteNewsImage(files, imageKey).catch(() => undefined);
		throw failure;
	}
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
