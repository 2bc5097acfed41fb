import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myProposal, withdrawMyProposal } from '#modules/knowledge/my-proposals.ts';

/** One's own proposal, and the confirmation of its withdrawal while it waits (anyone else's: not found). */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	try {
		return { proposal: await myProposal(requestContext(app, locals), params.id) };
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}

export const actions = {
	// the status the page showed comes back with the form: a proposal decided on since is refused, not withdrawn unseen
	withdraw: async ({ locals, params, request }) => {
		const app = await getApp();
		const data = await request.formData();
		const answer = await formAction(locals.language, data, () => withdrawMyProposal(requestContext(app, locals), params.id, { expectedStatus: String(data.get('expectedStatus') ?? '') || undefined }), {
			done: () => ({ withdrawn: true }),
			conflicts: { stale_proposal: 'library_work.withdraw_stale', not_pending: 'library_work.withdraw_not_pending' }
		});
		if ('withdrawn' in answer) redirect(303, `/${locals.language}/knowledge/proposals?withdrawn=1`);
		return answer;
	}
};
