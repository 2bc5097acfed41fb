// Demo data of pre-departure preparation and circular migration (issue 10, items 7–8): the pre-departure
// pages (Germany's real, Spain's samples), and two sample orientation sessions for Spain held by the first
// agency of the sample campaign — one ahead (candidates of the Huelva sample campaign may register; two
// sample candidates at "visa granted" are), one a week ago with attendance recorded; circular migration:
// the returns of the sample campaign's returned workers with the staff's re-hire decision, the next season's
// sample campaign inviting those eligible (two arrived workers recorded as not returned), and a small sample
// long-term programme (nurses in Germany) with its follow-ups: three arrived whose 3-month one is late, three
// followed up at 3 months, two followed up at 3 and 12 months, two whose 12-month one falls due this week. Badged
// "sample"; each part is written once (a demo loaded by an earlier version gets the parts it lacks).
import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { SAMPLE_CAMPAIGN_TITLE } from './campaigns.data.ts';
import { addMonths } from './departure.model.ts';
import { placementFollowUp, placementInvitation, placementOrientationRegistration, placementOrientationSession, placementReturn } from './departure.table.ts';
import { loadPredepartureSamples } from './predeparture-pages.ts';

const DAY = 86_400_000;

export async function loadDepartureDemoData(db: Db, now: Date = new Date()) {
	await loadPredepartureSamples(db);
	const [campaign] = await db.select({ id: placementCampaign.id }).from(placementCampaign).where(and(eq(placementCampaign.isSample, true), eq(placementCampaign.title, SAMPLE_CAMPAIGN_TITLE)));
	if (!campaign) return;
	await loadSessionsDemoData(db, campaign.id, now);
	await loadCircularDemoData(db, campaign.id, now);
	await loadFollowUpDemoData(db, campaign.id, now);
}

async function loadSessionsDemoData(db: Db, campaignId: string, now: Date) {
	const [present] = await db.select({ id: placementOrientationSession.id }).from(placementOrientationSession).where(eq(placementOrientationSession.isSample, true)).limit(1);
	if (present) return;
	const campaign = { id: campaignId };
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
	// two workers still "arrived" after the season: recorded as not returned (re-hire closed); the others wait to be recorded
	const stayed = await db
		.select({ id: placementCandidate.id, userId: placementCandidate.userId })
		.from(placementCandidate)
		.where(and(eq(placementCandidate.campaignId, campaignId), eq(placementCandidate.stage, 'arrived'), isNull(placementCandidate.exitReason), eq(placementCandidate.isSample, true)))
		.orderBy(asc(placementCandidate.id))
		.limit(2);
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
		if (stayed.length) {
			await tx.insert(placementReturn).values(stayed.map((row) => ({ candidateId: row.id, userId: row.userId, campaignId, season: year, outcome: 'did_not_return' as const, eligible: false, isSample: true })));
			await tx.update(placementCandidate).set({ eligibleNextSeason: false }).where(inArray(placementCandidate.id, stayed.map((row) => row.id)));
		}
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
	});
}

/**
 * A small sample long-term programme (nurses in Germany) and its follow-ups after arrival, from sample people of the
 * seasonal campaign still registered there: three arrived about three months ago (their 3-month follow-up late),
 * three followed up at 3 months, two followed up at 3 and 12 months, two followed at 3 months whose 12-month one is due
 * within the week — so the follow-ups page, the pipeline's last stages and the people's pages are not empty.
 */
async function loadFollowUpDemoData(db: Db, campaignId: string, now: Date) {
	const [yearDone] = await db.select({ id: placementFollowUp.id }).from(placementFollowUp).where(and(eq(placementFollowUp.isSample, true), eq(placementFollowUp.months, 12))).limit(1);
	if (yearDone) return;
	const [existing] = await db.select({ id: placementCampaign.id }).from(placementCampaign).where(and(eq(placementCampaign.isSample, true), eq(placementCampaign.title, LONG_TERM_TITLE)));
	const inProgramme = existing ? db.select({ id: placementCandidate.userId }).from(placementCandidate).where(eq(placementCandidate.campaignId, existing.id)) : null;
	const people = await db
		.select({ userId: placementCandidate.userId, agencyId: placementCandidate.agencyId })
		.from(placementCandidate)
		.where(and(eq(placementCandidate.campaignId, campaignId), eq(placementCandidate.stage, 'registered'), eq(placementCandidate.isSample, true), inProgramme ? notInArray(placementCandidate.userId, inProgramme) : undefined))
		.orderBy(asc(placementCandidate.id))
		.limit(existing ? 4 : 10);
	const day = (days: number) => platformDay(new Date(now.getTime() + days * DAY));
	const at = (on: string) => new Date(`${on}T09:00:00Z`);
	// arrival, then each follow-up (3, 12 months) done a few days after its due day
	type Plan = { arrivedOn: string; done: (3 | 12)[] };
	const plans: Plan[] = [
		...(existing ? [] : [
			...Array.from({ length: 3 }, (): Plan => ({ arrivedOn: day(-100), done: [] })),
			...Array.from({ length: 3 }, (): Plan => ({ arrivedOn: day(-100), done: [3] }))
		]),
		...Array.from({ length: 2 }, (): Plan => ({ arrivedOn: day(-380), done: [3, 12] })),
		...Array.from({ length: 2 }, (): Plan => ({ arrivedOn: day(-358), done: [3] }))
	].slice(0, people.length);
	if (!plans.length) return;
	const doneOn = (plan: Plan, months: 3 | 12) => {
		const due = addMonths(plan.arrivedOn, months);
		const done = platformDay(new Date(at(due).getTime() + (months === 3 ? 5 : 3) * DAY));
		return { due, done };
	};
	await db.transaction(async (tx) => {
		const programmeId =
			existing?.id ??
			(await tx.insert(placementCampaign).values({ title: LONG_TERM_TITLE, lang: 'fr', hostCountry: 'DE', hostRegion: 'Rhénanie-du-Nord-Westphalie', channel: 'individual', positions: 20, isSample: true }).returning())[0].id;
		const entries = plans.map((plan, index) => {
			const last = plan.done.at(-1);
			const stageOn = last ? doneOn(plan, last).done : plan.arrivedOn;
			return {
				id: crypto.randomUUID() as string,
				campaignId: programmeId,
				userId: people[index].userId,
				agencyId: people[index].agencyId,
				stage: last === 12 ? ('follow_up_12' as const) : last === 3 ? ('follow_up_3' as const) : ('arrived' as const),
				stageOn,
				stageChangedAt: at(stageOn),
				isSample: true
			};
		});
		await tx.insert(placementCandidate).values(entries);
		const batchId = crypto.randomUUID();
		await tx.insert(placementCandidateMove).values(
			entries.flatMap((entry, index) => {
				const plan = plans[index];
				const steps = [{ candidateId: entry.id, fromStage: 'departed', toStage: 'arrived', eventOn: plan.arrivedOn, batchId, at: at(plan.arrivedOn) }];
				for (const months of plan.done) {
					const on = doneOn(plan, months).done;
					steps.push({ candidateId: entry.id, fromStage: months === 3 ? 'arrived' : 'follow_up_3', toStage: months === 3 ? 'follow_up_3' : 'follow_up_12', eventOn: on, batchId, at: at(on) });
				}
				return steps;
			})
		);
		const outcomes = ['in_job', 'changed_employer', 'difficulty', 'in_job', 'looking_for_work'] as const;
		const followUps = entries.flatMap((entry, index) =>
			plans[index].done.map((months) => ({ candidateId: entry.id, userId: entry.userId, months, dueOn: doneOn(plans[index], months).due, doneOn: doneOn(plans[index], months).done, outcome: outcomes[(index + months) % outcomes.length], isSample: true }))
		);
		if (followUps.length) await tx.insert(placementFollowUp).values(followUps);
	});
}
