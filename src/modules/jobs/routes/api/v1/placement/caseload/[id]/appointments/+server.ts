import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { AppointmentInput } from '#platform/casework/casework.schemas.ts';
import { planAppointment } from '#platform/casework/casework.service.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/** An appointment planned with a qualified candidate (their counsellor or the division; else 404): e-mailed to them, audited. */
export const POST = apiEndpoint(async ({ locals, request, params }) => {
	const input = await readJson(request, AppointmentInput);
	const row = await planAppointment(requestContext(await getApp(), locals), placementFollowUp, params.id ?? '', input);
	return Response.json({ id: row.id, startsAt: row.startsAt.toISOString(), mode: row.mode, purpose: row.purpose, status: row.status, staff: row.staffLabel }, { status: 201 });
});
