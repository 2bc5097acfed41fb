// What the placement API answers for a campaign and a candidate (the shapes of campaigns.schemas.ts).
import type { PlacementCampaignRecord } from './campaigns.table.ts';
import type { CampaignProgress } from './campaigns.service.ts';
import type { CandidateRow } from './pipeline.service.ts';

export function campaignApiView(campaign: PlacementCampaignRecord, allocated: number, progress?: CampaignProgress) {
	return {
		id: campaign.id,
		title: campaign.title,
		lang: campaign.lang,
		hostCountry: campaign.hostCountry,
		hostRegion: campaign.hostRegion,
		channel: campaign.channel,
		offerId: campaign.offerId,
		agreementId: campaign.agreementId,
		positions: campaign.positions,
		allocated,
		seasonStartsOn: campaign.seasonStartsOn,
		seasonEndsOn: campaign.seasonEndsOn,
		status: campaign.status,
		isSample: campaign.isSample,
		...(progress ? { progress: progress.rows } : {})
	};
}

export function candidateApiView(row: CandidateRow) {
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		agencyId: row.agencyId,
		stage: row.stage,
		stageOn: row.stageOn,
		exitReason: row.exitReason,
		eligibleNextSeason: row.eligibleNextSeason,
		stageChangedAt: row.stageChangedAt.toISOString()
	};
}
