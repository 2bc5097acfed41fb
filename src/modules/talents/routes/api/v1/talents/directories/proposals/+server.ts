import { z } from 'zod';
import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { myDirectoryProposals, proposeDirectoryCorrection, proposeDirectoryEntry, publishedEntry } from '#modules/talents/directories/directory-proposals.ts';

/** The caller's own proposals to the directories (route policy: talents.directory.propose). */
export const GET = apiEndpoint(async ({ locals }) => {
	const ctx = requestContext(await getApp(), locals);
	return Response.json(await myDirectoryProposals(ctx), { headers: { 'cache-control': 'private, no-store' } });
});

/**
 * A new house, desk or association, or with `entryId` and `baseVersion` a correction of a listed one: it waits for
 * a moderator (a moderator's own is published at once). 409 `stale_version` when the entry changed since `baseVersion`.
 */
export const POST = apiEndpoint(async (event) => {
	const app = await getApp();
	const ctx = requestContext(app, event.locals);
	const { entryId, baseVersion, comment, ...input } = await readJson(
		event.request,
		z.looseObject({ entryId: z.uuid().optional(), baseVersion: z.coerce.number().int().min(1).optional(), comment: z.string().max(2000).optional() })
	);
	if (entryId) {
		if (baseVersion === undefined) throw new AppError('invalid_input', { fields: [{ path: 'baseVersion', messageKey: 'field_required' }] });
		const proposal = await proposeDirectoryCorrection(ctx, entryId, input, { baseVersion, comment: comment ?? null, notify: notifyOf(app) });
		return Response.json({ proposal: { id: proposal.id, status: proposal.status, baseVersion: proposal.baseVersion }, published: null }, { status: 201 });
	}
	const result = await proposeDirectoryEntry(ctx, input, { comment: comment ?? null, notify: notifyOf(app) });
	return Response.json(
		{ proposal: result.proposal ? { id: result.proposal.id, status: result.proposal.status, baseVersion: result.proposal.baseVersion } : null, published: publishedEntry(result.published) },
		{ status: 201 }
	);
});
