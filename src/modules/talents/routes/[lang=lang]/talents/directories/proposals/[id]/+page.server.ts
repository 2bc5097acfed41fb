import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { myDirectoryProposal, waitingStatuses, withdrawMyDirectoryProposal } from '#modules/talents/directories/directory-proposals.ts';

/** One's own proposal, and the confirmation of its withdrawal while it waits (anyone else's: not found). */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	try {
		const { data: _data, ...proposal } = await myDirectoryProposal(requestContext(app, locals), params.id);
		return { proposal };
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}

export const actions = {
	// the status the page showed comes back with the form: a proposal decided on since is refused, not withdrawn unseen
	withdraw: async ({ locals, params, request }) => {
		const app = await getApp();
		const form = await request.formData();
		const seen = waitingStatuses.find((status) => status === form.get('expectedStatus'));
		const answer = await formAction(locals.language, form, () => withdrawMyDirectoryProposal(requestContext(app, locals), params.id, seen), {
			done: () => ({ withdrawn: true }),
			conflicts: { stale_proposal: 'directories.withdraw_stale', not_pending: 'directories.withdraw_stale' }
		});
		if ('withdrawn' in answer) redirect(303, `/${locals.language}/talents/directories/proposals?withdrawn=1`);
		return answer;
	}
};
