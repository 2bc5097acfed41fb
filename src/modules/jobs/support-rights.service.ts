import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { can, type Actor } from '../../platform/policy/policy.ts';
import { rightsPage, rightsPageVersion, rightsTopics, type LocalisedList, type LocalisedText } from './support.table.ts';
import type { RightsPageRevision } from './support-schemas.ts';

export type ContentLanguage = 'fr' | 'ar' | 'en';
const fallbackOrder: ContentLanguage[] = ['fr', 'en', 'ar'];

/** The text in `language`, or in the first language that has it (then `fallback` is true). */
export function pickText(text: LocalisedText, language: ContentLanguage): { text: string; language: ContentLanguage; fallback: boolean } {
	if (text[language]) return { text: text[language], language, fallback: false };
	for (const other of fallbackOrder) {
		if (text[other]) return { text: text[other], language: other, fallback: true };
	}
	return { text: '', language, fallback: true };
}

export function pickList(list: LocalisedList, language: ContentLanguage, shownLanguage: ContentLanguage): string[] {
	return list[language] ?? list[shownLanguage] ?? list.fr ?? list.en ?? list.ar ?? [];
}

export function availableLanguages(text: LocalisedText): ContentLanguage[] {
	return (['fr', 'ar', 'en'] as const).filter((language) => !!text[language]);
}

export type RightsPageRow = typeof rightsPage.$inferSelect;
export type RightsVersionRow = typeof rightsPageVersion.$inferSelect;

const latestVersion = sql`${rightsPageVersion.version} = (select max(v.version) from rights_page_version v where v.page_id = ${rightsPageVersion.pageId})`;

/** Every page with its current version, ordered by topic then position. */
export async function listRightsPages(db: DbOrTx): Promise<{ page: RightsPageRow; version: RightsVersionRow }[]> {
	const rows = await db
		.select({ page: rightsPage, version: rightsPageVersion })
		.from(rightsPage)
		.innerJoin(rightsPageVersion, eq(rightsPageVersion.pageId, rightsPage.id))
		.where(latestVersion)
		.orderBy(asc(rightsPage.position), asc(rightsPage.slug));
	const topicOrder = (topic: string) => (rightsTopics as readonly string[]).indexOf(topic);
	return rows.sort((a, b) => topicOrder(a.page.topic) - topicOrder(b.page.topic));
}

/** One page at its current version (or at `versionNumber`), with the number of versions. */
export async function getRightsPage(db: DbOrTx, slug: string, versionNumber?: number) {
	const [page] = await db.select().from(rightsPage).where(eq(rightsPage.slug, slug.trim().toLowerCase())).limit(1);
	if (!page) throw new AppError('not_found');
	const [version] = await db
		.select()
		.from(rightsPageVersion)
		.where(and(eq(rightsPageVersion.pageId, page.id), versionNumber === undefined ? latestVersion : eq(rightsPageVersion.version, versionNumber)))
		.limit(1);
	if (!version) throw new AppError('not_found');
	const [{ count }] = await db
		.select({ count: sql<number>`max(${rightsPageVersion.version})::int` })
		.from(rightsPageVersion)
		.where(eq(rightsPageVersion.pageId, page.id));
	return { page, version, latest: count };
}

/** The history of a page: every version, newest first (no content, who/when/why). */
export async function listRightsPageVersions(db: DbOrTx, slug: string) {
	const [page] = await db.select().from(rightsPage).where(eq(rightsPage.slug, slug.trim().toLowerCase())).limit(1);
	if (!page) throw new AppError('not_found');
	const versions = await db
		.select({
			version: rightsPageVersion.version,
			authorLabel: rightsPageVersion.authorLabel,
			comment: rightsPageVersion.comment,
			reviewedOn: rightsPageVersion.reviewedOn,
			createdAt: rightsPageVersion.createdAt
		})
		.from(rightsPageVersion)
		.where(eq(rightsPageVersion.pageId, page.id))
		.orderBy(desc(rightsPageVersion.version));
	return { page, versions };
}

/**
 * Saves a new version of the page (moderators). `baseVersion` is the version the form was
 * filled from: when someone saved in between, nothing is written and the answer is a conflict.
 */
export async function reviseRightsPage(db: Db, context: AuditContext, actor: Actor | null, slug: string, revision: RightsPageRevision) {
	if (!actor || !can(actor, 'support.rights.edit')) throw new AppError('forbidden');
	const [author] = await db.select({ name: user.name }).from(user).where(eq(user.id, actor.userId)).limit(1);
	return db.transaction(async (tx) => {
		const [page] = await tx.select().from(rightsPage).where(eq(rightsPage.slug, slug.trim().toLowerCase())).for('update');
		if (!page) throw new AppError('not_found');
		const [{ current }] = await tx
			.select({ current: sql<number>`coalesce(max(${rightsPageVersion.version}), 0)::int` })
			.from(rightsPageVersion)
			.where(eq(rightsPageVersion.pageId, page.id));
		if (revision.baseVersion !== current) {
			throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: current } });
		}
		const [created] = await tx
			.insert(rightsPageVersion)
			.values({
				pageId: page.id,
				version: current + 1,
				title: revision.title,
				summary: revision.summary,
				body: revision.body,
				steps: revision.steps,
				sources: revision.sources,
				reviewedOn: revision.reviewedOn,
				authorUserId: actor.userId,
				authorLabel: author?.name ?? actor.userId,
				comment: revision.comment
			})
			.returning();
		await recordAudit(tx, context, {
			action: 'rights_page.revise',
			resourceType: 'rights_page',
			resourceId: page.id,
			before: { slug: page.slug, version: current },
			after: { slug: page.slug, version: created.version, comment: created.comment, reviewedOn: created.reviewedOn }
		});
		return { page, version: created };
	});
}

/** The public (API) view of a page in a language. */
export function rightsPageView(page: RightsPageRow, version: RightsVersionRow, language: ContentLanguage) {
	const title = pickText(version.title, language);
	const summary = pickText(version.summary, title.language);
	return {
		slug: page.slug,
		topic: page.topic,
		title: title.text,
		summary: summary.text,
		language: title.language,
		fallback: title.fallback,
		availableLanguages: availableLanguages(version.body),
		version: version.version,
		reviewedOn: version.reviewedOn,
		url: `/${language}/jobs/rights/${page.slug}`
	};
}

export function rightsPageDetailView(page: RightsPageRow, version: RightsVersionRow, latest: number, language: ContentLanguage) {
	const summary = rightsPageView(page, version, language);
	return {
		...summary,
		body: pickText(version.body, summary.language).text,
		steps: pickList(version.steps, summary.language, summary.language),
		sources: version.sources.map((source) => ({ name: source.name, url: source.url ?? null })),
		updatedAt: version.createdAt.toISOString(),
		versions: latest
	};
}
