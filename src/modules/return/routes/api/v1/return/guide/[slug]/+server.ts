import { z } from 'zod';
import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { contentPageDetail, getContentPage } from '#platform/content/content-pages.service.ts';
import { guidePages, isToBeCompleted } from '#modules/return/guide.ts';
import { topicProfiles, type GuideTopic } from '#modules/return/return.model.ts';

const Query = z.object({ lang: z.enum(['fr', 'ar', 'en']).optional() });

/** One guide page at its current version (route policy: public). */
export const GET = apiEndpoint(async ({ url, locals, params }) => {
	const app = await getApp();
	const language = readQuery(url, Query).lang ?? locals.language;
	const { page, version, latest } = await getContentPage(app.database.db, guidePages, params.slug ?? '');
	const { availableLanguages: _languages, versions: _versions, ...detail } = contentPageDetail(guidePages, page, version, latest, language);
	return Response.json({
		...detail,
		profiles: topicProfiles[page.topic as GuideTopic] ?? [],
		toBeCompleted: isToBeCompleted(version),
		contributor: version.authorLabel
	});
});
