import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import { apiEvent } from '../../../platform/testing/api-event.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { createDirectoryEntry, getDirectoryEntry, updateDirectoryEntry } from '../../../platform/directory/directory.service.ts';
import { directoryEntryVersion } from '../../../platform/directory/directory.table.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { approveProposal, rejectProposal, requestChanges, reviewProposal } from '../../../platform/moderation/moderation.service.ts';
import type { Mailer, MailMessage } from '../../../platform/mail/mailer.ts';
import type { App } from '../../../platform/app.ts';
import { talentsSpace } from '../my-space.ts';
import { POST as proposeApi, GET as mineApi } from '../routes/api/v1/talents/directories/proposals/+server.ts';
import { POST as decisionApi } from '../routes/api/v1/talents/directories/proposals/[id]/decision/+server.ts';
import { getAssociation, HouseForm, houses, listAssociations, listHouses, NETWORK_LINK } from './directories.ts';
import {
	describeDirectoryChanges,
	directoryProposals,
	DIRECTORY_PROPOSALS,
	myDirectoryProposals,
	proposeDirectoryCorrection,
	proposeDirectoryEntry,
	withdrawMyDirectoryProposal
} from './directory-proposals.ts';

let app: TestApp;
let moderator: Person;
let member: Person;
let arabicMember: Person;
let clerk: Person;
let council: { id: string };
let lyon: { id: string };
let houseId: string;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
const sent: MailMessage[] = [];
const mailer: Mailer = { send: async (message) => void sent.push(message) };
const notify = { mailer, publicUrl: 'https://sharaka.test' };
const mailsTo = (person: Person) => sent.filter((message) => message.to === person.email);

/** The house's fields as the correction form sends them (texts per language, boxes ticked as lists). */
const houseFields = (over: Record<string, unknown> = {}) => ({
	organisationId: council.id,
	name_fr: 'Maison des Marocains du monde de l’Oriental',
	name_ar: 'دار مغاربة العالم بجهة الشرق',
	description_fr: 'Accueil et orientation des Marocains du monde.',
	services: ['information', 'investment'],
	regions: ['MA-02'],
	city: 'Oujda',
	address: '1, avenue Mohammed V',
	phone: '+212 5 36 00 00 00',
	email: 'maison@example.org',
	...over
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	[council] = await db.insert(organisation).values({ slug: 'conseil-oriental-test', name: 'Conseil régional test', type: 'local_authority', country: 'MA' }).returning({ id: organisation.id });
	[lyon] = await db.insert(organisation).values({ slug: 'asso-lyon-proposals', name: 'Association Lyon propositions', type: 'diaspora_association', country: 'FR' }).returning({ id: organisation.id });
	moderator = await aPerson(db, { role: 'moderator' });
	member = await aPerson(db, { name: 'Samira Proposante' });
	arabicMember = await aPerson(db, { locale: 'ar' });
	// a partner of the council: keeps its house directly, but its proposals wait like anyone's
	clerk = await aPerson(db, { role: 'partner', organisationIds: [council.id] });
	houseId = (await createDirectoryEntry(contextFor(db, moderator), houses, HouseForm.parse(houseFields()))).id;
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

const proposalsOf = async (status?: string) =>
	(await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.collection, DIRECTORY_PROPOSALS))).filter((row) => !status || row.status === status);
const auditActions = async (id: string) =>
	(await app.database.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.resourceId, id))).map((event) => event.action).sort();

describe('proposals to the directories of the diaspora', () => {
	it('an anonymous visitor may not propose; bad input is refused field by field and nothing is saved', async () => {
		const db = app.database.db;
		expect(await refusalOf(proposeDirectoryEntry(contextFor(db, null), { kind: 'house', ...houseFields() }))).toBe('unauthenticated');
		expect(await refusalWithReason(proposeDirectoryEntry(contextFor(db, member), { kind: 'house', organisationId: '', name_fr: '', description_fr: '', services: ['teleportation'], regions: [], phone: 'call me', website: 'ftp://x' }))).toBe(
			'invalid_input:phone,website,name_fr,description_fr,services,organisationId,regions'
		);
		// an association run by an organisation that is not an association; a network that does not exist
		expect(await refusalWithReason(proposeDirectoryEntry(contextFor(db, member), { kind: 'association', organisationId: council.id, name_fr: 'Asso', description_fr: 'Texte', services: ['culture'], links: [`${NETWORK_LINK}:nowhere`] }))).toBe(
			'invalid_input:organisationId,links'
		);
		// a new association needs its host country
		expect(await refusalWithReason(proposeDirectoryEntry(contextFor(db, member), { kind: 'association', newOrganisationName: 'Pont Montréal–Maroc', name_fr: 'Pont', description_fr: 'Texte', services: ['culture'] }))).toBe(
			'invalid_input:newOrganisationCountry'
		);
		expect(await proposalsOf()).toEqual([]);
	});

	it('a member’s correction waits for a moderator, who publishes it as the next version credited to the proposer; both are told by e-mail', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, member, { mailer, publicUrl: 'https://sharaka.test' });
		const changed = houseFields({ address: '12, boulevard Zerktouni', openingHours_fr: 'Du lundi au vendredi, 8 h 30 – 16 h 30', services: ['information', 'investment', 'return'] });
		const proposal = await proposeDirectoryCorrection(ctx, houseId, changed, { baseVersion: 1, comment: 'J’y travaille : nouvelle adresse depuis mars.', notify });
		expect(proposal.status).toBe('pending');
		// nothing is published yet
		expect((await getDirectoryEntry(db, houses, houseId)).entry).toMatchObject({ address: '1, avenue Mohammed V', version: 1 });
		expect(mailsTo(moderator).at(-1)?.subject).toContain('Maison des Marocains du monde de l’Oriental');
		expect((await myDirectoryProposals(ctx)).waiting.map((entry) => [entry.id, entry.status, entry.baseVersion])).toEqual([[proposal.id, 'pending', 1]]);
		// the moderator's space counts it; the proposer's lists it
		expect((await talentsSpace(contextFor(db, moderator))).find((link) => link.path === '/talents/directories/moderation')?.waiting?.count).toBe(1);
		expect((await talentsSpace(ctx)).find((link) => link.path === '/talents/directories/proposals')?.waiting?.count).toBe(1);

		// the review names what changes, in the page's language, never as codes
		const review = await reviewProposal(contextFor(db, moderator), directoryProposals, proposal.id);
		expect(review.fromBase.map((change) => change.field)).toEqual(['services', 'address', 'openingHours']);
		const described = await describeDirectoryChanges(db, 'ar', 'house', review.fromBase);
		expect(described.find((change) => change.field === 'services')?.after).toContain('العودة وإعادة الإدماج');
		expect(review.proposal.proposer).toBe('Samira Proposante');

		const approved = await approveProposal(contextFor(db, moderator), directoryProposals, proposal.id, { notify });
		expect(approved.published).toMatchObject({ id: houseId, version: 2 });
		const entry = (await getDirectoryEntry(db, houses, houseId)).entry;
		expect(entry).toMatchObject({ address: '12, boulevard Zerktouni', openingHours: { fr: 'Du lundi au vendredi, 8 h 30 – 16 h 30' }, version: 2 });
		const [version] = await db.select().from(directoryEntryVersion).where(and(eq(directoryEntryVersion.entryId, houseId), eq(directoryEntryVersion.number, 2)));
		expect(version).toMatchObject({ authorUserId: member.actor.userId, comment: 'J’y travaille : nouvelle adresse depuis mars.' });
		expect(await auditActions(proposal.id)).toEqual(['talent_directory_proposal.approve', 'talent_directory_proposal.create']);
		expect(await auditActions(houseId)).toContain('talent_house.update');
		expect(mailsTo(member).at(-1)?.subject).toContain('Votre proposition est publiée');
		// the proposer's own name and address are nowhere in the published entry
		const published = JSON.stringify((await listHouses(db, {}, 'fr')).items);
		expect(published).not.toContain('Samira');
		expect(published).not.toContain(member.email);
	});

	it('a proposal sent back is taken up again by its proposer; a refusal needs a reason; the proposer is told in their language', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, arabicMember);
		const first = await proposeDirectoryCorrection(ctx, houseId, houseFields({ phone: '+212 5 36 11 11 11' }), { baseVersion: 2, notify });
		await requestChanges(contextFor(db, moderator), directoryProposals, first.id, 'Quelle est la source de ce numéro ?', notify);
		expect(mailsTo(arabicMember).at(-1)?.subject).toContain('اقتراحكم يحتاج إلى استكمال');
		expect(mailsTo(arabicMember).at(-1)?.text).toContain('Quelle est la source de ce numéro');
		expect((await myDirectoryProposals(ctx)).waiting.map((entry) => [entry.status, entry.reviewReason])).toEqual([['changes_requested', 'Quelle est la source de ce numéro ?']]);
		// taken up again: a new proposal, the one sent back withdrawn
		const second = await proposeDirectoryCorrection(ctx, houseId, houseFields({ phone: '+212 5 36 11 11 11' }), { baseVersion: 2, comment: 'Le standard de la maison.', notify });
		await withdrawMyDirectoryProposal(ctx, first.id);
		expect(await refusalWithReason(rejectProposal(contextFor(db, moderator), directoryProposals, second.id, '  ', notify))).toBe('invalid_input:reason');
		await rejectProposal(contextFor(db, moderator), directoryProposals, second.id, 'Ce numéro est celui du conseil, pas de la maison.', notify);
		expect(mailsTo(arabicMember).at(-1)?.subject).toContain('لم يُنشر اقتراحكم');
		expect((await getDirectoryEntry(db, houses, houseId)).entry.phone).toBe('+212 5 36 00 00 00');
		const mine = await myDirectoryProposals(ctx);
		expect(mine.waiting).toEqual([]);
		expect(mine.decided.map((entry) => entry.status).sort()).toEqual(['rejected', 'withdrawn']);
	});

	it('a partner or a member cannot publish directly: their proposals wait, and they may neither approve them nor edit another organisation’s entry', async () => {
		const db = app.database.db;
		const other = await aPerson(db, { role: 'partner', organisationIds: [lyon.id] });
		const result = await proposeDirectoryEntry(contextFor(db, other), { kind: 'desk', ...houseFields({ name_fr: 'Guichet MRE de Nador', name_ar: '', city: 'Nador' }) }, { notify });
		expect(result).toMatchObject({ published: null, proposal: { status: 'pending' } });
		expect((await listHouses(db, { kind: 'desk' }, 'fr')).total).toBe(0);
		expect(await refusalOf(approveProposal(contextFor(db, other), directoryProposals, result.proposal!.id))).toBe('forbidden');
		expect(await refusalOf(approveProposal(contextFor(db, member), directoryProposals, result.proposal!.id))).toBe('forbidden');
		expect(await refusalOf(updateDirectoryEntry(contextFor(db, other), houses, houseId, HouseForm.parse(houseFields({ city: 'Berkane' }))))).toBe('forbidden');
		expect(await refusalOf(createDirectoryEntry(contextFor(db, member), houses, HouseForm.parse(houseFields())))).toBe('forbidden');
		// the council's own partner proposes too: it waits like anyone's
		const fromCouncil = await proposeDirectoryCorrection(contextFor(db, clerk), houseId, houseFields({ city: 'Oujda-Angad' }), { baseVersion: 2, notify });
		expect(fromCouncil.status).toBe('pending');
		// a moderator's own proposal is published at once
		const own = await proposeDirectoryEntry(contextFor(db, moderator), { kind: 'desk', ...houseFields({ name_fr: 'Guichet MRE du CRI de l’Oriental', name_ar: '' }) });
		expect(own.published).toMatchObject({ version: 1 });
		expect((await listHouses(db, { kind: 'desk' }, 'fr')).total).toBe(1);
	});

	it('a correction made on a version that is no longer current is refused, and cannot be approved once the entry changed', async () => {
		const db = app.database.db;
		const current = (await getDirectoryEntry(db, houses, houseId)).entry.version;
		expect(await refusalWithReason(proposeDirectoryCorrection(contextFor(db, member), houseId, houseFields(), { baseVersion: current - 1 }))).toBe('conflict:stale_version');
		const waiting = await proposeDirectoryCorrection(contextFor(db, member), houseId, houseFields({ website: 'https://maison-oriental.example.ma' }), { baseVersion: current });
		await updateDirectoryEntry(contextFor(db, moderator), houses, houseId, HouseForm.parse(houseFields({ email: 'accueil@example.org' })));
		expect((await reviewProposal(contextFor(db, moderator), directoryProposals, waiting.id)).stale).toBe(true);
		expect(await refusalWithReason(approveProposal(contextFor(db, moderator), directoryProposals, waiting.id))).toBe('conflict:stale_version');
		expect((await getDirectoryEntry(db, houses, houseId)).entry.website).toBeNull();
	});

	it('a new association not in the registry is created with its host country when its proposal is approved', async () => {
		const db = app.database.db;
		const proposed = await proposeDirectoryEntry(
			contextFor(db, member),
			{ kind: 'association', newOrganisationName: 'Pont Montréal–Maroc', newOrganisationCountry: 'ca', name_fr: 'Pont Montréal–Maroc', description_fr: 'Mentorat d’étudiants.', services: ['education', 'youth'], city: 'Montréal', links: [`${NETWORK_LINK}:maroc-entrepreneurs`] },
			{ notify }
		);
		expect(proposed.published).toBeNull();
		// the same name again is refused: it is in the registry once approved
		const approved = await approveProposal(contextFor(db, moderator), directoryProposals, proposed.proposal!.id, { notify });
		const { view } = await getAssociation(db, approved.published.id, 'fr');
		expect(view).toMatchObject({ country: 'CA', cities: ['Montréal'], services: ['education', 'youth'] });
		expect(view.networks.map((entry) => entry.slug)).toEqual(['maroc-entrepreneurs']);
		const [created] = await db.select().from(organisation).where(eq(organisation.name, 'Pont Montréal–Maroc'));
		expect(created).toMatchObject({ type: 'diaspora_association', country: 'CA', status: 'active' });
		expect(await refusalWithReason(proposeDirectoryEntry(contextFor(db, member), { kind: 'association', newOrganisationName: 'pont montréal–maroc', newOrganisationCountry: 'CA', name_fr: 'Pont', description_fr: 'Texte', services: ['culture'] }))).toBe(
			'invalid_input:newOrganisationName'
		);
		// a correction of an association keeps its organisation, whatever is sent
		const correction = await proposeDirectoryCorrection(
			contextFor(db, member),
			approved.published.id,
			{ organisationId: lyon.id, name_fr: 'Pont Montréal–Maroc', description_fr: 'Mentorat d’étudiants et de jeunes entrepreneurs.', services: ['education', 'youth'], city: 'Laval' },
			{ baseVersion: 1 }
		);
		await approveProposal(contextFor(db, moderator), directoryProposals, correction.id);
		expect((await getAssociation(db, approved.published.id, 'fr')).view).toMatchObject({ country: 'CA', cities: ['Laval'], networks: [], version: 2 });
		expect((await listAssociations(db, { country: 'FR' }, 'fr')).items.map((item) => item.id)).not.toContain(approved.published.id);
	});

	it('the API takes a proposal with a token and a moderator’s decision on it; another account may not decide', async () => {
		const db = app.database.db;
		const body = { kind: 'house', ...houseFields({ name_fr: 'Maison des Marocains du monde de Fès-Meknès', name_ar: '', regions: ['MA-03'], city: 'Fès' }), comment: 'Ouverte en 2024.' };
		const answer = await proposeApi(apiEvent(member, { method: 'POST', json: body }));
		expect(answer.status).toBe(201);
		const created = (await answer.json()) as { proposal: { id: string; status: string } };
		expect(created.proposal.status).toBe('pending');
		const refused = await proposeApi(apiEvent(member, { method: 'POST', json: { kind: 'house', name_fr: '' } }));
		expect(refused.status).toBe(400);
		expect(await refused.json()).toMatchObject({ error: { code: 'invalid_input', details: { fields: expect.arrayContaining([expect.objectContaining({ path: 'name_fr' })]) } } });
		expect((await decisionApi(apiEvent(member, { method: 'POST', json: { decision: 'approve' }, params: { id: created.proposal.id } }))).status).toBe(403);
		const decided = await decisionApi(apiEvent(moderator, { method: 'POST', json: { decision: 'approve' }, params: { id: created.proposal.id } }));
		expect(decided.status).toBe(200);
		expect(await decided.json()).toMatchObject({ proposal: { status: 'approved' }, published: { kind: 'house', version: 1 } });
		expect((await decisionApi(apiEvent(moderator, { method: 'POST', json: { decision: 'reject', reason: 'Trop tard' }, params: { id: created.proposal.id } }))).status).toBe(409);
		const mine = (await (await mineApi(apiEvent(member))).json()) as { decided: { id: string; status: string; entry: { path: string } | null }[] };
		expect(mine.decided.find((entry) => entry.id === created.proposal.id)).toMatchObject({ status: 'approved', entry: { path: expect.stringMatching(/^\/talents\/houses\/[0-9a-f-]{36}$/) } });
	});
});
