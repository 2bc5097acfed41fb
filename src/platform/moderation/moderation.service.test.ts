import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { refusalOf } from '../testing/refusal.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { AppError } from '../http/app-error.ts';
import {
	approveProposal,
	deleteDraft,
	findOwnProposal,
	forgetModeratedSubjects,
	getDraft,
	listDiscussion,
	listDrafts,
	listOwnProposals,
	listProposals,
	ownProposalCounts,
	postToDiscussion,
	proposeChange,
	proposeNew,
	rejectProposal,
	requestChanges,
	reviewProposal,
	saveDraft,
	withdrawProposal,
	type ModeratedCollection,
	type ModeratedSubject
} from './moderation.service.ts';
import { moderationMessage, moderationProposal } from './moderation.table.ts';

// A collection as a module such as Talents would declare it (missions proposed by institutions), its
// subjects kept in memory: the platform holds proposals, decisions, discussions and drafts for it.
type Mission = { title: string; days: number; skills: string[] };
type Stored = ModeratedSubject & { versions: Mission[] };

function missionsCollection(key: string) {
	const subjects = new Map<string, Stored>();
	const collection: ModeratedCollection<Mission, keyof Mission> = {
		key,
		actions: { propose: 'atlas.propose', review: 'atlas.moderate', discuss: 'atlas.discuss' },
		audit: { proposal: 'mission_proposal', subjectKey: 'missionId', subject: 'mission', message: 'mission_message', draft: 'mission_draft', draftResource: 'mission_draft' },
		async normalise(_ctx, input) {
			const given = input as Partial<Mission>;
			if (!given.title) throw new AppError('invalid_input', { fields: [{ path: 'title', messageKey: 'field_required' }] });
			return { title: given.title, days: given.days ?? 1, skills: given.skills ?? [] };
		},
		async find(_ctx, idOrSlug) {
			return [...subjects.values()].find((subject) => subject.id === idOrSlug || subject.slug === idOrSlug) ?? null;
		},
		async subjects(_ctx, ids) {
			return new Map(ids.flatMap((id) => (subjects.has(id) ? [[id, subjects.get(id)!] as const] : [])));
		},
		async version(_ctx, id, number) {
			return subjects.get(id)?.versions[number - 1] ?? null;
		},
		async publish(_ctx, { subjectId, data, expectedVersion }) {
			const subject = subjectId ? subjects.get(subjectId) : undefined;
			if (subject) {
				if (expectedVersion !== undefined && expectedVersion !== subject.version) {
					throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: subject.version } });
				}
				subject.versions.push(data);
				Object.assign(subject, { version: subject.versions.length, title: data.title });
				return { id: subject.id, slug: subject.slug, version: subject.version };
			}
			const created: Stored = { id: randomUUID(), slug: data.title.toLowerCase().replace(/\W+/g, '-'), version: 1, title: data.title, versions: [data] };
			subjects.set(created.id, created);
			return { id: created.id, slug: created.slug, version: 1 };
		},
		title: (data) => data.title,
		diff: { fields: [{ name: 'title' }, { name: 'days' }, { name: 'skills', kind: 'set' }], comparable: (value) => ({ ...(value as object) }) },
		emails: 'atlas_moderation',
		pages: { review: (language, id) => `/${language}/talents/review/${id}`, subject: (language, slug) => `/${language}/talents/${slug}`, home: (language) => `/${language}/talents` },
		drafts: { resumable: /^\/talents\/missions\/new$/, notKept: ['draft'], title: (values) => (typeof values.title === 'string' ? values.title : null) }
	};
	return collection;
}

const missions = missionsCollection('test.missions');
const documents = missionsCollection('test.documents');
const guides = missionsCollection('test.guides');

let app: TestApp;
let partner: Person;
let moderator: Person;
beforeAll(async () => {
	app = await createTestApp();
	partner = await aPerson(app.database.db, { role: 'partner' });
	moderator = await aPerson(app.database.db, { role: 'moderator' });
});
afterAll(() => app.close());

const as = (person: Person) => contextFor(app.database.db, person.actor);

describe('moderation of a collection', () => {
	it('publishes an approved proposal, then reviews a change field by field against its base', async () => {
		const { proposal } = await proposeNew(as(partner), missions, { title: 'Audit des systèmes d’irrigation', days: 10 });
		expect(proposal?.status).toBe('pending');
		const approved = await approveProposal(as(moderator), missions, proposal!.id);
		expect(approved.proposal).toMatchObject({ status: 'approved', subjectId: approved.published.id, publishedVersion: 1 });

		const change = await proposeChange(as(partner), missions, approved.published.slug, { title: 'Audit des systèmes d’irrigation', days: 12, skills: ['hydraulique'] }, { baseVersion: 1 });
		const review = await reviewProposal(as(moderator), missions, change.id);
		expect(review.fromBase.map((entry) => entry.field)).toEqual(['days', 'skills']);
		expect(review.stale).toBe(false);

		// the trail names the collection's resources
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, proposal!.id));
		expect(events.map((event) => event.action).sort()).toEqual(['mission_proposal.approve', 'mission_proposal.create']);
		expect(events.find((event) => event.action === 'mission_proposal.approve')?.after).toMatchObject({ missionId: approved.published.id });
	});

	it('refuses a change based on an outdated version, and a decision on a proposal no longer pending', async () => {
		const { published } = await proposeNew(as(moderator), missions, { title: 'Mentorat de startups', days: 5 });
		expect(published?.version).toBe(1);
		const first = await proposeChange(as(partner), missions, published!.id, { title: 'Mentorat de startups', days: 6 }, { baseVersion: 1 });
		await approveProposal(as(moderator), missions, first.id);
		expect(await refusalOf(proposeChange(as(partner), missions, published!.id, { title: 'Mentorat', days: 7 }, { baseVersion: 1 }))).toBe('conflict');
		expect(await refusalOf(rejectProposal(as(moderator), missions, first.id, 'Trop tard'))).toBe('conflict');
		const second = await proposeChange(as(partner), missions, published!.id, { title: 'Mentorat', days: 7 }, { baseVersion: 2 });
		expect(await refusalOf(rejectProposal(as(moderator), missions, second.id, '  '))).toBe('invalid_input');
		expect((await withdrawProposal(as(partner), missions, second.id)).status).toBe('withdrawn');
	});

	it('keeps each collection’s proposals, discussions and drafts apart', async () => {
		const { proposal } = await proposeNew(as(partner), documents, { title: 'Guide du retour' });
		expect(await refusalOf(reviewProposal(as(moderator), missions, proposal!.id))).toBe('not_found');
		expect((await listProposals(as(moderator), missions, { status: 'all' })).items.map((item) => item.id)).not.toContain(proposal!.id);

		const draftId = await saveDraft(as(partner), missions, { resumePath: '/talents/missions/new', values: { title: 'Brouillon', draft: 'x' } });
		expect((await getDraft(as(partner), missions, draftId)).values).toEqual({ title: 'Brouillon' });
		expect(await refusalOf(getDraft(as(partner), documents, draftId))).toBe('not_found');
		expect(await refusalOf(saveDraft(as(partner), missions, { resumePath: '/ailleurs', values: {} }))).toBe('invalid_input');
		expect((await listDrafts(as(partner), missions)).map((draft) => draft.title)).toEqual(['Brouillon']);
		await deleteDraft(as(partner), missions, draftId);
		expect(await listDrafts(as(partner), missions)).toEqual([]);
	});

	it('lists a proposer’s own proposals: those waiting, newest first, then the latest decided; nobody else’s, not even for a reviewer', async () => {
		const author = await aPerson(app.database.db, { role: 'partner' });
		const sent = [];
		for (const title of ['Guide 1', 'Guide 2', 'Guide 3', 'Guide 4']) sent.push((await proposeNew(as(author), guides, { title })).proposal!);
		await rejectProposal(as(moderator), guides, sent[0].id, 'Déjà publié');
		await requestChanges(as(moderator), guides, sent[1].id, 'Ajoutez les sources');
		await withdrawProposal(as(author), guides, sent[2].id);
		const { proposal: another } = await proposeNew(as(partner), guides, { title: 'Guide d’un autre' });

		const own = await listOwnProposals(as(author), guides, { decided: 1 });
		expect(own.waiting.map((row) => row.id)).toEqual([sent[3].id, sent[1].id]);
		// one decided shown: the latest decision (the refusal came after the withdrawn one was sent)
		expect(own.decided.map((row) => [row.id, row.status])).toEqual([[sent[0].id, 'rejected']]);
		expect((await listOwnProposals(as(author), guides, { decided: 20 })).decided.map((row) => row.id)).toEqual([sent[0].id, sent[2].id]);
		expect(await ownProposalCounts(app.database.db, guides, author.actor.userId)).toEqual({ all: 4, waiting: 2 });
		expect((await findOwnProposal(as(author), guides, sent[1].id)).reviewReason).toBe('Ajoutez les sources');
		expect(await refusalOf(findOwnProposal(as(author), guides, another!.id))).toBe('not_found');
		expect(await refusalOf(findOwnProposal(as(moderator), guides, another!.id))).toBe('not_found');
		expect(await refusalOf(findOwnProposal(as(author), documents, sent[1].id))).toBe('not_found');
	});

	it('removes the proposals and discussion of subjects the module deletes', async () => {
		const { published } = await proposeNew(as(moderator), missions, { title: 'Formation de formateurs' });
		const change = await proposeChange(as(partner), missions, published!.id, { title: 'Formation de formateurs', days: 3 }, { baseVersion: 1 });
		await postToDiscussion(as(partner), missions, published!.id, 'Le calendrier est-il fixé ?');
		expect(await listDiscussion(as(moderator), missions, published!.id)).toHaveLength(1);
		expect(await refusalOf(listDiscussion(contextFor(app.database.db, (await aPerson(app.database.db)).actor), missions, published!.id))).toBe('forbidden');

		await forgetModeratedSubjects(app.database.db, missions.key, [published!.id]);
		const left = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.id, change.id));
		const messages = await app.database.db
			.select()
			.from(moderationMessage)
			.where(and(eq(moderationMessage.collection, missions.key), eq(moderationMessage.subjectId, published!.id)));
		expect([left.length, messages.length]).toEqual([0, 0]);
	});
});
