import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { regionalUse, updateStrategy } from '#modules/strategy/strategy.service.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';
import { strategyChoices, strategyFailure, strategyFormValues, strategyFromForm, strategyValues, withAddedSource } from '#modules/strategy/strategy-form.ts';

/** The strategy's own details, changed by an administrator or one of its owners (grant limited to it). */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const row = await strategyForPage(requestContext(app, locals), params.slug, 'strategy.manage');
	const title = pickText(row.title as Record<string, string>, locals.language);
	return {
		slug: row.slug,
		title: title.text,
		titleLanguage: title.lang,
		titleDir: title.dir,
		saved: url.searchParams.has('saved'),
		values: strategyFormValues(row),
		choices: await strategyChoices(app.database.db, locals.language),
		// what keeps its country: nodes naming regions (cleared on the plan page first), values reported for a region
		regional: await regionalUse(app.database.db, row.id)
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const values = strategyValues(await request.formData());
		const more = withAddedSource(values);
		if (more) return { values: more, errors: {} };
		try {
			await updateStrategy(ctx, params.slug, strategyFromForm(values));
		} catch (failure) {
			return strategyFailure(ctx.language, failure, values);
		}
		redirect(303, `/${ctx.language}/strategy/${params.slug}/edit?saved=1`);
	}
};
