import { sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../db/database.ts';
import { organisation, organisationMember, user, account } from '../accounts/accounts.table.ts';
import type { Role, OrganisationType } from '../accounts/accounts.model.ts';
import { recordAudit, systemContext } from '../audit/audit.service.ts';
import { loadModulesDemoData } from '../reference-data.ts';
import type { DemoDataOptions } from '../kernel/manifest.ts';
import { loadSiteDemoData } from '../site/site.service.ts';

/** Password of every demo account (demo mode only; never in production by default). */
export const DEMO_PASSWORD = 'sharaka-demo-2026';

/** Organisations named in the seed documents (real organisations, not samples). */
const seedOrganisations: { slug: string; name: string; acronym: string; type: OrganisationType; country: string; website?: string }[] = [
	{ slug: 'mdcmre', name: 'Ministère délégué chargé des Marocains résidant à l’étranger', acronym: 'MDCMRE', type: 'ministry', country: 'MA' },
	{ slug: 'anapec', name: 'Agence nationale de promotion de l’emploi et des compétences', acronym: 'ANAPEC', type: 'public_agency', country: 'MA', website: 'https://www.anapec.org' },
	{ slug: 'expertise-france', name: 'Expertise France', acronym: 'EF', type: 'cooperation_agency', country: 'FR', website: 'https://www.expertisefrance.fr' },
	{ slug: 'giz', name: 'Deutsche Gesellschaft für Internationale Zusammenarbeit', acronym: 'GIZ', type: 'cooperation_agency', country: 'DE', website: 'https://www.giz.de' },
	{ slug: 'enabel', name: 'CTB — Coopération technique belge (aujourd’hui Enabel)', acronym: 'CTB', type: 'cooperation_agency', country: 'BE', website: 'https://www.enabel.be' },
	{ slug: 'oim', name: 'Organisation internationale pour les migrations', acronym: 'OIM', type: 'un_agency', country: 'MA', website: 'https://morocco.iom.int' },
	{ slug: 'delegation-ue', name: 'Délégation de l’Union européenne au Maroc', acronym: 'DUE', type: 'cooperation_agency', country: 'MA' },
	{ slug: 'migration-et-developpement', name: 'Migration et Développement', acronym: 'M&D', type: 'ngo', country: 'MA' }
];

/** One sample account per role, so a visitor can try each space. */
const demoAccounts: { email: string; name: string; role: Role; organisation?: string }[] = [
	{ email: 'admin@demo.sharaka.ma', name: 'Amina Administratrice (exemple)', role: 'administrator', organisation: 'mdcmre' },
	{ email: 'moderator@demo.sharaka.ma', name: 'Youssef Modérateur (exemple)', role: 'moderator', organisation: 'mdcmre' },
	{ email: 'counsellor@demo.sharaka.ma', name: 'Salma Conseillère (exemple)', role: 'counsellor', organisation: 'anapec' },
	{ email: 'partner@demo.sharaka.ma', name: 'Pierre Partenaire (exemple)', role: 'partner', organisation: 'expertise-france' },
	{ email: 'member@demo.sharaka.ma', name: 'Awa Membre (exemple)', role: 'member' }
];

/**
 * Loads the demo data once, into a database with no account yet (reference data such as the
 * organisations the seeds name may already be there). Returns whether it did.
 */
export async function loadDemoDataIfEmpty(db: Db, options: DemoDataOptions = {}): Promise<boolean> {
	const [{ people }] = await db.select({ people: sql<number>`count(*)::int` }).from(user);
	if (people > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		const context = systemContext('system');
		const inserted = await tx
			.insert(organisation)
			.values(seedOrganisations)
			.onConflictDoNothing({ target: organisation.slug })
			.returning();
		for (const row of inserted) {
			await recordAudit(tx, context, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, after: row });
		}
		const bySlug = new Map(
			(await tx.select({ id: organisation.id, slug: organisation.slug }).from(organisation)).map((row) => [row.slug, row.id])
		);
		for (const person of demoAccounts) {
			const id = crypto.randomUUID();
			await tx.insert(user).values({ id, email: person.email, name: person.name, role: person.role, emailVerified: true, locale: 'fr' });
			await tx.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
			if (person.organisation) {
				await tx.insert(organisationMember).values({ organisationId: bySlug.get(person.organisation)!, userId: id });
			}
			await recordAudit(tx, context, {
				action: 'user.create',
				resourceType: 'user',
				resourceId: id,
				after: { email: person.email, role: person.role, demo: true }
			});
		}
	});
	await loadSiteDemoData(db);
	await loadModulesDemoData(db, options);
	return true;
}
