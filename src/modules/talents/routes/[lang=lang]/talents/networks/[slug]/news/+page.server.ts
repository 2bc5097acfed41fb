import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { getNetworkPage } from '#modules/talents/networks.service.ts';
import { listNews, newsThumbnail } from '#modules/talents/news.service.ts';

/** Every news item the network's coordinators published, newest first, by pages (public). */
export async function load({ params, locals, url }) {
	const app = await getApp();
	try {
		const { network } = await getNetworkPage(app.database.db, params.slug);
		const news = await listNews(app.database.db, network.slug, { page: url.searchParams.get('page') ?? undefined });
		return {
			slug: network.slug,
			name: pickText(network.name, locals.language),
			isSample: network.isSample,
			total: news.total,
			page: news.page,
			pageSize: news.pageSize,
			items: news.items.map((item) => ({ id: item.id, title: pickText(item.title, locals.language), body: pickText(item.body, locals.language), publishedAt: item.publishedAt.toISOString(), hasImage: item.image !== null, thumbnail: newsThumbnail(item, network.slug) }))
		};
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		if (isAppError(failure) && failure.code === 'invalid_input') error(400, 'invalid_input');
		throw failure;
	}
}
