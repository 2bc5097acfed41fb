import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../platform/audit/audit.service.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { atlasProvince, atlasRegion, exchangeRate, initiative } from './atlas.table.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';
import { RATE_NOTE, seedInitiatives, seedOrganisations, seedRates } from './seed/initiatives.ts';
import { createInitiatives } from './initiative.service.ts';
import { generateInitiatives } from './generate.ts';
import { moderationDraft } from '../../platform/moderation/moderation.table.ts';
import { initiativeProposals } from './moderation/initiative-proposals.ts';

/** How many sample initiatives the demo loads. */
export const DEMO_SAMPLE_COUNT = 120;

/**
 * Reference data this module needs in every database (idempotent; runs at every start, after migrations):
 * Morocco's regions and provinces, the yearly exchange rates, and the real initiatives of the seeds
 * (each loaded once, by slug — a published initiative later edited by moderators is never overwritten).
 */
export async function ensureAtlasReferenceData(db: Db): Promise<void> {
	const [counts] = await db
		.select({
			regions: sql<number>`(select count(*) from ${atlasRegion})::int`,
			provinces: sql<number>`(select count(*) from ${atlasProvince})::int`,
			rates: sql<number>`(select count(*) from ${exchangeRate})::int`
		})
		.from(sql`(select 1) as one`);
	if (counts.regions < regions.length) {
		await db
			.insert(atlasRegion)
			.values(regions.map(({ iso, hcp, nameFr, nameAr, nameEn, population2024 }) => ({ iso, hcp, nameFr, nameAr, nameEn, population2024 })))
			.onConflictDoNothing();
	}
	if (counts.provinces < provinces.length) {
		await db.insert(atlasProvince).values(provinces.map((province) => ({ ...province }))).onConflictDoNothing();
	}
	if (counts.rates === 0) {
		await db
			.insert(exchangeRate)
			.values(seedRates.map((rate) => ({ ...rate, note: RATE_NOTE })))
			.onConflictDoNothing();
	}
	const slugs = seedInitiatives.map((entry) => entry.slug!);
	const present = new Set(
		(await db.select({ slug: initiative.slug }).from(initiative).where(inArray(initiative.slug, slugs))).map((row) => row.slug)
	);
	const missing = seedInitiatives.filter((entry) => !present.has(entry.slug!));
	if (!missing.length) return;
	await createContext({ db, actor: null, audit: systemContext('system') }).transaction(async (ctx) => {
		const tx = ctx.db;
		const created = await tx
			.insert(organisation)
			.values(seedOrganisations.map((entry) => ({ ...entry, website: entry.website ?? null })))
			.onConflictDoNothing({ target: organisation.slug })
			.returning();
		for (const row of created) {
			await recordAudit(tx, ctx.audit, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, after: row });
		}
		await createInitiatives(ctx, missing, { comment: 'Données initiales issues des documents de référence' });
	});
}

/** Sample data, badged as such, loaded once into an empty database in demo mode. */
export async function loadAtlasDemoData(db: Db): Promise<void> {
	const [{ samples }] = await db
		.select({ samples: sql<number>`count(*)::int` })
		.from(initiative)
		.where(sql`${initiative.isSample}`);
	if (samples > 0) return;
	await generateInitiatives(createContext({ db, actor: null, audit: systemContext('system') }), DEMO_SAMPLE_COUNT, { prefix: 'exemple', seed: 2026 });
	// the demo partner has a proposal left half-written, to find in their space and finish
	const [partner] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'partner@demo.sharaka.ma'));
	if (partner) {
		await db.insert(moderationDraft).values({
			collection: initiativeProposals.key,
			userId: partner.id,
			resumePath: '/atlas/initiatives/new',
			values: { title_fr: 'Caravane de l’emploi pour les jeunes de l’Oriental (exemple)', status: 'planned', regions: ['MA-02'], themes: ['legal_migration'] }
		});
	}
}
