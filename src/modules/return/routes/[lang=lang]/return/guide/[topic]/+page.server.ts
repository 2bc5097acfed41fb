import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContentPage } from '#platform/content/content-pages.web.ts';
import { getContentPage } from '#platform/content/content-pages.service.ts';
import { guidePages, isToBeCompleted } from '#modules/return/guide.ts';
import { isReturnProfile, topicProfiles, type GuideTopic } from '#modules/return/return.model.ts';

/** A guide page: the platform's content page, with who it is for, who contributed it and whether it is complete. */
export async function load({ locals, params, url }) {
	const ctx = requestContext(await getApp(), locals);
	const data = await loadContentPage(ctx, guidePages, params.topic, url);
	const { version } = await getContentPage(ctx.db, guidePages, params.topic, data.page.version);
	const asked = url.searchParams.get('profile');
	return {
		...data,
		topic: data.page.topic as GuideTopic,
		profiles: topicProfiles[data.page.topic as GuideTopic] ?? [],
		profile: isReturnProfile(asked) ? asked : null,
		contributor: version.authorLabel,
		toBeCompleted: isToBeCompleted(version)
	};
}
