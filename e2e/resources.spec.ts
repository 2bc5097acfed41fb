// Who may reach a resource, not just a route: the route × role tables (each module's access.test.ts)
// say which roles reach a page or endpoint; these cases, over HTTP against the running server with the
// demo accounts, check that the page or endpoint then gives a person only their own organisation's,
// agency's or account's resources — another's answers 404 (its existence is not told), never its data.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { apiClient } from './api-client.ts';
import { server } from './harness.ts';

const { url } = server();
const api = apiClient();

const EMPLOYER = 'employer@demo.sharaka.ma';
/** a partner of another organisation (Expertise France), not an employer of the offers below */
const PARTNER = 'partner@demo.sharaka.ma';
const COUNSELLOR = 'counsellor@demo.sharaka.ma';
const MODERATOR = 'moderator@demo.sharaka.ma';
const MEMBER = 'member@demo.sharaka.ma';

const cookies: Record<string, string> = {};
const as = (email: string) => cookies[email];

/** The status of a page (HTML) for the person with this session. */
async function pageStatus(pathname: string, cookie: string): Promise<number> {
	const response = await fetch(url(pathname), { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
	await response.arrayBuffer();
	return response.status;
}

let offerId: string;
let applicationId: string;

beforeAll(async () => {
	for (const email of [EMPLOYER, PARTNER, COUNSELLOR, MODERATOR, MEMBER]) cookies[email] = await api.sessionCookie(email);
	// an offer of the demo employer's organisations that someone applied to
	const me = await api.call('GET', '/api/v1/me', { cookie: as(EMPLOYER) });
	const own = new Set((me.json.organisations as { id: string }[]).map((entry) => entry.id));
	const offers = await api.call('GET', '/api/v1/job-offers?pageSize=100');
	for (const offer of (offers.json.items as { id: string; employer: { id: string } }[]).filter((item) => own.has(item.employer.id))) {
		const applications = await api.call('GET', `/api/v1/job-offers/${offer.id}/applications`, { cookie: as(EMPLOYER) });
		expect(applications.status, applications.text).toBe(200);
		const [first] = applications.json.items as { id: string }[];
		if (first) {
			offerId = offer.id;
			applicationId = first.id;
			break;
		}
	}
	expect(offerId, 'a demo offer with an application').toBeDefined();
}, 60_000);

describe('another employer’s offer, candidates and applications', () => {
	it('the offer’s employer reaches its pages; a partner of another organisation gets 404', async () => {
		const pages = [
			`/fr/jobs/employer/offers/${offerId}`,
			`/fr/jobs/employer/offers/${offerId}/candidates`,
			`/fr/jobs/employer/applications/${applicationId}`
		];
		for (const page of pages) {
			expect(await pageStatus(page, as(EMPLOYER)), `${page} (employer)`).toBe(200);
			expect(await pageStatus(page, as(PARTNER)), `${page} (another organisation)`).toBe(404);
		}
	});

	it('the API gives the employer the candidates and applications, and another organisation 404 without data', async () => {
		for (const endpoint of [`/api/v1/job-offers/${offerId}/applications`, `/api/v1/job-offers/${offerId}/candidates`]) {
			const own = await api.call('GET', endpoint, { cookie: as(EMPLOYER) });
			expect(own.status, `${endpoint} (employer) ${own.text.slice(0, 200)}`).toBe(200);
			const other = await api.call('GET', endpoint, { cookie: as(PARTNER) });
			expect(other.status, `${endpoint} (another organisation)`).toBe(404);
			expect(other.json.error.code).toBe('not_found');
			expect(other.text).not.toContain(applicationId);
		}
	});

	it('the CV of an application goes to its employer only', async () => {
		const cv = `/fr/jobs/employer/applications/${applicationId}/cv`;
		expect(await pageStatus(cv, as(PARTNER))).toBe(404);
		// the employer gets the file, or 404 when this applicant shared none
		expect([200, 404]).toContain(await pageStatus(cv, as(EMPLOYER)));
	});
});

describe('another agency’s job seekers', () => {
	it('a counsellor opens the files of their agency’s seekers; a seeker of another agency answers 404', async () => {
		const own = await api.call('GET', '/api/v1/counsellor/seekers?pageSize=100', { cookie: as(COUNSELLOR) });
		expect(own.status).toBe(200);
		const ownIds = new Set((own.json.items as { id: string }[]).map((item) => item.id));
		expect(ownIds.size, 'the demo counsellor’s agency follows seekers').toBeGreaterThan(0);
		const [followed] = ownIds;
		expect(await pageStatus(`/fr/jobs/counsellor/seekers/${followed}`, as(COUNSELLOR))).toBe(200);
		// the candidates a counsellor may see come from every agency: one that another agency follows
		const candidates = await api.call('GET', `/api/v1/job-offers/${offerId}/candidates?pageSize=100`, { cookie: as(COUNSELLOR) });
		expect(candidates.status).toBe(200);
		const elsewhere = (candidates.json.items as { person: { id: string } | null }[]).map((item) => item.person?.id).find((id) => id && !ownIds.has(id));
		expect(elsewhere, 'a candidate followed by another agency (or none)').toBeDefined();
		expect(await pageStatus(`/fr/jobs/counsellor/seekers/${elsewhere}`, as(COUNSELLOR))).toBe(404);
		expect(await pageStatus(`/fr/jobs/counsellor/seekers/${elsewhere}/cv`, as(COUNSELLOR))).toBe(404);
	});
});

describe('another partner’s import', () => {
	let importId: string;
	beforeAll(async () => {
		const fixture = fs.readFileSync(path.join(import.meta.dirname, '..', 'src', 'modules', 'atlas', 'import', 'fixtures', 'giz-iom-morocco.xml'));
		const created = await fetch(url('/api/v1/imports/iati?name=resources.xml'), {
			method: 'POST',
			headers: { cookie: as(PARTNER), origin: new URL(url('/')).origin, 'content-type': 'application/xml', accept: 'application/json' },
			body: fixture
		});
		const body = (await created.json()) as { id: string };
		expect(created.status).toBe(201);
		importId = body.id;
	});

	it('its owner and the moderators see it; another partner gets 404 and cannot apply it', async () => {
		expect((await api.call('GET', `/api/v1/imports/${importId}`, { cookie: as(PARTNER) })).status).toBe(200);
		expect((await api.call('GET', `/api/v1/imports/${importId}`, { cookie: as(MODERATOR) })).status).toBe(200);
		// the demo employer is a partner too, of another organisation
		expect((await api.call('GET', `/api/v1/imports/${importId}`, { cookie: as(EMPLOYER) })).status).toBe(404);
		expect((await api.call('POST', `/api/v1/imports/${importId}/apply`, { cookie: as(EMPLOYER), body: {} })).status).toBe(404);
		expect(await pageStatus(`/fr/atlas/imports/${importId}`, as(EMPLOYER))).toBe(404);
		expect((await api.call('GET', `/api/v1/imports/${importId}`, { cookie: as(PARTNER) })).json.status).toBe('previewed');
	});
});

describe('another organisation’s initiative', () => {
	it('a partner’s change to an initiative of other organisations waits for a moderator; the published version is unchanged', async () => {
		const list = await api.call('GET', '/api/v1/initiatives?pageSize=50');
		const me = await api.call('GET', '/api/v1/me', { cookie: as(PARTNER) });
		const mine = new Set((me.json.organisations as { slug: string }[]).map((entry) => entry.slug));
		const theirs = (list.json.items as { slug: string; funders: { slug: string }[] }[]).find(
			(item) => item.funders.length && !item.funders.some((entry) => mine.has(entry.slug))
		);
		expect(theirs, 'an initiative of other organisations').toBeDefined();
		const before = await api.call('GET', `/api/v1/initiatives/${theirs!.slug}`);
		const proposal = await api.call('POST', `/api/v1/initiatives/${theirs!.slug}/proposals`, {
			cookie: as(PARTNER),
			headers: { 'if-match': before.headers.get('etag')! },
			body: {
				initiative: {
					title: { fr: 'Changé par un partenaire d’une autre organisation' },
					status: before.json.status,
					regions: ['MA-02'],
					organisations: [{ organisation: 'expertise-france', role: 'implementer' }],
					sources: [{ citation: 'resources spec' }]
				},
				comment: 'resources spec'
			}
		});
		expect(proposal.status, proposal.text.slice(0, 300)).toBe(201);
		expect(proposal.json.status).toBe('pending');
		const after = await api.call('GET', `/api/v1/initiatives/${theirs!.slug}`);
		expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
		expect(after.json.title).toEqual(before.json.title);
		expect(after.json.organisations).toEqual(before.json.organisations);
	});
});

describe('a person’s own space', () => {
	it('the member’s profile and applications are theirs: staff and employers reach none of the “me” endpoints of another', async () => {
		const mine = await api.call('GET', '/api/v1/me/applications', { cookie: as(MEMBER) });
		expect(mine.status).toBe(200);
		// the same address answers each person with their own: the employer is not a job seeker
		expect((await api.call('GET', '/api/v1/me/applications', { cookie: as(EMPLOYER) })).status).toBe(403);
		expect((await api.call('GET', '/api/v1/me/profile', { cookie: as(COUNSELLOR) })).status).toBe(403);
	});
});
