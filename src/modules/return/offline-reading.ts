import type { OfflineReading } from '../../platform/kernel/manifest.ts';
import { guideTopics } from './return.model.ts';

/**
 * The return guide and the pension table are read on a phone, often abroad or on arrival without a
 * Moroccan SIM: kept from the first visit to any Return page (about a dozen pages), refreshed when read.
 */
export const returnOfflineReading: OfflineReading = {
	readable: ['/return', '/return/guide(/[a-z0-9-]+)?', '/return/pensions'],
	async precache() {
		return ['/return', '/return/guide', ...guideTopics.map((topic) => `/return/guide/${topic}`), '/return/pensions'];
	},
	// the crisis pages stay without any script: registering must work on the poorest connection (≤ 30 KB)
	noScript: ['/return/crisis(/.*)?'],
	entries: [
		{ path: '/return/guide', titleKey: 'return.offline_guide' },
		{ path: '/return/pensions', titleKey: 'return.offline_pensions' }
	]
};
