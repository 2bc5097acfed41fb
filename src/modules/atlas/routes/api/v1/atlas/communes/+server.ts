import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { CommuneQuery, communesOf } from '#modules/atlas/communes-api.ts';

/** The communes of the provinces (or regions) asked, by province (public reference data; cached a day). */
export const GET = apiEndpoint(async ({ url }) =>
	Response.json(communesOf(readQuery(url, CommuneQuery)), { headers: { 'Cache-Control': 'public, max-age=86400' } })
);
