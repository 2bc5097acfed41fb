import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { getNetworkPage } from '#modules/talents/networks.service.ts';
import { newsFeed } from '#modules/talents/news-feed.ts';

/** The network's news as an Atom feed, in the page's language (public). */
export async function GET({ params, locals }) {
	const app = await getApp();
	try {
		const { network } = await getNetworkPage(app.database.db, params.slug);
		const xml = await newsFeed(app.database.db, network, locals.language, app.settings.publicUrl);
		return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
}
