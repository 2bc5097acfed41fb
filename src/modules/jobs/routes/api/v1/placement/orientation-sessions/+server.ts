import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listSessions } from '#modules/jobs/placement/orientation.service.ts';

/** Staff's orientation sessions (upcoming, or `?when=past`). */
export const GET = apiEndpoint(async ({ locals, url }) => {
	const rows = await listSessions(requestContext(await getApp(), locals), url.searchParams.get('when') === 'past' ? 'past' : 'upcoming');
	const items = rows.map(({ session, agencyName, registered, waiting, attended }) => ({
		id: session.id,
		agency: agencyName,
		hostCountry: session.hostCountry,
		startsAt: session.startsAt.toISOString(),
		durationMinutes: session.durationMinutes,
		place: session.place,
		onlineUrl: session.onlineUrl,
		language: session.language,
		capacity: session.capacity,
		waitingList: session.waitingList,
		registered,
		waiting,
		attended,
		status: session.status,
		isSample: session.isSample
	}));
	return Response.json({ items }, { headers: { 'cache-control': 'no-store' } });
});
