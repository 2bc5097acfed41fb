import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { EventListQuery } from '#modules/knowledge/events/event.schemas.ts';
import { eventsCsv, eventsXlsx } from '#modules/knowledge/events/events-export.ts';

/** The events list (the page's period and category) as CSV or XLSX (public: open data; drafts for editors only). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const query = readQuery(url, EventListQuery);
	const name = `evenements-${query.when}`;
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await eventsXlsx(ctx, query, locals.language)), {
			headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"` }
		});
	}
	return new Response(await eventsCsv(ctx, query, locals.language), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } });
});
