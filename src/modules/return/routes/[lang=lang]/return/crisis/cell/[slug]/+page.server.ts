import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { countryName } from '#platform/geo/countries.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { crisisFormAction } from '#modules/return/crisis/crisis-forms.ts';
import { closeCrisis, crisisDashboard, purgeDate } from '#modules/return/crisis/crisis.service.ts';
import { checklistProgress } from '#modules/return/crisis/responders.ts';
import { crisisMap, placesOfCrisis } from '#modules/return/crisis/crisis-places.ts';

/** A crisis's dashboard: its counts (the cell: every registration; a relay: those assigned to it), each a filter of the list. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [dashboard, checklist, places] = await forPage(Promise.all([crisisDashboard(ctx, params.slug), checklistProgress(ctx, params.slug), placesOfCrisis(ctx, params.slug)]));
	const { crisis } = dashboard;
	const { map, unplaced } = crisisMap(places, dashboard.cities);
	return {
		done: url.searchParams.get('done') ?? '',
		canManage: dashboard.canManage,
		crisis: { slug: crisis.slug, title: pickText(crisis.title, locals.language), status: crisis.status, countries: crisis.countries.map((code) => countryName(code, locals.language)), purgeOn: purgeDate(crisis)?.toISOString() ?? null, purgedAt: crisis.purgedAt?.toISOString() ?? null },
		totals: dashboard.totals,
		byStatus: dashboard.byStatus,
		byNeed: dashboard.byNeed,
		byCity: dashboard.byCity,
		map,
		// the cities no place of the map matches (the cell adds them on the places page)
		unplaced: unplaced.slice(0, 20),
		unplacedRegistrations: unplaced.reduce((sum, city) => sum + city.count, 0),
		possibleDuplicates: dashboard.possibleDuplicates,
		checklist
	};
}

type Event = { request: Request; locals: App.Locals; params: { slug: string } };
const contextOf = async (locals: App.Locals) => requestContext(await getApp(), locals);

export const actions = {
	close: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return crisisFormAction(ctx, data, () => closeCrisis(ctx, params.slug), 'closed');
	}
};
