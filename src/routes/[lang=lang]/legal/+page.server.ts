import { getApp } from '#platform/app.ts';
import { getSiteInformation } from '#platform/site/site.service.ts';

export async function load() {
	const app = await getApp();
	return { site: await getSiteInformation(app.database.db) };
}
