import { getApp } from '#lib/server/app.ts';
import { apiEndpoint, readQuery } from '#lib/server/http/api.ts';
import { searchInitiatives } from '#lib/server/atlas/initiative.service.ts';
import { exportResponse } from '#lib/server/atlas/export/export.ts';
import { InitiativeExportQuery } from '#lib/server/atlas/export/export.schemas.ts';

/**
 * Search the published initiatives (public): `{ total, page, pageSize, items, facets }`, or with
 * `?format=csv|xlsx|geojson|iati` the whole filter as an open-data file (streamed).
 */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { format, hxl, ...query } = readQuery(url, InitiativeExportQuery);
	const lang = query.lang ?? locals.language;
	if (format !== 'json') {
		const { page: _page, pageSize: _pageSize, sort: _sort, lang: _lang, ...filters } = query;
		return exportResponse(app.database.db, { format, lang, hxl: hxl === '1' || hxl === 'true', filters, origin: url.origin });
	}
	return Response.json(await searchInitiatives(app.database.db, { ...query, lang }));
});

// ── Atlas moderation (src/lib/server/atlas/moderation): create, as a proposal unless the caller moderates ──
import { readJson as readModerationJson } from '#lib/server/http/api.ts';
import { ProposalBody } from '#lib/server/atlas/moderation/moderation.schemas.ts';
import { proposeNewInitiative } from '#lib/server/atlas/moderation/moderation.service.ts';
import { notifyOf } from '#lib/server/atlas/moderation/notify.ts';

/** A new initiative: a pending proposal from a partner, published at once (version 1) from a moderator. */
export const POST = apiEndpoint(async ({ request, locals }) => {
	const app = await getApp();
	const body = await readModerationJson(request, ProposalBody);
	const result = await proposeNewInitiative(app.database.db, locals.audit, locals.actor, body.initiative, {
		comment: body.comment,
		notify: notifyOf(app)
	});
	return Response.json(result, { status: 201 });
});
