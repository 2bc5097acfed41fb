import { eq } from 'drizzle-orm';
import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { returnChecklist } from './return.table.ts';

/**
 * What Return holds about a person: their saved checklist (answers about their return and the steps
 * ticked). Exported with `/api/v1/me/export`, erased with the account.
 */
export const returnPersonalData: PersonalDataHooks = {
	tables: [{ table: returnChecklist, userColumn: returnChecklist.userId, exportKey: 'returnChecklist' }],
	async export(db, actor) {
		const rows = await db.select().from(returnChecklist).where(eq(returnChecklist.userId, actor.userId));
		return { returnChecklist: rows.map((row) => ({ answers: row.answers, ticked: row.ticked, updatedAt: row.updatedAt.toISOString() })) };
	},
	async erase(tx, userId) {
		const removed = await tx.delete(returnChecklist).where(eq(returnChecklist.userId, userId)).returning({ userId: returnChecklist.userId });
		return { removed: removed.length ? ['returnChecklist'] : [] };
	}
};
