import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { decideFieldConflicts, fieldConflictsOf } from '#modules/atlas/import/field-conflicts.ts';
import { FieldConflictDecisions } from '#modules/atlas/import/import.schemas.ts';

/** A moderator keeps the Atlas's value or takes the file's, field by field (issue #17 rule 14). */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const body = await readJson(request, FieldConflictDecisions);
	const ctx = requestContext(app, locals);
	const changed = await decideFieldConflicts(ctx, params.id ?? '', body.decisions);
	return Response.json({ changed, fieldConflicts: await fieldConflictsOf(ctx.db, params.id ?? '') }, { headers: { 'cache-control': 'no-store' } });
});
