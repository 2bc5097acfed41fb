import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { decideMembership, waitingRequests } from '#modules/return/network.ts';

/** The secretariat's queue: membership requests, oldest first. */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	await forPage(async () => ctx.require('return.secretariat'));
	const rows = await waitingRequests(ctx.db);
	return { requests: rows.map((row) => ({ ...row, requestedAt: row.requestedAt.toISOString() })), done: url.searchParams.get('done') };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const decision = data.get('decision');
		if (decision !== 'approve' && decision !== 'refuse') return fail(400, { errors: { '': 'decision' } });
		try {
			await decideMembership(ctx, String(data.get('organisationId') ?? ''), decision);
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/network/requests?done=${decision}`);
	}
};
