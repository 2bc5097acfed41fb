import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { compareVersions } from '#modules/strategy/programme-versions.service.ts';

/** The differences between two programme versions (or a version and the draft), picked by their labels. */
export async function load({ params, url, locals }) {
	const ctx = requestContext(await getApp(), locals);
	const asked = { from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined };
	const errors: Record<string, string> = {};
	const compare = async (query: typeof asked) => {
		try {
			return await compareVersions(ctx, params.slug, query);
		} catch (failure) {
			if (!isAppError(failure)) throw failure;
			if (failure.code !== 'invalid_input') error(failure.status, failure.code);
			// a name that is no version one may see (an edited address): said on its picker, and the default comparison shown
			for (const field of failure.fields) errors[field.path] = translate(ctx.language, 'strategy.error_unknown_version');
			return null;
		}
	};
	const result = (await compare(asked)) ?? (await compare({ from: undefined, to: undefined }));
	if (!result) error(404, 'not_found');
	return { ...result, errors, options: result.options.map((option) => ({ value: option.ref, label: option.state ? `${option.label} — ${translate(ctx.language, `strategy.version_state_${option.state}`)}` : option.label })) };
}
