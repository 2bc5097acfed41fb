// What the placement API answers for a campaign and a candidate (the shapes of campaigns.schemas.ts).
import type { PlacementCampaignRecord } from './campaigns.table.ts';
import type { CampaignProgress } from './campaigns.service.ts';
import type { CorrectionOffer } from './correction.service.ts';
import type { CandidateRow, candidateDetail } from './pipeline.service.ts';

type CandidateHistory = Awaited<ReturnType<typeof candidateDetail>>['history'];

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

/** One candidate's path (every move, corrections marked) and the correction the caller may make now. */
export function candidateDetailApiView(row: CandidateRow, history: CandidateHistory, correction: CorrectionOffer | null) {
	return {
		...candidateApiView(row),
		history: history.map((move) => ({
			id: move.id,
			fromStage: move.fromStage,
			toStage: move.toStage,
			exitReason: move.exitReason,
			eventOn: move.eventOn,
			announced: move.announced,
			by: move.by,
			at: move.at.toISOString(),
			correctsMoveId: move.correctsMoveId,
			reason: move.reason
		})),
		correction: correction && {
			moveId: correction.moveId,
			kind: correction.kind,
			stage: correction.kind === 'back' ? correction.to : correction.stage,
			withdraws: correction.kind === 'back' ? (correction.withdraws ?? null) : null,
			until: correction.until
		}
	};
}
