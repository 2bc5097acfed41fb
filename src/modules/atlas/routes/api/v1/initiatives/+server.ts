import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { atlasReads } from '#modules/atlas/atlas-reads.ts';
import { exportResponse } from '#modules/atlas/export/export.ts';
import { InitiativeExportQuery } from '#modules/atlas/export/export.schemas.ts';

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
	return Response.json(await (await atlasReads(app)).search({ ...query, lang }));
});

// ── Atlas moderation (src/modules/atlas/moderation): create, as a proposal unless the caller moderates ──
import { readJson as readModerationJson } from '#platform/http/api.ts';
import { ProposalBody } from '#modules/atlas/moderation/moderation.schemas.ts';
import { proposeNewInitiative } from '#modules/atlas/moderation/moderation.service.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { likelyDuplicatesOfProposal } from '#modules/atlas/duplicates/duplicates.ts';

/** A new initiative: a pending proposal from a partner, published at once (version 1) from a moderator. */
export const POST = apiEndpoint(async ({ request, locals }) => {
	const app = await getApp();
	const body = await readModerationJson(request, ProposalBody);
	const result = await proposeNewInitiative(requestContext(app, locals), body.initiative, {
		comment: body.comment,
		notify: notifyOf(app)
	});
	// Published initiatives that look like it (atlas/duplicates), the new one itself left out.
	const likelyDuplicates = await likelyDuplicatesOfProposal(app.database.db, body.initiative, result.initiative?.id);
	return Response.json({ ...result, likelyDuplicates }, { status: 201 });
});
