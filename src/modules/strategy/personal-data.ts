import { eq } from 'drizzle-orm';
import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { actionInitiative, concertationBody, indicator, indicatorValue, indicatorValueEvent, node, programmeVersion, recommendation, recommendationEvent, strategy } from './strategy.table.ts';
import { concertationDataOf } from './concertation.service.ts';
import { recommendationDataOf } from './recommendations.service.ts';

/**
 * What Strategy holds about a person: the indicator values they reported and their acts in the values'
 * history (submitted, corrected, returned, approved). Exported with `/api/v1/me/export`. On erasure the
 * values stay (a strategy's official results) but no longer name the person; so do the initiatives they
 * proposed for actions, and the planners' decisions on them; so do the concertation bodies a moderator
 * created and the decisions a body's secretariat recorded and followed (the tracker's rows); so do the programme
 * versions they submitted, approved, returned or withdrew.
 */
export const strategyPersonalData: PersonalDataHooks = {
	tables: [
		{ table: indicatorValue, userColumn: indicatorValue.reporterId, exportKey: 'strategyReportedValues' },
		{ table: indicatorValueEvent, userColumn: indicatorValueEvent.actorId, exportKey: 'strategyValueHistory' },
		{ table: actionInitiative, userColumn: actionInitiative.proposedBy, exportKey: 'strategyInitiativeProposals' },
		{ table: actionInitiative, userColumn: actionInitiative.decidedBy, exportKey: 'strategyInitiativeDecisions' },
		{ table: recommendation, userColumn: recommendation.createdBy, exportKey: 'strategyRecommendationsEntered' },
		{ table: recommendationEvent, userColumn: recommendationEvent.actorId, exportKey: 'strategyRecommendationFollowUps' },
		{ table: concertationBody, userColumn: concertationBody.createdBy, exportKey: 'strategyConcertationBodies' },
		{ table: programmeVersion, userColumn: programmeVersion.submittedBy, exportKey: 'strategyVersionsSubmitted' },
		{ table: programmeVersion, userColumn: programmeVersion.decidedBy, exportKey: 'strategyVersionsDecided' }
	],
	export: async (db, actor) => ({
		...(await recommendationDataOf(db, actor.userId).then((data) => ({ strategyRecommendationsEntered: data.created, strategyRecommendationFollowUps: data.followUps }))),
		strategyConcertationBodies: await concertationDataOf(db, actor.userId),
		// the programme versions one submitted, and those one approved, returned or withdrew (without the snapshots: the strategy's record)
		strategyVersionsSubmitted: await db
			.select({ strategy: strategy.slug, seq: programmeVersion.seq, number: programmeVersion.number, state: programmeVersion.state, note: programmeVersion.note, submittedAt: programmeVersion.submittedAt })
			.from(programmeVersion)
			.innerJoin(strategy, eq(strategy.id, programmeVersion.strategyId))
			.where(eq(programmeVersion.submittedBy, actor.userId)),
		strategyVersionsDecided: await db
			.select({ strategy: strategy.slug, seq: programmeVersion.seq, number: programmeVersion.number, state: programmeVersion.state, reason: programmeVersion.reason, decidedAt: programmeVersion.decidedAt })
			.from(programmeVersion)
			.innerJoin(strategy, eq(strategy.id, programmeVersion.strategyId))
			.where(eq(programmeVersion.decidedBy, actor.userId)),
		strategyReportedValues: await db
			.select({ strategy: strategy.slug, indicator: indicator.code, year: indicatorValue.year, region: indicatorValue.region, value: indicatorValue.value, comment: indicatorValue.comment, evidenceUrl: indicatorValue.evidenceUrl, evidenceDocument: indicatorValue.evidenceDocument, status: indicatorValue.status, createdAt: indicatorValue.createdAt, updatedAt: indicatorValue.updatedAt })
			.from(indicatorValue)
			.innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId))
			.innerJoin(strategy, eq(strategy.id, indicator.strategyId))
			.where(eq(indicatorValue.reporterId, actor.userId)),
		strategyValueHistory: await db
			.select({ valueId: indicatorValueEvent.valueId, kind: indicatorValueEvent.kind, value: indicatorValueEvent.value, reason: indicatorValueEvent.reason, at: indicatorValueEvent.at })
			.from(indicatorValueEvent)
			.where(eq(indicatorValueEvent.actorId, actor.userId)),
		strategyInitiativeProposals: await db
			.select({ strategy: strategy.slug, action: node.id, initiative: actionInitiative.initiative, note: actionInitiative.note, status: actionInitiative.status, reason: actionInitiative.reason, proposedAt: actionInitiative.proposedAt, decidedAt: actionInitiative.decidedAt })
			.from(actionInitiative)
			.innerJoin(node, eq(node.id, actionInitiative.nodeId))
			.innerJoin(strategy, eq(strategy.id, node.strategyId))
			.where(eq(actionInitiative.proposedBy, actor.userId)),
		strategyInitiativeDecisions: await db
			.select({ strategy: strategy.slug, action: node.id, initiative: actionInitiative.initiative, status: actionInitiative.status, reason: actionInitiative.reason, decidedAt: actionInitiative.decidedAt })
			.from(actionInitiative)
			.innerJoin(node, eq(node.id, actionInitiative.nodeId))
			.innerJoin(strategy, eq(strategy.id, node.strategyId))
			.where(eq(actionInitiative.decidedBy, actor.userId))
	}),
	erase: async (tx, userId) => {
		const values = await tx.update(indicatorValue).set({ reporterId: null }).where(eq(indicatorValue.reporterId, userId)).returning({ id: indicatorValue.id });
		const events = await tx.update(indicatorValueEvent).set({ actorId: null }).where(eq(indicatorValueEvent.actorId, userId)).returning({ id: indicatorValueEvent.id });
		const proposed = await tx.update(actionInitiative).set({ proposedBy: null }).where(eq(actionInitiative.proposedBy, userId)).returning({ id: actionInitiative.id });
		const decided = await tx.update(actionInitiative).set({ decidedBy: null }).where(eq(actionInitiative.decidedBy, userId)).returning({ id: actionInitiative.id });
		// the tracker's record stays: it no longer names who entered or followed a recommendation
		await tx.update(recommendation).set({ createdBy: null }).where(eq(recommendation.createdBy, userId));
		await tx.update(recommendationEvent).set({ actorId: null }).where(eq(recommendationEvent.actorId, userId));
		// a body stays (a region's record) without naming who created it
		await tx.update(concertationBody).set({ createdBy: null }).where(eq(concertationBody.createdBy, userId));
		// programme versions stay (an approved one never changes) without naming who submitted or decided them
		await tx.update(programmeVersion).set({ submittedBy: null }).where(eq(programmeVersion.submittedBy, userId));
		await tx.update(programmeVersion).set({ decidedBy: null }).where(eq(programmeVersion.decidedBy, userId));
		return {
			removed: ['strategy_reporter_of_values', 'strategy_value_history_actor', 'strategy_initiative_proposer', 'strategy_initiative_decider'],
			audit: { valuesKept: values.map((row) => row.id), eventsKept: events.map((row) => row.id), proposalsKept: proposed.map((row) => row.id), decisionsKept: decided.map((row) => row.id) }
		};
	}
};
