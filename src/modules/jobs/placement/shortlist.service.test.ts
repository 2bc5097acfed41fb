// Partners' shortlists (issue 10, item 5) against the database: pseudonymous cards until the candidate
// consents (per partner, revocable, audited), another partner refused without a trace of the campaign, the
// decision moving the candidate to "shortlisted by the partner", feedback for staff and the candidate,
// every view audited, export and erasure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { addCandidates, createCampaign } from './campaigns.service.ts';
import { placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { moveCandidates } from './pipeline.service.ts';
import { placementAgreement } from './placement.table.ts';
import { pseudonymOf } from './shortlist.model.ts';
import { eraseConsents, exportShortlists, myPartnerViews, partnerAccess, partnerCampaigns, partnerShortlist, partnerViewsForStaff, recordDecision, setIdentityConsent } from './shortlist.service.ts';

let app: TestApp;
let division: Actor;
let recruiter: Person;
let otherRecruiter: Person;
let member: Person;
let people: Person[];
let partnerId: string;
let otherPartnerId: string;
let campaignId: string;
let otherCampaignId: string;
let ids: string[];

async function refusal(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return failure as AppError;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const [rabat] = await db.select({ id: agency.id }).from(agency).where(eq(agency.regionCode, 'MA-04')).orderBy(asc(agency.name)).limit(1);
	const orgs = await db
		.insert(organisation)
		.values([
			{ slug: 'test-empleo-huelva', name: 'Agencia de empleo (test)', type: 'employer', country: 'ES' },
			{ slug: 'test-klinikum', name: 'Klinikum (test)', type: 'employer', country: 'DE' }
		])
		.returning();
	[partnerId, otherPartnerId] = orgs.map((row) => row.id);
	const agreements = await db
		.insert(placementAgreement)
		.values([
			{ organisationId: partnerId, partnerName: 'Agencia', sector: 'private', hostCountry: 'ES', title: 'Accord saisonnier', status: 'active' },
			{ organisationId: otherPartnerId, partnerName: 'Klinikum', sector: 'private', hostCountry: 'DE', title: 'Programme infirmier', status: 'active' }
		])
		.returning();
	const person = (await aPerson(db, { role: 'member' })).actor;
	division = { ...person, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	recruiter = await aPerson(db, { role: 'partner', organisationIds: [partnerId] });
	otherRecruiter = await aPerson(db, { role: 'partner', organisationIds: [otherPartnerId] });
	member = await aPerson(db, { role: 'member' });
	people = [];
	for (let index = 0; index < 4; index++) people.push(await aPerson(db, { role: 'member', locale: index === 0 ? 'ar' : 'fr', email: `shortlist${index}@example.ma`, name: `Candidate Réelle ${index}` }));
	await db.insert(seekerProfile).values({ userId: people[0].actor.userId, nationality: 'MA', residenceStatus: 'moroccan', occupationCodes: ['9211'], languages: [{ language: 'es', level: 'A2' }, { language: 'ar', level: 'C2' }], experienceYears: 3 });
	const ctx = contextFor(db, division, { language: 'fr' });
	const campaign = await createCampaign(ctx, { title: 'Fraises Huelva', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 50, seasonStartsOn: '2027-03-01', seasonEndsOn: '2027-06-30', agreementId: agreements[0].id, quotas: [{ agencyId: rabat.id, positions: 50 }] });
	campaignId = campaign.id;
	const other = await createCampaign(ctx, { title: 'Infirmiers', hostCountry: 'DE', hostRegion: 'Stuttgart', channel: 'individual', positions: 5, agreementId: agreements[1].id, quotas: [] });
	otherCampaignId = other.id;
	await addCandidates(ctx, campaignId, { agencyId: rabat.id, emails: people.map((p) => p.email) });
	await addCandidates(ctx, otherCampaignId, { agencyId: null, emails: [people[0].email] });
	const rows = await db.select({ id: placementCandidate.id, userId: placementCandidate.userId }).from(placementCandidate).where(eq(placementCandidate.campaignId, campaignId));
	ids = people.map((p) => rows.find((row) => row.userId === p.actor.userId)!.id);
	// three preselected by the agency; the fourth still registered (not for the partner's eyes yet)
	await moveCandidates(ctx, campaignId, { candidateIds: ids.slice(0, 3), to: 'preselected' });
});
afterAll(() => app.close());

describe('the partner’s shortlist', () => {
	it('lists the partner’s campaigns only, with the candidates waiting for its decision', async () => {
		const mine = await partnerCampaigns(contextFor(app.database.db, recruiter));
		expect(mine.map((row) => row.campaign.id)).toEqual([campaignId]);
		expect(mine[0]).toMatchObject({ candidates: 3, pending: 3, partner: { id: partnerId } });
		expect((await partnerCampaigns(contextFor(app.database.db, otherRecruiter))).map((row) => row.campaign.id)).toEqual([otherCampaignId]);
	});

	it('shows pseudonymous cards: occupation, languages with CEFR, experience and region, never the name or e-mail', async () => {
		const ctx = contextFor(app.database.db, recruiter, { language: 'fr' });
		const { cards } = await partnerShortlist(ctx, await partnerAccess(ctx, campaignId), {});
		expect(cards).toHaveLength(3);
		const first = cards.find((card) => card.id === ids[0])!;
		expect(first).toMatchObject({ identified: false, name: null, email: null, experienceYears: 3, languages: [{ language: 'es', level: 'A2' }, { language: 'ar', level: 'C2' }], region: { code: 'MA-04' } });
		expect(first.pseudonym).toMatch(/^[2-9A-Z]{6}$/);
		expect(first.pseudonym).toBe(pseudonymOf(ids[0], partnerId));
		expect(first.pseudonym).not.toBe(pseudonymOf(ids[0], otherPartnerId));
		expect(first.occupations[0].code).toBe('9211');
		expect(JSON.stringify(cards)).not.toContain('Réelle');
		expect(JSON.stringify(cards)).not.toContain('example.ma');
		// every view is audited: which cards, which identified
		const [read] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_shortlist.read'), eq(auditEvent.actorUserId, recruiter.actor.userId)));
		expect((read.after as { candidateIds: string[] }).candidateIds.sort()).toEqual(ids.slice(0, 3).sort());
	});

	it('refuses another partner’s shortlist, people not members of a partner and unknown campaigns as not found; nothing leaks', async () => {
		for (const who of [otherRecruiter, member]) {
			const ctx = contextFor(app.database.db, who.actor.role === 'partner' ? who : { ...who.actor, role: 'partner' });
			expect((await refusal(partnerAccess(ctx, campaignId))).code).toBe('not_found');
			expect((await refusal(recordDecision(ctx, campaignId, ids[0], { outcome: 'shortlisted' }))).code).toBe('not_found');
		}
		expect((await refusal(partnerAccess(contextFor(app.database.db, member), campaignId))).code).toBe('forbidden');
		expect((await refusal(partnerAccess(contextFor(app.database.db, recruiter), '00000000-0000-0000-0000-000000000000'))).code).toBe('not_found');
		// a candidate of the campaign not yet preselected is out of the partner's reach
		expect((await refusal(recordDecision(contextFor(app.database.db, recruiter), campaignId, ids[3], { outcome: 'shortlisted' }))).code).toBe('not_found');
		// the other partner's campaign's candidate through this campaign's address: not found
		const [otherEntry] = await app.database.db.select({ id: placementCandidate.id }).from(placementCandidate).where(eq(placementCandidate.campaignId, otherCampaignId));
		expect((await refusal(recordDecision(contextFor(app.database.db, recruiter), campaignId, otherEntry.id, { outcome: 'shortlisted' }))).code).toBe('not_found');
	});

	it('records a decision: shortlisting moves the candidate to the partner’s shortlist; “not selected” needs a feedback', async () => {
		const ctx = contextFor(app.database.db, recruiter, { language: 'fr' });
		const missing = await refusal(recordDecision(ctx, campaignId, ids[1], { outcome: 'not_selected', feedback: '  ' }));
		expect(missing.fields.map((field) => field.path)).toEqual(['feedback']);
		const bad = await refusal(recordDecision(ctx, campaignId, ids[1], { outcome: 'hired' }));
		expect(bad.fields.map((field) => field.path)).toEqual(['outcome']);
		const done = await recordDecision(ctx, campaignId, ids[0], { outcome: 'shortlisted', feedback: 'Buen perfil, disponible toda la temporada.', feedbackLang: 'es' });
		expect(done.stage).toBe('shortlisted');
		const [row] = await app.database.db.select().from(placementCandidate).where(eq(placementCandidate.id, ids[0]));
		expect(row.stage).toBe('shortlisted');
		const moves = await app.database.db.select().from(placementCandidateMove).where(eq(placementCandidateMove.candidateId, ids[0]));
		expect(moves.at(-1)).toMatchObject({ fromStage: 'preselected', toStage: 'shortlisted', byUserId: recruiter.actor.userId });
		const notSelected = await recordDecision(ctx, campaignId, ids[1], { outcome: 'not_selected', feedback: 'Un niveau A2 d’espagnol aiderait.' });
		expect(notSelected).toMatchObject({ stage: 'preselected', feedbackLang: 'fr' });
		const audits = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'placement_partner.decide'));
		expect(audits).toHaveLength(2);
		const pending = await partnerShortlist(ctx, await partnerAccess(ctx, campaignId), { show: 'pending' });
		expect(pending.cards.map((card) => card.id)).toEqual([ids[2]]);
	});

	it('tells the candidate by e-mail, in their language, what the partner decided and its feedback; not again for the same decision', async () => {
		const sent: MailMessage[] = [];
		const mailer = { send: async (message: MailMessage) => void sent.push(message) };
		const ctx = contextFor(app.database.db, recruiter, { language: 'fr', mailer, publicUrl: 'https://sharaka.example' });
		// people[0] reads Arabic: the partner writes in Spanish, the e-mail is in Arabic with the feedback as written
		const done = await recordDecision(ctx, campaignId, ids[0], { outcome: 'interview', feedback: 'Entrevista por vídeo la semana próxima.', feedbackLang: 'es' });
		expect(done.announced).toBe(true);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ to: 'shortlist0@example.ma', language: 'ar' });
		expect(sent[0].subject).toContain('Fraises Huelva');
		expect(sent[0].text).toContain('يرغب Agencia de empleo (test) في أن تجتازوا اختبارًا أو مقابلة.');
		expect(sent[0].text).toContain('«Entrevista por vídeo la semana próxima.»');
		expect(sent[0].text).toContain('https://sharaka.example/ar/jobs/placement/mine');
		// the same decision again: nothing new to tell
		expect((await recordDecision(ctx, campaignId, ids[0], { outcome: 'interview', feedback: 'Entrevista por vídeo la semana próxima.', feedbackLang: 'es' })).announced).toBe(false);
		// people[2] reads French: a decision without feedback says what comes next
		await recordDecision(ctx, campaignId, ids[2], { outcome: 'shortlisted' });
		expect(sent).toHaveLength(2);
		expect(sent[1]).toMatchObject({ to: 'shortlist2@example.ma', language: 'fr' });
		expect(sent[1].text).toContain('Agencia de empleo (test) a retenu votre candidature sur sa liste restreinte.');
		expect(sent[1].text).not.toContain('Ce que le partenaire vous dit');
	});

	it('shows the feedback to staff and, with the partner’s name, to the candidate', async () => {
		const [entry] = await app.database.db.select().from(placementCandidate).where(eq(placementCandidate.id, ids[1]));
		const staff = await partnerViewsForStaff(app.database.db, { id: entry.id, userId: entry.userId, campaign: { id: campaignId, agreementId: (await agreementOf(campaignId)) ?? null, offerId: null } });
		expect(staff).toEqual([expect.objectContaining({ partner: expect.objectContaining({ id: partnerId }), decision: expect.objectContaining({ outcome: 'not_selected', feedback: 'Un niveau A2 d’espagnol aiderait.' }), sharing: false })]);
		const views = await myPartnerViews(contextFor(app.database.db, people[1]));
		expect(views.get(ids[1])![0].decision).toMatchObject({ outcome: 'not_selected', feedbackLang: 'fr' });
		// nobody else's: a person sees only their own entries
		expect((await myPartnerViews(contextFor(app.database.db, member))).size).toBe(0);
	});
});

async function agreementOf(id: string) {
	const { placementCampaign } = await import('./campaigns.table.ts');
	const [row] = await app.database.db.select({ agreementId: placementCampaign.agreementId }).from(placementCampaign).where(eq(placementCampaign.id, id));
	return row.agreementId;
}

describe('consent to share one’s identity with a partner', () => {
	it('is asked per partner: given, the partner sees the name and e-mail; withdrawn, the pseudonym again — each audited', async () => {
		const candidate = contextFor(app.database.db, people[0]);
		const partnerCtx = contextFor(app.database.db, recruiter, { language: 'fr' });
		const card = async () => (await partnerShortlist(partnerCtx, await partnerAccess(partnerCtx, campaignId), {})).cards.find((entry) => entry.id === ids[0])!;
		// a partner of no campaign of theirs is refused on the field
		const refused = await refusal(setIdentityConsent(contextFor(app.database.db, people[1]), { organisationId: otherPartnerId, share: 'yes' }));
		expect(refused.fields.map((field) => field.path)).toEqual(['organisationId']);
		expect(await setIdentityConsent(candidate, { organisationId: partnerId, share: 'yes' })).toMatchObject({ sharing: true, changed: true });
		expect(await card()).toMatchObject({ identified: true, name: 'Candidate Réelle 0', email: 'shortlist0@example.ma' });
		// the other partner (of the other campaign she is in) still sees nobody's name
		const otherCtx = contextFor(app.database.db, otherRecruiter);
		const otherCards = (await partnerShortlist(otherCtx, await partnerAccess(otherCtx, otherCampaignId), {})).cards;
		expect(otherCards.every((entry) => entry.name === null)).toBe(true);
		const [read] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'placement_shortlist.read')).orderBy(asc(auditEvent.id));
		expect(read).toBeDefined();
		expect(await setIdentityConsent(candidate, { organisationId: partnerId, share: 'no' })).toMatchObject({ sharing: false, changed: true });
		expect(await card()).toMatchObject({ identified: false, name: null, email: null });
		const consents = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, partnerId)).orderBy(asc(auditEvent.id));
		expect(consents.map((row) => row.action)).toEqual(['placement_consent.give', 'placement_consent.withdraw']);
		const views = await myPartnerViews(candidate);
		expect(views.get(ids[0])![0]).toMatchObject({ sharing: false, consent: { revokedAt: expect.any(String) } });
	});

	it('is in the person’s export and goes with the account', async () => {
		await setIdentityConsent(contextFor(app.database.db, people[0]), { organisationId: partnerId, share: 'yes' });
		const exported = await exportShortlists(app.database.db, people[0].actor.userId);
		expect(exported.placementIdentityConsents).toEqual([expect.objectContaining({ organisationId: partnerId, revokedAt: null })]);
		expect(exported.placementPartnerDecisions).toEqual([expect.objectContaining({ outcome: 'interview', feedbackLang: 'es' })]);
		expect(await eraseConsents(app.database.db, people[0].actor.userId)).toBe(1);
		expect((await exportShortlists(app.database.db, people[0].actor.userId)).placementIdentityConsents).toEqual([]);
	});
});
