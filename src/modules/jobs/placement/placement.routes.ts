import type { RouteTable } from '../../../platform/policy/route-access.ts';

/**
 * International placement: the published agreements (page, CSV, API) and their public documents are
 * public (the service hides confidential documents); the division's pages — its space, agreements, offers
 * abroad, host-markets dashboard — need its grant.
 */
export const placementRoutes: RouteTable = {
	'/[lang=lang]/jobs/placement': { GET: 'public' },
	'/[lang=lang]/jobs/placement.csv': { GET: 'public' },
	'/[lang=lang]/jobs/placement/division': { GET: 'placement.agreement.manage' },
	'/[lang=lang]/jobs/placement/dashboard': { GET: 'placement.agreement.manage' },
	'/[lang=lang]/jobs/placement/agreements/new': { GET: 'placement.agreement.manage', POST: 'placement.agreement.manage' },
	'/[lang=lang]/jobs/placement/agreements/[id]': { GET: 'placement.agreement.manage', POST: 'placement.agreement.manage' },
	'/[lang=lang]/jobs/placement/offers/new': { GET: 'placement.offer.manage', POST: 'placement.offer.manage' },
	'/[lang=lang]/jobs/placement/offers/[id]': { GET: 'placement.offer.manage', POST: 'placement.offer.manage' },
	// campaigns and the candidate pipeline (items 3–4): the division on all, agency staff on their agency's part (the service checks it)
	'/[lang=lang]/jobs/placement/campaigns': { GET: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/campaigns/new': { GET: 'placement.campaign.manage', POST: 'placement.campaign.manage' },
	'/[lang=lang]/jobs/placement/campaigns/[id]': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/campaigns/[id]/edit': { GET: 'placement.campaign.manage', POST: 'placement.campaign.manage' },
	'/[lang=lang]/jobs/placement/campaigns/[id]/candidates': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/campaigns/[id]/candidates.csv': { GET: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/campaigns/[id]/candidates.xlsx': { GET: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/campaigns/[id]/candidates/[candidateId]': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	// statistics and open data (item 9): public, small counts of people suppressed
	'/[lang=lang]/jobs/placement/statistics': { GET: 'public' },
	'/[lang=lang]/jobs/placement/statistics/export': { GET: 'public' },
	'/[lang=lang]/jobs/placement/mine': { GET: 'placement.pipeline.own', POST: 'placement.pipeline.own' },
	'/[lang=lang]/jobs/placement/mine/documents/[documentId]': { GET: 'placement.pipeline.own' },
	// partners' shortlists (item 5): members of a campaign's foreign partner organisation (the service checks it)
	'/[lang=lang]/jobs/placement/partner': { GET: 'placement.shortlist.review' },
	'/[lang=lang]/jobs/placement/partner/[id]': { GET: 'placement.shortlist.review' },
	'/[lang=lang]/jobs/placement/partner/[id]/[candidateId]': { GET: 'placement.shortlist.review', POST: 'placement.shortlist.review' },
	// pre-departure preparation and circular migration (items 7–8): sessions and follow-ups for staff (the service limits agency staff to their agencies), public pages per host country
	'/[lang=lang]/jobs/placement/orientation': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/orientation/[id]': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/orientation/[id]/edit': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/campaigns/[id]/returns': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	'/[lang=lang]/jobs/placement/follow-ups': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	// mobility counsellors' caseload of qualified candidates (item 6): their own (the service checks the assignment), the division all
	'/[lang=lang]/jobs/placement/caseload': { GET: 'placement.caseload.work', POST: 'placement.caseload.work' },
	'/[lang=lang]/jobs/placement/caseload/[id]': { GET: 'placement.caseload.work', POST: 'placement.caseload.work' },
	'/[lang=lang]/jobs/placement/caseload/[id]/referral': { GET: 'placement.caseload.work', POST: 'placement.caseload.work' },
	'/[lang=lang]/jobs/placement/caseload/[id]/documents/[documentId]': { GET: 'placement.caseload.work' },
	'/[lang=lang]/jobs/placement/caseload/export': { GET: 'placement.caseload.work' },
	'/[lang=lang]/jobs/placement/prepare': { GET: 'public' },
	'/[lang=lang]/jobs/placement/prepare/[slug]': { GET: 'public' },
	'/[lang=lang]/jobs/placement/prepare/[slug]/history': { GET: 'public' },
	'/[lang=lang]/jobs/placement/prepare/[slug]/edit': { GET: 'placement.predeparture.edit', POST: 'placement.predeparture.edit' },

	// API
	// the division's offers abroad (the offer form's service and rules)
	'/api/v1/placement/offers': { GET: 'placement.offer.manage', POST: 'placement.offer.manage' },
	'/api/v1/placement/offers/[id]': { GET: 'placement.offer.manage', PUT: 'placement.offer.manage' },
	'/api/v1/placement/offers/[id]/publication': { POST: 'placement.offer.manage' },
	'/api/v1/placement/offers/[id]/closure': { POST: 'placement.offer.manage' },
	'/api/v1/placement/campaigns': { GET: 'placement.campaign.work', POST: 'placement.campaign.manage' },
	'/api/v1/placement/campaigns/[id]': { GET: 'placement.campaign.work', PATCH: 'placement.campaign.manage' },
	'/api/v1/placement/campaigns/[id]/reallocations': { POST: 'placement.campaign.manage' },
	'/api/v1/placement/campaigns/[id]/candidates': { GET: 'placement.campaign.work', POST: 'placement.campaign.work' },
	'/api/v1/placement/campaigns/[id]/moves': { POST: 'placement.campaign.work' },
	'/api/v1/placement/campaigns/[id]/candidates/[candidateId]': { GET: 'placement.campaign.work' },
	'/api/v1/placement/campaigns/[id]/candidates/[candidateId]/correction': { POST: 'placement.campaign.work' },
	'/api/v1/placement/my-opportunities': { GET: 'placement.pipeline.own' },
	'/api/v1/placement/statistics': { GET: 'public' },
	'/api/v1/placement/my-opportunities/consents': { PUT: 'placement.pipeline.own' },
	'/api/v1/placement/my-profile': { GET: 'placement.pipeline.own', PUT: 'placement.pipeline.own' },
	// partners' systems (item 10): shortlists and decisions, their own offers abroad as drafts
	'/api/v1/placement/partner/campaigns': { GET: 'placement.shortlist.review' },
	'/api/v1/placement/partner/offers': { GET: 'placement.partner.offer', POST: 'placement.partner.offer' },
	'/api/v1/placement/partner/offers/[id]': { PUT: 'placement.partner.offer' },
	'/api/v1/placement/partner/campaigns/[id]/shortlist': { GET: 'placement.shortlist.review' },
	'/api/v1/placement/partner/campaigns/[id]/shortlist/[candidateId]': { GET: 'placement.shortlist.review', PUT: 'placement.shortlist.review' },
	'/api/v1/placement/orientation-sessions': { GET: 'placement.campaign.work' },
	'/api/v1/placement/orientation-sessions/[id]': { PATCH: 'placement.campaign.work' },
	'/api/v1/placement/orientation-sessions/[id]/cancellation': { POST: 'placement.campaign.work' },
	'/api/v1/placement/follow-ups': { GET: 'placement.campaign.work' },
	'/api/v1/placement/my-orientation-sessions': { GET: 'placement.pipeline.own' },
	'/api/v1/placement/caseload': { GET: 'placement.caseload.work' },
	'/api/v1/placement/caseload/[id]': { GET: 'placement.caseload.work' },
	'/api/v1/placement/caseload/[id]/needs': { POST: 'placement.caseload.work' },
	'/api/v1/placement/caseload/[id]/appointments': { POST: 'placement.caseload.work' },
	'/api/v1/placement/caseload/[id]/notes': { POST: 'placement.caseload.work' },
	'/api/v1/placement/caseload/[id]/needs/[needId]': { PUT: 'placement.caseload.work' },
	'/api/v1/placement/caseload/[id]/appointments/[appointmentId]': { PATCH: 'placement.caseload.work' },
	'/api/v1/placement/caseload/[id]/referrals': { POST: 'placement.caseload.work' },
	// the file's documents (the page's rules: the service checks the assignment), and the candidate's own
	'/api/v1/placement/caseload/[id]/documents': { GET: 'placement.caseload.work', POST: 'placement.caseload.work' },
	'/api/v1/placement/caseload/[id]/documents/[documentId]': { GET: 'placement.caseload.work', DELETE: 'placement.caseload.work' },
	'/api/v1/placement/my-documents': { GET: 'placement.pipeline.own' },
	'/api/v1/placement/my-documents/[documentId]': { GET: 'placement.pipeline.own' },
	'/api/v1/placement-agreements': { GET: 'public' },
	'/api/v1/placement-agreements/[id]/documents/[documentId]': { GET: 'public' }
};
