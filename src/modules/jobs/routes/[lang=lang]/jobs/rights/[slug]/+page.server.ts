import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { can } from '#platform/policy/policy.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { getRightsPage, rightsPageDetailView } from '#modules/jobs/support-rights.service.ts';

export async function load({ locals, params, url }) {
	const app = await getApp();
	const asked = url.searchParams.get('version');
	const versionNumber = asked && /^\d{1,6}$/.test(asked) ? Number(asked) : undefined;
	const found = await getRightsPage(app.database.db, params.slug, versionNumber).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	return {
		page: rightsPageDetailView(found.page, found.version, found.latest, locals.language),
		isCurrent: found.version.version === found.latest,
		canEdit: can(locals.actor, 'support.rights.edit'),
		saved: url.searchParams.get('saved') === '1'
	};
}
