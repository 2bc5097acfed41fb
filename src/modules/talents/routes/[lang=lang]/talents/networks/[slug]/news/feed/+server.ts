import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { getNetworkPage } from '#modules/talents/networks.service.ts';
import { newsFeed } from '#modules/talents/news-feed.ts';

/** The network's news as an Atom feed, in the page's language (public); 404 for an unknown network. */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const { network } = await getNetworkPage(app.database.db, params.slug ?? '');
	const xml = await newsFeed(app.database.db, network, locals.language, app.settings.publicUrl);
	return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
});
