import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createIssue, issueChoices } from '#modules/knowledge/newsletters/newsletter.service.ts';
import { issueFailure, issueFromForm } from '#modules/knowledge/newsletters/newsletter-form.ts';

/** An editor composes a new issue (a draft, numbered after the last one). */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return { choices: await issueChoices((await getApp()).database.db, locals.language) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { values, input } = issueFromForm(form);
		let number: number;
		try {
			number = (await createIssue(ctx, input)).number;
		} catch (failure) {
			return issueFailure(ctx.language, failure, form, values);
		}
		redirect(303, `/${ctx.language}/knowledge/newsletters/${number}`);
	}
};
