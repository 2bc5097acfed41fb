import { offlineEntries } from '#platform/offline/offline-reading.ts';

export function load({ locals }) {
	return { entries: offlineEntries(locals.language) };
}
