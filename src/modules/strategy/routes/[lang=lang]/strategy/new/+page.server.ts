import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createStrategy } from '#modules/strategy/strategy.service.ts';
import { strategyChoices, strategyFailure, strategyFromForm, strategyValues, withAddedSource } from '#modules/strategy/strategy-form.ts';

/** An administrator creates a strategy (a draft, unpublished); then its tree is built on the plan page. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	// an owner's grant is limited to their strategy: creating another one is the administrators'
	if (!requestContext(app, locals).can('strategy.manage')) error(403, 'forbidden');
	return { choices: await strategyChoices(app.database.db, locals.language), values: { country: 'MA', status: 'draft' } };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const values = strategyValues(await request.formData());
		// "add a source" without JavaScript: the same form, one more row
		const more = withAddedSource(values);
		if (more) return { values: more, errors: {} };
		let slug: string;
		try {
			slug = (await createStrategy(ctx, strategyFromForm(values))).slug;
		} catch (failure) {
			return strategyFailure(ctx.language, failure, values);
		}
		redirect(303, `/${ctx.language}/strategy/${slug}/plan?created=1`);
	}
};
