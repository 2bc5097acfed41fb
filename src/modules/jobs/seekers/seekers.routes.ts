import type { RouteTable } from '../../../platform/policy/route-access.ts';

/**
 * Job seekers and applications. The seeker's pages need 'seekers.profile.manage_own' (members);
 * the employer's applications need 'seekers.application.manage' (partners; the service then requires
 * membership of the offer's employer organisation). Export and deletion are for any signed-in person
 * ('account.manage_own'; the service refuses to delete staff accounts).
 */
export const seekersRoutes: RouteTable = {
	'/[lang=lang]/jobs/profile': { GET: 'seekers.profile.manage_own', POST: 'seekers.profile.manage_own' },
	'/[lang=lang]/jobs/profile/cv': { GET: 'seekers.profile.manage_own', POST: 'seekers.profile.manage_own' },
	'/[lang=lang]/jobs/profile/cv/file': { GET: 'seekers.profile.manage_own' },
	'/[lang=lang]/jobs/profile/searches': { GET: 'seekers.profile.manage_own', POST: 'seekers.profile.manage_own' },
	'/[lang=lang]/jobs/profile/delete': { GET: 'account.manage_own', POST: 'account.manage_own' },
	'/[lang=lang]/jobs/applications': { GET: 'seekers.profile.manage_own', POST: 'seekers.profile.manage_own' },
	'/[lang=lang]/jobs/offers/[id]/apply': { GET: 'seekers.profile.manage_own', POST: 'seekers.profile.manage_own' },
	'/[lang=lang]/jobs/employer/applications': { GET: 'seekers.application.manage' },
	'/[lang=lang]/jobs/employer/applications/[id]': { GET: 'seekers.application.manage', POST: 'seekers.application.manage' },
	'/[lang=lang]/jobs/employer/applications/[id]/cv': { GET: 'seekers.application.manage' },

	// API
	'/api/v1/me/profile': { GET: 'seekers.profile.manage_own', PUT: 'seekers.profile.manage_own' },
	'/api/v1/me/cv': { GET: 'seekers.profile.manage_own', PUT: 'seekers.profile.manage_own', DELETE: 'seekers.profile.manage_own' },
	'/api/v1/me/applications': { GET: 'seekers.profile.manage_own' },
	'/api/v1/job-offers/[id]/applications': { GET: 'seekers.application.manage', POST: 'seekers.profile.manage_own' },
};
