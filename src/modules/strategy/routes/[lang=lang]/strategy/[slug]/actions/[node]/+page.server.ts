import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { actionPage, decideInitiative, proposeInitiative, removeInitiative } from '#modules/strategy/initiative-links.service.ts';

/** An action of a strategy: its facts, budget and the initiatives on the ground that carry it. */
export async function load({ params, locals }) {
	const ctx = requestContext(await getApp(), locals);
	return forPage(actionPage(ctx, params.slug, params.node));
}

const decided = { initiative_already_decided: 'strategy.error_initiative_already_decided' };

export const actions = {
	propose: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => proposeInitiative(ctx, params.node, Object.fromEntries(data)), {
			done: (row) => ({ done: row.status === 'accepted' ? 'linked' : 'proposed' }),
			conflicts: { initiative_already_linked: 'strategy.error_initiative_already_linked', initiative_declined: 'strategy.error_initiative_declined' }
		});
	},
	decide: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => decideInitiative(ctx, String(data.get('link') ?? ''), Object.fromEntries(data)), {
			done: (row) => ({ done: row.status }),
			conflicts: decided,
			// a decline says why: the generic "required" would not
			adjust: (errors) => {
				if (errors.reason) errors.reason = translate(ctx.language, 'strategy.error_decline_reason');
			}
		});
	},
	remove: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => removeInitiative(ctx, String(data.get('link') ?? '')), { done: () => ({ done: 'removed' }) });
	}
};
