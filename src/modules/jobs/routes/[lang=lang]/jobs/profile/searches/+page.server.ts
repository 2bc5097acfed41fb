import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { deleteSavedSearch, describeQuery, listSavedSearches, saveSearch, searchPath } from '#modules/jobs/seekers/saved-searches.ts';
import { placeOptions } from '../../places.ts';

const criteria = ['q', 'occupation', 'region', 'province', 'contract', 'language', 'foreigners'] as const;

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const searches = await listSavedSearches(requestContext(app, locals));
	// the search page may link here with its criteria in the address: they prefill the form
	const prefill = Object.fromEntries(criteria.map((key) => [key, (url.searchParams.get(key) ?? '').slice(0, 200)]));
	return {
		searches: searches.map((search) => ({
			id: search.id,
			description: describeQuery(search.query, locals.language),
			href: searchPath(locals.language, search.query),
			alert: search.alert
		})),
		prefill,
		regions: placeOptions(locals.language).regions
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const raw: Record<string, string> = {};
		for (const key of criteria) {
			const value = data.get(key);
			if (typeof value === 'string' && value.trim() !== '') raw[key] = value;
		}
		const values = Object.fromEntries([...data.entries()].filter(([, value]) => typeof value === 'string')) as Record<string, string>;
		try {
			await saveSearch(requestContext(app, locals), raw, data.get('alert') === 'yes');
		} catch (failure) {
			const reason = isAppError(failure) ? (failure.extra as { reason?: string } | undefined)?.reason : undefined;
			if (reason === 'search_empty') return fail(400, { values, errors: { q: translate(locals.language, 'seekers.searches_empty') } });
			if (reason === 'too_many_searches') return fail(409, { values, errors: { '': translate(locals.language, 'seekers.searches_too_many') } });
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'searches_saved' };
	},
	delete: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await deleteSavedSearch(requestContext(app, locals), String(data.get('id') ?? ''));
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'searches_deleted' };
	}
};
