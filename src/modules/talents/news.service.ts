// A network's news: the coordinators' announcements they chose to publish on the network's public page
// (issue #11, item 2). An announcement not published stays the members' alone, as before; a coordinator can
// publish it later, take a news item off the page again and put it back (audited); it stays an announcement the
// members received. A news item is dated by its first publication, so that putting back one taken off by
// mistake returns it to its place, and one published weeks after it was sent is news now.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText, type LocalisedText } from '../../platform/i18n/content-language.ts';
import { defaultLanguage, languages, type Language } from '../../platform/i18n/languages.ts';
import { eventsLinkedTo, linkValue } from '../../platform/kernel/links.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { imageExtensions, imageMediaTypes } from '../../platform/storage/image-check.ts';
import { network, networkAnnouncement, type NewsImage } from './talents.table.ts';
import { NETWORK_LINK } from './directories/directories.ts';
import { checkNewsImage, deleteNewsImage, imageRefusal, keyStoredAt, NEWS_IMAGE_ALT_MAX, NEWS_IMAGE_PREFIX, newsImageKey, newsImageRecord, prepareNewsImage, requireFiles, smallImageKey, storeNewsImage } from './news-images.ts';

export const NEWS_PER_PAGE = 20;
/** how many news items the network's page shows before the link to all of them */
export const NEWS_ON_PAGE = 3;

export interface NewsItem {
	id: string;
	title: LocalisedText;
	body: LocalisedText;
	publishedAt: Date;
	/** the main picture (its description in each language of the announcement), and its key in the file store */
	image: NewsImage | null;
	imageKey: string | null;
}

const published = (networkId: string) => and(eq(networkAnnouncement.networkId, networkId), eq(networkAnnouncement.published, true));
const newsDate = sql<Date>`coalesce(${networkAnnouncement.publishedAt}, ${networkAnnouncement.createdAt})`.mapWith(networkAnnouncement.createdAt);
const newsColumns = { id: networkAnnouncement.id, title: networkAnnouncement.subject, body: networkAnnouncement.body, publishedAt: newsDate, image: networkAnnouncement.image, imageKey: networkAnnouncement.imageKey };

async function networkId(db: DbOrTx, slug: string) {
	const [row] = await db.select({ id: network.id }).from(network).where(eq(network.slug, slug));
	if (!row) throw new AppError('not_found');
	return row.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Localised = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() });
const pageLanguage = z.preprocess((value) => (value === '' ? undefined : value), z.enum(languages).default(defaultLanguage)).describe('the language of the pages `url` names (French by default)');
export const NewsQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1), lang: pageLanguage }).meta({ id: 'TalentNewsQuery' });
export const NewsItemQuery = z.object({ lang: pageLanguage }).meta({ id: 'TalentNewsItemQuery' });
export const NewsItemView = z
	.object({
		id: z.uuid(),
		url: z.string().describe('the news item’s own page'),
		title: Localised.describe('in the languages the coordinators wrote'),
		body: Localised,
		publishedAt: z.string().describe('ISO 8601 instant of its first publication'),
		image: z
			.object({
				url: z.string().describe('the picture, at most 1,600 pixels wide, without metadata (WebP; a picture kept before resizing: as it was sent), cached for a day'),
				type: z.enum(['image/png', 'image/jpeg', 'image/webp']),
				width: z.number().int(),
				height: z.number().int(),
				alt: Localised.describe('what the picture shows, in each language of the announcement'),
				small: z
					.object({ url: z.string(), type: z.literal('image/webp'), width: z.number().int(), height: z.number().int() })
					.nullable()
					.describe('its small version for lists, at most 480 pixels wide (null for a picture kept before resizing)')
			})
			.nullable()
			.describe('its main picture, when the coordinators gave one')
	})
	.meta({ id: 'TalentNewsItem' });
export const NewsList = z
	.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(NewsItemView) })
	.meta({ id: 'TalentNetworkNews' });

/** The address of a news item's page, after the language. */
export const newsItemPath = (slug: string, id: string) => `/talents/networks/${slug}/news/${id}`;
/** The address of its picture (language-neutral); `v` changes when the picture does, so caches never show an old one. */
export const newsImagePath = (slug: string, id: string, key: string, size: NewsImageSize = 'page') =>
	`/api/v1/talents/networks/${slug}/news/${id}/image?${size === 'small' ? 'size=small&' : ''}v=${(keyStoredAt(key)?.getTime() ?? 0).toString(36)}`;
/** The picture's versions: the page's, and the lists' small one. */
export type NewsImageSize = 'page' | 'small';

/** A news item's small picture for a list (its width and height, its address), or null (no picture, or one kept before resizing). */
export function newsThumbnail(item: Pick<NewsItem, 'id' | 'image' | 'imageKey'>, slug: string) {
	if (!item.image?.small || !item.imageKey) return null;
	return { src: newsImagePath(slug, item.id, item.imageKey, 'small'), width: item.image.small.width, height: item.image.small.height };
}

/** A news item as the API gives it: its page in `language` and its picture's address, both absolute. */
export function newsItemView(item: NewsItem, slug: string, publicUrl: string, language: Language): z.output<typeof NewsItemView> {
	const base = publicUrl.replace(/\/$/, '');
	return {
		id: item.id,
		url: `${base}/${language}${newsItemPath(slug, item.id)}`,
		title: item.title,
		body: item.body,
		publishedAt: item.publishedAt.toISOString(),
		image:
			item.image && item.imageKey
				? {
						url: `${base}${newsImagePath(slug, item.id, item.imageKey)}`,
						type: imageMediaTypes[item.image.format] as 'image/png',
						width: item.image.width,
						height: item.image.height,
						alt: item.image.alt,
						small: item.image.small ? { url: `${base}${newsImagePath(slug, item.id, item.imageKey, 'small')}`, type: 'image/webp' as const, width: item.image.small.width, height: item.image.small.height } : null
					}
				: null
	};
}

/** One page of the network's published news, newest first (public); not found for an unknown network. */
export async function listNews(db: DbOrTx, slug: string, query: unknown = {}, pageSize = NEWS_PER_PAGE): Promise<{ total: number; page: number; pageSize: number; items: NewsItem[] }> {
	const { page: current } = parseOrThrow(NewsQuery, query);
	const id = await networkId(db, slug);
	const [{ total }] = await db.select({ total: count() }).from(networkAnnouncement).where(published(id));
	const rows = await db
		.select(newsColumns)
		.from(networkAnnouncement)
		.where(published(id))
		.orderBy(desc(sql`coalesce(${networkAnnouncement.publishedAt}, ${networkAnnouncement.createdAt})`), desc(networkAnnouncement.id))
		.limit(pageSize)
		.offset((current - 1) * pageSize);
	return { total, page: current, pageSize, items: rows };
}

/** One published news item of the network (public); not found when unknown, of another network, or not (or no longer) published. */
export async function getNewsItem(db: DbOrTx, slug: string, id: string): Promise<NewsItem> {
	if (!UUID.test(id)) throw new AppError('not_found');
	const networkRow = await networkId(db, slug);
	const [row] = await db.select(newsColumns).from(networkAnnouncement).where(and(published(networkRow), eq(networkAnnouncement.id, id)));
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * A published news item's picture as stored (public): the page's version, or with `size=small` the lists' (the
 * page's for a picture kept before resizing, which has none); not found when there is none, or it is not published.
 */
export async function newsImageFile(db: DbOrTx, files: FileStore, slug: string, id: string, query: unknown = {}) {
	const { size } = parseOrThrow(NewsImageQuery, query);
	const item = await getNewsItem(db, slug, id);
	if (!item.image || !item.imageKey) throw new AppError('not_found');
	const small = size === 'small' && item.image.small;
	const key = small ? smallImageKey(item.imageKey) : item.imageKey;
	const format = small ? 'webp' : item.image.format;
	const bytes = await files.get(key);
	if (!bytes) throw new AppError('not_found');
	return { bytes, type: imageMediaTypes[format], etag: `"${key.slice(NEWS_IMAGE_PREFIX.length)}"`, name: `${slug}-${id}${small ? '-small' : ''}.${imageExtensions[format]}` };
}
export const NewsImageQuery = z
	.object({
		size: z.enum(['page', 'small']).default('page').describe('`small`: the version for lists, at most 480 pixels wide'),
		v: z.string().optional().describe('changes with the picture (caches never show an old one)')
	})
	.meta({ id: 'TalentNewsImageQuery' });

/** schema.org `NewsArticle` of a news item's page, in the language its title is shown in. */
export function newsJsonLd(item: NewsItem, networkName: string, slug: string, publicUrl: string, language: Language) {
	const base = publicUrl.replace(/\/$/, '');
	const title = pickText(item.title, language);
	const body = pickText(item.body, language);
	const url = `${base}/${language}${newsItemPath(slug, item.id)}`;
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: title.text,
		inLanguage: title.lang,
		articleBody: body.text,
		datePublished: item.publishedAt.toISOString(),
		url,
		mainEntityOfPage: url,
		...(item.image && item.imageKey
			? { image: { '@type': 'ImageObject', url: `${base}${newsImagePath(slug, item.id, item.imageKey)}`, width: item.image.width, height: item.image.height, caption: pickText(item.image.alt, title.lang as Language).text } }
			: {}),
		publisher: { '@type': 'Organization', name: networkName, url: `${base}/${language}/talents/networks/${slug}` },
		author: { '@type': 'Organization', name: networkName }
	};
}

/**
 * A coordinator of the network (or an administrator) puts an announcement on the public page, or takes a news item
 * off it; the members keep the announcement either way. Not found for an announcement of another network or one
 * already in the state asked (a second click changes nothing).
 */
export async function setNewsPublished(ctx: RequestContext, slug: string, announcementId: string, publish: boolean) {
	ctx.require('talents.coordinate', { scope: slug });
	if (!/^[0-9a-f-]{36}$/i.test(announcementId)) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const id = await networkId(tx.db, slug);
		const [row] = await tx.db
			.update(networkAnnouncement)
			.set(publish ? { published: true, publishedAt: sql`coalesce(${networkAnnouncement.publishedAt}, now())` } : { published: false })
			.where(and(eq(networkAnnouncement.id, announcementId), eq(networkAnnouncement.networkId, id), eq(networkAnnouncement.published, !publish)))
			.returning({ id: networkAnnouncement.id, publishedAt: networkAnnouncement.publishedAt });
		if (!row) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, {
			action: publish ? 'network_announcement.publish' : 'network_announcement.unpublish',
			resourceType: 'network',
			resourceId: id,
			before: { announcementId, published: !publish },
			after: { announcementId, published: publish, ...(publish ? { publishedAt: row.publishedAt } : {}) }
		});
	});
}

/** The languages an announcement is written in (those of its subject). */
const languagesOf = (subject: LocalisedText) => languages.filter((language) => subject[language]);

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const altText = z.preprocess(blank, z.string().trim().max(NEWS_IMAGE_ALT_MAX).optional());
export const NewsImageInput = z.object({ imageAlt: z.object({ fr: altText, ar: altText, en: altText }).default({}) });

/**
 * A coordinator gives an announcement a picture, or replaces its picture: checked by its content, described in each
 * language the announcement is written in (and only in those), stored outside the web root; the picture it replaces
 * is removed from the store once the change is written. Audited `network_announcement.image` (before and after: key,
 * format, size).
 */
export async function setNewsImage(ctx: RequestContext, slug: string, announcementId: string, upload: Uint8Array, raw: unknown) {
	ctx.require('talents.coordinate', { scope: slug });
	if (!UUID.test(announcementId)) throw new AppError('not_found');
	const { imageAlt } = parseOrThrow(NewsImageInput, raw);
	const [found] = await ctx.db
		.select({ subject: networkAnnouncement.subject })
		.from(networkAnnouncement)
		.innerJoin(network, eq(network.id, networkAnnouncement.networkId))
		.where(and(eq(networkAnnouncement.id, announcementId), eq(network.slug, slug)));
	if (!found) throw new AppError('not_found');
	const written = languagesOf(found.subject);
	const picture = upload.byteLength ? checkNewsImage(upload) : { problem: 'image_missing' as const };
	const fields = written.filter((language) => !imageAlt[language]).map((language) => ({ path: `imageAlt.${language}`, messageKey: 'field_required' }));
	const stray = languages.filter((language) => imageAlt[language] && !written.includes(language)).map((language) => ({ path: `imageAlt.${language}`, messageKey: 'field_invalid' }));
	fields.push(...stray);
	if ('problem' in picture) {
		if (!fields.length) throw imageRefusal(picture.problem);
		fields.push({ path: 'image', messageKey: picture.problem === 'image_missing' ? 'field_required' : 'field_invalid' });
		throw new AppError('invalid_input', { fields, extra: { reason: picture.problem } });
	}
	if (fields.length) throw new AppError('invalid_input', { fields });
	// made again (bounded, without metadata) before anything is kept: the file sent never is
	const prepared = await prepareNewsImage(upload, picture);
	const image: NewsImage = { ...newsImageRecord(prepared), alt: Object.fromEntries(written.map((language) => [language, imageAlt[language]])) };
	const files = requireFiles(ctx.files);
	const key = newsImageKey(prepared.main.format, ctx.now());
	await storeNewsImage(files, key, prepared);
	try {
		return await ctx.transaction(async (tx) => {
			const [before] = await tx.db.select().from(networkAnnouncement).where(eq(networkAnnouncement.id, announcementId)).for('update');
			if (!before) throw new AppError('not_found');
			await tx.db.update(networkAnnouncement).set({ imageKey: key, image }).where(eq(networkAnnouncement.id, announcementId));
			await recordAudit(tx.db, tx.audit, {
				action: 'network_announcement.image',
				resourceType: 'network',
				resourceId: before.networkId,
				before: { announcementId, image: before.imageKey ? { key: before.imageKey, format: before.image?.format, size: before.image?.size } : null },
				after: { announcementId, image: { key, format: image.format, width: image.width, height: image.height, size: image.size, sent: image.sent } }
			});
			// last: a store that fails undoes the change with the transaction
			if (before.imageKey) await deleteNewsImage(files, before.imageKey);
			return image;
		});
	} catch (failure) {
		await deleteNewsImage(files, key).catch(() => undefined);
		throw failure;
	}
}

/** A coordinator takes the picture off an announcement: removed from the store with the change. Not found when it has none. */
export async function removeNewsImage(ctx: RequestContext, slug: string, announcementId: string) {
	ctx.require('talents.coordinate', { scope: slug });
	if (!UUID.test(announcementId)) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const id = await networkId(tx.db, slug);
		const [before] = await tx.db.select().from(networkAnnouncement).where(and(eq(networkAnnouncement.id, announcementId), eq(networkAnnouncement.networkId, id))).for('update');
		if (!before?.imageKey) throw new AppError('not_found');
		await tx.db.update(networkAnnouncement).set({ imageKey: null, image: null }).where(eq(networkAnnouncement.id, announcementId));
		await recordAudit(tx.db, tx.audit, { action: 'network_announcement.image_remove', resourceType: 'network', resourceId: id, before: { announcementId, image: { key: before.imageKey, format: before.image?.format, size: before.image?.size } } });
		if (tx.files) await deleteNewsImage(tx.files, before.imageKey);
	});
}

/**
 * A coordinator deletes an announcement: it leaves the members' list and, when it was news, its page, the list,
 * the feed and the API, with its picture (removed from the store with it). The e-mails already sent stay in the
 * members' mailboxes. Audited `network_announcement.delete` with what it said.
 */
export async function deleteAnnouncement(ctx: RequestContext, slug: string, announcementId: string) {
	ctx.require('talents.coordinate', { scope: slug });
	if (!UUID.test(announcementId)) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const id = await networkId(tx.db, slug);
		const [gone] = await tx.db.delete(networkAnnouncement).where(and(eq(networkAnnouncement.id, announcementId), eq(networkAnnouncement.networkId, id))).returning();
		if (!gone) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, {
			action: 'network_announcement.delete',
			resourceType: 'network',
			resourceId: id,
			before: { announcementId, subject: gone.subject, body: gone.body, published: gone.published, publishedAt: gone.publishedAt, recipients: gone.recipients, image: gone.imageKey ? { key: gone.imageKey, alt: gone.image?.alt } : null }
		});
		// last: a store that fails undoes the deletion with the transaction
		if (gone.imageKey && tx.files) await deleteNewsImage(tx.files, gone.imageKey);
	});
}

export const publishNews = (ctx: RequestContext, slug: string, announcementId: string) => setNewsPublished(ctx, slug, announcementId, true);
export const unpublishNews = (ctx: RequestContext, slug: string, announcementId: string) => setNewsPublished(ctx, slug, announcementId, false);

/**
 * The events linked to the network (`talents.network:<slug>`) by whichever module keeps events (the Knowledge
 * module's), through the platform's links: upcoming ones soonest first, and the last past ones.
 */
export async function networkEvents(db: DbOrTx, slug: string, language: Language, now: Date, limits: { upcoming?: number; past?: number } = {}) {
	return eventsLinkedTo(db, linkValue(NETWORK_LINK, slug), language, { now, upcoming: limits.upcoming ?? 10, past: limits.past ?? 5 });
}
