import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '#platform/app.ts';
import type { Actor } from '#platform/policy/policy.ts';
import { createTestApp, type TestApp } from '#platform/testing/test-app.ts';
import { aPerson } from '#platform/testing/people.ts';
import { getInitiative } from '#modules/atlas/initiative.service.ts';
import { POST as create } from '#modules/atlas/routes/api/v1/initiatives/+server.ts';
import { POST as propose } from '#modules/atlas/routes/api/v1/initiatives/[id]/proposals/+server.ts';
import { GET as versions } from '#modules/atlas/routes/api/v1/initiatives/[id]/versions/+server.ts';
import { GET as queue } from '#modules/atlas/routes/api/v1/moderation/proposals/+server.ts';
import { POST as approve } from '#modules/atlas/routes/api/v1/moderation/proposals/[id]/approve/+server.ts';
import { POST as reject } from '#modules/atlas/routes/api/v1/moderation/proposals/[id]/reject/+server.ts';
import { POST as requestChanges } from '#modules/atlas/routes/api/v1/moderation/proposals/[id]/request-changes/+server.ts';

// The endpoints run as the request hook leaves them (route policy already checked): app from getApp(), actor in locals.
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let partner: Actor;
let moderator: Actor;

function event(
	path: string,
	actor: Actor | null,
	init: { method?: string; params?: Record<string, string>; headers?: Record<string, string>; body?: unknown } = {}
) {
	const url = new URL(`http://localhost${path}`);
	const body = init.body === undefined ? undefined : JSON.stringify(init.body);
	return {
		request: new Request(url, {
			method: init.method ?? (body ? 'POST' : 'GET'),
			headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...init.headers },
			body
		}),
		url,
		params: init.params ?? {},
		locals: { language: 'en', user: null, actor, audit: { actorUserId: actor?.userId ?? null, actorLabel: null, channel: 'api' } }
	} as unknown as RequestEvent;
}

const initiative = (status = 'ongoing') => ({
	title: { fr: 'Plateforme API de test', en: 'API test platform' },
	status,
	regions: ['MA-01'],
	sources: [{ citation: 'Test source' }],
	organisations: [{ organisation: 'giz', role: 'funder' }]
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	partner = (await aPerson(app.database.db, { email: 'api-partner@test.ma', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
	moderator = (await aPerson(app.database.db, { email: 'api-moderator@test.ma', role: 'moderator', organisationSlugs: ['mdcmre'] })).actor;
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the moderation API', () => {
	it('creates: a proposal from a partner, published at once from a moderator', async () => {
		const asPartner = await create(event('/api/v1/initiatives', partner, { body: { initiative: initiative(), comment: 'Nouveau' } }));
		expect(asPartner.status).toBe(201);
		const proposed = await asPartner.json();
		expect(proposed.initiative).toBeNull();
		expect(proposed.proposal.status).toBe('pending');

		const asModerator = await create(event('/api/v1/initiatives', moderator, { body: { initiative: { ...initiative(), slug: 'api-direct' } } }));
		expect(asModerator.status).toBe(201);
		expect((await asModerator.json()).initiative).toMatchObject({ slug: 'api-direct', version: 1 });

		const invalid = await create(event('/api/v1/initiatives', partner, { body: { initiative: { title: {}, status: 'done' } } }));
		expect(invalid.status).toBe(400);
	});

	it('proposals need If-Match (428), are refused when stale (409 with the current version), approved through the queue', async () => {
		const path = '/api/v1/initiatives/api-direct/proposals';
		const params = { id: 'api-direct' };
		const missing = await propose(event(path, partner, { params, body: { initiative: initiative('completed') } }));
		expect(missing.status).toBe(428);
		expect(await missing.json()).toMatchObject({ error: { code: 'precondition_required', details: { currentVersion: 1 } } });

		const first = await propose(event(path, partner, { params, headers: { 'if-match': '"1"' }, body: { initiative: initiative('completed'), comment: 'Terminé' } }));
		expect(first.status).toBe(201);
		const proposal = await first.json();
		const second = await propose(event(path, partner, { params, headers: { 'if-match': '"1"' }, body: { initiative: initiative('suspended') } }));
		const concurrent = await second.json();

		const pending = await (await queue(event('/api/v1/moderation/proposals?status=pending', moderator))).json();
		expect(pending.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([proposal.id, concurrent.id]));

		const approved = await approve(event(`/api/v1/moderation/proposals/${proposal.id}/approve`, moderator, { params: { id: proposal.id }, method: 'POST' }));
		expect(approved.status).toBe(200);
		expect((await approved.json()).initiative.version).toBe(2);
		expect((await getInitiative(app.database.db, 'api-direct')).status).toBe('completed');

		// The concurrent proposal, based on version 1, is never applied silently.
		const stale = await approve(event(`/api/v1/moderation/proposals/${concurrent.id}/approve`, moderator, { params: { id: concurrent.id }, method: 'POST' }));
		expect(stale.status).toBe(409);
		expect((await stale.json()).error.details).toMatchObject({ reason: 'stale_version', currentVersion: 2 });
		const staleProposal = await propose(event(path, partner, { params, headers: { 'if-match': '"1"' }, body: { initiative: initiative('planned') } }));
		expect(staleProposal.status).toBe(409);
		expect(staleProposal.headers.get('etag')).toBe('"2"');
		expect((await staleProposal.json()).error.details.currentVersion).toBe(2);
		expect((await getInitiative(app.database.db, 'api-direct')).status).toBe('completed');

		const rejected = await reject(event(`/api/v1/moderation/proposals/${concurrent.id}/reject`, moderator, { params: { id: concurrent.id }, body: { reason: 'Dépassée' } }));
		expect((await rejected.json()).status).toBe('rejected');

		const history = await (await versions(event('/api/v1/initiatives/api-direct/versions', null, { params }))).json();
		expect(history.versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
		expect(history.versions[0]).toMatchObject({ organisation: 'Expertise France', comment: 'Terminé', changes: ['status'] });
	});

	it('requests changes with a reason; refuses partners in the queue', async () => {
		const response = await propose(event('/api/v1/initiatives/api-direct/proposals', partner, {
			params: { id: 'api-direct' },
			headers: { 'if-match': '"2"' },
			body: { initiative: initiative('suspended') }
		}));
		const proposal = await response.json();
		const noReason = await requestChanges(event('/x', moderator, { params: { id: proposal.id }, body: { reason: '' } }));
		expect(noReason.status).toBe(400);
		const asked = await requestChanges(event('/x', moderator, { params: { id: proposal.id }, body: { reason: 'Ajoutez la source' } }));
		expect((await asked.json()).status).toBe('changes_requested');
		expect((await queue(event('/api/v1/moderation/proposals', partner))).status).toBe(403);
	});
});
