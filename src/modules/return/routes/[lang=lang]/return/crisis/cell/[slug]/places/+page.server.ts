import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction, formValues } from '#platform/http/form.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { crisisDashboard } from '#modules/return/crisis/crisis.service.ts';
import { addCrisisPlace, crisisMap, crisisPlaces, removeCrisisPlace } from '#modules/return/crisis/crisis-places.ts';

/** The places of a crisis's map (the cell's): each with its spellings and coordinates, and the cities written by people that none matches yet. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [{ crisis, places }, dashboard] = await forPage(Promise.all([crisisPlaces(ctx, params.slug), crisisDashboard(ctx, params.slug)]));
	return {
		done: url.searchParams.get('done') ?? '',
		// a city chosen in the list below fills the form's name
		name: (url.searchParams.get('name') ?? '').slice(0, 120),
		crisis: { slug: crisis.slug, title: pickText(crisis.title, locals.language) },
		places: places.map(({ id, name, spellings, latitude, longitude }) => ({ id, name, spellings, latitude, longitude })),
		unplaced: crisisMap(places, dashboard.cities).unplaced.slice(0, 50)
	};
}

type Event = { request: Request; locals: App.Locals; params: { slug: string } };

export const actions = {
	add: async ({ request, locals, params }: Event) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => addCrisisPlace(ctx, params.slug, formValues(data)), {
			done: () => ({ done: 'place_added' }),
			conflicts: { place_exists: 'return.crisis_error_place_exists' }
		});
	},
	remove: async ({ request, locals, params }: Event) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => removeCrisisPlace(ctx, params.slug, String(data.get('placeId') ?? '')), { done: () => ({ done: 'place_removed' }) });
	}
};
