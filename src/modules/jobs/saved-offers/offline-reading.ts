import type { OfflineReading } from '../../../platform/kernel/manifest.ts';
import { listContentPages } from '../../../platform/content/content-pages.service.ts';
import { rightsPages } from '../rights-pages.ts';

/**
 * What a phone reads offline in Jobs: the rights pages (all kept from the first visit: an immigrant
 * without data needs them most), and the offers saved to the account or kept on the device.
 */
export const jobsOfflineReading: OfflineReading = {
	readable: ['/jobs/rights(/[a-z0-9-]+)?'],
	async precache(db) {
		const pages = await listContentPages(db, rightsPages);
		return ['/jobs/rights', ...pages.map(({ page }) => `/jobs/rights/${page.slug}`)];
	},
	entries: [
		{ path: '/jobs/rights', titleKey: 'saved.offline_rights' },
		{ path: '/jobs/saved', titleKey: 'saved.offline_saved' }
	],
	saved: {
		list: '/jobs/saved',
		item: '/jobs/offers/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
		// deleting the seeker profile deletes the saved list
		forgetAfter: ['/jobs/profile/delete']
	}
};
