// `strategy:remove-samples`: deletes every sample (badged, fictional) record of the module in one transaction with
// one audit event; the seeds' real strategies, their real nodes, lines, indicators and values stay.
import { eq, inArray, or } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { CliIo } from '../../platform/cli/io.ts';
import { runDatabaseCommand } from '../../platform/cli/entry.ts';
import type { Database } from '../../platform/db/database.ts';
import { createContext, type RequestContext } from '../../platform/kernel/context.ts';
import { workspaceAnnouncement, workspaceContribution, workspaceMeeting } from '../../platform/workspace/workspace.table.ts';
import { concertationWorkspaceKey } from './recommendations.service.ts';
import { actionInitiative, budgetLine, concertationBody, indicator, indicatorValue, node, programmeVersion, recommendation, strategy } from './strategy.table.ts';

export type RemovedSamples = Record<'strategies' | 'nodes' | 'budgetLines' | 'indicators' | 'values' | 'initiativeLinks' | 'versions' | 'recommendations' | 'concertationBodies' | 'workspaceItems', number>;

/**
 * Deletes the module's samples: programme versions, values, indicators, initiative links, budget lines and nodes
 * marked as samples (a sample node goes with what hangs under it: its children, lines, indicators and links),
 * sample strategies, sample recommendations and decisions (and those taken by a sample body), sample
 * concertation bodies with their members and their workspace (announcements, meetings, contributions). The
 * budget totals follow through their triggers. One transaction, one audit event `strategy.remove_samples` with the counts.
 */
export async function removeStrategySamples(ctx: RequestContext): Promise<RemovedSamples> {
	return ctx.transaction(async (tx) => {
		const db = tx.db;
		const count = async (rows: Promise<unknown[]>) => (await rows).length;
		const bodies = await db.select({ id: concertationBody.id, slug: concertationBody.slug }).from(concertationBody).where(eq(concertationBody.isSample, true));
		const bodyIds = bodies.map((body) => body.id);
		const spaces = bodies.map((body) => concertationWorkspaceKey(body.slug));
		const removed: RemovedSamples = {
			versions: await count(db.delete(programmeVersion).where(eq(programmeVersion.isSample, true)).returning({ id: programmeVersion.id })),
			values: await count(db.delete(indicatorValue).where(eq(indicatorValue.isSample, true)).returning({ id: indicatorValue.id })),
			indicators: await count(db.delete(indicator).where(eq(indicator.isSample, true)).returning({ id: indicator.id })),
			initiativeLinks: await count(db.delete(actionInitiative).where(eq(actionInitiative.isSample, true)).returning({ id: actionInitiative.id })),
			budgetLines: await count(db.delete(budgetLine).where(eq(budgetLine.isSample, true)).returning({ id: budgetLine.id })),
			recommendations: await count(
				db
					.delete(recommendation)
					.where(bodyIds.length ? or(eq(recommendation.isSample, true), inArray(recommendation.concertationBodyId, bodyIds)) : eq(recommendation.isSample, true))
					.returning({ id: recommendation.id })
			),
			nodes: await count(db.delete(node).where(eq(node.isSample, true)).returning({ id: node.id })),
			strategies: await count(db.delete(strategy).where(eq(strategy.isSample, true)).returning({ id: strategy.id })),
			workspaceItems: spaces.length
				? (await count(db.delete(workspaceAnnouncement).where(inArray(workspaceAnnouncement.workspace, spaces)).returning({ id: workspaceAnnouncement.id }))) +
					(await count(db.delete(workspaceContribution).where(inArray(workspaceContribution.workspace, spaces)).returning({ id: workspaceContribution.id }))) +
					(await count(db.delete(workspaceMeeting).where(inArray(workspaceMeeting.workspace, spaces)).returning({ id: workspaceMeeting.id })))
				: 0,
			concertationBodies: bodyIds.length ? await count(db.delete(concertationBody).where(inArray(concertationBody.id, bodyIds)).returning({ id: concertationBody.id })) : 0
		};
		await recordAudit(db, tx.audit, { action: 'strategy.remove_samples', resourceType: 'strategy', resourceId: null, after: removed });
		return removed;
	});
}

/** The command: no arguments; prints what it removed. Returns the exit code (0 done, 2 misused). `database` (tests) is used and left open. */
export async function runStrategyRemoveSamples(argv: string[], io: Pick<CliIo, 'out' | 'err'>, options: { env?: NodeJS.ProcessEnv; database?: Database } = {}): Promise<number> {
	if (argv.length) {
		io.err('strategy:remove-samples takes no arguments.');
		return 2;
	}
	return runDatabaseCommand('strategy:remove-samples', io, options, async ({ database, context }) => {
		const removed = await removeStrategySamples(createContext({ db: database.db, actor: null, audit: context }));
		io.out(
			`Removed ${removed.nodes} sample nodes (${removed.budgetLines} budget lines, ${removed.indicators} indicators, ${removed.values} values, ${removed.initiativeLinks} initiative links, ${removed.versions} programme versions), ${removed.strategies} sample strategies, ${removed.recommendations} sample recommendations and ${removed.concertationBodies} sample concertation bodies (${removed.workspaceItems} items of their spaces).`
		);
		return 0;
	});
}
