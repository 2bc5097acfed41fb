import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { getNetworkPage } from '#modules/talents/networks.service.ts';
import { getNewsItem, newsImagePath, newsJsonLd } from '#modules/talents/news.service.ts';

/** One news item of the network on its own page, with its picture (public); 404 when it is not, or no longer, published. */
export async function load({ params, locals }) {
	const app = await getApp();
	try {
		const { network } = await getNetworkPage(app.database.db, params.slug);
		const item = await getNewsItem(app.database.db, network.slug, params.id);
		const name = pickText(network.name, locals.language);
		const title = pickText(item.title, locals.language);
		return {
			slug: network.slug,
			name,
			isSample: network.isSample,
			item: {
				id: item.id,
				title,
				body: pickText(item.body, locals.language),
				publishedAt: item.publishedAt.toISOString(),
				// described in the language the text is shown in
				image: item.image && item.imageKey ? { src: newsImagePath(network.slug, item.id, item.imageKey), width: item.image.width, height: item.image.height, alt: pickText(item.image.alt, title.lang as typeof locals.language) } : null
			},
			jsonLd: newsJsonLd(item, name.text, network.slug, app.settings.publicUrl, locals.language)
		};
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
}
