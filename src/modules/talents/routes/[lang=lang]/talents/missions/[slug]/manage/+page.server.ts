import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { missionFor, missionHistory, moveMission, ownedMission } from '#modules/talents/missions/missions.service.ts';
import { missionCandidates, rankTalents, setSelected, setShortlisted } from '#modules/talents/missions/candidates.service.ts';
import { groupsOf, missionPage, occupationNames, reasonLines, talentCard } from '#modules/talents/missions/missions-pages.ts';
import type { InstitutionTalentView } from '#modules/talents/missions/candidates.service.ts';
import type { MissionMatch } from '#modules/talents/missions/matching.ts';

export async function load({ params, url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const language = locals.language;
	await ownedMission(ctx, params.slug).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const { mission } = await missionFor(ctx, params.slug, locals.language);
	const page = Math.max(1, Math.min(1000, Number(url.searchParams.get('page')) || 1));
	const candidates = await missionCandidates(ctx, params.slug);
	const ranking = await rankTalents(ctx, params.slug, page);
	const all = [...candidates, ...ranking.items];
	const names = await occupationNames(app.database.db, [...groupsOf(all.map((item) => item.match)), ...all.map((item) => item.occupationCode)], language);
	const shown = (item: InstitutionTalentView & { match: MissionMatch }) => ({ ...talentCard(language, item, names), match: reasonLines(language, item.match, names) });
	return {
		slug: mission.slug,
		status: mission.status,
		isSample: mission.isSample,
		mission: await missionPage(app.database.db, language, mission),
		history: await missionHistory(app.database.db, mission.id),
		candidates: candidates.map(shown),
		ranking: { total: ranking.total, page: ranking.page, pageSize: ranking.pageSize, items: ranking.items.map(shown) }
	};
}

const conflicts = {
	wrong_status: 'missions.error_wrong_status',
	contact_not_accepted: 'missions.error_select_needs_contact'
};

const move = (name: 'start' | 'complete' | 'cancel') =>
	async function ({ request, params, locals }: { request: Request; params: { slug: string }; locals: App.Locals }) {
		const app = await getApp();
		const data = await request.formData();
		const fields = Object.fromEntries([...data.entries()].map(([key, value]) => [key, String(value)]));
		return formAction(locals.language, data, () => moveMission(requestContext(app, locals), params.slug, name, fields), { done: (status) => ({ done: `moved_${status}` }), conflicts });
	};

const toggle = (work: (ctx: ReturnType<typeof requestContext>, slug: string, id: string, on: boolean) => Promise<unknown>, on: boolean, done: string) =>
	async function ({ request, params, locals }: { request: Request; params: { slug: string }; locals: App.Locals }) {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => work(requestContext(app, locals), params.slug, String(data.get('id') ?? ''), on), { done: () => ({ done }), conflicts });
	};

export const actions = {
	start: move('start'),
	complete: move('complete'),
	cancel: move('cancel'),
	shortlist: toggle(setShortlisted, true, 'shortlisted'),
	unshortlist: toggle(setShortlisted, false, 'unshortlisted'),
	select: toggle(setSelected, true, 'selected'),
	unselect: toggle(setSelected, false, 'unselected')
};
