import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { INITIATIVE_KIND, initiativeOf, listMissions } from '#modules/talents/missions/missions.service.ts';
import { missionCard } from '#modules/talents/missions/missions-pages.ts';
import { missionModes, missionStatuses, sectors, skills } from '#modules/talents/talents.model.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const language = locals.language;
	const raw = Object.fromEntries(url.searchParams);
	let result;
	let invalid = false;
	try {
		result = await listMissions(app.database.db, raw);
	} catch (failure) {
		// a filter the page never offers (an edited address): the open missions, and a notice
		if (!isAppError(failure)) throw failure;
		result = await listMissions(app.database.db, {});
		invalid = true;
	}
	const ctx = requestContext(app, locals);
	// the missions of one Atlas initiative (its page links here): named, and kept when other filters change
	const initiative = !invalid && raw.initiative ? await initiativeOf(app.database.db, `${INITIATIVE_KIND}:${raw.initiative}`, language) : null;
	return {
		invalid,
		total: result.total,
		page: result.page,
		pageSize: result.pageSize,
		missions: result.items.map((item) => missionCard(language, item)),
		values: { region: raw.region ?? '', sector: raw.sector ?? '', skill: raw.skill ?? '', mode: raw.mode ?? '', status: raw.status ?? '' },
		initiative,
		choices: { regions: regionChoices(language), sectors, skills, modes: missionModes, statuses: missionStatuses },
		search: url.searchParams.toString().replace(/(^|&)page=\d+/, '').replace(/^&/, ''),
		may: { post: ctx.can('talents.mission.manage'), talent: ctx.can('talents.profile.manage_own'), moderate: ctx.can('talents.moderate') }
	};
}
