import type { RouteTable } from '../../../platform/policy/route-access.ts';

/**
 * The counsellors' space (counsellors: the service then limits them to their agencies' consenting
 * seekers), the agencies' management (moderators, administrators), the referrals page of the
 * programmes' organisations (partners: the service checks membership), and the seeker's follow-up page.
 */
export const counsellorsRoutes: RouteTable = {
	'/[lang=lang]/jobs/counsellor': { GET: 'counsellors.follow_up' },
	'/[lang=lang]/jobs/counsellor/seekers/[id]': { GET: 'counsellors.follow_up', POST: 'counsellors.follow_up' },
	'/[lang=lang]/jobs/counsellor/seekers/[id]/cv': { GET: 'counsellors.follow_up' },
	'/[lang=lang]/jobs/counsellor/seekers/[id]/referral': { GET: 'counsellors.follow_up', POST: 'counsellors.follow_up' },
	'/[lang=lang]/jobs/counsellor/agencies': { GET: 'counsellors.agency.manage', POST: 'counsellors.agency.manage' },
	'/[lang=lang]/jobs/counsellor/agencies/[id]': { GET: 'counsellors.agency.manage', POST: 'counsellors.agency.manage' },
	'/[lang=lang]/jobs/programmes/referrals': { GET: 'counsellors.referral.respond', POST: 'counsellors.referral.respond' },
	'/[lang=lang]/jobs/agency-referrals': { GET: 'counsellors.agency_referral.send', POST: 'counsellors.agency_referral.send' },
	'/[lang=lang]/jobs/counsellor/referrals': { GET: 'counsellors.follow_up', POST: 'counsellors.follow_up' },
	'/[lang=lang]/jobs/profile/follow-up': { GET: 'seekers.profile.manage_own', POST: 'seekers.profile.manage_own' },

	// API
	'/api/v1/agencies': { GET: 'public' },
	'/api/v1/counsellor/seekers': { GET: 'counsellors.follow_up' },
	'/api/v1/referrals': { GET: 'counsellors.programme_referral.list', POST: 'counsellors.follow_up' },
	'/api/v1/referrals/[id]': { PATCH: 'counsellors.programme_referral.list' },
	'/api/v1/agency-referrals': { GET: 'counsellors.referral.list', POST: 'counsellors.agency_referral.send' },
	'/api/v1/agency-referrals/[id]': { PATCH: 'counsellors.follow_up' },
	'/api/v1/me/follow-up': { GET: 'seekers.profile.manage_own' }
};
