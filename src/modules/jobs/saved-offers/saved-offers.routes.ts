import type { RouteTable } from '../../../platform/policy/route-access.ts';

/**
 * Saved offers. The saved list is public: members see their saved offers there, everyone (with JavaScript)
 * the offers kept on the device for offline reading. Saving and removing need 'saved_offers.manage_own' (members).
 */
export const savedOffersRoutes: RouteTable = {
	'/[lang=lang]/jobs/saved': { GET: 'public', POST: 'saved_offers.manage_own' },

	// API
	'/api/v1/me/saved-offers': { GET: 'saved_offers.manage_own' },
	'/api/v1/me/saved-offers/[offerId]': { PUT: 'saved_offers.manage_own', DELETE: 'saved_offers.manage_own' }
};
