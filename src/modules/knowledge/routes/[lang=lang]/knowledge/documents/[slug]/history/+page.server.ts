import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { documentHistory, restoreDocumentVersion, restorePreview } from '#modules/knowledge/document-history.ts';
import { extractSoon } from '#modules/knowledge/text-extraction.ts';

/** A version number from the address (`?version=3`), or nothing. */
const versionParam = (value: string | null) => (value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined);

/** A document's versions and what the chosen one changed; with `?restore=N`, an editor's confirmation of restoring N. */
export async function load({ params, locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	const history = await forPage(documentHistory(ctx, params.slug, { version: versionParam(url.searchParams.get('version')) }));
	const restore = versionParam(url.searchParams.get('restore'));
	return {
		...history,
		preview: restore === undefined ? null : await forPage(restorePreview(ctx, params.slug, restore)),
		restored: versionParam(url.searchParams.get('restored')) ?? null
	};
}

const conflicts: Record<string, string> = {
	stale_version: 'knowledge.history_error_stale',
	already_current: 'knowledge.history_error_current',
	file_missing: 'knowledge.history_error_file_missing'
};

export const actions = {
	// the confirmation's form: the version restored and the one it was confirmed on (a change since is refused)
	restore: async ({ request, params, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const data = await request.formData();
		const number = Number(data.get('number'));
		let restored;
		try {
			restored = await restoreDocumentVersion(ctx, params.slug, number, { expectedVersion: Number(data.get('expectedVersion')), comment: String(data.get('comment') ?? '') });
		} catch (failure) {
			if (!isAppError(failure)) throw failure;
			if (failure.code === 'not_found') error(404, 'not_found');
			const conflict = failure.code === 'conflict' ? conflicts[String(failure.extra?.reason)] : undefined;
			if (conflict) return fail(409, { values: formValues(data), errors: { '': translate(ctx.language, conflict, { current: Number(failure.extra?.currentVersion ?? 0), number }) } });
			return formFailureFrom(ctx.language, failure, data);
		}
		// another file: its text is read again now rather than at the queue's next minute
		if (restored.fileChanged) await extractSoon(app.queue);
		redirect(303, `/${ctx.language}/knowledge/documents/${restored.slug}/history?version=${restored.version}&restored=${number}`);
	}
};
