// The offer's own mobility counsellor (issue 10, item 6): a qualified offer handled by a counsellor gives them its
// candidates once shortlisted — by staff's move or the partner's decision — when nobody follows them yet, audited;
// a candidate someone follows keeps them; the offer form names only holders of a mobility grant (those who open the
// caseload), and a counsellor whose grant was withdrawn since is given nobody; the counsellor then sees them in their caseload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { addCandidates, createCampaign } from './campaigns.service.ts';
import { placementCandidate } from './campaigns.table.ts';
import { assignCandidate, listCaseload } from './mobility.service.ts';
import { placementCaseAssignment } from './mobility.table.ts';
import { moveCandidates } from './pipeline.service.ts';
import { counsellorChoices, createPlacementOffer } from './placement-offers.service.ts';
import { jobOffer } from '../job-offer.table.ts';
import type { AppError } from '../../../platform/http/app-error.ts';
import { recordDecision } from './shortlist.service.ts';

let app: TestApp;
let division: Actor;
let nadia: Actor;
let karim: Actor;
let recruiter: Person;
let people: Person[];
let nurses: string;
let nightShift: string;
let plain: Person;
let leaving: Actor;
let klinikumId: string;
const entry: Record<string, string> = {};
const grant = (role: string) => [{ module: 'jobs', role, organisationId: null, scope: null }];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function offer(organisationId: string, counsellorUserId: string, title: string) {
	return {
		title,
		description: 'Soins infirmiers en service hospitalier, équipe de jour, accompagnement à la reconnaissance du diplôme.',
		occupationCode: '2221',
		skills: ['soins'],
		hostCountry: 'DE',
		city: 'Stuttgart',
		organisationId,
		employerAbroad: 'Klinikum (test)',
		channel: 'individual',
		contractType: 'cdi',
		workingTime: 'full_time',
		hoursPerWeek: 39,
		salaryMin: 3200,
		salaryMax: 3800,
		salaryPeriod: 'month',
		salaryCurrency: 'EUR',
		languages: [{ language: 'de', level: 'B2' }],
		positions: 5,
		closingDate: day(60),
		costs: { recruitment: 'public', travel: 'employer', visa: 'employer', housing: 'worker' },
		noWorkerFees: 'yes',
		handlingUnit: 'counsellor',
		counsellorUserId,
		agencyShares: []
	};
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const withGrant = async (name: string, role: string) => {
		const person = (await aPerson(db, { role: 'counsellor', name })).actor;
		await db.insert(accessGrant).values({ userId: person.userId, module: 'jobs', role });
		return { ...person, grants: grant(role) };
	};
	division = await withGrant('Division', 'placement_division');
	nadia = await withGrant('Nadia Conseillère', 'placement_counsellor');
	karim = await withGrant('Karim Conseiller', 'placement_counsellor');
	// an agency counsellor without a mobility grant: no offer may name them (the caseload is not theirs)
	plain = await aPerson(db, { role: 'counsellor', name: 'Conseiller d’agence' });
	// a mobility counsellor named on an offer, whose grant is withdrawn afterwards
	leaving = await withGrant('Yasmine Conseillère', 'placement_counsellor');
	const [klinikum] = await db.insert(organisation).values({ slug: 'test-klinikum-offer', name: 'Klinikum (test)', type: 'employer', country: 'DE' }).returning();
	klinikumId = klinikum.id;
	recruiter = await aPerson(db, { role: 'partner', organisationIds: [klinikum.id] });
	people = [];
	for (let index = 0; index < 4; index++) people.push(await aPerson(db, { role: 'member', name: `Infirmière ${index}`, email: `offer-counsellor${index}@example.ma` }));
	const ctx = contextFor(db, division);
	const nursesOffer = await createPlacementOffer(ctx, offer(klinikum.id, nadia.userId, 'Infirmières à Stuttgart'));
	const nightShiftOffer = await createPlacementOffer(ctx, offer(klinikum.id, leaving.userId, 'Infirmiers de nuit à Stuttgart'));
	await db.delete(accessGrant).where(eq(accessGrant.userId, leaving.userId));
	nurses = (await createCampaign(ctx, { title: 'Infirmières Stuttgart', hostCountry: 'DE', hostRegion: 'Stuttgart', channel: 'individual', positions: 5, offerId: nursesOffer.id })).id;
	nightShift = (await createCampaign(ctx, { title: 'Infirmiers de nuit', hostCountry: 'DE', hostRegion: 'Stuttgart', channel: 'individual', positions: 5, offerId: nightShiftOffer.id })).id;
	await addCandidates(ctx, nurses, { agencyId: null, emails: people.slice(0, 3).map((p) => p.email) });
	await addCandidates(ctx, nightShift, { agencyId: null, emails: [people[3].email] });
	for (const row of await db.select({ id: placementCandidate.id, userId: placementCandidate.userId }).from(placementCandidate)) entry[row.userId] = row.id;
	// one of them is Karim's already
	await assignCandidate(ctx, people[1].actor.userId, { counsellorUserId: karim.userId });
	await moveCandidates(ctx, nurses, { candidateIds: people.slice(0, 3).map((p) => entry[p.actor.userId]), to: 'preselected' });
	await moveCandidates(ctx, nightShift, { candidateIds: [entry[people[3].actor.userId]], to: 'preselected' });
});
afterAll(() => app.close());

const counsellorOf = async (person: Person) =>
	(await app.database.db.select().from(placementCaseAssignment).where(eq(placementCaseAssignment.personUserId, person.actor.userId)))[0] ?? null;

describe('the offer’s own mobility counsellor', () => {
	it('follows the candidates staff shortlist when nobody does yet, audited; someone else’s keep their counsellor', async () => {
		await moveCandidates(contextFor(app.database.db, division), nurses, { candidateIds: [entry[people[0].actor.userId], entry[people[1].actor.userId]], to: 'shortlisted' });
		expect(await counsellorOf(people[0])).toMatchObject({ counsellorUserId: nadia.userId, way: 'offer', byUserId: null });
		expect(await counsellorOf(people[1])).toMatchObject({ counsellorUserId: karim.userId, way: 'division' });
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_case_assignment.assign'), eq(auditEvent.resourceId, people[0].actor.userId)));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actorUserId: division.userId, after: { counsellorId: nadia.userId, way: 'offer', campaignId: nurses } });
	});

	it('follows the one the partner shortlists; the offer’s counsellor then sees them in their caseload', async () => {
		await recordDecision(contextFor(app.database.db, recruiter), nurses, entry[people[2].actor.userId], { outcome: 'interview' });
		expect(await counsellorOf(people[2])).toMatchObject({ counsellorUserId: nadia.userId, way: 'offer' });
		const mine = await listCaseload(contextFor(app.database.db, nadia), {});
		expect(mine.items.map((item) => item.name).sort()).toEqual(['Infirmière 0', 'Infirmière 2']);
		expect(mine.items[0].way).toBe('offer');
	});

	it('offers only holders of a mobility grant in the offer form’s picker, and refuses anyone else on the field, nothing saved', async () => {
		const ctx = contextFor(app.database.db, division);
		const choices = await counsellorChoices(ctx);
		expect(choices.map((row) => row.name)).toEqual(['Division', 'Karim Conseiller', 'Nadia Conseillère']);
		const before = (await app.database.db.select().from(jobOffer)).length;
		const refused = await createPlacementOffer(ctx, offer(klinikumId, plain.actor.userId, 'Infirmiers de jour')).then(
			() => null,
			(failure: unknown) => failure as AppError
		);
		expect(refused?.fields).toEqual([{ path: 'counsellorUserId', messageKey: 'field_choice' }]);
		expect(await app.database.db.select().from(jobOffer)).toHaveLength(before);
	});

	it('gives nobody to a counsellor whose mobility grant was withdrawn, nor on a move to another stage', async () => {
		await moveCandidates(contextFor(app.database.db, division), nightShift, { candidateIds: [entry[people[3].actor.userId]], to: 'shortlisted' });
		expect(await counsellorOf(people[3])).toBeNull();
		await app.database.db.delete(placementCaseAssignment).where(eq(placementCaseAssignment.personUserId, people[0].actor.userId));
		await moveCandidates(contextFor(app.database.db, division), nurses, { candidateIds: [entry[people[0].actor.userId]], to: 'selected' });
		expect(await counsellorOf(people[0])).toBeNull();
	});
});
