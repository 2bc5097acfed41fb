import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { moveNode, nodeForPlanner, removalContents, removeNode, strategyDetail, updateNode } from '#modules/strategy/strategy.service.ts';
import { nodeFailure, nodeFormChoices, nodeFromForm, parentOptions } from '#modules/strategy/node-form.ts';
import { PARENT_KIND } from '#modules/strategy/strategy.model.ts';
import { budgetLinesOf, removeBudgetLine, setBudgetLine } from '#modules/strategy/budget.service.ts';
import { formLists, formValues } from '#platform/http/form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { fail } from '@sveltejs/kit';
import type { RequestContext } from '#platform/kernel/context.ts';

async function nodeOf(ctx: RequestContext, slug: string, id: string) {
	try {
		const found = await nodeForPlanner(ctx, id);
		if (found.owner.slug !== slug) error(404, 'not_found');
		return found;
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	if (!/^[0-9a-f-]{36}$/i.test(params.node)) error(404, 'not_found');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const { row, snapshot } = await nodeOf(ctx, params.slug, params.node);
	const detail = await strategyDetail(app.database.db, params.slug, locals.language, {}, { canPlan: () => true });
	const wanted = PARENT_KIND[row.kind];
	const siblings = (function find(items: typeof detail.tree): typeof detail.tree | null {
		if (items.some((item) => item.id === row.id)) return items;
		for (const item of items) {
			const found = find(item.children);
			if (found) return found;
		}
		return null;
	})(detail.tree);
	return {
		detail: { slug: detail.slug, titles: detail.titles },
		node: { id: row.id, kind: row.kind, parentId: row.parentId, titles: row.title as Record<string, string>, position: (siblings ?? []).findIndex((item) => item.id === row.id) + 1, siblings: siblings?.length ?? 1 },
		// what its removal takes with it (the second box to tick names it)
		removal: await removalContents(app.database.db, row.id),
		budget: row.kind === 'action' ? await budgetLinesOf(app.database.db, row.id) : null,
		values: {
			title_fr: row.title.fr ?? '',
			title_ar: row.title.ar ?? '',
			title_en: row.title.en ?? '',
			description_fr: row.description.fr ?? '',
			description_ar: row.description.ar ?? '',
			originalLanguage: row.originalLanguage,
			leadOrganisationId: row.leadOrganisationId ?? '',
			periodStart: row.periodStart ? String(row.periodStart) : '',
			periodEnd: row.periodEnd ? String(row.periodEnd) : '',
			status: row.status,
			national: row.national ? 'on' : ''
		},
		lists: {
			partners: snapshot.partnerIds,
			regions: snapshot.regions,
			gcm: snapshot.tags.filter((tag) => tag.scheme === 'gcm').map((tag) => tag.code),
			sdg: snapshot.tags.filter((tag) => tag.scheme === 'sdg').map((tag) => tag.code)
		},
		parents: wanted ? parentOptions(detail.tree, locals.language).filter((option) => option.kind === wanted) : [],
		choices: await nodeFormChoices(app.database.db, locals.language, detail.country)
	};
}

export const actions = {
	save: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		try {
			const { kind: _kind, parentId: _parentId, ...fields } = nodeFromForm(form);
			await updateNode(ctx, params.node, fields);
			return { done: 'saved' };
		} catch (failure) {
			return nodeFailure(locals.language, failure, form);
		}
	},
	move: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		try {
			const position = Number(form.get('position'));
			await moveNode(ctx, params.node, { parentId: String(form.get('parentId') ?? '') || null, position: Number.isFinite(position) && position > 0 ? position - 1 : undefined });
			return { done: 'moved' };
		} catch (failure) {
			return nodeFailure(locals.language, failure, form);
		}
	},
	budget: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		try {
			await setBudgetLine(ctx, params.node, Object.fromEntries([...form.entries()].map(([key, value]) => [key.replace(/^budget_/, ''), String(value)])));
			return { done: 'budget_saved' };
		} catch (failure) {
			if (isAppError(failure) && failure.extra?.reason === 'executed_above_committed') {
				return fail(400, { values: formValues(form), lists: formLists(form), errors: { budget_note: translate(locals.language, 'strategy.budget_reason_executed') } as Record<string, string>, budget: true });
			}
			if (isAppError(failure) && failure.fields.length) {
				const errors: Record<string, string> = Object.fromEntries(failure.fields.map((problem) => [`budget_${problem.path.split('.')[0]}`, translate(locals.language, `errors.${problem.messageKey}`, problem.values)]));
				return fail(failure.status, { values: formValues(form), lists: formLists(form), errors, budget: true });
			}
			return nodeFailure(locals.language, failure, form);
		}
	},
	budgetRemove: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		try {
			await removeBudgetLine(ctx, params.node, String(form.get('line') ?? ''));
			return { done: 'budget_removed' };
		} catch (failure) {
			return nodeFailure(locals.language, failure, form);
		}
	},
	remove: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		let removed: number;
		try {
			({ removed } = await removeNode(ctx, params.node, { confirm: form.get('confirm') === 'on', withChildren: form.get('withChildren') === 'on' }));
		} catch (failure) {
			return nodeFailure(locals.language, failure, form);
		}
		redirect(303, `/${locals.language}/strategy/${params.slug}/plan?removed=${removed}`);
	}
};
