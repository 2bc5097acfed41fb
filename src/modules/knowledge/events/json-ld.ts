// schema.org `Event` of an event page (search engines, calendars of partners).
import type { EventRow } from './event.table.ts';

export function eventJsonLd(row: EventRow, pageUrl: string, organisers: { name: string; website: string | null }[]) {
	const online = row.onlineUrl ? { '@type': 'VirtualLocation', url: row.onlineUrl } : null;
	const physical = row.place ? { '@type': 'Place', name: row.place, address: row.place } : null;
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		'@id': pageUrl,
		url: pageUrl,
		name: row.title.fr ?? row.title.ar ?? row.title.en,
		...(row.description.fr || row.description.ar || row.description.en ? { description: row.description.fr ?? row.description.ar ?? row.description.en } : {}),
		startDate: row.startsAt.toISOString(),
		endDate: row.endsAt.toISOString(),
		eventStatus: row.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
		eventAttendanceMode: online && physical ? 'https://schema.org/MixedEventAttendanceMode' : online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
		location: [physical, online].filter(Boolean),
		organizer: organisers.map((entry) => ({ '@type': 'Organization', name: entry.name, ...(entry.website ? { url: entry.website } : {}) }))
	};
}
