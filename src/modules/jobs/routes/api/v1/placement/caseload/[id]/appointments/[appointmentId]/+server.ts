import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { setAppointmentStatus } from '#platform/casework/casework.service.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';
import { MobilityAppointmentStatusInput } from '#modules/jobs/placement/mobility.schemas.ts';

/** How an appointment went (held, missed) or its cancellation (e-mailed to the candidate); their counsellor or the division, else 404; audited. */
export const PATCH = apiEndpoint(async ({ locals, request, params }) => {
	const { status } = await readJson(request, MobilityAppointmentStatusInput);
	const changed = await setAppointmentStatus(requestContext(await getApp(), locals), placementFollowUp, params.id ?? '', params.appointmentId ?? '', { status });
	return Response.json({ id: params.appointmentId ?? '', status, changed: changed !== null });
});
