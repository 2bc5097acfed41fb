import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { answerRequest, endMentoring, myMentoring, withdrawRequest } from '#modules/talents/mentoring/mentoring.service.ts';
import { mentoringConflicts } from '#modules/talents/mentoring/mentoring-pages.ts';
import { MENTORING_MESSAGE_MONTHS } from '#modules/talents/retention.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { ...(await myMentoring(requestContext(app, locals))), messageMonths: MENTORING_MESSAGE_MONTHS };
}

type Work = (ctx: ReturnType<typeof requestContext>, id: string, reason: string) => Promise<unknown>;

/** Each move names the request it acts on; the service refuses someone else's. */
const move = (done: string, work: Work) =>
	async ({ request, locals }: { request: Request; locals: App.Locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => work(requestContext(app, locals), String(data.get('id') ?? ''), String(data.get('reason') ?? '')), {
			done: () => ({ done, id: String(data.get('id') ?? '') }),
			conflicts: mentoringConflicts
		});
	};

export const actions = {
	accept: move('accepted', (ctx, id) => answerRequest(ctx, id, true)),
	decline: move('declined', (ctx, id, reason) => answerRequest(ctx, id, false, { reason })),
	withdraw: move('withdrawn', (ctx, id) => withdrawRequest(ctx, id)),
	end: move('ended', (ctx, id, reason) => endMentoring(ctx, id, { reason }))
};
