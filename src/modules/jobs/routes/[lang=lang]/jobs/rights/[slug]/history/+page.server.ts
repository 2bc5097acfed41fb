import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { getRightsPage, listRightsPageVersions, pickText } from '#modules/jobs/support-rights.service.ts';

export async function load({ locals, params }) {
	const app = await getApp();
	const notFound = (failure: unknown): never => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	};
	const current = await getRightsPage(app.database.db, params.slug).catch(notFound);
	const history = await listRightsPageVersions(app.database.db, params.slug).catch(notFound);
	const title = pickText(current.version.title, locals.language);
	return {
		slug: current.page.slug,
		title: title.text,
		titleLanguage: title.language,
		versions: history.versions.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))
	};
}
