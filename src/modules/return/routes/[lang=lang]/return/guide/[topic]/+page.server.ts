import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContentPage } from '#platform/content/content-pages.web.ts';
import { getContentPage } from '#platform/content/content-pages.service.ts';
import { guidePages, isToBeCompleted } from '#modules/return/guide.ts';
import { isReturnProfile, topicProfiles, type GuideTopic } from '#modules/return/return.model.ts';

/** A guide page: the platform's content page, with who it is for, who contributed it and whether it is complete. */
export async function load({ locals, params, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const data = await loadContentPage(ctx, guidePages, params.topic, url);
	const { version } = await getContentPage(ctx.db, guidePages, params.topic, data.page.version);
	const asked = url.searchParams.get('profile');
	const publicUrl = app.settings.publicUrl.replace(/\/$/, '');
	// schema.org Article: the page, its language, when it was checked, what it cites, who published it
	const article = {
		'@context': 'https://schema.org',
		'@type': 'Article',
		headline: data.page.title,
		description: data.page.summary,
		inLanguage: data.page.language,
		url: `${publicUrl}${data.currentHref}`,
		dateModified: data.page.updatedAt,
		lastReviewed: data.page.reviewedOn,
		version: String(data.page.version),
		author: { '@type': 'Organization', name: version.authorLabel },
		isPartOf: { '@type': 'CreativeWork', name: 'Guide du retour au Maroc', url: `${publicUrl}/${ctx.language}/return/guide` },
		citation: data.page.sources.map((source) => (source.url ? { '@type': 'CreativeWork', name: source.name, url: source.url } : source.name))
	};
	return {
		...data,
		jsonLd: article,
		topic: data.page.topic as GuideTopic,
		profiles: topicProfiles[data.page.topic as GuideTopic] ?? [],
		profile: isReturnProfile(asked) ? asked : null,
		contributor: version.authorLabel,
		toBeCompleted: isToBeCompleted(version)
	};
}
