import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listIssues, subscribe, subscriberCounts } from '#modules/knowledge/newsletters/newsletter.service.ts';

/** The newsletter: subscribing, and the archive of the issues sent (the editors also see drafts and how many subscribe). */
export async function load({ locals }) {
	const ctx = requestContext(await getApp(), locals);
	const canEdit = ctx.can('knowledge.edit_newsletter');
	const issues = await listIssues(ctx);
	return {
		canEdit,
		counts: canEdit ? await subscriberCounts(ctx.db) : null,
		issues: issues.map((row) => ({ number: row.number, title: row.title, status: row.status, sentAt: row.sentAt?.toISOString() ?? null, recipients: canEdit ? row.recipients : null })),
		email: locals.user?.email ?? ''
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => subscribe(ctx, Object.fromEntries(data)), { done: () => ({ subscribed: true }) });
	}
};
