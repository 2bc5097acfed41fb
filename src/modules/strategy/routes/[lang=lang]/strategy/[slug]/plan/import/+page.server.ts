import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { sizeText } from '#platform/http/body-limits.ts';
import { translate } from '#platform/i18n/translator.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';
import { actionColumns, applyProgrammeImport, budgetColumns, PROGRAMME_IMPORT_MAX_BYTES, previewProgrammeImport, storedPreview, structureColumns } from '#modules/strategy/programme-import.ts';

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const owner = await strategyForPage(requestContext(app, locals), params.slug, 'strategy.plan');
	return { slug: owner.slug, title: pickText(owner.title, locals.language), limit: sizeText(PROGRAMME_IMPORT_MAX_BYTES), columns: { structure: structureColumns, actions: actionColumns, budget: budgetColumns } };
}

/** A refusal of the file as the page says it (the reasons are the import's). */
function refused(language: 'fr' | 'ar' | 'en', failure: unknown) {
	if (!isAppError(failure)) throw failure;
	if (failure.code === 'not_found') error(404, 'not_found');
	const reason = String(failure.extra?.reason ?? '');
	const values = (failure.extra?.values ?? {}) as Record<string, string | number>;
	const message = reason.startsWith('import_') ? translate(language, `strategy.${reason}`, values) : translate(language, `errors.${failure.code}`);
	return fail(failure.status, { errors: { file: message } });
}

export const actions = {
	preview: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			return fail(400, { errors: { file: translate(locals.language, 'strategy.import_empty') } });
		}
		const file = data.get('file');
		if (!file || typeof file === 'string' || file.size === 0) return fail(400, { errors: { file: translate(locals.language, 'strategy.import_empty') } });
		try {
			return { preview: await previewProgrammeImport(ctx, params.slug, new Uint8Array(await file.arrayBuffer())), fileName: file.name };
		} catch (failure) {
			return refused(locals.language, failure);
		}
	},
	apply: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const data = await request.formData();
		const previewed = { file: String(data.get('file') ?? ''), state: String(data.get('state') ?? '') };
		let applied: Awaited<ReturnType<typeof applyProgrammeImport>>;
		try {
			applied = await applyProgrammeImport(ctx, params.slug, { ...previewed, confirm: data.get('confirm') === 'on', withChildren: data.get('withChildren') === 'on' });
		} catch (failure) {
			// a removal not confirmed as the plan page asks: the same preview again, the box to tick said
			const reason = isAppError(failure) ? String(failure.extra?.reason ?? '') : '';
			const box = { confirmation_required: 'confirm', has_children: 'withChildren', has_contents: 'withChildren' }[reason];
			const preview = box ? await storedPreview(ctx, params.slug, previewed) : null;
			if (box && preview) {
				const message = translate(locals.language, reason === 'confirmation_required' ? 'strategy.import_removal_confirm_required' : 'strategy.reason_has_contents');
				return fail(400, { preview, fileName: String(data.get('fileName') ?? ''), errors: { [box]: message } as Record<string, string> });
			}
			return refused(locals.language, failure);
		}
		redirect(303, `/${locals.language}/strategy/${params.slug}/plan?imported=${applied.actions}-${applied.created}-${applied.lines}-${applied.nodes}-${applied.removed}`);
	}
};
