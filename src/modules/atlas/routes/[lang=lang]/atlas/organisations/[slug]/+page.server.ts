import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { organisationAtlas } from '#modules/atlas/web/atlas-pages.server.ts';
import { organisationRoles, type OrganisationRole } from '#modules/atlas/atlas.model.ts';
import { organisationScores } from '#modules/atlas/moderation/moderation.service.ts';

export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const { db } = (await getApp()).database;
	// ?role=funder&page=2: one role's initiatives, page by page (the overview shows the first of each role)
	const role = (organisationRoles as readonly string[]).includes(url.searchParams.get('role') ?? '') ? (url.searchParams.get('role') as OrganisationRole) : undefined;
	const pageNumber = Math.min(Math.max(Math.trunc(Number(url.searchParams.get('page') ?? 1)) || 1, 1), 100_000);
	const page = await organisationAtlas(db, params.slug, { role, page: pageNumber }).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	// Freshness (share of its initiatives verified within 12 months) and completeness (share of key
	// fields filled), as the moderators' table shows them; none when it has no initiative yet.
	const score = await organisationScores(db, page.organisation.id);
	return {
		...page,
		quality:
			score.freshness === null || score.completeness === null
				? null
				: { verifiedShare: score.freshness, completeness: score.completeness }
	};
}
