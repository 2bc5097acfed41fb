// The return guide: a collection of the platform's versioned content pages (ADR 0008), one per topic.
import type { ContentCollection } from '../../platform/content/content-pages.service.ts';
import { contentPageSummary, ensureContentPages, listContentPages } from '../../platform/content/content-pages.service.ts';
import type { ContentVersionRow } from '../../platform/content/content.table.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { guideTopics, toBeCompletedMarker, topicProfiles, type GuideTopic, type ReturnProfile } from './return.model.ts';
import { initialGuidePages } from './guide-content.ts';

export const guidePages: ContentCollection<GuideTopic> = {
	key: 'return.guide',
	topics: guideTopics,
	editAction: 'return.guide.edit',
	auditResource: 'return_guide_page',
	path: (language, slug) => `/${language}/return/guide/${slug}`
};

export const ensureGuidePages = (db: Db) => ensureContentPages(db, guidePages, initialGuidePages);

/** A page still says, in one of its languages, that the network has to complete it. */
export function isToBeCompleted(version: Pick<ContentVersionRow, 'body'>): boolean {
	return (['fr', 'ar', 'en'] as const).some((language) => version.body[language]?.includes(toBeCompletedMarker[language]));
}

/** The guide's pages in the reader's language, with who they matter to; only one profile's when asked. */
export async function listGuide(db: DbOrTx, language: Language, profile?: ReturnProfile) {
	const rows = await listContentPages(db, guidePages);
	return rows
		.map(({ page, version }) => ({
			...contentPageSummary(guidePages, page, version, language),
			topic: page.topic as GuideTopic,
			profiles: [...(topicProfiles[page.topic as GuideTopic] ?? [])],
			toBeCompleted: isToBeCompleted(version),
			authorLabel: version.authorLabel
		}))
		.filter((page) => !profile || page.profiles.includes(profile));
}

/** For moderators: the pages that still say "to be completed by the network". */
export async function guidePagesToComplete(db: DbOrTx, language: Language) {
	return (await listGuide(db, language)).filter((page) => page.toBeCompleted);
}
