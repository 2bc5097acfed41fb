import { eq } from 'drizzle-orm';
import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { indicator, indicatorValue, indicatorValueEvent, strategy } from './strategy.table.ts';

/**
 * What Strategy holds about a person: the indicator values they reported and their acts in the values'
 * history (submitted, corrected, returned, approved). Exported with `/api/v1/me/export`. On erasure the
 * values stay (a strategy's official results) but no longer name the person.
 */
export const strategyPersonalData: PersonalDataHooks = {
	tables: [
		{ table: indicatorValue, userColumn: indicatorValue.reporterId, exportKey: 'strategyReportedValues' },
		{ table: indicatorValueEvent, userColumn: indicatorValueEvent.actorId, exportKey: 'strategyValueHistory' }
	],
	export: async (db, actor) => ({
		strategyReportedValues: await db
			.select({ strategy: strategy.slug, indicator: indicator.code, year: indicatorValue.year, region: indicatorValue.region, value: indicatorValue.value, comment: indicatorValue.comment, evidenceUrl: indicatorValue.evidenceUrl, status: indicatorValue.status, createdAt: indicatorValue.createdAt, updatedAt: indicatorValue.updatedAt })
			.from(indicatorValue)
			.innerJoin(indicator, eq(indicator.id, indicatorValue.indicatorId))
			.innerJoin(strategy, eq(strategy.id, indicator.strategyId))
			.where(eq(indicatorValue.reporterId, actor.userId)),
		strategyValueHistory: await db
			.select({ valueId: indicatorValueEvent.valueId, kind: indicatorValueEvent.kind, value: indicatorValueEvent.value, reason: indicatorValueEvent.reason, at: indicatorValueEvent.at })
			.from(indicatorValueEvent)
			.where(eq(indicatorValueEvent.actorId, actor.userId))
	}),
	erase: async (tx, userId) => {
		const values = await tx.update(indicatorValue).set({ reporterId: null }).where(eq(indicatorValue.reporterId, userId)).returning({ id: indicatorValue.id });
		const events = await tx.update(indicatorValueEvent).set({ actorId: null }).where(eq(indicatorValueEvent.actorId, userId)).returning({ id: indicatorValueEvent.id });
		return { removed: ['strategy_reporter_of_values', 'strategy_value_history_actor'], audit: { valuesKept: values.map((row) => row.id), eventsKept: events.map((row) => row.id) } };
	}
};
