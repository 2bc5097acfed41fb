import { redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { fail } from '@sveltejs/kit';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { spokenLanguageOptions } from '#platform/i18n/spoken-languages.ts';
import { NetworkServiceForm } from '#modules/return/return.schemas.ts';
import { addNetworkService, serviceOwners } from '#modules/return/network.ts';

/** A member organisation's people add one of its services to the network's directory. */
export async function load({ locals }) {
	const ctx = requestContext(await getApp(), locals);
	await forPage(async () => ctx.require('return.network.contribute'));
	return { owners: await serviceOwners(ctx), regions: regionChoices(ctx.language), languages: spokenLanguageOptions(ctx.language) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const parsed = parseForm(ctx.language, NetworkServiceForm, data);
		if (!parsed.ok) return parsed.failure;
		try {
			await addNetworkService(ctx, parsed.data);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				return fail(409, { values: Object.fromEntries(data) as Record<string, string>, errors: { organisationId: translate(ctx.language, 'return.error_not_a_member') } });
			}
			return formFailureFrom(ctx.language, failure, data);
		}
		// back to the finder, filtered so that the service just saved shows
		redirect(303, `/${ctx.language}/return/services?added=1&region=${parsed.data.regions[0]}&stage=${parsed.data.services[0]}`);
	}
};
