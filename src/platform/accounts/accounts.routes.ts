import type { RouteTable } from '../policy/route-access.ts';

/** Account pages and the caller's own API resources. */
export const accountRoutes: RouteTable = {
	// Pages: GET shows, POST runs the page's form actions.
	'/[lang=lang]/account': { GET: 'account.manage_own', POST: 'account.manage_own' },
	// a signed-in person's home: their places in every module, with what waits there
	'/[lang=lang]/my-space': { GET: 'account.manage_own' },
	'/[lang=lang]/account/sign-up': { GET: 'public', POST: 'public' },
	'/[lang=lang]/account/sign-in': { GET: 'public', POST: 'public' },
	// Anyone may post here: signing out when signed out does nothing.
	'/[lang=lang]/account/sign-out': { POST: 'public' },
	// GET verifies the link's token; POST asks for a new link.
	'/[lang=lang]/account/verify-email': { GET: 'public', POST: 'public' },
	'/[lang=lang]/account/forgot-password': { GET: 'public', POST: 'public' },
	'/[lang=lang]/account/reset-password': { GET: 'public', POST: 'public' },

	// API: the caller and their personal API tokens
	'/api/v1/me': { GET: 'account.manage_own', DELETE: 'account.manage_own' },
	// everything the platform and its modules hold about the caller (personal-data.service.ts)
	'/api/v1/me/export': { GET: 'account.manage_own' },
	'/api/v1/me/tokens': { GET: 'account.manage_own', POST: 'account.manage_own' },
	'/api/v1/me/tokens/[id]': { DELETE: 'account.manage_own' }
};
