import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';
import { compareVersions, decideVersion, labelOf, submitVersion, versionsOf, withdrawVersion } from '#modules/strategy/programme-versions.service.ts';
import type { RequestContext } from '#platform/kernel/context.ts';

/** The planners' and owner's page: where the draft stands, the submission waiting (decide, withdraw), submit, every version. */
export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	await strategyForPage(ctx, params.slug, 'strategy.plan');
	const page = await versionsOf(ctx, params.slug);
	// what the draft changes since the latest approved version, and what the submission waiting changes from it
	const summary = async (from: string, to: string) => (await compareVersions(ctx, params.slug, { from, to })).diff.summary;
	return {
		...page,
		draftChanges: page.latest && page.draft?.changedSinceApproved ? await summary(page.latest.ref, 'draft') : null,
		pendingChanges: page.latest && page.pending ? await summary(page.latest.ref, page.pending.ref) : null
	};
}

const conflicts = {
	version_pending: 'strategy.error_version_pending',
	programme_empty: 'strategy.error_programme_empty',
	version_unchanged: 'strategy.error_version_unchanged',
	version_already_decided: 'strategy.error_version_already_decided'
};

async function act(locals: App.Locals, request: Request, work: (ctx: RequestContext, data: FormData) => Promise<{ number: number | null; seq: number }>, done: string) {
	const ctx = requestContext(await getApp(), locals);
	const data = await request.formData();
	return formAction(ctx.language, data, () => work(ctx, data), {
		done: (row) => ({ done, label: labelOf(ctx.language, row) }),
		conflicts,
		adjust: (errors) => {
			if (errors.reason) errors.reason = translate(ctx.language, 'strategy.error_return_reason');
		}
	});
}

const ref = (data: FormData) => String(data.get('ref') ?? '');

export const actions = {
	submit: ({ params, request, locals }) => act(locals, request, (ctx, data) => submitVersion(ctx, params.slug, Object.fromEntries(data)), 'submitted'),
	approve: ({ params, request, locals }) => act(locals, request, (ctx, data) => decideVersion(ctx, params.slug, ref(data), { decision: 'approve' }), 'approved'),
	return: ({ params, request, locals }) => act(locals, request, (ctx, data) => decideVersion(ctx, params.slug, ref(data), { decision: 'return', reason: data.get('reason') }), 'returned'),
	withdraw: ({ params, request, locals }) => act(locals, request, (ctx, data) => withdrawVersion(ctx, params.slug, ref(data)), 'withdrawn')
};
