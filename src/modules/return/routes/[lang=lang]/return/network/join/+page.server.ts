import { redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { fail } from '@sveltejs/kit';
import { MembershipRequestForm } from '#modules/return/return.schemas.ts';
import { myOrganisations, requestMembership } from '#modules/return/network.ts';

/** A partner asks for one of their organisations to join the RAMre network, and sees where each stands. */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	await forPage(async () => ctx.require('return.network.contribute'));
	return { organisations: await myOrganisations(ctx), sent: url.searchParams.get('sent') === '1' };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const parsed = parseForm(ctx.language, MembershipRequestForm, data);
		if (!parsed.ok) return parsed.failure;
		try {
			await requestMembership(ctx, parsed.data);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				return fail(409, { values: Object.fromEntries(data) as Record<string, string>, errors: { '': translate(ctx.language, `return.error_${String(failure.extra?.reason ?? 'already_requested')}`) } });
			}
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/network/join?sent=1`);
	}
};
