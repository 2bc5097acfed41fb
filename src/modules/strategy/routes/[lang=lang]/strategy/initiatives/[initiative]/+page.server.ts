import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { initiativePage } from '#modules/strategy/initiative-links.service.ts';

/** The strategies' actions an Atlas initiative carries (linked from the initiative's page). */
export async function load({ params, locals }) {
	const app = await getApp();
	return forPage(initiativePage(app.database.db, params.initiative, locals.language));
}
