import { jobsModule } from './manifest.ts';
import { administrators, describeRouteAccess, everyone, signedIn, staff, type Who } from '../../platform/testing/route-access-cases.ts';
import { describe, expect, it } from 'vitest';
import { can, mayReach, type Actor } from '../../platform/policy/policy.ts';

const partnersAndStaff: Who[] = ['partner', 'moderator', 'administrator'];
/** partners who are members of an employer organisation (the service checks the membership) */
const employers: Who[] = ['partner'];
const counsellors: Who[] = ['counsellor'];
/** people (job seekers, Moroccans abroad, researchers): the seeker's own space */
const members: Who[] = ['member'];

describeRouteAccess('the Jobs module', jobsModule.routes, {
	'GET /[lang=lang]/jobs': everyone,
	'GET /[lang=lang]/jobs/offers/[id]': everyone,
	'GET /[lang=lang]/jobs/employer': employers,
	'POST /[lang=lang]/jobs/employer': employers,
	'GET /[lang=lang]/jobs/employer/offers/new': employers,
	'POST /[lang=lang]/jobs/employer/offers/new': employers,
	'GET /[lang=lang]/jobs/employer/offers/[id]': employers,
	'POST /[lang=lang]/jobs/employer/offers/[id]': employers,
	'GET /[lang=lang]/jobs/counsellor/validations': counsellors,
	'POST /[lang=lang]/jobs/counsellor/validations': counsellors,
	'GET /api/v1/job-offers': everyone,
	'GET /api/v1/job-offers/[id]': everyone,
	'GET /[lang=lang]/jobs/profile': members,
	'POST /[lang=lang]/jobs/profile': members,
	'GET /[lang=lang]/jobs/profile/cv': members,
	'POST /[lang=lang]/jobs/profile/cv': members,
	'GET /[lang=lang]/jobs/profile/cv/file': members,
	'GET /[lang=lang]/jobs/profile/searches': members,
	'POST /[lang=lang]/jobs/profile/searches': members,
	'GET /[lang=lang]/jobs/profile/delete': signedIn,
	'POST /[lang=lang]/jobs/profile/delete': signedIn,
	'GET /[lang=lang]/jobs/applications': members,
	'POST /[lang=lang]/jobs/applications': members,
	'GET /[lang=lang]/jobs/offers/[id]/apply': members,
	'POST /[lang=lang]/jobs/offers/[id]/apply': members,
	'GET /[lang=lang]/jobs/employer/applications': employers,
	'GET /[lang=lang]/jobs/employer/applications/[id]': employers,
	'POST /[lang=lang]/jobs/employer/applications/[id]': employers,
	'GET /[lang=lang]/jobs/employer/applications/[id]/cv': employers,
	'GET /api/v1/me/profile': members,
	'PUT /api/v1/me/profile': members,
	'GET /api/v1/me/cv': members,
	'PUT /api/v1/me/cv': members,
	'DELETE /api/v1/me/cv': members,
	'GET /api/v1/me/applications': members,
	'GET /api/v1/job-offers/[id]/applications': employers,
	'POST /api/v1/job-offers/[id]/applications': members,
	'GET /[lang=lang]/jobs/rights': everyone,
	'GET /[lang=lang]/jobs/rights/[slug]': everyone,
	'GET /[lang=lang]/jobs/rights/[slug]/history': everyone,
	'GET /[lang=lang]/jobs/rights/[slug]/edit': staff,
	'POST /[lang=lang]/jobs/rights/[slug]/edit': staff,
	'GET /[lang=lang]/jobs/programmes': everyone,
	'GET /[lang=lang]/jobs/programmes/[id]': everyone,
	'GET /[lang=lang]/jobs/programmes/new': partnersAndStaff,
	'POST /[lang=lang]/jobs/programmes/new': partnersAndStaff,
	'GET /[lang=lang]/jobs/programmes/[id]/edit': partnersAndStaff,
	'POST /[lang=lang]/jobs/programmes/[id]/edit': partnersAndStaff,
	'GET /api/v1/rights-pages': everyone,
	'GET /api/v1/rights-pages/[slug]': everyone,
	'GET /api/v1/programmes': everyone,
	'GET /api/v1/programmes/[id]': everyone,
	'GET /[lang=lang]/jobs/counsellor': counsellors,
	'GET /[lang=lang]/jobs/counsellor/seekers/[id]': counsellors,
	'POST /[lang=lang]/jobs/counsellor/seekers/[id]': counsellors,
	'GET /[lang=lang]/jobs/counsellor/seekers/[id]/cv': counsellors,
	'GET /[lang=lang]/jobs/counsellor/seekers/[id]/referral': counsellors,
	'POST /[lang=lang]/jobs/counsellor/seekers/[id]/referral': counsellors,
	'GET /[lang=lang]/jobs/counsellor/agencies': staff,
	'POST /[lang=lang]/jobs/counsellor/agencies': staff,
	'GET /[lang=lang]/jobs/counsellor/agencies/[id]': staff,
	'POST /[lang=lang]/jobs/counsellor/agencies/[id]': staff,
	'GET /[lang=lang]/jobs/programmes/referrals': ['partner'],
	'POST /[lang=lang]/jobs/programmes/referrals': ['partner'],
	'GET /[lang=lang]/jobs/profile/follow-up': members,
	'POST /[lang=lang]/jobs/profile/follow-up': members,
	'GET /api/v1/agencies': everyone,
	'GET /api/v1/counsellor/seekers': counsellors,
	'GET /api/v1/referrals': ['counsellor', 'partner'],
	'POST /api/v1/referrals': counsellors,
	'PATCH /api/v1/referrals/[id]': ['counsellor', 'partner'],
	'GET /api/v1/me/follow-up': members,
	'GET /[lang=lang]/jobs/agency-referrals': ['partner'],
	'POST /[lang=lang]/jobs/agency-referrals': ['partner'],
	'GET /[lang=lang]/jobs/counsellor/referrals': counsellors,
	'POST /[lang=lang]/jobs/counsellor/referrals': counsellors,
	'GET /api/v1/agency-referrals': ['counsellor', 'partner'],
	'POST /api/v1/agency-referrals': ['partner'],
	'PATCH /api/v1/agency-referrals/[id]': counsellors,
	'GET /[lang=lang]/jobs/employer/offers/[id]/candidates': employers,
	'GET /[lang=lang]/jobs/counsellor/offers/[id]/candidates': counsellors,
	'GET /[lang=lang]/jobs/profile/recommended': members,
	'GET /api/v1/job-offers/[id]/candidates': ['partner', 'counsellor'],
	'GET /api/v1/me/recommended-offers': members,
	'GET /[lang=lang]/jobs/saved': everyone,
	'POST /[lang=lang]/jobs/saved': members,
	'GET /api/v1/me/saved-offers': members,
	'PUT /api/v1/me/saved-offers/[offerId]': members,
	'DELETE /api/v1/me/saved-offers/[offerId]': members,
	'GET /[lang=lang]/jobs/placement': everyone,
	'GET /[lang=lang]/jobs/placement.csv': everyone,
	'GET /api/v1/placement-agreements': everyone,
	'GET /api/v1/placement-agreements/[id]/documents/[documentId]': everyone,
	// the international placement division (grant jobs:placement_division): administrators by role
	'GET /[lang=lang]/jobs/placement/division': administrators,
	'GET /[lang=lang]/jobs/placement/dashboard': administrators,
	'GET /[lang=lang]/jobs/placement/agreements/new': administrators,
	'POST /[lang=lang]/jobs/placement/agreements/new': administrators,
	'GET /[lang=lang]/jobs/placement/agreements/[id]': administrators,
	'POST /[lang=lang]/jobs/placement/agreements/[id]': administrators,
	'GET /[lang=lang]/jobs/placement/offers/new': administrators,
	'POST /[lang=lang]/jobs/placement/offers/new': administrators,
	'GET /[lang=lang]/jobs/placement/offers/[id]': administrators,
	'POST /[lang=lang]/jobs/placement/offers/[id]': administrators,
	// campaigns and the candidate pipeline: the division (grant) and administrators; agency staff are counsellors
	// (the service limits them to their agencies' campaigns and candidates); a candidate's own opportunities
	'GET /[lang=lang]/jobs/placement/campaigns': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/campaigns/new': administrators,
	'POST /[lang=lang]/jobs/placement/campaigns/new': administrators,
	'GET /[lang=lang]/jobs/placement/campaigns/[id]': ['counsellor', 'administrator'],
	'POST /[lang=lang]/jobs/placement/campaigns/[id]': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/campaigns/[id]/edit': administrators,
	'POST /[lang=lang]/jobs/placement/campaigns/[id]/edit': administrators,
	'GET /[lang=lang]/jobs/placement/campaigns/[id]/candidates': ['counsellor', 'administrator'],
	'POST /[lang=lang]/jobs/placement/campaigns/[id]/candidates': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/campaigns/[id]/candidates.csv': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/campaigns/[id]/candidates.xlsx': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/campaigns/[id]/candidates/[candidateId]': ['counsellor', 'administrator'],
	'POST /[lang=lang]/jobs/placement/campaigns/[id]/candidates/[candidateId]': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/mine': signedIn,
	'GET /[lang=lang]/jobs/placement/statistics': everyone,
	'GET /[lang=lang]/jobs/placement/statistics/export': everyone,
	'POST /[lang=lang]/jobs/placement/mine': signedIn,
	'GET /[lang=lang]/jobs/placement/mine/documents/[documentId]': signedIn,
	// partners' shortlists and partners' systems (items 5 and 10): partners, limited by the service to the members of a campaign's foreign partner organisation
	'GET /[lang=lang]/jobs/placement/partner': employers,
	'GET /[lang=lang]/jobs/placement/partner/[id]': employers,
	'GET /[lang=lang]/jobs/placement/partner/[id]/[candidateId]': employers,
	'POST /[lang=lang]/jobs/placement/partner/[id]/[candidateId]': employers,
	'GET /api/v1/placement/partner/campaigns': employers,
	'GET /api/v1/placement/partner/campaigns/[id]/shortlist': employers,
	'GET /api/v1/placement/partner/campaigns/[id]/shortlist/[candidateId]': employers,
	'PUT /api/v1/placement/partner/campaigns/[id]/shortlist/[candidateId]': employers,
	'GET /api/v1/placement/partner/offers': employers,
	'POST /api/v1/placement/partner/offers': employers,
	'PUT /api/v1/placement/partner/offers/[id]': employers,
	'PUT /api/v1/placement/my-opportunities/consents': signedIn,
	'GET /api/v1/placement/my-profile': signedIn,
	'PUT /api/v1/placement/my-profile': signedIn,
	'GET /api/v1/placement/campaigns': ['counsellor', 'administrator'],
	'POST /api/v1/placement/campaigns': administrators,
	'GET /api/v1/placement/campaigns/[id]': ['counsellor', 'administrator'],
	'PATCH /api/v1/placement/campaigns/[id]': administrators,
	'POST /api/v1/placement/campaigns/[id]/reallocations': administrators,
	'GET /api/v1/placement/campaigns/[id]/candidates': ['counsellor', 'administrator'],
	'POST /api/v1/placement/campaigns/[id]/candidates': ['counsellor', 'administrator'],
	'POST /api/v1/placement/campaigns/[id]/moves': ['counsellor', 'administrator'],
	'GET /api/v1/placement/campaigns/[id]/candidates/[candidateId]': ['counsellor', 'administrator'],
	'POST /api/v1/placement/campaigns/[id]/candidates/[candidateId]/correction': ['counsellor', 'administrator'],
	'GET /api/v1/placement/my-opportunities': signedIn,
	'GET /api/v1/placement/statistics': everyone,
	// pre-departure preparation and circular migration (items 7–8)
	'GET /[lang=lang]/jobs/placement/orientation': ['counsellor', 'administrator'],
	'POST /[lang=lang]/jobs/placement/orientation': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/orientation/[id]': ['counsellor', 'administrator'],
	'POST /[lang=lang]/jobs/placement/orientation/[id]': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/orientation/[id]/edit': ['counsellor', 'administrator'],
	'POST /[lang=lang]/jobs/placement/orientation/[id]/edit': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/campaigns/[id]/returns': ['counsellor', 'administrator'],
	'POST /[lang=lang]/jobs/placement/campaigns/[id]/returns': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/follow-ups': ['counsellor', 'administrator'],
	'POST /[lang=lang]/jobs/placement/follow-ups': ['counsellor', 'administrator'],
	'GET /[lang=lang]/jobs/placement/prepare': everyone,
	'GET /[lang=lang]/jobs/placement/prepare/[slug]': everyone,
	'GET /[lang=lang]/jobs/placement/prepare/[slug]/history': everyone,
	'GET /[lang=lang]/jobs/placement/prepare/[slug]/edit': administrators,
	'POST /[lang=lang]/jobs/placement/prepare/[slug]/edit': administrators,
	'GET /api/v1/placement/orientation-sessions': ['counsellor', 'administrator'],
	'PATCH /api/v1/placement/orientation-sessions/[id]': ['counsellor', 'administrator'],
	'POST /api/v1/placement/orientation-sessions/[id]/cancellation': ['counsellor', 'administrator'],
	'GET /api/v1/placement/follow-ups': ['counsellor', 'administrator'],
	'GET /api/v1/placement/my-orientation-sessions': signedIn,
	// mobility counsellors' caseload (item 6): the grants jobs:placement_counsellor and jobs:placement_division, administrators
	'GET /[lang=lang]/jobs/placement/caseload': administrators,
	'POST /[lang=lang]/jobs/placement/caseload': administrators,
	'GET /[lang=lang]/jobs/placement/caseload/[id]': administrators,
	'POST /[lang=lang]/jobs/placement/caseload/[id]': administrators,
	'GET /[lang=lang]/jobs/placement/caseload/[id]/referral': administrators,
	'POST /[lang=lang]/jobs/placement/caseload/[id]/referral': administrators,
	'GET /[lang=lang]/jobs/placement/caseload/[id]/documents/[documentId]': administrators,
	'GET /[lang=lang]/jobs/placement/caseload/export': administrators,
	'GET /api/v1/placement/caseload': administrators,
	'GET /api/v1/placement/caseload/[id]': administrators,
	'POST /api/v1/placement/caseload/[id]/needs': administrators,
	'POST /api/v1/placement/caseload/[id]/appointments': administrators,
	'POST /api/v1/placement/caseload/[id]/notes': administrators,
	'PUT /api/v1/placement/caseload/[id]/needs/[needId]': administrators,
	'PATCH /api/v1/placement/caseload/[id]/appointments/[appointmentId]': administrators,
	'POST /api/v1/placement/caseload/[id]/referrals': administrators,
	'GET /api/v1/placement/caseload/[id]/documents': administrators,
	'POST /api/v1/placement/caseload/[id]/documents': administrators,
	'GET /api/v1/placement/caseload/[id]/documents/[documentId]': administrators,
	'DELETE /api/v1/placement/caseload/[id]/documents/[documentId]': administrators,
	// the division's offers abroad (grant jobs:placement_division, administrators)
	'GET /api/v1/placement/offers': administrators,
	'POST /api/v1/placement/offers': administrators,
	'GET /api/v1/placement/offers/[id]': administrators,
	'PUT /api/v1/placement/offers/[id]': administrators,
	'POST /api/v1/placement/offers/[id]/publication': administrators,
	'POST /api/v1/placement/offers/[id]/closure': administrators,
	// the candidate's own documents of their mobility file
	'GET /api/v1/placement/my-documents': signedIn,
	'GET /api/v1/placement/my-documents/[documentId]': signedIn
});

describe('the international placement division grant', () => {
	const division: Actor = { userId: 'u', role: 'member', organisationIds: [], grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	it('lets the division, and only it among grants, manage placement agreements', () => {
		expect(mayReach(division, 'placement.agreement.manage')).toBe(true);
		expect(mayReach({ ...division, grants: [{ module: 'jobs', role: 'agency_manager', organisationId: null, scope: null }] }, 'placement.agreement.manage')).toBe(false);
		expect(mayReach({ ...division, grants: [] }, 'placement.agreement.manage')).toBe(false);
		expect(mayReach({ ...division, role: 'counsellor', grants: [] }, 'placement.agreement.manage')).toBe(false);
	});

	it('lets the division, and only it, reach its pages: agreements, offers abroad, dashboard', () => {
		// its pages, and its offers' API (list and create, read and change, publish, close)
		const divisionRoutes = Object.keys(jobsModule.routes).filter((route) => /\/jobs\/placement\/(division|dashboard|agreements|offers)|\/api\/v1\/placement\/offers/.test(route));
		expect(divisionRoutes.length).toBe(10);
		for (const route of divisionRoutes) {
			for (const [method, rule] of Object.entries(jobsModule.routes[route])) {
				expect(mayReach(division, rule as never), `${method} ${route}`).toBe(true);
				expect(mayReach({ ...division, grants: [{ module: 'jobs', role: 'agency_manager', organisationId: null, scope: null }] }, rule as never), `${method} ${route}`).toBe(false);
				expect(mayReach({ ...division, role: 'counsellor', grants: [] }, rule as never), `${method} ${route}`).toBe(false);
			}
		}
		expect(mayReach(division, 'placement.offer.manage')).toBe(true);
	});

	it('lets the division, and no other grant, create campaigns and reallocate their quotas; agency staff (counsellors) only work on them', () => {
		const campaignRoutes = Object.keys(jobsModule.routes).filter((route) => route.includes('/placement/campaigns'));
		expect(campaignRoutes.length).toBe(16);
		for (const route of campaignRoutes) {
			for (const [method, rule] of Object.entries(jobsModule.routes[route])) {
				expect(mayReach(division, rule as never), `${method} ${route}`).toBe(true);
				expect(mayReach({ ...division, grants: [{ module: 'jobs', role: 'agency_manager', organisationId: null, scope: null }] }, rule as never), `${method} ${route}`).toBe(false);
			}
		}
		const agencyStaff: Actor = { ...division, role: 'counsellor', grants: [] };
		expect(mayReach(agencyStaff, 'placement.campaign.work')).toBe(true);
		expect(mayReach(agencyStaff, 'placement.campaign.manage')).toBe(false);
	});

	it('lets the division, and no other grant, open a qualified offer’s pipeline from the offer’s page (its POST, then the campaigns’ action)', () => {
		const offerPage = jobsModule.routes['/[lang=lang]/jobs/placement/offers/[id]'].POST as never;
		const administrator: Actor = { userId: 'a', role: 'administrator', organisationIds: [] };
		for (const who of [division, administrator]) {
			expect(mayReach(who, offerPage)).toBe(true);
			expect(mayReach(who, 'placement.campaign.manage')).toBe(true);
		}
		// the offer's own mobility counsellor, local agency staff (by grant or as an agency counsellor): neither
		const others: Actor[] = [
			{ ...division, grants: [{ module: 'jobs', role: 'placement_counsellor', organisationId: null, scope: null }] },
			{ ...division, grants: [{ module: 'jobs', role: 'placement_agency', organisationId: null, scope: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }] },
			{ ...division, role: 'counsellor', grants: [] }
		];
		for (const who of others) {
			expect(mayReach(who, offerPage)).toBe(false);
			expect(mayReach(who, 'placement.campaign.manage')).toBe(false);
		}
	});

	it('lets mobility counsellors and the division, and no other grant nor agency counsellors, reach the caseload of qualified candidates', () => {
		const caseloadRoutes = Object.keys(jobsModule.routes).filter((route) => route.includes('/placement/caseload'));
		// the three pages, a document's download, the export, the API's list and file, and the API's writes to a file
		// (needs added and updated, appointments planned and their status, notes, referrals), its documents (list and
		// upload, download and removal)
		expect(caseloadRoutes.length).toBe(15);
		const mobility: Actor = { ...division, grants: [{ module: 'jobs', role: 'placement_counsellor', organisationId: null, scope: null }] };
		for (const route of caseloadRoutes) {
			for (const [method, rule] of Object.entries(jobsModule.routes[route])) {
				expect(mayReach(division, rule as never), `${method} ${route}`).toBe(true);
				expect(mayReach(mobility, rule as never), `${method} ${route}`).toBe(true);
				expect(mayReach({ ...division, grants: [{ module: 'jobs', role: 'agency_manager', organisationId: null, scope: null }] }, rule as never), `${method} ${route}`).toBe(false);
				expect(mayReach({ ...division, role: 'counsellor', grants: [] }, rule as never), `${method} ${route}`).toBe(false);
			}
		}
		// a mobility counsellor does not manage campaigns (the division's reassignment is refused to them by the service)
		expect(mayReach(mobility, 'placement.campaign.manage')).toBe(false);
		// the referrals API to programmes: their candidates' referrals (the service scopes them), with or without the counsellor role;
		// not the agencies' referrals API, nor the agency counsellors' own referral form
		for (const [route, method] of [['/api/v1/referrals', 'GET'], ['/api/v1/referrals/[id]', 'PATCH']] as const) {
			expect(mayReach(mobility, jobsModule.routes[route][method] as never), `${method} ${route}`).toBe(true);
			expect(mayReach(division, jobsModule.routes[route][method] as never), `${method} ${route}`).toBe(true);
			expect(mayReach({ ...division, grants: [{ module: 'jobs', role: 'agency_manager', organisationId: null, scope: null }] }, jobsModule.routes[route][method] as never), `${method} ${route}`).toBe(false);
		}
		expect(mayReach(mobility, jobsModule.routes['/api/v1/referrals'].POST as never)).toBe(false);
		expect(mayReach(mobility, jobsModule.routes['/api/v1/agency-referrals'].GET as never)).toBe(false);
	});

	it('lets local agency staff with the grant limited to their agency reach the campaigns’ staff pages (not the division’s, nor the caseload, nor the counsellors’ pages)', () => {
		const agencyStaff: Actor = { ...division, grants: [{ module: 'jobs', role: 'placement_agency', organisationId: null, scope: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }] };
		// the routes guarded by an action (not the public ones)
		const work = Object.entries(jobsModule.routes)
			.flatMap(([route, rules]) => Object.entries(rules).map(([method, rule]) => ({ route, method, rule: rule as string })))
			.filter(({ rule }) => rule.includes('.'));
		const reached = work.filter(({ rule }) => mayReach(agencyStaff, rule as never)).map(({ method, route }) => `${method} ${route}`);
		// the routes guarded by placement.campaign.work (the service then limits them to their agency's part), none of the division's
		for (const { route, method, rule } of work) {
			if (rule === 'placement.campaign.work') expect(reached, `${method} ${route}`).toContain(`${method} ${route}`);
			if (['placement.campaign.manage', 'placement.offer.manage', 'placement.agreement.manage', 'placement.caseload.work', 'placement.predeparture.edit'].includes(rule)) {
				expect(reached, `${method} ${route}`).not.toContain(`${method} ${route}`);
			}
		}
		expect(reached).toContain('GET /[lang=lang]/jobs/placement/campaigns/[id]/candidates');
		expect(reached).toContain('POST /api/v1/placement/campaigns/[id]/moves');
		expect(reached).not.toContain('GET /[lang=lang]/jobs/counsellor');
		expect(reached).not.toContain('GET /api/v1/counsellor/seekers');
		// limited to its agency: a resource of another agency is not its own
		expect(can(agencyStaff, 'placement.campaign.work', { scope: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f' })).toBe(true);
		expect(can(agencyStaff, 'placement.campaign.work', { scope: '00000000-4a5b-4c6d-8e7f-0a1b2c3d4e5f' })).toBe(false);
		expect(can(agencyStaff, 'placement.campaign.work')).toBe(false);
	});

	it('lets the division, and no other grant, publish new versions of the pre-departure pages', () => {
		expect(mayReach(division, 'placement.predeparture.edit')).toBe(true);
		expect(mayReach({ ...division, grants: [{ module: 'jobs', role: 'rights_editor', organisationId: null, scope: null }] }, 'placement.predeparture.edit')).toBe(false);
		expect(mayReach({ ...division, role: 'counsellor', grants: [] }, 'placement.predeparture.edit')).toBe(false);
	});
});
