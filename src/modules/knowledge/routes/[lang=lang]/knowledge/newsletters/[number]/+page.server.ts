import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { getIssue, issueContents, sendIssue, sendPreview, subscriberCounts } from '#modules/knowledge/newsletters/newsletter.service.ts';

/** An issue as its readers got it (the archive), in the page's language; for the editors, a draft's preview and sending. */
export async function load({ locals, params }) {
	const ctx = requestContext(await getApp(), locals);
	const row = await forPage(getIssue(ctx, Number(params.number)));
	const canEdit = ctx.can('knowledge.edit_newsletter');
	return {
		issue: { number: row.number, title: row.title, intro: row.intro, status: row.status, sentAt: row.sentAt?.toISOString() ?? null, recipients: canEdit ? row.recipients : null },
		contents: await issueContents(ctx.db, row, ctx.language),
		canEdit,
		subscribers: canEdit ? (await subscriberCounts(ctx.db)).confirmed : null
	};
}

const conflicts = { issue_out_of_order: 'newsletters.error_out_of_order' };

export const actions = {
	send: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => sendIssue(ctx, Number(params.number)), { done: (result) => ({ sent: result.sent }), conflicts });
	},
	preview: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => sendPreview(ctx, Number(params.number), locals.user?.email ?? ''), { done: () => ({ previewed: locals.user?.email ?? '' }) });
	}
};
