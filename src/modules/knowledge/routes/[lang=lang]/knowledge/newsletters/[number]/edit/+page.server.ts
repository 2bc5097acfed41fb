import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { getIssue, issueChoices, updateIssue } from '#modules/knowledge/newsletters/newsletter.service.ts';
import { issueFailure, issueFormValues, issueFromForm } from '#modules/knowledge/newsletters/newsletter-form.ts';

/** An editor changes a draft (a sent issue stays as it was sent). */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const row = await forPage(getIssue(ctx, Number(params.number)));
	return { number: row.number, sent: row.status === 'sent', values: issueFormValues(row), choices: await issueChoices(ctx.db, ctx.language) };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { values, input } = issueFromForm(form);
		try {
			await updateIssue(ctx, Number(params.number), input);
		} catch (failure) {
			return issueFailure(ctx.language, failure, form, values);
		}
		redirect(303, `/${ctx.language}/knowledge/newsletters/${params.number}`);
	}
};
