// Demo data of the campaigns (issue 10, items 3–4): one seasonal campaign, badged "sample", split across
// five agencies, with 300 fictional candidates spread over the stages (accounts on a reserved domain that
// nobody can sign in to), their histories, and one reallocation. Written in a few set-based inserts so the
// demo loads fast; nothing is written when the campaign is already there.
import { and, asc, eq, like } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../../platform/audit/audit.service.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { jobOffer } from '../job-offer.table.ts';
import { exitReasons, stagesOf, type PipelineStage } from './campaigns.model.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate, placementCandidateMove, placementProfile, placementQuotaChange } from './campaigns.table.ts';
import { placementAgreement } from './placement.table.ts';

export const SAMPLE_CANDIDATE_DOMAIN = 'placement.sample.sharaka.invalid';
export const SAMPLE_CAMPAIGN_TITLE = 'Saison des fraises et fruits rouges – Huelva (exemple)';
const CANDIDATES = 300;

const firstNames = ['Fatima', 'Khadija', 'Aicha', 'Meryem', 'Naima', 'Samira', 'Hanane', 'Latifa', 'Zineb', 'Rachida', 'Malika', 'Souad', 'Nadia', 'Houda', 'Karima', 'Saida', 'Amina', 'Bouchra', 'Hind', 'Asmae'];
const lastNames = ['El Idrissi', 'Benali', 'Ouazzani', 'Amrani', 'Berrada', 'Tazi', 'El Fassi', 'Alaoui', 'Bennani', 'Chraibi', 'Lahlou', 'Sefrioui', 'Kettani', 'Naciri', 'Ziani'];
/** Where the sample candidates stand: most early in the pipeline, some far along, a few out. */
const spread: PipelineStage[] = ['registered', 'registered', 'registered', 'preselected', 'preselected', 'preselected', 'shortlisted', 'shortlisted', 'interview', 'selected', 'contract_signed', 'visa_requested', 'visa_granted', 'orientation', 'departed', 'arrived', 'returned'];

export async function loadCampaignsDemoData(db: Db) {
	const [present] = await db.select({ id: placementCampaign.id }).from(placementCampaign).where(and(eq(placementCampaign.isSample, true), eq(placementCampaign.title, SAMPLE_CAMPAIGN_TITLE)));
	if (present) return;
	const agencies = await db.select({ id: agency.id }).from(agency).where(eq(agency.status, 'open')).orderBy(asc(agency.slug)).limit(5);
	if (agencies.length < 5) return;
	const [offer] = await db.select({ id: jobOffer.id }).from(jobOffer).where(and(eq(jobOffer.isSample, true), eq(jobOffer.hostCountry, 'ES'), eq(jobOffer.channel, 'seasonal')));
	const [agreement] = await db.select({ id: placementAgreement.id }).from(placementAgreement).where(eq(placementAgreement.slug, 'sample-seasonal-agreement'));
	const today = platformDay(new Date());
	const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 3 ? 1 : 0);
	const track = stagesOf('seasonal');
	const context = systemContext('system');
	const now = Date.now();
	await db.transaction(async (tx) => {
		const [campaign] = await tx
			.insert(placementCampaign)
			.values({
				title: SAMPLE_CAMPAIGN_TITLE,
				lang: 'fr',
				hostCountry: 'ES',
				hostRegion: 'Andalousie (Huelva)',
				channel: 'seasonal',
				offerId: offer?.id ?? null,
				agreementId: agreement?.id ?? null,
				positions: 600,
				seasonStartsOn: `${year}-03-15`,
				seasonEndsOn: `${year}-07-15`,
				isSample: true,
				createdAt: new Date(now - 40 * 86_400_000)
			})
			.returning();
		const shares = [150, 130, 120, 100, 100];
		await tx.insert(placementCampaignQuota).values(agencies.map((row, index) => ({ campaignId: campaign.id, agencyId: row.id, positions: shares[index] })));
		await tx.insert(placementQuotaChange).values({ campaignId: campaign.id, fromAgencyId: agencies[1].id, toAgencyId: agencies[0].id, positions: 20, reason: 'Exemple : plus de candidates inscrites à l’agence', at: new Date(now - 20 * 86_400_000) });

		// the fictional candidates (no credential account: nobody signs in as them)
		const existing = await tx.select({ id: user.id }).from(user).where(like(user.email, `%@${SAMPLE_CANDIDATE_DOMAIN}`)).limit(1);
		if (existing.length) return;
		const people = Array.from({ length: CANDIDATES }, (_, index) => {
			const first = firstNames[index % firstNames.length];
			const last = lastNames[Math.floor(index / firstNames.length) % lastNames.length];
			const id: string = crypto.randomUUID();
			const slug = `${first}.${last}`.toLowerCase().replace(/[^a-z.]+/g, '-');
			return { id, email: `${slug}.${index}@${SAMPLE_CANDIDATE_DOMAIN}`, name: `${first} ${last} (exemple)`, role: 'member' as const, emailVerified: false, locale: (index % 3 === 0 ? 'ar' : 'fr') as 'ar' | 'fr' };
		});
		await tx.insert(user).values(people);
		const candidates = people.map((person, index) => {
			const stage = spread[index % spread.length];
			const out = index % 23 === 5;
			const reached = track.indexOf(stage);
			return {
				id: crypto.randomUUID() as string,
				campaignId: campaign.id,
				userId: person.id,
				agencyId: agencies[index % agencies.length].id,
				stage,
				stageOn: new Date(now - (30 - reached * 2) * 86_400_000).toISOString().slice(0, 10),
				exitReason: out ? exitReasons[index % 4] : null,
				exitedAt: out ? new Date(now - 2 * 86_400_000) : null,
				eligibleNextSeason: stage === 'returned' ? index % 2 === 0 : null,
				stageChangedAt: new Date(now - (30 - reached * 2) * 86_400_000),
				isSample: true,
				createdAt: new Date(now - 35 * 86_400_000)
			};
		});
		// the demo member is a candidate too, shortlisted by the partner: their my space shows the opportunity
		const [member] = await tx.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
		if (member) {
			candidates.push({ ...candidates[6], id: crypto.randomUUID(), userId: member.id, agencyId: agencies[4].id, stage: 'shortlisted', exitReason: null, exitedAt: null, eligibleNextSeason: null });
		}
		await tx.insert(placementCandidate).values(candidates);
		const batchId = crypto.randomUUID();
		const moves = candidates.flatMap((candidate) => {
			const reached = track.indexOf(candidate.stage);
			const path = track.slice(0, reached + 1).filter((stage) => stage !== 'interview' || reached >= track.indexOf('selected') || candidate.stage === 'interview');
			const rows = path.map((stage, step) => ({
				candidateId: candidate.id,
				fromStage: step === 0 ? null : (path[step - 1] as string),
				toStage: stage as string,
				eventOn: new Date(now - (32 - step * 2) * 86_400_000).toISOString().slice(0, 10),
				batchId,
				at: new Date(now - (32 - step * 2) * 86_400_000)
			}));
			if (candidate.exitReason) rows.push({ candidateId: candidate.id, fromStage: candidate.stage, toStage: 'exited', eventOn: today, batchId, at: candidate.exitedAt! });
			return rows.map((row) => ({ ...row, exitReason: row.toStage === 'exited' ? candidate.exitReason : null }));
		});
		for (let start = 0; start < moves.length; start += 1000) await tx.insert(placementCandidateMove).values(moves.slice(start, start + 1000));
		await recordAudit(tx, context, { action: 'placement_campaign.create', resourceType: 'placement_campaign', resourceId: campaign.id, after: { sample: true, positions: 600, candidates: CANDIDATES } });
	});
}

/**
 * The sample candidates' declared sex, for the statistics by sex (once): the sample names are women's, as most
 * of the seasonal pickers in Huelva are; one in twelve prefers not to say, one in ten has not answered.
 */
export async function loadSampleProfiles(db: Db) {
	const [present] = await db.select({ id: placementProfile.userId }).from(placementProfile).where(eq(placementProfile.isSample, true)).limit(1);
	if (present) return;
	const people = await db.select({ id: user.id }).from(user).where(like(user.email, `%@${SAMPLE_CANDIDATE_DOMAIN}`)).orderBy(asc(user.email));
	const answered = people.filter((_, index) => index % 10 !== 9);
	if (!answered.length) return;
	await db.insert(placementProfile).values(answered.map((row, index) => ({ userId: row.id, sex: index % 12 === 11 ? ('prefer_not_to_say' as const) : ('female' as const), isSample: true })));
}
