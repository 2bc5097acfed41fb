// Retention of the talents' private exchanges (README, Talents, *Retention*): what the platform carried between an
// organisation and a talent, or a young member and a mentor, is not kept for ever once it has served. The missions
// themselves, their reports, feedback and each talent's standing stay (they are the record of the diaspora's
// contributions); only the words exchanged go.
import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { mission, missionMessage } from './missions/missions.table.ts';
import { mentoringMessage, mentoringRequest } from './mentoring/mentoring.table.ts';
import { sweepNewsImages } from './news-images.ts';

/**
 * A closed mission's conversations are deleted 12 months after it was completed or cancelled: the feedback, the
 * report's follow-up and any question about the selection are settled within a year, and an organisation that
 * wants to work with the talent again writes anew through the platform.
 */
export const MISSION_CONVERSATION_MONTHS = 12;
/**
 * A finished mentoring request's message (and the reason given for declining or ending it), and the conversation
 * of an ended mentoring, are deleted 6 months after it finished: the message only introduced the member while the
 * talent decided; half a year lets either side look back at an exchange that just ended, and the request itself
 * (who, when, how it ended) stays.
 */
export const MENTORING_MESSAGE_MONTHS = 6;

const closedStatuses = ['completed', 'cancelled'] as const;
const finishedMentoring = ['declined', 'withdrawn', 'ended'] as const;

/** `date` moved by a number of calendar months (negative: back). */
function shiftMonths(date: Date, months: number): Date {
	const moved = new Date(date);
	moved.setUTCMonth(moved.getUTCMonth() + months);
	return moved;
}

/**
 * One run of the retention: deletes the conversations of the missions closed more than 12 months ago, and the
 * messages and conversations of the mentoring requests finished more than 6 months ago, in one transaction, recorded as one audit
 * event with the counts (never the words) — also when nothing was due, so the trail shows the rule is enforced.
 * With a file store, it first removes the news pictures no announcement names any more (news-images.ts).
 */
export async function applyTalentsRetention(ctx: Pick<RequestContext, 'now' | 'transaction' | 'db' | 'files'>) {
	const now = ctx.now();
	// news pictures nothing names any more (their network deleted, a form that failed after storing one), a day on
	const newsImages = ctx.files ? await sweepNewsImages(ctx.db, ctx.files, now) : [];
	const missionLimit = shiftMonths(now, -MISSION_CONVERSATION_MONTHS);
	const mentoringLimit = shiftMonths(now, -MENTORING_MESSAGE_MONTHS);
	return ctx.transaction(async ({ db, audit }) => {
		const closed = db
			.select({ id: mission.id })
			.from(mission)
			.where(and(inArray(mission.status, closedStatuses), lt(mission.statusAt, missionLimit)));
		const deleted = await db.delete(missionMessage).where(inArray(missionMessage.missionId, closed)).returning({ missionId: missionMessage.missionId });
		const cleared = await db
			.update(mentoringRequest)
			.set({ message: null, reason: null })
			.where(
				and(
					inArray(mentoringRequest.status, finishedMentoring),
					isNotNull(mentoringRequest.message),
					lt(sql`coalesce(${mentoringRequest.endedAt}, ${mentoringRequest.answeredAt}, ${mentoringRequest.updatedAt})`, mentoringLimit)
				)
			)
			.returning({ id: mentoringRequest.id });
		const ended = db
			.select({ id: mentoringRequest.id })
			.from(mentoringRequest)
			.where(and(eq(mentoringRequest.status, 'ended'), lt(mentoringRequest.endedAt, mentoringLimit)));
		const conversation = await db.delete(mentoringMessage).where(inArray(mentoringMessage.requestId, ended)).returning({ requestId: mentoringMessage.requestId });
		const missions = [...new Set(deleted.map((row) => row.missionId))].sort();
		const result = {
			missionMessages: deleted.length,
			missions,
			mentoringRequests: cleared.length,
			mentoringMessages: conversation.length,
			mentoringConversations: new Set(conversation.map((row) => row.requestId)).size,
			newsImages: newsImages.length
		};
		await recordAudit(db, audit, {
			action: 'talents.retention',
			resourceType: 'talents',
			after: { ...result, months: { missionConversations: MISSION_CONVERSATION_MONTHS, mentoringMessages: MENTORING_MESSAGE_MONTHS } }
		});
		return result;
	});
}

/** When an ended mentoring's conversation is (or was) deleted. For the page that shows it. */
export const mentoringMessagesDeletedOn = (endedAt: Date | string) => shiftMonths(new Date(endedAt), MENTORING_MESSAGE_MONTHS).toISOString();

/** When a closed mission's conversations are (or were) deleted; null while it is not closed. For the pages that show them. */
export function conversationsDeletedOn(row: { status: string; statusAt: Date | string }): string | null {
	if (!(closedStatuses as readonly string[]).includes(row.status)) return null;
	return shiftMonths(new Date(row.statusAt), MISSION_CONVERSATION_MONTHS).toISOString();
}
