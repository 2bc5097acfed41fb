import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { newEntryForm, sendProposal } from '#modules/talents/directories/proposal-pages.ts';

/** Propose a new diaspora association (one of the registry, or a new one with its host country; `?from=`: a proposal sent back). */
export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return newEntryForm(requestContext(app, locals), 'association', url.searchParams.get('from'));
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const form = await request.formData();
		const answer = await sendProposal(requestContext(app, locals), form, { kind: 'association', entryId: null }, notifyOf(app));
		if ('failure' in answer) return answer.failure;
		redirect(303, answer.redirect);
	}
};
