// The person's rights over their agency: access (data export) and erasure (account deletion). The
// follow-up's notes, appointments and referrals are the platform's casework, exported and erased by it.
// Kept apart from the services so that seekers.service.ts can call it without an import cycle.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { agency, seekerAgency } from './counsellors.table.ts';

/** The agency the person chose, for their data export. */
export async function exportFollowUp(db: DbOrTx, userId: string) {
	const [chosen] = await db
		.select({ name: agency.name, city: agency.city, chosenAt: seekerAgency.chosenAt })
		.from(seekerAgency)
		.innerJoin(agency, eq(agency.id, seekerAgency.agencyId))
		.where(eq(seekerAgency.userId, userId));
	return { agency: chosen ? { name: chosen.name, city: chosen.city, chosenAt: chosen.chosenAt.toISOString() } : null };
}

/** Removes the person's choice of agency, inside the account deletion's transaction. */
export async function removeFollowUpOf(tx: DbOrTx, userId: string) {
	await tx.delete(seekerAgency).where(eq(seekerAgency.userId, userId));
}
