import { getApp } from '#platform/app.ts';
import { contentPageDetail, listContentPages } from '#platform/content/content-pages.service.ts';
import { guidePages, isToBeCompleted } from '#modules/return/guide.ts';
import { isReturnProfile, topicProfiles, type GuideTopic } from '#modules/return/return.model.ts';

/** The whole guide on one page (for a profile when asked): to print, or to save as a PDF from the browser. */
export async function load({ url, locals }) {
	const app = await getApp();
	const asked = url.searchParams.get('profile');
	const profile = isReturnProfile(asked) ? asked : null;
	const rows = await listContentPages(app.database.db, guidePages);
	const pages = rows
		.filter(({ page }) => !profile || (topicProfiles[page.topic as GuideTopic] ?? []).includes(profile))
		.map(({ page, version }) => ({
			...contentPageDetail(guidePages, page, version, version.version, locals.language),
			contributor: version.authorLabel,
			toBeCompleted: isToBeCompleted(version)
		}));
	return { profile, pages };
}
