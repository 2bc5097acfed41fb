// Demo data of pre-departure preparation and circular migration (issue 10, items 7–8): the sample
// pre-departure pages (Spain, Germany), and two sample orientation sessions for Spain held by the first
// agency of the sample campaign — one ahead (candidates of the Huelva sample campaign may register; two
// sample candidates at "visa granted" are), one a week ago with attendance recorded; circular migration:
// the returns of the sample campaign's returned workers with the staff's re-hire decision, the next season's
// sample campaign inviting those eligible, and a small sample long-term programme (nurses in Germany) with
// its 3-month follow-ups. Badged "sample"; nothing is written when they are there.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { SAMPLE_CAMPAIGN_TITLE } from './campaigns.data.ts';
import { placementFollowUp, placementInvitation, placementOrientationRegistration, placementOrientationSession, placementReturn } from './departure.table.ts';
import { loadPredepartureSamples } from './predeparture-pages.ts';

const DAY = 86_400_000;

export async function loadDepartureDemoData(db: Db, now: Date = new Date()) {
	await loadPredepartureSamples(db);
	const [present] = await db.select({ id: placementOrientationSession.id }).from(placementOrientationSession).where(eq(placementOrientationSession.isSample, true)).limit(1);
	if (present) return;
	const [campaign] = await db.select({ id: placementCampaign.id }).from(placementCampaign).where(and(eq(placementCampaign.isSample, true), eq(placementCampaign.title, SAMPLE_CAMPAIGN_TITLE)));
	if (!campaign) return;
	const [quota] = await db.select({ agencyId: placementCampaignQuota.agencyId }).from(placementCampaignQuota).where(eq(placementCampaignQuota.campaignId, campaign.id)).orderBy(asc(placementCampaignQuota.agencyId)).limit(1);
	if (!quota) return;
	// 10:00 Morocco time, ten days ahead and seven days ago
	const at = (days: number) => new Date(`${platformDay(new Date(now.getTime() + days * DAY))}T09:00:00Z`);
	const [ahead, held] = await db
		.insert(placementOrientationSession)
		.values([
			{ agencyId: quota.agencyId, hostCountry: 'ES', startsAt: at(10), place: 'Agence ANAPEC — salle de formation (exemple)', capacity: 30, language: 'ar', waitingList: true, isSample: true },
			{ agencyId: quota.agencyId, hostCountry: 'ES', startsAt: at(-7), onlineUrl: 'https://visio.example.invalid/orientation-espagne', capacity: 20, language: 'ar', waitingList: false, isSample: true }
		])
		.returning();
	const ready = await db
		.select({ id: placementCandidate.id, userId: placementCandidate.userId, stage: placementCandidate.stage })
		.from(placementCandidate)
		.where(and(eq(placementCandidate.campaignId, campaign.id), eq(placementCandidate.agencyId, quota.agencyId), eq(placementCandidate.isSample, true), isNull(placementCandidate.exitReason)))
		.orderBy(asc(placementCandidate.id));
	const visa = ready.filter((row) => row.stage === 'visa_granted').slice(0, 2);
	const attended = ready.filter((row) => row.stage === 'orientation').slice(0, 3);
	const rows = [
		...visa.map((row) => ({ sessionId: ahead.id, candidateId: row.id, userId: row.userId, status: 'registered' as const, isSample: true })),
		...attended.map((row) => ({ sessionId: held.id, candidateId: row.id, userId: row.userId, status: 'registered' as const, attended: true, attendanceAt: at(-7), isSample: true }))
	];
	if (rows.length) await db.insert(placementOrientationRegistration).values(rows);
	await loadCircularDemoData(db, campaign.id, now);
}

export const NEXT_SEASON_TITLE = 'Saison des fraises et fruits rouges – Huelva, saison suivante (exemple)';
export const LONG_TERM_TITLE = 'Infirmières et infirmiers – hôpitaux de Rhénanie-du-Nord-Westphalie (exemple)';

async function loadCircularDemoData(db: Db, campaignId: string, now: Date) {
	const [present] = await db.select({ id: placementReturn.id }).from(placementReturn).where(eq(placementReturn.isSample, true)).limit(1);
	if (present) return;
	const [season] = await db.select().from(placementCampaign).where(eq(placementCampaign.id, campaignId));
	const year = Number((season.seasonStartsOn ?? platformDay(now)).slice(0, 4));
	const back = await db
		.select({ id: placementCandidate.id, userId: placementCandidate.userId, agencyId: placementCandidate.agencyId, stageOn: placementCandidate.stageOn, eligible: placementCandidate.eligibleNextSeason })
		.from(placementCandidate)
		.where(and(eq(placementCandidate.campaignId, campaignId), eq(placementCandidate.stage, 'returned'), eq(placementCandidate.isSample, true)))
		.orderBy(asc(placementCandidate.id));
	if (!back.length) return;
	await db.transaction(async (tx) => {
		// each returned worker's return: most on time, one in five early (family), the re-hire decision as the campaign recorded it
		await tx.insert(placementReturn).values(
			back.map((row, index) => ({
				candidateId: row.id,
				userId: row.userId,
				campaignId,
				season: year,
				outcome: index % 5 === 4 ? ('early' as const) : ('on_time' as const),
				earlyReason: index % 5 === 4 ? ('family' as const) : null,
				returnedOn: row.stageOn,
				eligible: row.eligible,
				isSample: true
			}))
		);
		const [next] = await tx
			.insert(placementCampaign)
			.values({
				title: NEXT_SEASON_TITLE,
				lang: 'fr',
				hostCountry: season.hostCountry,
				hostRegion: season.hostRegion,
				channel: 'seasonal',
				offerId: season.offerId,
				agreementId: season.agreementId,
				positions: 600,
				seasonStartsOn: season.seasonStartsOn ? `${year + 1}${season.seasonStartsOn.slice(4)}` : null,
				seasonEndsOn: season.seasonEndsOn ? `${year + 1}${season.seasonEndsOn.slice(4)}` : null,
				isSample: true
			})
			.returning();
		const quotas = await tx.select().from(placementCampaignQuota).where(eq(placementCampaignQuota.campaignId, campaignId));
		if (quotas.length) await tx.insert(placementCampaignQuota).values(quotas.map((quota) => ({ ...quota, campaignId: next.id })));
		const eligible = back.filter((row) => row.eligible);
		if (eligible.length) {
			await tx.insert(placementInvitation).values(
				eligible.map((row, index) => ({ campaignId: next.id, userId: row.userId, fromCandidateId: row.id, agencyId: row.agencyId, status: index === 0 ? ('declined' as const) : ('invited' as const), answeredAt: index === 0 ? now : null, isSample: true }))
			);
		}
		// a small long-term programme: six of the sample people, three arrived, three followed up at 3 months
		const [programme] = await tx
			.insert(placementCampaign)
			.values({ title: LONG_TERM_TITLE, lang: 'fr', hostCountry: 'DE', hostRegion: 'Rhénanie-du-Nord-Westphalie', channel: 'individual', positions: 20, isSample: true })
			.returning();
		const people = await tx
			.select({ userId: placementCandidate.userId, agencyId: placementCandidate.agencyId })
			.from(placementCandidate)
			.where(and(eq(placementCandidate.campaignId, campaignId), eq(placementCandidate.stage, 'registered'), eq(placementCandidate.isSample, true)))
			.orderBy(asc(placementCandidate.id))
			.limit(6);
		const day = (days: number) => platformDay(new Date(now.getTime() + days * DAY));
		const followed = people.map((person, index) => ({
			id: crypto.randomUUID() as string,
			campaignId: programme.id,
			userId: person.userId,
			agencyId: person.agencyId,
			stage: index < 3 ? ('arrived' as const) : ('follow_up_3' as const),
			stageOn: index < 3 ? day(-60) : day(-5),
			stageChangedAt: new Date(now.getTime() - (index < 3 ? 60 : 5) * DAY),
			isSample: true
		}));
		if (!followed.length) return;
		await tx.insert(placementCandidate).values(followed);
		const batchId = crypto.randomUUID();
		await tx.insert(placementCandidateMove).values(
			followed.flatMap((row) => [
				{ candidateId: row.id, fromStage: 'departed', toStage: 'arrived', eventOn: day(-100), batchId, at: new Date(now.getTime() - 100 * DAY) },
				...(row.stage === 'follow_up_3' ? [{ candidateId: row.id, fromStage: 'arrived', toStage: 'follow_up_3', eventOn: day(-5), batchId, at: new Date(now.getTime() - 5 * DAY) }] : [])
			])
		);
		const outcomes = ['in_job', 'changed_employer', 'difficulty'] as const;
		await tx.insert(placementFollowUp).values(
			followed
				.filter((row) => row.stage === 'follow_up_3')
				.map((row, index) => ({ candidateId: row.id, userId: row.userId, months: 3, dueOn: day(-10), doneOn: day(-5), outcome: outcomes[index % outcomes.length], isSample: true }))
		);
	});
}
