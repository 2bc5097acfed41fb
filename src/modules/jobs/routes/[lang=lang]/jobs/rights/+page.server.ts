import { getApp } from '#platform/app.ts';
import { listRightsPages, rightsPageView } from '#modules/jobs/support-rights.service.ts';
import { rightsTopics } from '#modules/jobs/support.table.ts';

export async function load({ locals }) {
	const app = await getApp();
	const pages = (await listRightsPages(app.database.db)).map(({ page, version }) => rightsPageView(page, version, locals.language));
	return {
		topics: rightsTopics
			.map((topic) => ({ topic, pages: pages.filter((page) => page.topic === topic) }))
			.filter((group) => group.pages.length > 0)
	};
}
