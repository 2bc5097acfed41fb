import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../platform/audit/audit.service.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { atlasProvince, atlasRegion, exchangeRate, initiative, initiativeVersion } from './atlas.table.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';
import { RATE_NOTE, seedInitiatives, seedOrganisationRefs, seedOrganisations, seedRates } from './seed/initiatives.ts';
import { atlasImportOrganisationRef } from './import/import.table.ts';
import { createInitiatives, updateInitiative } from './initiative.service.ts';
import { normaliseVersion } from './moderation/diff.ts';
import { isAppError } from '../../platform/http/app-error.ts';
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
	await correctSeedInitiatives(db, seedInitiatives.filter((entry) => present.has(entry.slug!)));
	if (missing.length) await createSeedInitiatives(db, missing);
	await ensureOrganisationRefs(db);
}

async function createSeedInitiatives(db: Db, missing: typeof seedInitiatives): Promise<void> {
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
		await createInitiatives(ctx, missing, { comment: SEED_COMMENT });
	});
}

/**
 * The IATI identifiers of organisations the Atlas knows, so that an import matches them by identifier
 * before any name (an IOM file's "XM-DAC-47066" is the OIM the seeds name, not a second organisation).
 * Only identifiers the Atlas holds organisations for; a moderator's later choices stay as they are.
 */
async function ensureOrganisationRefs(db: Db): Promise<void> {
	const rows = await db
		.select({ id: organisation.id, slug: organisation.slug })
		.from(organisation)
		.where(inArray(organisation.slug, Object.keys(seedOrganisationRefs)));
	const values = rows.flatMap((row) => seedOrganisationRefs[row.slug].map((ref) => ({ ref, organisationId: row.id })));
	if (values.length) await db.insert(atlasImportOrganisationRef).values(values).onConflictDoNothing();
}

/** A version as comparable text: a field left out and a field set to null say the same (unknown). */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, item) => (item === null ? undefined : item));
}

const SEED_COMMENT = 'Données initiales issues des documents de référence';
const SEED_CORRECTION_COMMENT = 'Données initiales complétées d’après les documents de référence';

/**
 * The seeds' facts are reviewed over time (issue 16 gave years, components, deliverables, partners). A real
 * initiative nobody has edited since the seeds loaded it — every version of it written by the system from
 * the seeds — gets the reviewed facts as a new version (history kept); one a person edited is left to them.
 */
async function correctSeedInitiatives(db: Db, entries: typeof seedInitiatives): Promise<void> {
	if (!entries.length) return;
	const rows = await db
		.select({ id: initiative.id, slug: initiative.slug, version: initiative.version, snapshot: initiativeVersion.snapshot })
		.from(initiative)
		.innerJoin(initiativeVersion, and(eq(initiativeVersion.initiativeId, initiative.id), eq(initiativeVersion.number, initiative.version)))
		.where(
			and(
				inArray(initiative.slug, entries.map((entry) => entry.slug!)),
				sql`not exists (select 1 from ${initiativeVersion} v where v.initiative_id = ${initiative.id}
					and (v.author_user_id is not null or v.comment is distinct from ${SEED_COMMENT} and v.comment is distinct from ${SEED_CORRECTION_COMMENT}))`
			)
		);
	const stale = rows.filter((row) => {
		const entry = entries.find((candidate) => candidate.slug === row.slug)!;
		return canonical(normaliseVersion(row.snapshot)) !== canonical(normaliseVersion(entry));
	});
	if (!stale.length) return;
	// the larger initiatives first, so that a component's programme already has its reviewed facts
	const order = (slug: string) => entries.findIndex((entry) => entry.slug === slug);
	const ctx = createContext({ db, actor: null, audit: systemContext('system') });
	for (const row of stale.sort((a, b) => order(a.slug) - order(b.slug))) {
		const entry = entries.find((candidate) => candidate.slug === row.slug)!;
		try {
			await updateInitiative(ctx, row.id, entry, { expectedVersion: row.version, comment: SEED_CORRECTION_COMMENT });
		} catch (error) {
			// another instance starting at the same time corrected it first
			if (!(isAppError(error) && error.code === 'conflict')) throw error;
		}
	}
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
