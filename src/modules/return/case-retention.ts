// Retention of followed reintegration: a closed case is kept three years (the follow-up survey's last
// round is a year after return; the network learns from closed cases for a while), then erased with the
// operator's casework file of the returnee (an operator has one case per person: the file is this
// case's). Run daily (the module's scheduled job, or `return:case-retention`); each erasure audited.
import { and, eq, isNotNull, lt } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { eraseTeamFile } from '../../platform/casework/casework.personal-data.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { reintegrationFollowUp } from './reintegration.ts';
import { reintegrationCase } from './return.table.ts';

export const CASE_RETENTION_YEARS = 3;

/** The moment before which a closed case has been kept long enough. */
export function retentionLimit(now: Date): Date {
	const limit = new Date(now);
	limit.setUTCFullYear(limit.getUTCFullYear() - CASE_RETENTION_YEARS);
	return limit;
}

/** Erases the cases closed more than three years ago; returns how many, for the command's report. */
export async function eraseExpiredCases(ctx: Pick<RequestContext, 'db' | 'now' | 'transaction'>, files: FileStore | null): Promise<{ cases: number; files: number }> {
	const limit = retentionLimit(ctx.now());
	const due = await ctx.db
		.select({ id: reintegrationCase.id, personId: reintegrationCase.personUserId, operatorId: reintegrationCase.operatorOrganisationId, closedAt: reintegrationCase.closedAt })
		.from(reintegrationCase)
		.where(and(isNotNull(reintegrationCase.closedAt), lt(reintegrationCase.closedAt, limit)));
	let removedFiles = 0;
	for (const item of due) {
		const keys = await ctx.transaction(async ({ db, audit }) => {
			const file = await eraseTeamFile(db, reintegrationFollowUp, item.personId, item.operatorId);
			// its plan and survey rounds go with it (foreign keys)
			await db.delete(reintegrationCase).where(eq(reintegrationCase.id, item.id));
			await recordAudit(db, audit, {
				action: 'return_case.erase',
				resourceType: 'return_case',
				resourceId: item.id,
				before: { closedAt: item.closedAt!.toISOString(), operator: item.operatorId },
				after: {
					reason: 'retention',
					years: CASE_RETENTION_YEARS,
					casework: { notes: file.notes, appointments: file.appointments, referrals: file.referrals, documents: file.documents }
				}
			});
			return file.documentFiles;
		});
		for (const key of keys) await files?.delete(key);
		removedFiles += keys.length;
	}
	return { cases: due.length, files: removedFiles };
}
