import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { user } from './accounts.table.ts';

/** A person's name as others see it next to what they wrote or did (kept as a label if the account goes). */
export async function userName(db: DbOrTx, userId: string): Promise<string> {
	const [row] = await db.select({ name: user.name }).from(user).where(eq(user.id, userId));
	return row?.name ?? '';
}
