import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { forPage } from '#platform/http/page.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { appointSecretary, bodyDetail, removeSecretary, secretariesOf } from '#modules/strategy/concertation.service.ts';

/** Administrators appoint the people who hold a body's secretariat (the grant `strategy:secretary` scoped to it). */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const body = await forPage(bodyDetail(app.database.db, params.body, locals.language));
	const holders = await forPage(secretariesOf(ctx, params.body));
	return {
		body: { slug: body.slug, name: body.name, nameLanguage: body.nameLanguage },
		holders: holders.map((holder) => ({ ...holder, since: holder.since.toISOString() })),
		done: url.searchParams.get('done')
	};
}

/** A refusal on the form (the platform's), an appointment already held named on the address field. */
function refused(language: 'fr' | 'ar' | 'en', failure: unknown, data: FormData) {
	if (isAppError(failure) && failure.extra?.reason === 'grant_exists') return fail(failure.status, { values: formValues(data), errors: { email: translate(language, 'strategy.secretariat_already') } });
	return formFailureFrom(language, failure, data);
}

export const actions = {
	appoint: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const email = String(data.get('email') ?? '');
		try {
			await appointSecretary(ctx, params.body, { email });
		} catch (failure) {
			return refused(ctx.language, failure, data);
		}
		return { appointed: email.trim().toLowerCase() };
	},
	remove: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		try {
			await removeSecretary(ctx, params.body, String(data.get('grant') ?? ''));
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		return { removed: true };
	}
};
