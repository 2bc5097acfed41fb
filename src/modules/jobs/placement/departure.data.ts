// Demo data of pre-departure preparation and circular migration (issue 10, items 7–8): the sample
// pre-departure pages (Spain, Germany), and two sample orientation sessions for Spain held by the first
// agency of the sample campaign — one ahead (candidates of the Huelva sample campaign may register; two
// sample candidates at "visa granted" are), one a week ago with attendance recorded. Badged "sample";
// nothing is written when they are there.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate } from './campaigns.table.ts';
import { SAMPLE_CAMPAIGN_TITLE } from './campaigns.data.ts';
import { placementOrientationRegistration, placementOrientationSession } from './departure.table.ts';
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
}
