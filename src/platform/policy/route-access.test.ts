import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeAccess, accessFor } from './route-access.ts';
import { can, type Actor } from './policy.ts';
import { inventoryRoutes } from './route-inventory.ts';
import { roles, type Role } from '../accounts/accounts.table.ts';

type Who = 'anonymous' | Role;
const everyone: Who[] = ['anonymous', ...roles];
const signedIn: Who[] = [...roles];
const staff: Who[] = ['moderator', 'administrator'];
const administrators: Who[] = ['administrator'];
const partnersAndStaff: Who[] = ['partner', 'moderator', 'administrator'];
/** partners who are members of an employer organisation (the service checks the membership) */
const employers: Who[] = ['partner'];
const counsellors: Who[] = ['counsellor'];
/** people (job seekers, Moroccans abroad, researchers): the seeker's own space */
const members: Who[] = ['member'];
/** may propose initiatives and changes (partners; staff) */
const proposers: Who[] = ['partner', 'moderator', 'administrator'];
/** may take part in an initiative's private discussion */
const discussants: Who[] = ['partner', 'counsellor', 'moderator', 'administrator'];

/**
 * The expected answer for every route, method and kind of person. A new route must be added
 * here (and to its module's route table), so nobody ships a page or endpoint without deciding who may use it.
 */
const expected: Record<string, Who[]> = {
	'GET /': everyone,
	'GET /[lang=lang]': everyone,
	'GET /[lang=lang]/[module=module]': everyone,
	'GET /[lang=lang]/accessibility': everyone,
	'GET /[lang=lang]/legal': everyone,
	'GET /[lang=lang]/account': signedIn,
	'POST /[lang=lang]/account': signedIn,
	'GET /[lang=lang]/account/forgot-password': everyone,
	'POST /[lang=lang]/account/forgot-password': everyone,
	'GET /[lang=lang]/account/reset-password': everyone,
	'POST /[lang=lang]/account/reset-password': everyone,
	'GET /[lang=lang]/account/sign-in': everyone,
	'POST /[lang=lang]/account/sign-in': everyone,
	'POST /[lang=lang]/account/sign-out': everyone,
	'GET /[lang=lang]/account/sign-up': everyone,
	'POST /[lang=lang]/account/sign-up': everyone,
	'GET /[lang=lang]/account/verify-email': everyone,
	'POST /[lang=lang]/account/verify-email': everyone,
	'GET /[lang=lang]/admin': staff,
	'GET /[lang=lang]/admin/audit': administrators,
	'GET /[lang=lang]/admin/organisations': staff,
	'POST /[lang=lang]/admin/organisations': staff,
	'GET /[lang=lang]/admin/organisations/[id]': staff,
	'POST /[lang=lang]/admin/organisations/[id]': staff,
	'GET /[lang=lang]/admin/users': administrators,
	'POST /[lang=lang]/admin/users': administrators,
	'GET /[lang=lang]/admin/users/[id]': administrators,
	'POST /[lang=lang]/admin/users/[id]': administrators,
	'GET /api/docs': everyone,
	'GET /api/v1/audit-events': administrators,
	'GET /api/v1/health': everyone,
	'GET /api/v1/me': signedIn,
	'GET /api/v1/me/tokens': signedIn,
	'POST /api/v1/me/tokens': signedIn,
	'DELETE /api/v1/me/tokens/[id]': signedIn,
	'GET /api/v1/openapi.json': everyone,
	'GET /api/v1/organisations': everyone,
	'POST /api/v1/organisations': staff,
	'GET /api/v1/organisations/[id]': everyone,
	'PATCH /api/v1/organisations/[id]': staff,
	'GET /api/v1/users': administrators,
	'PUT /api/v1/users/[id]/role': administrators,
	'GET /api/v1/users/[id]/grants': administrators,
	'POST /api/v1/users/[id]/grants': administrators,
	'DELETE /api/v1/users/[id]/grants/[grantId]': administrators,
	// Atlas
	'GET /[lang=lang]/atlas/initiatives/[slug]': everyone,
	'GET /api/v1/initiatives': everyone,
	'GET /api/v1/initiatives/[id]': everyone,
	'GET /api/v1/atlas/stats': everyone,
	'GET /[lang=lang]/atlas': everyone,
	'GET /[lang=lang]/atlas/organisations/[slug]': everyone,
	'GET /[lang=lang]/atlas/dashboard': everyone,
	'GET /[lang=lang]/atlas/dashboard/[chart].csv': everyone,
	// Atlas moderation and collaboration
	'POST /[lang=lang]/atlas/initiatives/[slug]': discussants,
	'GET /[lang=lang]/atlas/initiatives/[slug]/propose': proposers,
	'POST /[lang=lang]/atlas/initiatives/[slug]/propose': proposers,
	'GET /[lang=lang]/atlas/initiatives/new': proposers,
	'POST /[lang=lang]/atlas/initiatives/new': proposers,
	'GET /[lang=lang]/atlas/moderation': staff,
	'GET /[lang=lang]/atlas/moderation/stale': staff,
	'GET /[lang=lang]/atlas/moderation/organisations': staff,
	'GET /[lang=lang]/atlas/moderation/proposals/[id]': staff,
	'POST /[lang=lang]/atlas/moderation/proposals/[id]': staff,
	'POST /api/v1/initiatives': proposers,
	'POST /api/v1/initiatives/[id]/proposals': proposers,
	'GET /api/v1/initiatives/[id]/versions': everyone,
	'GET /api/v1/moderation/proposals': staff,
	'POST /api/v1/moderation/proposals/[id]/approve': staff,
	'POST /api/v1/moderation/proposals/[id]/reject': staff,
	'POST /api/v1/moderation/proposals/[id]/request-changes': staff,
	// Jobs
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
	// Job seekers and applications
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
	'GET /api/v1/me/export': signedIn,
	'DELETE /api/v1/me': signedIn,
	'GET /api/v1/job-offers/[id]/applications': employers,
	'POST /api/v1/job-offers/[id]/applications': members,
	// Rights pages and support programmes
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
	// Atlas imports (IATI, CSV, XLSX)
	'GET /[lang=lang]/atlas/imports': proposers,
	'POST /[lang=lang]/atlas/imports': proposers,
	'GET /[lang=lang]/atlas/imports/[id]': proposers,
	'POST /[lang=lang]/atlas/imports/[id]': proposers,
	'POST /api/v1/imports/iati': proposers,
	'GET /api/v1/imports/[id]': proposers,
	'POST /api/v1/imports/[id]/apply': proposers,
	// Atlas exchange rates and duplicates
	'GET /[lang=lang]/atlas/rates': everyone,
	'POST /[lang=lang]/atlas/rates': staff,
	'GET /api/v1/atlas/exchange-rates': everyone,
	'PUT /api/v1/atlas/exchange-rates/[currency]/[year]': staff,
	// Counsellors (ANAPEC agencies, follow-up, referrals)
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
	// Matching (ranked candidates, recommended offers)
	'GET /[lang=lang]/jobs/employer/offers/[id]/candidates': employers,
	'GET /[lang=lang]/jobs/counsellor/offers/[id]/candidates': counsellors,
	'GET /[lang=lang]/jobs/profile/recommended': members,
	'GET /api/v1/job-offers/[id]/candidates': ['partner', 'counsellor'],
	'GET /api/v1/me/recommended-offers': members,
	// Saved offers and the offline web app
	'GET /[lang=lang]/jobs/saved': everyone,
	'POST /[lang=lang]/jobs/saved': members,
	'GET /[lang=lang]/offline': everyone,
	'GET /[lang=lang]/manifest.webmanifest': everyone,
	'GET /[lang=lang]/service-worker.js': everyone,
	'GET /api/v1/me/saved-offers': members,
	'PUT /api/v1/me/saved-offers/[offerId]': members,
	'DELETE /api/v1/me/saved-offers/[offerId]': members,
};

function actorFor(who: Who): Actor | null {
	return who === 'anonymous' ? null : { userId: `user-${who}`, role: who, organisationIds: [] };
}

/** What the request hook decides for this person on this route and method. */
function allowed(routeId: string, method: string, who: Who): boolean {
	const access = accessFor(routeId, method);
	if (!access) return false;
	if (access === 'public') return true;
	const actor = actorFor(who);
	if (!actor) return false;
	return access === 'signed_in' || can(actor, access);
}

describe('route policy', () => {
	const inventory = inventoryRoutes(path.resolve('src/routes'));
	const existing = [...inventory].flatMap(([id, methods]) => [...methods].map((method) => `${method} ${id}`)).sort();

	it('has an access rule for every method of every route in src/routes', () => {
		const missing = existing.filter((key) => {
			const [method, id] = key.split(' ');
			return accessFor(id, method) === undefined;
		});
		expect(missing).toEqual([]);
	});

	it('has no rule for a route or method that does not exist', () => {
		const declared = Object.entries(routeAccess()).flatMap(([id, methods]) => Object.keys(methods).map((m) => `${m} ${id}`));
		expect(declared.filter((key) => !existing.includes(key))).toEqual([]);
	});

	it('lists the expected answer of every route for every kind of person', () => {
		expect(Object.keys(expected).sort()).toEqual(existing);
	});

	for (const [key, whoMay] of Object.entries(expected)) {
		it(`${key}: ${whoMay.length === everyone.length ? 'everyone' : whoMay.join(', ')}`, () => {
			const [method, id] = key.split(' ');
			const answers = Object.fromEntries(everyone.map((who) => [who, allowed(id, method, who)]));
			expect(answers).toEqual(Object.fromEntries(everyone.map((who) => [who, whoMay.includes(who)])));
		});
	}

	it('refuses a method a route does not declare', () => {
		expect(accessFor('/api/v1/health', 'DELETE')).toBeUndefined();
		expect(accessFor('/[lang=lang]/admin/audit', 'POST')).toBeUndefined();
		expect(accessFor(null, 'GET')).toBeUndefined();
	});
});

describe('routes that accept files', () => {
	it('are real routes that accept a body', async () => {
		const { uploadRoutes } = await import('../http/body-limits.ts');
		const inventory = inventoryRoutes(path.resolve('src/routes'));
		for (const routeId of uploadRoutes()) {
			const methods = [...(inventory.get(routeId) ?? [])];
			expect(methods.some((method) => ['POST', 'PUT'].includes(method)), routeId).toBe(true);
		}
	});
});
