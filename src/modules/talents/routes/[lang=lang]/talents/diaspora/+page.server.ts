import { fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { countryName, countryOptions } from '#platform/geo/countries.ts';
import { addDiasporaFigure, diasporaMap, diasporaMapSeries, diasporaOverview, type DiasporaMapSeries } from '#modules/talents/diaspora.service.ts';
import { figureForm } from '#modules/talents/diaspora-form.ts';

export async function load({ locals, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const overview = await diasporaOverview(app.database.db);
	const collator = new Intl.Collator(locals.language);
	const countries = overview.countries
		.map((entry) => ({ ...entry, name: countryName(entry.country, locals.language) }))
		.sort((a, b) => collator.compare(a.name, b.name));
	// the map shows the reference figures by default, the platform's talents on request (or when no figure exists yet)
	const asked = url.searchParams.get('map');
	const hasFigures = countries.some((entry) => entry.figures.length > 0);
	const series: DiasporaMapSeries = diasporaMapSeries.includes(asked as DiasporaMapSeries) ? (asked as DiasporaMapSeries) : hasFigures ? 'figures' : 'talents';
	return {
		countries,
		series,
		...diasporaMap(countries, series),
		skills: overview.skills,
		talents: overview.talents,
		canEdit: ctx.can('talents.moderate'),
		removed: url.searchParams.get('done') === 'figure_removed',
		countryOptions: ctx.can('talents.moderate') ? countryOptions(locals.language).filter((option) => option.value !== 'MA') : []
	};
}

export const actions = {
	default: async ({ locals, request }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await addDiasporaFigure(requestContext(app, locals), figureForm(data));
		} catch (failure) {
			const result = formFailureFrom(locals.language, failure, data);
			return fail(result.status, result.data);
		}
		return { done: 'figure_added' };
	}
};
