import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { missionFor, missionHistory } from '#modules/talents/missions/missions.service.ts';
import { answerContact, expressInterest, myStanding, talentFeedback, withdrawInterest, writeToOrganisation } from '#modules/talents/missions/candidates.service.ts';
import { groupsOf, missionPage, occupationNames, reasonLines } from '#modules/talents/missions/missions-pages.ts';
import { missionJsonLd } from '#modules/talents/missions/missions-json-ld.ts';
import { conversationsDeletedOn, MISSION_CONVERSATION_MONTHS } from '#modules/talents/retention.ts';

export async function load({ params, locals, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const found = await missionFor(ctx, params.slug, locals.language).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const language = locals.language;
	const standing = await myStanding(ctx, params.slug);
	const names = standing?.match ? await occupationNames(app.database.db, groupsOf([standing.match]), language) : new Map();
	return {
		slug: found.mission.slug,
		status: found.mission.status,
		statusAt: found.mission.statusAt,
		isSample: found.mission.isSample,
		mission: await missionPage(app.database.db, language, found.mission),
		history: (await missionHistory(app.database.db, found.mission.id)).map(({ to, at }) => ({ to, at })),
		manages: found.manages,
		signedIn: Boolean(locals.actor),
		talent: standing ? { ...standing, match: standing.match ? reasonLines(language, standing.match, names) : null } : null,
		retention: { deletedOn: conversationsDeletedOn(found.mission), months: MISSION_CONVERSATION_MONTHS },
		jsonLd: missionJsonLd(found.mission, `${app.settings.publicUrl.replace(/\/$/, '')}${url.pathname}`)
	};
}

const conflicts = {
	not_open: 'missions.error_not_open',
	profile_missing: 'missions.error_profile_missing',
	no_request: 'missions.error_no_request',
	contact_not_accepted: 'missions.error_contact_not_accepted',
	not_completed: 'missions.error_not_completed',
	feedback_given: 'missions.error_feedback_given'
};

export const actions = {
	interest: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => expressInterest(requestContext(app, locals), params.slug, { note: String(data.get('note') ?? '') }), {
			done: () => ({ done: 'interest_saved' }),
			conflicts
		});
	},
	withdraw: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => withdrawInterest(requestContext(app, locals), params.slug), { done: () => ({ done: 'interest_withdrawn' }), conflicts });
	},
	accept: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => answerContact(requestContext(app, locals), params.slug, true), { done: () => ({ done: 'contact_accepted' }), conflicts });
	},
	decline: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => answerContact(requestContext(app, locals), params.slug, false), { done: () => ({ done: 'contact_declined' }), conflicts });
	},
	reply: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => writeToOrganisation(requestContext(app, locals), params.slug, { body: String(data.get('body') ?? '') }), {
			done: () => ({ done: 'message_sent' }),
			conflicts
		});
	},
	feedback: async ({ request, params, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => talentFeedback(requestContext(app, locals), params.slug, { rating: data.get('rating') ?? '', comment: String(data.get('comment') ?? '') }), {
			done: () => ({ done: 'feedback_saved' }),
			conflicts
		});
	}
};
