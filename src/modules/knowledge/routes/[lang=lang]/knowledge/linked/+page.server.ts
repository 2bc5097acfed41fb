import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { linkedDocuments } from '#modules/knowledge/document-links.ts';

/**
 * The library's documents that link to one record of another module (`?to=atlas.initiative:<slug>` or
 * `?to=strategy.action:<strategy>/<id>`): where an initiative's or an action's page sends its readers.
 * A record that is not there, or not one documents link to: not found.
 */
export async function load({ url, locals }) {
	const app = await getApp();
	const to = (url.searchParams.get('to') ?? '').trim();
	const page = Number(url.searchParams.get('page') ?? '1');
	const found = to && to.length <= 400 && Number.isInteger(page) && page >= 1 && page <= 10000 ? await linkedDocuments(app.database.db, to, locals.language, page) : null;
	if (!found) error(404, 'not_found');
	return { ...found, query: `to=${encodeURIComponent(to)}` };
}
