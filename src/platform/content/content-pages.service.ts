import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/database.ts';
import { user } from '../accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { pickText } from '../i18n/content-language.ts';
import { isLanguage, languages, type Language } from '../i18n/languages.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { Action } from '../policy/policy.ts';
import {
	contentPage,
	contentPageVersion,
	type ContentPageRow,
	type ContentSource,
	type ContentVersionRow,
	type LocalisedList,
	type LocalisedText
} from './content.table.ts';

/**
 * A module's set of versioned pages: the Jobs module's rights and procedures pages today, Return's
 * guides and Placement's pre-departure pages next. The module names it, lists its topics, says which
 * action edits it and where its pages are read; the platform keeps versions, history and the audit.
 */
export interface ContentCollection<Topic extends string = string> {
	/** `<module>.<name>`, stored with each page */
	key: string;
	/** in the order the list shows them */
	topics: readonly Topic[];
	/** who may publish a new version */
	editAction: Action;
	/** the audit trail's resource type for the collection's pages (`<resource>.create`, `<resource>.revise`) */
	auditResource: string;
	/** the readable page of a slug */
	path(language: Language, slug: string): string;
}


/** What an editor submits: the text in each language, its sources, when it was checked and why it changed. */
export interface ContentRevision {
	/** the version the form was filled from (a save in between is a conflict) */
	baseVersion: number;
	title: LocalisedText;
	summary: LocalisedText;
	body: LocalisedText;
	steps: LocalisedList;
	sources: ContentSource[];
	reviewedOn: string;
	comment: string;
}

/** A page as the collection first publishes it (reference data: real content, created once; or a demo sample). */
export interface InitialContentPage<Topic extends string = string> extends Omit<ContentRevision, 'baseVersion' | 'comment'> {
	slug: string;
	topic: Topic;
	position: number;
	/** a sample standing in for the real page (demo data, badged) */
	sample?: boolean;
	/** the version comment when this page replaces the untouched sample of the same slug */
	replacesSampleComment?: string;
}

const latestVersion = sql`${contentPageVersion.version} = (select max(v.version) from content_page_version v where v.page_id = ${contentPageVersion.pageId})`;
const normalisedSlug = (slug: string) => slug.trim().toLowerCase();

async function findPage(db: DbOrTx, collection: ContentCollection, slug: string): Promise<ContentPageRow> {
	const [page] = await db
		.select()
		.from(contentPage)
		.where(and(eq(contentPage.collection, collection.key), eq(contentPage.slug, normalisedSlug(slug))))
		.limit(1);
	if (!page) throw new AppError('not_found');
	return page;
}

/** Every page of the collection at its current version, by topic then position. */
export async function listContentPages(db: DbOrTx, collection: ContentCollection): Promise<{ page: ContentPageRow; version: ContentVersionRow }[]> {
	const rows = await db
		.select({ page: contentPage, version: contentPageVersion })
		.from(contentPage)
		.innerJoin(contentPageVersion, eq(contentPageVersion.pageId, contentPage.id))
		.where(and(eq(contentPage.collection, collection.key), latestVersion))
		.orderBy(asc(contentPage.position), asc(contentPage.slug));
	const topicOrder = (topic: string) => collection.topics.indexOf(topic);
	return rows.sort((a, b) => topicOrder(a.page.topic) - topicOrder(b.page.topic));
}

/** One page at its current version (or at `versionNumber`), with the number of the latest. */
export async function getContentPage(db: DbOrTx, collection: ContentCollection, slug: string, versionNumber?: number) {
	const page = await findPage(db, collection, slug);
	const [version] = await db
		.select()
		.from(contentPageVersion)
		.where(and(eq(contentPageVersion.pageId, page.id), versionNumber === undefined ? latestVersion : eq(contentPageVersion.version, versionNumber)))
		.limit(1);
	if (!version) throw new AppError('not_found');
	const [{ latest }] = await db
		.select({ latest: sql<number>`max(${contentPageVersion.version})::int` })
		.from(contentPageVersion)
		.where(eq(contentPageVersion.pageId, page.id));
	return { page, version, latest };
}

/** Every version of a page, newest first: its title, who, when, why (not its text). */
export async function contentPageHistory(db: DbOrTx, collection: ContentCollection, slug: string) {
	const page = await findPage(db, collection, slug);
	const versions = await db
		.select({
			version: contentPageVersion.version,
			title: contentPageVersion.title,
			authorLabel: contentPageVersion.authorLabel,
			comment: contentPageVersion.comment,
			reviewedOn: contentPageVersion.reviewedOn,
			createdAt: contentPageVersion.createdAt
		})
		.from(contentPageVersion)
		.where(eq(contentPageVersion.pageId, page.id))
		.orderBy(desc(contentPageVersion.version));
	return { page, versions };
}

/**
 * Publishes a new version of a page. When someone saved after the version the form was filled from,
 * nothing is written and the answer is a conflict naming the current version.
 */
export async function reviseContentPage(ctx: RequestContext, collection: ContentCollection, slug: string, revision: ContentRevision) {
	const actor = ctx.require(collection.editAction);
	return ctx.transaction(async ({ db, audit }) => {
		const [author] = await db.select({ name: user.name }).from(user).where(eq(user.id, actor.userId)).limit(1);
		const [page] = await db
			.select()
			.from(contentPage)
			.where(and(eq(contentPage.collection, collection.key), eq(contentPage.slug, normalisedSlug(slug))))
			.for('update');
		if (!page) throw new AppError('not_found');
		const [{ current }] = await db
			.select({ current: sql<number>`coalesce(max(${contentPageVersion.version}), 0)::int` })
			.from(contentPageVersion)
			.where(eq(contentPageVersion.pageId, page.id));
		if (revision.baseVersion !== current) {
			throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: current } });
		}
		const [created] = await db
			.insert(contentPageVersion)
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
		await recordAudit(db, audit, {
			action: `${collection.auditResource}.revise`,
			resourceType: collection.auditResource,
			resourceId: page.id,
			before: { slug: page.slug, version: current },
			after: { slug: page.slug, version: created.version, comment: created.comment, reviewedOn: created.reviewedOn }
		});
		return { page, version: created };
	});
}

/**
 * Creates the collection's pages that do not exist yet, at version 1 (reference data, run at every
 * start). A page that exists is left as its editors made it — but for a sample no one has edited
 * (every version the system's, the current one a sample): a real page of the same slug replaces it
 * as a new version, attributed to the system and audited; the sample stays in the history.
 */
export async function ensureContentPages(db: Db, collection: ContentCollection, initial: readonly InitialContentPage[]): Promise<void> {
	const slugs = initial.map((page) => page.slug);
	const existing = await db
		.select({ slug: contentPage.slug })
		.from(contentPage)
		.where(and(eq(contentPage.collection, collection.key), inArray(contentPage.slug, slugs)));
	const present = new Set(existing.map((row) => row.slug));
	const missing = initial.filter((page) => !present.has(page.slug));
	if (missing.length) await createContentPages(db, collection, missing);
	const real = initial.filter((page) => !page.sample && present.has(page.slug));
	if (real.length) await replaceUntouchedSamples(db, collection, real);
}

async function createContentPages(db: Db, collection: ContentCollection, missing: readonly InitialContentPage[]) {
	await db.transaction(async (tx) => {
		const pages = await tx
			.insert(contentPage)
			.values(missing.map((page) => ({ collection: collection.key, slug: page.slug, topic: page.topic, position: page.position })))
			.onConflictDoNothing()
			.returning();
		if (pages.length === 0) return; // another process got there first
		const bySlug = new Map(missing.map((page) => [page.slug, page]));
		await tx.insert(contentPageVersion).values(
			pages.map((row) => {
				const { title, summary, body, steps, sources, reviewedOn, sample } = bySlug.get(row.slug)!;
				return { pageId: row.id, version: 1, title, summary, body, steps, sources, reviewedOn, authorUserId: null, authorLabel: SYSTEM_AUTHOR, comment: 'Initial content', isSample: !!sample };
			})
		);
		for (const row of pages) {
			await recordAudit(tx, systemContext('system'), {
				action: `${collection.auditResource}.create`,
				resourceType: collection.auditResource,
				resourceId: row.id,
				after: { slug: row.slug, version: 1 }
			});
		}
	});
}

const SYSTEM_AUTHOR = 'Sharaka';

/** The real pages whose current version is still the system's sample, and no editor ever saved one: replaced. */
async function replaceUntouchedSamples(db: Db, collection: ContentCollection, real: readonly InitialContentPage[]) {
	const edited = sql`exists (select 1 from content_page_version e where e.page_id = ${contentPage.id} and (e.author_user_id is not null or e.author_label <> ${SYSTEM_AUTHOR}))`;
	const samples = await db
		.select({ pageId: contentPage.id, slug: contentPage.slug, version: contentPageVersion.version })
		.from(contentPage)
		.innerJoin(contentPageVersion, eq(contentPageVersion.pageId, contentPage.id))
		.where(
			and(
				eq(contentPage.collection, collection.key),
				inArray(
					contentPage.slug,
					real.map((page) => page.slug)
				),
				latestVersion,
				eq(contentPageVersion.isSample, true),
				sql`not ${edited}`
			)
		);
	if (!samples.length) return;
	const bySlug = new Map(real.map((page) => [page.slug, page]));
	await db.transaction(async (tx) => {
		for (const sample of samples) {
			const { title, summary, body, steps, sources, reviewedOn, replacesSampleComment } = bySlug.get(sample.slug)!;
			const [created] = await tx
				.insert(contentPageVersion)
				.values({
					pageId: sample.pageId,
					version: sample.version + 1,
					title,
					summary,
					body,
					steps,
					sources,
					reviewedOn,
					authorUserId: null,
					authorLabel: SYSTEM_AUTHOR,
					comment: replacesSampleComment ?? 'Replaces the sample',
					isSample: false
				})
				.onConflictDoNothing()
				.returning({ version: contentPageVersion.version });
			if (!created) continue; // another process got there first
			await recordAudit(tx, systemContext('system'), {
				action: `${collection.auditResource}.revise`,
				resourceType: collection.auditResource,
				resourceId: sample.pageId,
				before: { slug: sample.slug, version: sample.version },
				after: { slug: sample.slug, version: created.version, comment: replacesSampleComment ?? 'Replaces the sample', reviewedOn }
			});
		}
	});
}

/** A page in a list or the API's list, in the reader's language (or the first one written, marked as a stand-in). */
export function contentPageSummary(collection: ContentCollection, page: ContentPageRow, version: ContentVersionRow, language: Language) {
	const title = pickText(version.title, language);
	// content pages are written in the platform's languages
	const shown: Language = isLanguage(title.lang) ? title.lang : 'fr';
	return {
		slug: page.slug,
		topic: page.topic,
		title: title.text,
		summary: pickText(version.summary, shown).text,
		language: shown,
		fallback: title.fallback,
		availableLanguages: languages.filter((candidate) => !!version.body[candidate]),
		version: version.version,
		reviewedOn: version.reviewedOn,
		url: collection.path(language, page.slug)
	};
}

/** A whole page, its text in the language of its title. */
export function contentPageDetail(collection: ContentCollection, page: ContentPageRow, version: ContentVersionRow, latest: number, language: Language) {
	const summary = contentPageSummary(collection, page, version, language);
	const shown = summary.language;
	return {
		...summary,
		body: pickText(version.body, shown).text,
		steps: version.steps[shown] ?? version.steps.fr ?? version.steps.en ?? version.steps.ar ?? [],
		sources: version.sources.map((source) => ({ name: source.name, url: source.url ?? null })),
		updatedAt: version.createdAt.toISOString(),
		versions: latest
	};
}

/** The edit form filled from a version (one field per language, steps and sources one per line). */
export function contentPageFormValues(version: ContentVersionRow): Record<string, string> {
	const values: Record<string, string> = {
		baseVersion: String(version.version),
		sources: version.sources.map((source) => (source.url ? `${source.name} | ${source.url}` : source.name)).join('\n'),
		reviewedOn: version.reviewedOn,
		comment: ''
	};
	for (const language of languages) {
		values[`title_${language}`] = version.title[language] ?? '';
		values[`summary_${language}`] = version.summary[language] ?? '';
		values[`body_${language}`] = version.body[language] ?? '';
		values[`steps_${language}`] = (version.steps[language] ?? []).join('\n');
	}
	return values;
}
