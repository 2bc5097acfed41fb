import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { listBodies } from '#modules/strategy/concertation.service.ts';
import { ConcertationFilters } from '#modules/strategy/strategy.schemas.ts';

/** The regional concertation bodies (public), by region. */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const base = app.settings.publicUrl.replace(/\/$/, '');
	const bodies = await listBodies(app.database.db, locals.language, readQuery(url, ConcertationFilters));
	return Response.json({ items: bodies.map((body) => ({ ...body, url: `${base}/${locals.language}/strategy/concertation/${body.slug}` })) }, { headers: { 'cache-control': 'public, max-age=60' } });
});
