import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { openMobilityCase } from '#modules/jobs/placement/mobility.service.ts';

/** A candidate's file (the caller's candidate, or any for the division; else 404); an audited read. */
export const GET = apiEndpoint(async ({ locals, params }) => {
	const file = await openMobilityCase(requestContext(await getApp(), locals), params.id ?? '');
	const { person, counsellor, way, mine, opportunities, needs, appointments, notes } = file;
	return Response.json(
		{
			person,
			counsellor,
			way,
			mine,
			opportunities,
			needs,
			appointments: appointments.map(({ team: _team, ...row }) => row),
			notes,
			referrals: file.referrals.map((row) => ({
				id: row.id,
				status: row.status,
				kind: row.kind,
				programme: { id: row.entry.id, name: row.entry.name, organisation: row.entry.organisation },
				staff: row.staff,
				message: row.message,
				createdAt: row.createdAt,
				statusChangedAt: row.statusChangedAt,
				history: row.history
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
});
