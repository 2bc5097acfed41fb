import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { forPage } from '#platform/http/page.ts';
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

/** A refusal on the form: the field's message, or the whole form's. */
function refused(language: 'fr' | 'ar' | 'en', failure: unknown, email: string) {
	if (!isAppError(failure)) throw failure;
	const errors: Record<string, string> = {};
	for (const problem of failure.fields) errors[problem.path] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	if (failure.extra?.reason === 'grant_exists') errors.email = translate(language, 'strategy.secretariat_already');
	if (!Object.keys(errors).length) errors[''] = translate(language, `errors.${failure.code}`, failure.values);
	return fail(failure.status, { email, errors });
}

export const actions = {
	appoint: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const email = String((await request.formData()).get('email') ?? '');
		try {
			await appointSecretary(ctx, params.body, { email });
		} catch (failure) {
			return refused(ctx.language, failure, email);
		}
		return { appointed: email.trim().toLowerCase() };
	},
	remove: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const grantId = String((await request.formData()).get('grant') ?? '');
		try {
			await removeSecretary(ctx, params.body, grantId);
		} catch (failure) {
			return refused(ctx.language, failure, '');
		}
		return { removed: true };
	}
};
