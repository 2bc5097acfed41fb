import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createNode, strategyDetail } from '#modules/strategy/strategy.service.ts';
import { nodeFailure, nodeFormChoices, nodeFromForm, parentOptions } from '#modules/strategy/node-form.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';
import { strategyResource } from '#modules/strategy/strategy.service.ts';
import { proposalsWaitingCount } from '#modules/strategy/initiative-links.service.ts';
import { versionsWaitingCount } from '#modules/strategy/programme-versions.service.ts';

export async function load({ params, url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const owner = await strategyForPage(ctx, params.slug, 'strategy.plan');
	const detail = await strategyDetail(app.database.db, params.slug, locals.language, {}, { canPlan: () => true });
	// after an import: `?imported=<actions changed>-<actions created>-<lines>-<domains, programmes and objectives created or changed>-<nodes removed>`
	const imported = /^(\d+)-(\d+)-(\d+)-(\d+)(?:-(\d+))?$/.exec(url.searchParams.get('imported') ?? '');
	return { detail, canManage: ctx.can('strategy.manage', strategyResource(owner)), created: url.searchParams.has('created'), imported: imported ? { actions: Number(imported[1]), created: Number(imported[2]), lines: Number(imported[3]), nodes: Number(imported[4]), removed: Number(imported[5] ?? 0) } : null, proposals: await proposalsWaitingCount(app.database.db, [owner.slug]), versionsWaiting: await versionsWaitingCount(app.database.db, [owner.slug]), removed: Number(url.searchParams.get('removed')) || 0, parents: parentOptions(detail.tree, locals.language), choices: await nodeFormChoices(app.database.db, locals.language, detail.country) };
}

export const actions = {
	default: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		try {
			const row = await createNode(ctx, params.slug, nodeFromForm(form));
			return { done: 'added', id: row.id };
		} catch (failure) {
			return nodeFailure(locals.language, failure, form);
		}
	}
};
