import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { systemContext } from '../../../platform/audit/audit.service.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';
import { createInitiative, getInitiative, removeSampleInitiatives } from '../initiative.service.ts';
import { moderationMessage } from '../../../platform/moderation/moderation.table.ts';
import { initiative } from '../atlas.table.ts';
import {
	approveProposal,
	getOwnProposal,
	listMessages,
	listOrganisationScores,
	listProposals,
	listStaleInitiatives,
	listVersions,
	organisationScores,
	postMessage,
	proposeChange,
	proposeNewInitiative,
	rejectProposal,
	requestChanges,
	restoreVersion,
	sendStaleReminders
} from './moderation.service.ts';
import type { Notify } from '../../../platform/moderation/notify.ts';
import { formFromInitiative, initiativeFromForm } from './proposal-form.ts';
import { readMail } from '../../../platform/testing/mail.ts';
import { reviewProposal } from '../../../platform/moderation/moderation.service.ts';
import { initiativeProposals } from './initiative-proposals.ts';

let app: TestApp;
let notify: Notify;
let partner: Actor;
let moderator: Actor;
let member: Actor;

const input = (over: Partial<InitiativeInput> = {}): InitiativeInput => ({
	title: { fr: 'Maisons de l’emploi de l’Oriental' },
	status: 'ongoing',
	regions: ['MA-02'],
	themes: ['returnee_reintegration'],
	sources: [{ citation: 'Rapport 2024' }],
	organisations: [{ organisation: 'giz', role: 'funder', amount: 100000, currency: 'EUR' }],
	lastVerifiedOn: '2026-01-10',
	...over
});

const code = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return `${error.code}:${JSON.stringify(error.extra ?? null)}`;
		throw error;
	}
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	notify = { mailer: app.mailer, publicUrl: 'https://sharaka.test' };
	partner = (await aPerson(app.database.db, { email: 'partner@test.ma', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
	moderator = (await aPerson(app.database.db, { email: 'moderator@test.ma', role: 'moderator', organisationSlugs: ['mdcmre'], locale: 'ar' })).actor;
	member = (await aPerson(app.database.db, { email: 'member@test.ma', role: 'member' })).actor;
});
afterAll(async () => app?.close());

describe('proposals and moderation', () => {
	it('a partner proposes a change; the moderator sees the diff, approves; the new version is public with its history; e-mails and audit', async () => {
		const created = await createInitiative(contextFor(app.database.db, null), input({ slug: 'maisons-emploi' }));
		const before = await app.outbox();
		const current = await getInitiative(app.database.db, 'maisons-emploi');
		const proposed = { ...formFromInitiative(current as never) };
		const data = initiativeFromForm({
			...formFromInitiative({ ...input(), organisations: [{ organisation: 'giz', role: 'funder', amount: 100000, currency: 'EUR' }] }),
			status: 'completed',
			title_ar: 'دور التشغيل في جهة الشرق',
			themes: ['returnee_reintegration', 'diaspora_skills']
		});
		expect(proposed.title_fr).toBe('Maisons de l’emploi de l’Oriental');
		const proposal = await proposeChange(contextFor(app.database.db, partner), created.id, data, {
			baseVersion: 1,
			comment: 'Projet terminé en 2025',
			notify
		});
		expect(proposal.status).toBe('pending');
		// Nothing is published before approval.
		expect((await getInitiative(app.database.db, created.id)).status).toBe('ongoing');

		// The moderators are told, in their language, with a link to the review page.
		const mails = (await app.outbox()).slice(before.length);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toContain('moderator@test.ma');
		expect(mails[0]).toContain(`/ar/atlas/moderation/proposals/${proposal.id}`);

		const queue = await listProposals(contextFor(app.database.db, moderator), { status: 'pending' });
		expect(queue.items.map((item) => item.id)).toContain(proposal.id);
		expect(queue.items.find((item) => item.id === proposal.id)?.proposerOrganisation).toBe('Expertise France');

		const review = await reviewProposal(contextFor(app.database.db, moderator), initiativeProposals, proposal.id);
		expect(review.stale).toBe(false);
		const changed = review.fromBase.map((change) => `${change.field}${change.language ? `.${change.language}` : ''}`);
		expect(changed.sort()).toEqual(['status', 'themes', 'title.ar']);
		expect(review.fromBase.find((change) => change.field === 'status')).toMatchObject({ before: 'ongoing', after: 'completed' });

		const approved = await approveProposal(contextFor(app.database.db, moderator), proposal.id, { notify });
		expect(approved.initiative.version).toBe(2);
		const detail = await getInitiative(app.database.db, created.id);
		expect(detail.status).toBe('completed');
		expect(detail.title.ar).toBe('دور التشغيل في جهة الشرق');
		expect(detail.version).toBe(2);

		const history = await listVersions(app.database.db, 'maisons-emploi');
		expect(history.versions.map((version) => version.number)).toEqual([2, 1]);
		expect(history.versions[0]).toMatchObject({ organisation: 'Expertise France', comment: 'Projet terminé en 2025' });
		expect(history.versions[0].changes.sort()).toEqual(['status', 'themes', 'title']);

		const proposerMail = (await app.outbox()).slice(before.length + 1);
		expect(proposerMail).toHaveLength(1);
		expect(proposerMail[0]).toContain('partner@test.ma');
		expect(readMail(proposerMail[0]).text).toContain('https://sharaka.test/fr/atlas/initiatives/maisons-emploi');

		const events = await app.database.db
			.select({ action: auditEvent.action })
			.from(auditEvent)
			.where(inArray(auditEvent.resourceId, [proposal.id, created.id]));
		expect(events.map((event) => event.action).sort()).toEqual([
			'initiative.create',
			'initiative.update',
			'initiative_proposal.approve',
			'initiative_proposal.create'
		]);

		// A decided proposal cannot be decided again.
		expect(await code(rejectProposal(contextFor(app.database.db, moderator), proposal.id, 'non', notify))).toMatch(/^conflict:.*not_pending/);
	});

	it('a proposal on an outdated version gets 409 with the current version, and is never applied silently', async () => {
		const created = await createInitiative(contextFor(app.database.db, null), input({ slug: 'concurrent' }));
		const first = await proposeChange(contextFor(app.database.db, partner), created.id, input({ status: 'completed' }), { baseVersion: 1 });
		const second = await proposeChange(contextFor(app.database.db, partner), created.id, input({ status: 'suspended' }), { baseVersion: 1 });
		await approveProposal(contextFor(app.database.db, moderator), first.id);
		// Proposing from version 1 now is refused.
		expect(await code(proposeChange(contextFor(app.database.db, partner), created.id, input(), { baseVersion: 1 }))).toBe(
			'conflict:{"reason":"stale_version","currentVersion":2}'
		);
		// The older pending proposal is refused at approval too, and stays pending.
		const review = await reviewProposal(contextFor(app.database.db, moderator), initiativeProposals, second.id);
		expect(review.stale).toBe(true);
		expect(review.fromCurrent?.map((change) => change.field)).toEqual(['status']);
		expect(await code(approveProposal(contextFor(app.database.db, moderator), second.id))).toBe('conflict:{"reason":"stale_version","currentVersion":2}');
		expect((await getInitiative(app.database.db, created.id)).status).toBe('completed');
		expect((await listProposals(contextFor(app.database.db, moderator))).items.find((item) => item.id === second.id)?.status).toBe('pending');
		// Edit then approve: the moderator reconciles against version 2.
		const edited = await approveProposal(contextFor(app.database.db, moderator), second.id, {
			edited: input({ status: 'suspended', communes: ['02.411.01.23', '02.113.01.09'], otherPlaces: 'Douar Laaouinate' }),
			expectedVersion: 2
		});
		expect(edited.initiative.version).toBe(3);
		const detail = await getInitiative(app.database.db, created.id);
		expect([detail.status, detail.communes.map((commune) => commune.name.fr), detail.otherPlaces]).toEqual(['suspended', ['Berkane', 'Oujda'], 'Douar Laaouinate']);
	});

	it('reject with a reason and request changes e-mail the proposer; a reason is required', async () => {
		const created = await createInitiative(contextFor(app.database.db, null), input({ slug: 'a-refuser' }));
		const one = await proposeChange(contextFor(app.database.db, partner), created.id, input({ status: 'planned' }), { baseVersion: 1 });
		const two = await proposeChange(contextFor(app.database.db, partner), created.id, input({ status: 'completed' }), { baseVersion: 1 });
		expect(await code(rejectProposal(contextFor(app.database.db, moderator), one.id, '  ', notify))).toMatch(/^invalid_input/);
		const before = (await app.outbox()).length;
		expect((await rejectProposal(contextFor(app.database.db, moderator), one.id, 'Source manquante', notify)).status).toBe('rejected');
		expect((await requestChanges(contextFor(app.database.db, moderator), two.id, 'Précisez les dates', notify)).status).toBe('changes_requested');
		const mails = (await app.outbox()).slice(before);
		expect(mails).toHaveLength(2);
		expect(mails[0]).toContain('Source manquante');
		expect(mails[1]).toContain('les dates');
		expect((await getInitiative(app.database.db, created.id)).version).toBe(1);
		const actions = await app.database.db
			.select({ action: auditEvent.action })
			.from(auditEvent)
			.where(inArray(auditEvent.resourceId, [one.id, two.id]));
		expect(actions.map((row) => row.action).sort()).toEqual([
			'initiative_proposal.create',
			'initiative_proposal.create',
			'initiative_proposal.reject',
			'initiative_proposal.request_changes'
		]);
	});

	it('a new initiative is a proposal for a partner, published at once for a moderator; members cannot propose', async () => {
		const proposal = await proposeNewInitiative(contextFor(app.database.db, partner), input({ title: { fr: 'Initiative nouvelle du partenaire' } }), {
			comment: 'Nouveau projet'
		});
		expect(proposal.initiative).toBeNull();
		expect(proposal.proposal?.initiativeId).toBeNull();
		const approved = await approveProposal(contextFor(app.database.db, moderator), proposal.proposal!.id);
		expect(approved.initiative.slug).toBe('initiative-nouvelle-du-partenaire');
		expect((await getInitiative(app.database.db, approved.initiative.slug)).versions[0].organisation).toBe('Expertise France');

		const direct = await proposeNewInitiative(contextFor(app.database.db, moderator), input({ title: { fr: 'Publiée par la modération' } }));
		expect(direct.initiative?.version).toBe(1);
		expect(await code(proposeNewInitiative(contextFor(app.database.db, member), input()))).toMatch(/^forbidden/);
		expect(await code(listProposals(contextFor(app.database.db, partner)))).toMatch(/^forbidden/);
		expect(await code(proposeNewInitiative(contextFor(app.database.db, partner), input({ organisations: [{ organisation: 'inconnue', role: 'funder' }] })))).toMatch(
			/^invalid_input/
		);
	});

	it('a moderator restores an old version as a new one', async () => {
		const created = await createInitiative(contextFor(app.database.db, null), input({ slug: 'a-restaurer' }));
		const proposal = await proposeChange(contextFor(app.database.db, partner), created.id, input({ status: 'suspended', themes: ['research_data'] }), { baseVersion: 1 });
		await approveProposal(contextFor(app.database.db, moderator), proposal.id);
		expect(await code(restoreVersion(contextFor(app.database.db, partner), created.id, 1))).toMatch(/^forbidden/);
		const restored = await restoreVersion(contextFor(app.database.db, moderator), created.id, 1, { comment: 'Version 1 restaurée' });
		expect(restored.version).toBe(3);
		const detail = await getInitiative(app.database.db, created.id);
		expect([detail.status, detail.themes]).toEqual(['ongoing', ['returnee_reintegration']]);
		const history = await listVersions(app.database.db, created.id);
		expect(history.versions[0]).toMatchObject({ number: 3, comment: 'Version 1 restaurée', organisation: 'Ministère délégué chargé des Marocains résidant à l’étranger' });
		expect(history.versions[0].changes.sort()).toEqual(['status', 'themes']);
		const [event] = await app.database.db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.resourceId, created.id), eq(auditEvent.action, 'initiative.restore_version')));
		expect(event.after).toMatchObject({ version: 3, restoredFrom: 1 });
	});

	it('staff and partners discuss an initiative privately; members cannot read it', async () => {
		await postMessage(contextFor(app.database.db, partner), 'maisons-emploi', 'Les chiffres de 2025 arrivent.');
		await postMessage(contextFor(app.database.db, moderator), 'maisons-emploi', 'Merci, nous attendons la source.');
		const thread = await listMessages(contextFor(app.database.db, moderator), 'maisons-emploi');
		expect(thread.map((entry) => [entry.body, entry.organisation])).toEqual([
			['Les chiffres de 2025 arrivent.', 'Expertise France'],
			['Merci, nous attendons la source.', 'Ministère délégué chargé des Marocains résidant à l’étranger']
		]);
		expect(await code(listMessages(contextFor(app.database.db, member), 'maisons-emploi'))).toMatch(/^forbidden/);
		expect(await code(postMessage(contextFor(app.database.db, partner), 'maisons-emploi', ' '))).toMatch(/^invalid_input/);
	});

	it('an initiative removed takes its proposals and its discussion with it', async () => {
		const sample = await createInitiative(contextFor(app.database.db, null), input({ slug: 'exemple-a-retirer' }));
		await app.database.db.update(initiative).set({ isSample: true }).where(eq(initiative.id, sample.id));
		const proposal = await proposeChange(contextFor(app.database.db, partner), sample.id, input({ status: 'completed' }), { baseVersion: 1 });
		await postMessage(contextFor(app.database.db, partner), sample.id, 'Est-ce un exemple ?');

		await removeSampleInitiatives(contextFor(app.database.db, moderator));
		expect(await code(getOwnProposal(contextFor(app.database.db, partner), proposal.id))).toMatch(/^not_found/);
		const proposals = await listProposals(contextFor(app.database.db, moderator), { status: 'all', pageSize: 100 });
		expect(proposals.items.map((item) => item.id)).not.toContain(proposal.id);
		const [{ messages }] = await app.database.db.select({ messages: count() }).from(moderationMessage).where(eq(moderationMessage.subjectId, sample.id));
		expect(messages).toBe(0);
	});
});

describe('freshness', () => {
	const now = new Date('2026-11-24T10:00:00Z');

	it('lists initiatives not verified for 12 months, scores organisations, and e-mails their members', async () => {
		const [ngo] = await app.database.db.insert(organisation).values({ slug: 'ong-fraicheur', name: 'ONG Fraîcheur', type: 'ngo' }).returning();
		const ngoPartner = (await aPerson(app.database.db, { email: 'ngo@test.ma', role: 'partner', organisationSlugs: ['ong-fraicheur'] })).actor;
		const fresh = await createInitiative(contextFor(app.database.db, null), input({
			slug: 'ef-fraiche',
			lastVerifiedOn: '2026-06-01',
			organisations: [{ organisation: 'ong-fraicheur', role: 'implementer' }],
			summary: { fr: 'Résumé' },
			contact: 'contact@example.ma'
		}));
		const stale = await createInitiative(contextFor(app.database.db, null), input({
			slug: 'ef-ancienne',
			title: { fr: 'Ancienne initiative d’Expertise France' },
			lastVerifiedOn: '2025-01-01',
			organisations: [{ organisation: 'ong-fraicheur', role: 'implementer' }, { organisation: 'ong-fraicheur', role: 'funder' }]
		}));
		const list = await listStaleInitiatives(contextFor(app.database.db, moderator, { now: () => now }), { pageSize: 500 });
		const slugs = list.items.map((item) => item.slug);
		expect(slugs).toContain('ef-ancienne');
		expect(slugs).not.toContain('ef-fraiche');
		expect(list.cutoff).toBe('2025-11-24');

		const score = await organisationScores(app.database.db, ngo.id, now);
		expect(score.initiatives).toBe(2);
		expect(score.verified).toBe(1);
		expect(score.freshness).toBe(0.5);
		// fresh: summary, themes, geography, last verified, contact = 5/9; stale: themes, geography, last verified = 3/9
		expect(score.completeness).toBeCloseTo((5 / 9 + 3 / 9) / 2, 3);
		expect((await listOrganisationScores(contextFor(app.database.db, moderator, { now: () => now }))).find((row) => row.slug === 'ong-fraicheur')?.freshness).toBe(0.5);
		expect(await code(listStaleInitiatives(contextFor(app.database.db, partner)))).toMatch(/^forbidden/);

		const before = (await app.outbox()).length;
		const result = await sendStaleReminders(createContext({ db: app.database.db, actor: null, audit: systemContext('cli'), now: () => now }), notify);
		expect(result.emails).toBeGreaterThanOrEqual(1);
		const mails = (await app.outbox()).slice(before);
		const toPartner = mails.filter((mail) => mail.includes(ngoPartner.userId) || mail.includes('ngo@test.ma'));
		expect(toPartner).toHaveLength(1);
		expect(readMail(toPartner[0]).text).toContain('https://sharaka.test/fr/atlas/organisations/ong-fraicheur');
		expect(mails.some((mail) => mail.includes('member@test.ma'))).toBe(false);
		const [event] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'atlas.stale_reminders'));
		expect(event.after).toMatchObject({ cutoff: '2025-11-24', emails: result.emails });
		await app.database.db.delete(initiative).where(inArray(initiative.id, [fresh.id, stale.id]));
	});
});
