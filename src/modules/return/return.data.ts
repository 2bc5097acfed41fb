import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import { ChecklistAnswers } from './return.schemas.ts';
import { returnChecklist } from './return.table.ts';
import { ensureGuidePages } from './guide.ts';
import { ensurePensionCountries } from './pension.service.ts';

/** Real reference data, created once at every start: the guide's pages and the host countries' rows. */
export async function ensureReturnReferenceData(db: Db): Promise<void> {
	await ensureGuidePages(db);
	await ensurePensionCountries(db);
}

/**
 * Demo: the demo member (a sample account) has a saved checklist — a retiree coming back from Belgium —
 * so that my space, the export and the account deletion show something. Leaves an existing one as it is.
 */
export async function loadReturnDemoData(db: Db): Promise<void> {
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	if (!member) return;
	const answers = ChecklistAnswers.parse({ profile: 'retiree', hostCountry: 'BE', region: 'MA-04', retiring: 'on' });
	await db.insert(returnChecklist).values({ userId: member.id, answers, ticked: ['documents_gather'] }).onConflictDoNothing();
}
