import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { referCandidate } from '#modules/jobs/placement/mobility.service.ts';
import { MobilityReferralInput } from '#modules/jobs/placement/mobility.schemas.ts';

/** A qualified candidate referred to a support programme with their agreement (their counsellor or the division; else 404): e-mailed, audited. */
export const POST = apiEndpoint(async ({ locals, request, params }) => {
	const created = await referCandidate(requestContext(await getApp(), locals), params.id ?? '', await readJson(request, MobilityReferralInput));
	return Response.json({ id: created.id, status: created.status, kind: created.kind, programmeId: created.entryId, message: created.message, createdAt: created.createdAt.toISOString() }, { status: 201 });
});
