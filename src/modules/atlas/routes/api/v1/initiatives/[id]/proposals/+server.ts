import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, appErrorResponse, readJson } from '#platform/http/api.ts';
import { AppError, isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { getInitiative } from '#modules/atlas/initiative.service.ts';
import { ProposalBody } from '#modules/atlas/moderation/moderation.schemas.ts';
import { proposeChange } from '#modules/atlas/moderation/moderation.service.ts';
import { notifyOf } from '#platform/moderation/notify.ts';

/** A complete new version proposed against the version named in `If-Match` (428 without it, 409 when stale). */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const current = await getInitiative(app.database.db, params.id ?? '');
	const ifMatch = request.headers.get('if-match');
	if (!ifMatch) {
		return Response.json(
			{
				error: {
					code: 'precondition_required',
					message: translate(locals.language, 'atlas_moderation.error_precondition_required'),
					details: { currentVersion: current.version }
				}
			},
			{ status: 428, headers: { etag: `"${current.version}"` } }
		);
	}
	const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
	if (!match) throw new AppError('invalid_input', { fields: [{ path: 'If-Match', messageKey: 'field_invalid' }] });
	const body = await readJson(request, ProposalBody);
	try {
		const proposal = await proposeChange(requestContext(app, locals), current.id, body.initiative, {
			baseVersion: Number(match[1]),
			comment: body.comment,
			notify: notifyOf(app)
		});
		return Response.json(proposal, { status: 201, headers: { location: `/api/v1/moderation/proposals/${proposal.id}` } });
	} catch (error) {
		if (isAppError(error) && error.code === 'conflict' && error.extra?.currentVersion !== undefined) {
			// Stale: 409 with the current version, in `details.currentVersion` and the ETag.
			const response = appErrorResponse(locals.language, error);
			response.headers.set('etag', `"${error.extra.currentVersion}"`);
			return response;
		}
		throw error;
	}
});
