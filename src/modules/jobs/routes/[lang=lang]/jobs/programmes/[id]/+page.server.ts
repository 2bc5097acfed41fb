import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { canEditEntryOf, entryFunders, getDirectoryEntry } from '#platform/directory/directory.service.ts';
import { supportProgrammes } from '#modules/jobs/programmes.ts';
import { programmeView } from '#modules/jobs/support-pages.ts';
import { resolveLinks } from '#platform/kernel/links.ts';

const DONE = ['created', 'updated', 'archived', 'restored'] as const;

export async function load({ locals, params, url }) {
	const app = await getApp();
	const found = await forPage(getDirectoryEntry(app.database.db, supportProgrammes, params.id, locals.actor));
	const done = url.searchParams.get('done') ?? '';
	return {
		programme: programmeView(
			found,
			locals.language,
			(await entryFunders(app.database.db, [found.entry])).get(found.entry.id),
			await resolveLinks(app.database.db, found.entry.links, locals.language)
		),
		canEdit: canEditEntryOf(locals.actor, supportProgrammes, found.entry.organisationId),
		done: (DONE as readonly string[]).includes(done) ? done : null
	};
}
