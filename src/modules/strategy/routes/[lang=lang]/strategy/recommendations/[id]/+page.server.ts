import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { followUpRecommendation, mayFollowUp, recommendationDetail } from '#modules/strategy/recommendations.service.ts';
import { recommendationStatuses } from '#modules/strategy/strategy.model.ts';

/** A recommendation and its follow-up (public); the trackers move it on. */
export async function load({ params, locals, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const { item, history } = await forPage(recommendationDetail(app.database.db, params.id, locals.language));
	// the trackers, and for a concertation body's items its secretariat, follow it up; the trackers alone correct it
	return { item, history, statuses: recommendationStatuses, canTrack: ctx.can('strategy.track_recommendations'), canFollow: await mayFollowUp(ctx, item), saved: url.searchParams.get('saved') === '1' };
}

export const actions = {
	followUp: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => followUpRecommendation(ctx, params.id, Object.fromEntries(data)), {
			done: (row) => ({ done: row.status }),
			conflicts: { recommendation_unchanged: 'strategy.recommendation_error_unchanged' },
			// done or dropped: the note says how, or why
			adjust: (errors) => {
				if (errors.note) errors.note = translate(ctx.language, 'strategy.recommendation_error_note');
			}
		});
	}
};
