import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { decideInitiative, proposalsWaiting } from '#modules/strategy/initiative-links.service.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';

/** The planners' queue: initiatives partners proposed for the strategy's actions, to accept or decline. */
export async function load({ params, locals }) {
	const ctx = requestContext(await getApp(), locals);
	const owner = await strategyForPage(ctx, params.slug, 'strategy.plan');
	return { strategy: { slug: owner.slug, title: owner.title }, proposals: await proposalsWaiting(ctx, owner) };
}

export const actions = {
	decide: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => decideInitiative(ctx, String(data.get('link') ?? ''), Object.fromEntries(data)), {
			done: (row) => ({ done: row.status, link: row.id }),
			conflicts: { initiative_already_decided: 'strategy.error_initiative_already_decided' },
			// a decline says why: the generic "required" would not
			adjust: (errors) => {
				if (errors.reason) errors.reason = translate(ctx.language, 'strategy.error_decline_reason');
			}
		});
	}
};
