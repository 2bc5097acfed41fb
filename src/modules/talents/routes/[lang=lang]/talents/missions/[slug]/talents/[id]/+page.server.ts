import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { organisationFeedback, setSelected, setShortlisted, talentForMission, writeToTalent } from '#modules/talents/missions/candidates.service.ts';
import { groupsOf, occupationNames, reasonLines, talentCard } from '#modules/talents/missions/missions-pages.ts';
import { conversationsDeletedOn, MISSION_CONVERSATION_MONTHS } from '#modules/talents/retention.ts';

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const language = locals.language;
	const found = await talentForMission(requestContext(app, locals), params.slug, params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const names = await occupationNames(app.database.db, [...groupsOf([found.talent.match]), found.talent.occupationCode], language);
	return {
		slug: found.mission.slug,
		status: found.mission.status,
		title: pickText(found.mission.title, language),
		talent: { ...talentCard(language, found.talent, names), match: reasonLines(language, found.talent.match, names) },
		thread: found.thread,
		retention: { deletedOn: conversationsDeletedOn(found.mission), months: MISSION_CONVERSATION_MONTHS },
		feedback: found.feedback
	};
}

const conflicts = {
	wrong_status: 'missions.error_wrong_status',
	contact_not_accepted: 'missions.error_select_needs_contact',
	contact_declined: 'missions.error_contact_declined',
	closed: 'missions.error_closed',
	not_completed: 'missions.error_not_completed',
	feedback_given: 'missions.error_feedback_given'
};

type Event = { request: Request; params: { slug: string; id: string }; locals: App.Locals };
const toggle = (work: (ctx: ReturnType<typeof requestContext>, slug: string, id: string, on: boolean) => Promise<unknown>, on: boolean, done: string) =>
	async function ({ request, params, locals }: Event) {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => work(requestContext(app, locals), params.slug, params.id, on), { done: () => ({ done }), conflicts });
	};

export const actions = {
	write: async ({ request, params, locals }: Event) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => writeToTalent(requestContext(app, locals), params.slug, params.id, { body: String(data.get('body') ?? '') }), {
			done: () => ({ done: 'message_sent' }),
			conflicts
		});
	},
	feedback: async ({ request, params, locals }: Event) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => organisationFeedback(requestContext(app, locals), params.slug, params.id, { rating: data.get('rating') ?? '', comment: String(data.get('comment') ?? '') }), {
			done: () => ({ done: 'feedback_saved' }),
			conflicts
		});
	},
	shortlist: toggle(setShortlisted, true, 'shortlisted'),
	unshortlist: toggle(setShortlisted, false, 'unshortlisted'),
	select: toggle(setSelected, true, 'selected'),
	unselect: toggle(setSelected, false, 'unselected')
};
