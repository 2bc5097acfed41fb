import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { newEntryForm, sendProposal } from '#modules/talents/directories/proposal-pages.ts';

const kindOf = (value: unknown) => (value === 'desk' ? 'desk' : 'house');

/** Propose a new house of Moroccans of the world or MRE desk (`?kind=`; `?from=`: a proposal sent back). */
export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return newEntryForm(requestContext(app, locals), kindOf(url.searchParams.get('kind')), url.searchParams.get('from'));
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const form = await request.formData();
		const answer = await sendProposal(requestContext(app, locals), form, { kind: kindOf(form.get('kind')), entryId: null }, notifyOf(app));
		if ('failure' in answer) return answer.failure;
		redirect(303, answer.redirect);
	}
};
