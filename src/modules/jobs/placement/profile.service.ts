// What a candidate says of themselves for the placement's statistics (issue 10, item 9): their sex, optional and
// self-declared ("prefer not to say" is an answer), changed or withdrawn at any time from their page or the API.
// Only the statistics by sex read it, and only as counts; the audit trail records that it changed, never the answer.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { placementProfile } from './campaigns.table.ts';
import { PlacementProfileInput } from './campaigns.schemas.ts';

async function profileOf(db: DbOrTx, userId: string) {
	const [row] = await db.select({ sex: placementProfile.sex, updatedAt: placementProfile.updatedAt }).from(placementProfile).where(eq(placementProfile.userId, userId));
	return { sex: row?.sex ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** The caller's own declaration (null: not stated). */
export async function myPlacementProfile(ctx: RequestContext) {
	const actor = ctx.require('placement.pipeline.own');
	return profileOf(ctx.db, actor.userId);
}

/** Saves the caller's answer, or withdraws it (`sex` empty); audited without the answer. */
export async function setMyPlacementProfile(ctx: RequestContext, raw: unknown) {
	const actor = ctx.require('placement.pipeline.own');
	const { sex } = parseOrThrow(PlacementProfileInput, raw);
	return ctx.transaction(async ({ db, audit, now }) => {
		const before = await profileOf(db, actor.userId);
		if (before.sex === sex) return before;
		if (sex === null) await db.delete(placementProfile).where(eq(placementProfile.userId, actor.userId));
		else {
			const values = { sex, updatedAt: now(), isSample: false };
			await db.insert(placementProfile).values({ userId: actor.userId, ...values }).onConflictDoUpdate({ target: placementProfile.userId, set: values });
		}
		await recordAudit(db, audit, { action: 'placement_profile.update', resourceType: 'placement_profile', resourceId: actor.userId, before: { sexStated: before.sex !== null }, after: { sexStated: sex !== null } });
		return profileOf(db, actor.userId);
	});
}

/** The person's declaration, for their data export (null: not stated). */
export async function exportPlacementProfile(db: DbOrTx, userId: string) {
	const found = await profileOf(db, userId);
	return found.sex ? found : null;
}

/** Deleting the account removes it. */
export async function erasePlacementProfile(tx: DbOrTx, userId: string) {
	return (await tx.delete(placementProfile).where(eq(placementProfile.userId, userId)).returning({ id: placementProfile.userId })).length;
}
