// Likely duplicates where the moderators and proposers see them: the queue of new proposals, and the
import { contextFor } from '../../../platform/testing/people.ts';
// proposer's withdrawal of a proposal that duplicates a published initiative.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';
import { createInitiative } from '../initiative.service.ts';
import { approveProposal, listProposals, proposeChange, proposeNewInitiative, withdrawProposal } from '../moderation/moderation.service.ts';
import { likelyDuplicatesOfNewProposals, likelyDuplicatesOfProposal } from './duplicates.ts';
import { reviewProposal } from '../../../platform/moderation/moderation.service.ts';
import { initiativeProposals } from '../moderation/initiative-proposals.ts';

let app: TestApp;
const partner: Actor = { userId: 'partner-a', role: 'partner', organisationIds: [] };
const otherPartner: Actor = { userId: 'partner-b', role: 'partner', organisationIds: [] };
const moderator: Actor = { userId: 'moderator-a', role: 'moderator', organisationIds: [] };
let published: { id: string; slug: string };

const input = (title: string, over: Partial<InitiativeInput> = {}): InitiativeInput => ({
	title: { fr: title },
	status: 'ongoing',
	sources: [{ citation: 'Rapport' }],
	...over
});

const code = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return error.code;
		throw error;
	}
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const { user } = await import('../../../platform/accounts/accounts.table.ts');
	for (const actor of [partner, otherPartner, moderator]) {
		await app.database.db.insert(user).values({ id: actor.userId, email: `${actor.userId}@test.ma`, name: actor.userId, role: actor.role, emailVerified: true });
	}
	published = await createInitiative(contextFor(app.database.db, null),
		input('Guichets d’accueil des Marocains du monde à Tanger', { slug: 'guichets-tanger', organisations: [{ organisation: 'giz', role: 'funder' }] })
	);
});
afterAll(async () => app?.close());

describe('likely duplicates of proposals', () => {
	it('flags a pending new proposal in the queue, not an unrelated one nor a change to the initiative itself', async () => {
		const duplicate = await proposeNewInitiative(contextFor(app.database.db, partner), input('Guichet d’accueil des Marocains du monde - Tanger'));
		const unrelated = await proposeNewInitiative(contextFor(app.database.db, partner), input('Festival des cultures du monde à Essaouira'));
		const change = await proposeChange(contextFor(app.database.db, partner), published.slug, input('Guichets d’accueil des Marocains du monde à Tanger (phase 2)'), {
			baseVersion: 1
		});
		const queue = await listProposals(contextFor(app.database.db, moderator), { status: 'pending' });
		const found = await likelyDuplicatesOfNewProposals(app.database.db, queue.items.map((item) => item.id));
		expect(found.get(duplicate.proposal!.id)).toEqual([
			{ id: published.id, slug: 'guichets-tanger', title: 'Guichets d’accueil des Marocains du monde à Tanger', reasons: ['similar_title'] }
		]);
		expect(found.has(unrelated.proposal!.id)).toBe(false);
		expect(found.has(change.id)).toBe(false);
	});

	it('the review of a new proposal opens (every field shown as added), and its likely duplicates can be listed beside it', async () => {
		const { proposal } = await proposeNewInitiative(contextFor(app.database.db, partner), input('Guichets d’accueil des Marocains du monde — Tanger', { startYear: 2024 }));
		const review = await reviewProposal(contextFor(app.database.db, moderator), initiativeProposals, proposal!.id);
		expect(review.fromBase.map((change) => [change.field, change.language ?? null, change.before, change.after])).toEqual(
			expect.arrayContaining([
				['title', 'fr', null, 'Guichets d’accueil des Marocains du monde — Tanger'],
				['startYear', null, null, 2024]
			])
		);
		expect(review.fromBase.find((change) => change.field === 'status')).toBeUndefined();
		expect((await likelyDuplicatesOfProposal(app.database.db, review.proposal.data)).map((entry) => entry.slug)).toEqual(['guichets-tanger']);
	});

	it('lets the proposer withdraw a pending proposal: it leaves the queue, is audited, and can no longer be approved', async () => {
		const { proposal } = await proposeNewInitiative(contextFor(app.database.db, partner), input('Guichets d’accueil des Marocains du monde, Tanger'));
		const id = proposal!.id;
		expect(await code(withdrawProposal(contextFor(app.database.db, otherPartner), id))).toBe('not_found');
		expect(await code(withdrawProposal(contextFor(app.database.db, null), id))).toBe('unauthenticated');
		const withdrawn = await withdrawProposal(contextFor(app.database.db, partner), id);
		expect(withdrawn.status).toBe('withdrawn');
		expect(await code(withdrawProposal(contextFor(app.database.db, partner), id))).toBe('conflict');
		expect(await code(approveProposal(contextFor(app.database.db, moderator), id))).toBe('conflict');
		expect((await listProposals(contextFor(app.database.db, moderator), { status: 'pending' })).items.map((item) => item.id)).not.toContain(id);
		expect((await listProposals(contextFor(app.database.db, moderator), { status: 'withdrawn' })).items.map((item) => item.id)).toEqual([id]);
		expect((await likelyDuplicatesOfNewProposals(app.database.db, [id])).size).toBe(0);
		const [event] = await app.database.db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.action, 'initiative_proposal.withdraw'), eq(auditEvent.resourceId, id)));
		expect(event).toMatchObject({ actorUserId: partner.userId, channel: 'web', before: { status: 'pending' }, after: { status: 'withdrawn' } });
	});
});
