import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { missionsForMe } from '#modules/talents/missions/candidates.service.ts';
import { groupsOf, missionCard, occupationNames, reasonLines } from '#modules/talents/missions/missions-pages.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const language = locals.language;
	const found = await missionsForMe(requestContext(app, locals));
	const names = await occupationNames(app.database.db, groupsOf(found.fitting.map((entry) => entry.match)), language);
	return {
		hasProfile: found.hasProfile,
		completed: found.completed,
		fitting: found.fitting.map((entry) => ({ ...missionCard(language, entry), match: reasonLines(language, entry.match, names) })),
		mine: found.mine.map((entry) => ({ ...missionCard(language, entry), standing: entry.standing }))
	};
}
