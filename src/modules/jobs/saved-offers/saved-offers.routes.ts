import type { RouteTable } from '../../../platform/policy/route-access.ts';

/**
 * Saved offers and the installable offline web app. The saved list is public: members see their saved
 * offers there, everyone (with JavaScript) the offers kept on the device for offline reading. Saving and
 * removing need 'saved_offers.manage_own' (members). The offline page, the web app manifest and the
 * service worker of each language are public and hold no personal data.
 */
export const savedOffersRoutes: RouteTable = {
	'/[lang=lang]/jobs/saved': { GET: 'public', POST: 'saved_offers.manage_own' },
	'/[lang=lang]/offline': { GET: 'public' },
	'/[lang=lang]/manifest.webmanifest': { GET: 'public' },
	'/[lang=lang]/service-worker.js': { GET: 'public' },

	// API
	'/api/v1/me/saved-offers': { GET: 'saved_offers.manage_own' },
	'/api/v1/me/saved-offers/[offerId]': { PUT: 'saved_offers.manage_own', DELETE: 'saved_offers.manage_own' }
};
