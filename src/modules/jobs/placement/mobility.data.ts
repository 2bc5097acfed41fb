// Demo data of the mobility counsellors' caseload (issue 10, item 6): a sample campaign for the sample nursing
// offer in Germany (qualified channel) with four sample candidates at its first stages; three assigned to the
// demo counsellor (who holds the division's grant, and so is a mobility counsellor too), one left to take;
// their needs (German course, diploma recognition, documents), an appointment in three days and a private
// note. Badged "sample"; nothing is written when they are there.
import { and, asc, eq, like, notInArray } from 'drizzle-orm';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { caseAppointment, caseNeed, caseNote } from '../../../platform/casework/casework.table.ts';
import type { Db } from '../../../platform/db/database.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { jobOffer } from '../job-offer.table.ts';
import { SAMPLE_CANDIDATE_DOMAIN } from './campaigns.data.ts';
import { placementCampaign, placementCandidate } from './campaigns.table.ts';
import { placementFollowUp, DIVISION_TEAM_NAME } from './mobility.caseload.ts';
import { DIVISION_TEAM_ID } from './mobility.model.ts';
import { placementCaseAssignment } from './mobility.table.ts';
import { DEMO_DIVISION_EMAIL } from './placement.data.ts';

export const MOBILITY_CAMPAIGN_TITLE = 'Infirmières et infirmiers – hôpital universitaire de Stuttgart (exemple)';
const DAY = 86_400_000;

export async function loadMobilityDemoData(db: Db, now: Date = new Date()) {
	const [present] = await db.select({ id: placementCaseAssignment.personUserId }).from(placementCaseAssignment).where(eq(placementCaseAssignment.isSample, true)).limit(1);
	if (present) return;
	const [counsellor] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, DEMO_DIVISION_EMAIL));
	const [offer] = await db.select({ id: jobOffer.id }).from(jobOffer).where(and(eq(jobOffer.isSample, true), eq(jobOffer.hostCountry, 'DE'), eq(jobOffer.channel, 'individual')));
	if (!counsellor || !offer) return;
	// sample people not yet in an individual offer's campaign (the long-term programme's are)
	const taken = db.select({ id: placementCandidate.userId }).from(placementCandidate).innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId)).where(eq(placementCampaign.channel, 'individual'));
	const people = await db
		.select({ id: user.id })
		.from(user)
		.where(and(like(user.email, `%@${SAMPLE_CANDIDATE_DOMAIN}`), notInArray(user.id, taken)))
		.orderBy(asc(user.email))
		.limit(4);
	if (people.length < 4) return;
	const day = (days: number) => platformDay(new Date(now.getTime() + days * DAY));
	await db.transaction(async (tx) => {
		const [campaign] = await tx
			.insert(placementCampaign)
			.values({ title: MOBILITY_CAMPAIGN_TITLE, lang: 'fr', hostCountry: 'DE', hostRegion: 'Stuttgart', channel: 'individual', offerId: offer.id, positions: 12, isSample: true })
			.returning();
		const stages = ['interview', 'preselected', 'registered', 'registered'] as const;
		await tx.insert(placementCandidate).values(people.map((person, index) => ({ campaignId: campaign.id, userId: person.id, stage: stages[index], stageOn: index === 0 ? day(9) : null, isSample: true })));
		// three assigned by the division to the demo counsellor, the last one left to take
		await tx.insert(placementCaseAssignment).values(people.slice(0, 3).map((person) => ({ personUserId: person.id, counsellorUserId: counsellor.id, way: 'division' as const, byUserId: counsellor.id, assignedAt: new Date(now.getTime() - 10 * DAY), isSample: true })));
		const file = (personUserId: string) => ({ caseload: placementFollowUp.key, teamId: DIVISION_TEAM_ID, personUserId, isSample: true });
		const by = { byUserId: counsellor.id, byLabel: counsellor.name };
		await tx.insert(caseNeed).values([
			{ ...file(people[0].id), ...by, kind: 'language_course', status: 'in_progress' as const, dueOn: day(75), note: 'Allemand B1 acquis, cours B2 à l’institut Goethe de Rabat (exemple).' },
			{ ...file(people[0].id), ...by, kind: 'diploma_recognition', status: 'open' as const, dueOn: day(45), note: 'Dossier de reconnaissance (Anerkennung) à déposer auprès du Land (exemple).' },
			{ ...file(people[1].id), ...by, kind: 'documents', status: 'open' as const, dueOn: day(20), note: 'Extrait d’acte de naissance et diplôme traduits par un traducteur assermenté (exemple).' },
			{ ...file(people[1].id), ...by, kind: 'language_course', status: 'open' as const, dueOn: null, note: '' },
			{ ...file(people[2].id), ...by, kind: 'documents', status: 'done' as const, dueOn: day(-5), note: 'Passeport valide reçu (exemple).' }
		]);
		const at = new Date(`${day(3)}T09:00:00Z`);
		await tx.insert(caseAppointment).values({
			...file(people[0].id),
			staffUserId: counsellor.id,
			staffLabel: counsellor.name,
			startsAt: at,
			mode: 'video',
			purpose: 'Préparer l’entretien avec l’hôpital et le dossier de reconnaissance (exemple)',
			status: 'planned'
		});
		await tx.insert(caseNote).values({ ...file(people[0].id), authorUserId: counsellor.id, authorLabel: counsellor.name, body: `Candidate motivée ; le coût du cours B2 l’inquiète — voir les aides (exemple, ${DIVISION_TEAM_NAME}).` });
	});
}
