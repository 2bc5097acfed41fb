// A network's news: the coordinators' announcements they chose to publish on the network's public page
// (issue #11, item 2). An announcement not published stays the members' alone, as before; a coordinator can
// take a news item off the page again (audited), it stays an announcement the members received.
import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { LocalisedText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { eventsLinkedTo, linkValue } from '../../platform/kernel/links.ts';
import { network, networkAnnouncement } from './talents.table.ts';
import { NETWORK_LINK } from './directories/directories.ts';

export const NEWS_PER_PAGE = 20;
/** how many news items the network's page shows before the link to all of them */
export const NEWS_ON_PAGE = 3;

export interface NewsItem {
	id: string;
	title: LocalisedText;
	body: LocalisedText;
	publishedAt: Date;
}

const published = (networkId: string) => and(eq(networkAnnouncement.networkId, networkId), eq(networkAnnouncement.published, true));

async function networkId(db: DbOrTx, slug: string) {
	const [row] = await db.select({ id: network.id }).from(network).where(eq(network.slug, slug));
	if (!row) throw new AppError('not_found');
	return row.id;
}

const Localised = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() });
export const NewsQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) }).meta({ id: 'TalentNewsQuery' });
export const NewsList = z
	.object({
		total: z.number().int(),
		page: z.number().int(),
		pageSize: z.number().int(),
		items: z.array(z.object({ id: z.uuid(), title: Localised.describe('in the languages the coordinators wrote'), body: Localised, publishedAt: z.string().describe('ISO 8601 instant') }))
	})
	.meta({ id: 'TalentNetworkNews' });

/** One page of the network's published news, newest first (public); not found for an unknown network. */
export async function listNews(db: DbOrTx, slug: string, query: unknown = {}, pageSize = NEWS_PER_PAGE): Promise<{ total: number; page: number; pageSize: number; items: NewsItem[] }> {
	const { page: current } = parseOrThrow(NewsQuery, query);
	const id = await networkId(db, slug);
	const [{ total }] = await db.select({ total: count() }).from(networkAnnouncement).where(published(id));
	const rows = await db
		.select({ id: networkAnnouncement.id, title: networkAnnouncement.subject, body: networkAnnouncement.body, publishedAt: networkAnnouncement.createdAt })
		.from(networkAnnouncement)
		.where(published(id))
		.orderBy(desc(networkAnnouncement.createdAt), desc(networkAnnouncement.id))
		.limit(pageSize)
		.offset((current - 1) * pageSize);
	return { total, page: current, pageSize, items: rows };
}

/** A coordinator of the network (or an administrator) takes a news item off the public page; the members keep the announcement. */
export async function unpublishNews(ctx: RequestContext, slug: string, announcementId: string) {
	ctx.require('talents.coordinate', { scope: slug });
	if (!/^[0-9a-f-]{36}$/i.test(announcementId)) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const id = await networkId(tx.db, slug);
		const [row] = await tx.db
			.update(networkAnnouncement)
			.set({ published: false })
			.where(and(eq(networkAnnouncement.id, announcementId), eq(networkAnnouncement.networkId, id), eq(networkAnnouncement.published, true)))
			.returning({ id: networkAnnouncement.id });
		if (!row) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: 'network_announcement.unpublish', resourceType: 'network', resourceId: id, before: { announcementId, published: true }, after: { announcementId, published: false } });
	});
}

/**
 * The events linked to the network (`talents.network:<slug>`) by whichever module keeps events (the Knowledge
 * module's), through the platform's links: upcoming ones soonest first, and the last past ones.
 */
export async function networkEvents(db: DbOrTx, slug: string, language: Language, now: Date, limits: { upcoming?: number; past?: number } = {}) {
	return eventsLinkedTo(db, linkValue(NETWORK_LINK, slug), language, { now, upcoming: limits.upcoming ?? 10, past: limits.past ?? 5 });
}
