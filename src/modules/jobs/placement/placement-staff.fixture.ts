// Tests' set-up shared by the placement services' tests: the reference agencies (by name), the division (a
// member with the placement division's grant) and a counsellor of the first agency.
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { aPerson, type Person } from '../../../platform/testing/people.ts';
import { agency, agencyCounsellor } from '../counsellors/counsellors.table.ts';

export async function placementStaff(db: DbOrTx): Promise<{ agencies: { id: string; name: string }[]; division: Actor; rabat: Person }> {
	const agencies = await db.select({ id: agency.id, name: agency.name }).from(agency).orderBy(asc(agency.name));
	const person = (await aPerson(db, { role: 'member' })).actor;
	const division: Actor = { ...person, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	const rabat = await aPerson(db, { role: 'counsellor' });
	await db.insert(agencyCounsellor).values({ agencyId: agencies[0].id, userId: rabat.actor.userId });
	return { agencies, division, rabat };
}
