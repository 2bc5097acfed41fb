import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { appointCoordinator, coordinatedNetworks, createNetwork, networkCoordinators, removeCoordinator, decideRequest, getNetworkPage, joinNetwork, linkNetworks, listNetworks, myNetworks, pendingRequests, unlinkNetworks } from './networks.service.ts';
import { saveProfile } from './profile.service.ts';
import { realNetworks } from './seed/networks.ts';
import { generateTalents, removeSampleTalents } from './generate.ts';
import { network, talentProfile } from './talents.table.ts';

let app: TestApp;
let karim: Person;
let coordinator: Actor;
let otherCoordinator: Actor;

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return `${error.code}:${String(error.extra?.reason ?? '')}`;
		throw error;
	}
};

async function aCoordinatorOf(slug: string): Promise<Actor> {
	const person = await aPerson(app.database.db);
	await app.database.db.insert(accessGrant).values({ userId: person.actor.userId, module: 'talents', role: 'coordinator', scope: slug });
	return { ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: slug }] };
}

async function aTalentIn(country: string, skills: string[]) {
	const person = await aPerson(app.database.db);
	await saveProfile(contextFor(app.database.db, person), { hostCountry: country, skills });
	return person;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await createNetwork(contextFor(app.database.db, null), { slug: 'sante-allemagne', kind: 'skill', name: { fr: 'Santé' }, skill: 'health', joining: 'open' });
	karim = await aPerson(app.database.db, { name: 'Karim Tazi' });
	coordinator = await aCoordinatorOf('reseau-competences-dmk-allemagne');
	otherCoordinator = await aCoordinatorOf('sante-allemagne');
});
afterAll(async () => app?.close());

describe('linked networks', () => {
	it('a coordinator links their network to another: both pages and the list show it; nobody else may; a bad choice changes nothing', async () => {
		const ctx = contextFor(app.database.db, coordinator);
		expect(await linkNetworks(ctx, 'reseau-competences-dmk-allemagne', 'sante-allemagne')).toBe(true);
		// twice: nothing more
		expect(await linkNetworks(ctx, 'reseau-competences-dmk-allemagne', 'sante-allemagne')).toBe(false);
		expect((await getNetworkPage(app.database.db, 'sante-allemagne')).linked.map((entry) => entry.slug)).toEqual(['reseau-competences-dmk-allemagne']);
		expect((await getNetworkPage(app.database.db, 'reseau-competences-dmk-allemagne')).linked.map((entry) => entry.slug)).toEqual(['sante-allemagne']);
		const listed = await listNetworks(app.database.db);
		expect(listed.find((entry) => entry.slug === 'sante-allemagne')?.linked).toEqual(['reseau-competences-dmk-allemagne']);
		const audits = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'network.link'));
		expect(audits).toHaveLength(1);

		expect(await refusal(linkNetworks(ctx, 'reseau-competences-dmk-allemagne', 'reseau-competences-dmk-allemagne'))).toBe('invalid_input:');
		expect(await refusal(linkNetworks(ctx, 'reseau-competences-dmk-allemagne', 'no-such-network'))).toBe('invalid_input:');
		const stranger = await aPerson(app.database.db);
		expect(await refusal(linkNetworks(contextFor(app.database.db, stranger), 'sante-allemagne', 'reseau-competences-dmk-allemagne'))).toBe('forbidden:');
		expect(await refusal(unlinkNetworks(contextFor(app.database.db, stranger), 'sante-allemagne', 'reseau-competences-dmk-allemagne'))).toBe('forbidden:');
		expect((await getNetworkPage(app.database.db, 'sante-allemagne')).linked).toHaveLength(1);

		// the other network's coordinator may undo it from their side
		expect(await unlinkNetworks(contextFor(app.database.db, otherCoordinator), 'sante-allemagne', 'reseau-competences-dmk-allemagne')).toBe(true);
		expect((await getNetworkPage(app.database.db, 'reseau-competences-dmk-allemagne')).linked).toEqual([]);
		expect(await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'network.unlink'))).toHaveLength(1);
	});
});

describe('networks', () => {
	it('holds the networks the seeds name, each with its source', async () => {
		const networks = await listNetworks(app.database.db);
		// (this file's own test network aside)
		const real = networks.filter((entry) => !entry.isSample && entry.slug !== 'sante-allemagne');
		expect(real.map((entry) => entry.slug).sort()).toEqual(realNetworks.map((entry) => entry.slug).sort());
		expect(real.every((entry) => entry.sources.length > 0 && entry.sources.every((source) => source.citation.includes('SHARAKA')))).toBe(true);
		expect(real.find((entry) => entry.slug === 'reseau-competences-dmk-allemagne')).toMatchObject({ kind: 'territory', country: 'DE', joining: 'on_request', members: null });
	});

	it('asks a talent for a profile before joining', async () => {
		expect(await refusal(joinNetwork(contextFor(app.database.db, karim), 'sante-allemagne'))).toBe('conflict:profile_missing');
		expect(await refusal(joinNetwork(contextFor(app.database.db, null), 'sante-allemagne'))).toBe('unauthenticated:');
	});

	it('lets a talent join an open network at once and ask to join one on request', async () => {
		await saveProfile(contextFor(app.database.db, karim), { hostCountry: 'DE', skills: ['health'] });
		expect(await joinNetwork(contextFor(app.database.db, karim), 'sante-allemagne')).toBe('member');
		expect(await joinNetwork(contextFor(app.database.db, karim), 'reseau-competences-dmk-allemagne')).toBe('pending');
		expect((await myNetworks(contextFor(app.database.db, karim))).map((entry) => [entry.slug, entry.status])).toEqual([
			['reseau-competences-dmk-allemagne', 'pending'],
			['sante-allemagne', 'member']
		]);
		const events = await app.database.db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.resourceType, 'network'), eq(auditEvent.actorUserId, karim.actor.userId)));
		expect(events.map((event) => event.action).sort()).toEqual(['network_member.join', 'network_member.request']);
	});

	it('lets only the network’s own coordinators decide on requests', async () => {
		const dmk = 'reseau-competences-dmk-allemagne';
		expect(await refusal(pendingRequests(contextFor(app.database.db, otherCoordinator), dmk))).toBe('forbidden:');
		expect(await refusal(decideRequest(contextFor(app.database.db, otherCoordinator), dmk, karim.actor.userId, true))).toBe('forbidden:');
		expect(await refusal(decideRequest(contextFor(app.database.db, karim), dmk, karim.actor.userId, true))).toBe('forbidden:');
		const waiting = await pendingRequests(contextFor(app.database.db, coordinator), dmk);
		expect(waiting).toMatchObject([{ userId: karim.actor.userId, name: 'Karim Tazi', hostCountry: 'DE' }]);
		const reads = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.actorUserId, coordinator.userId)));
		expect(reads.map((event) => event.after)).toEqual([{ view: 'network_requests:reseau-competences-dmk-allemagne', ids: [karim.actor.userId] }]);
		expect((await coordinatedNetworks(contextFor(app.database.db, coordinator))).map((entry) => [entry.slug, entry.pending])).toEqual([[dmk, 1]]);
		expect(await decideRequest(contextFor(app.database.db, coordinator), dmk, karim.actor.userId, true)).toBe('member');
		expect(await refusal(decideRequest(contextFor(app.database.db, coordinator), dmk, karim.actor.userId, true))).toBe('not_found:');
	});

	it('shows a public page with its coordinators and counts under 5 suppressed', async () => {
		const page = await getNetworkPage(app.database.db, 'sante-allemagne');
		expect(page.coordinators).toHaveLength(1);
		expect(page).toMatchObject({ members: null, bySkill: [], byCountry: [] });
		for (let n = 0; n < 4; n++) await joinNetwork(contextFor(app.database.db, await aTalentIn(n < 2 ? 'DE' : 'NL', ['health', 'research'])), 'sante-allemagne');
		const after = await getNetworkPage(app.database.db, 'sante-allemagne');
		// five members: five in health shown; three in Germany and two in the Netherlands are not
		expect(after).toMatchObject({ members: 5, bySkill: [{ skill: 'health', members: 5 }], byCountry: [] });
		expect(await refusal(getNetworkPage(app.database.db, 'nowhere'))).toBe('not_found:');
	});

	it('generates sample talents in the sample networks and removes them all with one call', async () => {
		await createNetwork(contextFor(app.database.db, null), { slug: 'exemple-numerique', kind: 'skill', name: { fr: 'Exemple' }, skill: 'digital', joining: 'open' }, { isSample: true });
		await generateTalents(contextFor(app.database.db, null), 200, { prefix: 'test' });
		const page = await getNetworkPage(app.database.db, 'exemple-numerique');
		expect(page.members).toBeGreaterThan(10);
		expect(page.coordinators).toHaveLength(1);
		// the real network's counts leave samples out
		expect((await getNetworkPage(app.database.db, 'sante-allemagne')).members).toBe(5);
		expect(await removeSampleTalents(contextFor(app.database.db, null))).toEqual({ people: 200, networks: 1, missions: 0 });
		expect(await app.database.db.select().from(talentProfile).where(eq(talentProfile.isSample, true))).toEqual([]);
		expect(await app.database.db.select().from(network).where(eq(network.isSample, true))).toEqual([]);
	});
});

describe('co-coordinators', () => {
	it('a coordinator appoints a member as co-coordinator and takes the role back, never from the last one; nobody else may', async () => {
		const slug = 'sante-allemagne';
		const ctx = contextFor(app.database.db, otherCoordinator);
		const member = await aTalentIn('DE', ['health']);
		await joinNetwork(contextFor(app.database.db, member), slug);
		const outsider = await aTalentIn('FR', ['health']);
		let seen = await networkCoordinators(ctx, slug);
		expect(seen.coordinators.map((entry) => entry.userId)).toEqual([otherCoordinator.userId]);
		expect(seen.candidates.map((entry) => entry.userId)).toContain(member.actor.userId);

		// someone outside the network cannot be appointed; the coordinator of another network may not appoint here
		expect(await refusal(appointCoordinator(ctx, slug, outsider.actor.userId))).toBe('invalid_input:');
		expect(await refusal(appointCoordinator(contextFor(app.database.db, coordinator), slug, member.actor.userId))).toBe('forbidden:');
		expect(await refusal(networkCoordinators(contextFor(app.database.db, member), slug))).toBe('forbidden:');

		await appointCoordinator(ctx, slug, member.actor.userId);
		expect(await refusal(appointCoordinator(ctx, slug, member.actor.userId))).toBe('conflict:grant_exists');
		const [grant] = await app.database.db
			.select()
			.from(accessGrant)
			.where(and(eq(accessGrant.userId, member.actor.userId), eq(accessGrant.scope, slug)));
		expect(grant).toMatchObject({ module: 'talents', role: 'coordinator', grantedBy: otherCoordinator.userId });
		expect(await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'grant.delegate'))).toHaveLength(1);
		seen = await networkCoordinators(ctx, slug);
		expect(seen.coordinators).toHaveLength(2);
		expect(seen.candidates.map((entry) => entry.userId)).not.toContain(member.actor.userId);

		// the new co-coordinator holds the grant: they may take the role back from the first one, not the last one's
		const coCoordinator = { ...member.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: slug }] };
		const first = seen.coordinators.find((entry) => entry.userId === otherCoordinator.userId)!;
		await removeCoordinator(contextFor(app.database.db, coCoordinator), slug, first.grantId);
		const last = (await networkCoordinators(contextFor(app.database.db, coCoordinator), slug)).coordinators;
		expect(last.map((entry) => entry.userId)).toEqual([member.actor.userId]);
		expect(await refusal(removeCoordinator(contextFor(app.database.db, coCoordinator), slug, last[0].grantId))).toBe('conflict:last_holder');
	});
});
