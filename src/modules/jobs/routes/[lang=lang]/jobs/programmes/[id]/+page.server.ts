import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { canEditProgrammeOf, getProgramme } from '#modules/jobs/support-programmes.service.ts';
import { programmeView } from '#modules/jobs/support-pages.ts';

const DONE = ['created', 'updated', 'archived', 'restored'] as const;

export async function load({ locals, params, url }) {
	const app = await getApp();
	const found = await getProgramme(app.database.db, params.id, locals.actor).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const done = url.searchParams.get('done') ?? '';
	return {
		programme: programmeView(found, locals.language),
		canEdit: canEditProgrammeOf(locals.actor, found.programme.organisationId),
		done: (DONE as readonly string[]).includes(done) ? done : null
	};
}
