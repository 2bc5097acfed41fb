import { getApp } from '#platform/app.ts';
import { regions } from '#platform/geo/morocco.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listBodies } from '#modules/strategy/concertation.service.ts';

/** The regional concertation bodies, by region (public); `?region=` keeps one region's. */
export async function load({ locals, url }) {
	const app = await getApp();
	const asked = url.searchParams.get('region') ?? '';
	const region = regions.some((entry) => entry.iso === asked) ? asked : '';
	return {
		bodies: await listBodies(app.database.db, locals.language, { region: region || undefined }),
		region,
		regions: regionChoices(locals.language).map(({ value, label }) => ({ value, label })),
		canManage: requestContext(app, locals).can('strategy.manage_concertation')
	};
}
