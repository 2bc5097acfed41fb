import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { parseForm } from '#platform/http/form.ts';
import { RightsPageForm } from '#modules/jobs/support-schemas.ts';
import { getRightsPage, reviseRightsPage } from '#modules/jobs/support-rights.service.ts';
import { clarifyErrors, supportFormFailure } from '#modules/jobs/support-pages.ts';

export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const found = await getRightsPage(app.database.db, params.slug).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const version = found.version;
	const values: Record<string, string> = {
		baseVersion: String(version.version),
		sources: version.sources.map((source) => (source.url ? `${source.name} | ${source.url}` : source.name)).join('\n'),
		reviewedOn: version.reviewedOn,
		comment: ''
	};
	for (const language of ['fr', 'ar', 'en'] as const) {
		values[`title_${language}`] = version.title[language] ?? '';
		values[`summary_${language}`] = version.summary[language] ?? '';
		values[`body_${language}`] = version.body[language] ?? '';
		values[`steps_${language}`] = (version.steps[language] ?? []).join('\n');
	}
	return { slug: found.page.slug, title: version.title[locals.language] ?? version.title.fr ?? found.page.slug, values };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, RightsPageForm, data);
		if (!parsed.ok) {
			return fail(400, { ...parsed.failure.data, errors: clarifyErrors(locals.language, parsed.failure.data.errors) });
		}
		let saved;
		try {
			saved = await reviseRightsPage(app.database.db, locals.audit, locals.actor, params.slug, parsed.data);
		} catch (failure) {
			return supportFormFailure(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/jobs/rights/${saved.page.slug}?saved=1`);
	}
};
