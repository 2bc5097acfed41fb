// Name-only organisation matches of an import (issue #17 rule 10): an organisation of the file that the
// Atlas finds only by its name or acronym is proposed, not taken. A moderator confirms (the file's IATI
// identifier is then remembered for this organisation, and the next files match by identifier) or rejects
// (applying creates the file's organisation as one of its own — pending when a partner's file brings it in).
// A moderator's own import is applied once every proposed match is decided; a partner's import may be
// applied before (its proposals name the proposed organisation, whose identifier is not bound), and its
// matches wait in the moderators' queue.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { atlasImport, atlasImportActivity, atlasImportOrganisationMatch, atlasImportOrganisationRef, type OrganisationMatchDecision } from './import.table.ts';
import type { ImportedActivity } from './imported.ts';
import { OrganisationMatcher, type ProposedMatch } from './organisations.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds the name-only matches of an import's readable rows and keeps them (pending) for a moderator. */
export async function proposeOrganisationMatches(db: DbOrTx, importId: string): Promise<number> {
	const matcher = await OrganisationMatcher.load(db);
	const found = new Map<string, ProposedMatch>();
	for (let offset = 0; ; offset += 1000) {
		const rows = await db
			.select({ draft: atlasImportActivity.draft })
			.from(atlasImportActivity)
			.where(and(eq(atlasImportActivity.importId, importId), sql`${atlasImportActivity.draft} is not null`))
			.orderBy(asc(atlasImportActivity.position))
			.limit(1000)
			.offset(offset);
		for (const row of rows) {
			for (const entry of (row.draft as ImportedActivity).organisations) {
				const proposed = matcher.proposedMatch(entry);
				if (proposed && !found.has(proposed.key)) found.set(proposed.key, proposed);
			}
		}
		if (rows.length < 1000) break;
	}
	const values = [...found.values()].map((match) => ({
		importId,
		key: match.key,
		ref: match.ref,
		name: match.name,
		organisationId: match.organisation.id,
		via: match.via
	}));
	for (let start = 0; start < values.length; start += 500) {
		await db.insert(atlasImportOrganisationMatch).values(values.slice(start, start + 500)).onConflictDoNothing();
	}
	return values.length;
}

export interface OrganisationMatchView {
	key: string;
	ref: string | null;
	name: string;
	via: 'name' | 'acronym';
	organisation: { id: string; slug: string; name: string; acronym: string | null };
	decision: OrganisationMatchDecision;
	decidedAt: string | null;
}

/** The name-only matches of one import, undecided first. */
export async function organisationMatchesOf(db: DbOrTx, importId: string): Promise<OrganisationMatchView[]> {
	const m = atlasImportOrganisationMatch;
	const rows = await db
		.select({
			key: m.key,
			ref: m.ref,
			name: m.name,
			via: m.via,
			decision: m.decision,
			decidedAt: m.decidedAt,
			organisationId: organisation.id,
			slug: organisation.slug,
			organisationName: organisation.name,
			acronym: organisation.acronym
		})
		.from(m)
		.innerJoin(organisation, eq(organisation.id, m.organisationId))
		.where(eq(m.importId, importId))
		.orderBy(sql`${m.decision} = 'pending' desc`, asc(m.name));
	return rows.map((row) => ({
		key: row.key,
		ref: row.ref,
		name: row.name,
		via: row.via,
		organisation: { id: row.organisationId, slug: row.slug, name: row.organisationName, acronym: row.acronym },
		decision: row.decision,
		decidedAt: row.decidedAt?.toISOString() ?? null
	}));
}

/** How many matches of this import wait for a moderator. */
export async function undecidedMatches(db: DbOrTx, importId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(atlasImportOrganisationMatch)
		.where(and(eq(atlasImportOrganisationMatch.importId, importId), eq(atlasImportOrganisationMatch.decision, 'pending')));
	return Number(row.n);
}

/** The moderators' queue: imports with matches waiting, with how many wait. */
export async function importsWithUndecidedMatches(ctx: RequestContext, limit = 50) {
	ctx.require('atlas.moderate');
	const m = atlasImportOrganisationMatch;
	const rows = await ctx.db
		.select({ id: atlasImport.id, fileName: atlasImport.fileName, createdAt: atlasImport.createdAt, waiting: count() })
		.from(m)
		.innerJoin(atlasImport, eq(atlasImport.id, m.importId))
		.where(eq(m.decision, 'pending'))
		.groupBy(atlasImport.id, atlasImport.fileName, atlasImport.createdAt)
		.orderBy(asc(atlasImport.createdAt))
		.limit(limit);
	return rows.map((row) => ({ id: row.id, fileName: row.fileName, createdAt: row.createdAt.toISOString(), waiting: Number(row.waiting) }));
}

/** How many name-only matches wait for a moderator, in every import (my space). */
export async function countUndecidedMatches(db: DbOrTx): Promise<number> {
	const [row] = await db.select({ n: count() }).from(atlasImportOrganisationMatch).where(eq(atlasImportOrganisationMatch.decision, 'pending'));
	return Number(row.n);
}

export interface MatchDecisionInput {
	key: string;
	decision: 'confirmed' | 'rejected';
}

/**
 * A moderator confirms or rejects name-only matches of an import (any time: before applying, or after a
 * partner's import was applied). Confirming binds the file's IATI identifier to the organisation. Each
 * decision that changes something is audited in the same transaction; an unknown key is a field error and
 * nothing changes.
 */
export async function decideOrganisationMatches(ctx: RequestContext, importId: string, decisions: MatchDecisionInput[]): Promise<number> {
	ctx.require('atlas.moderate');
	if (!UUID.test(importId)) throw new AppError('not_found');
	const [found] = await ctx.db.select({ id: atlasImport.id }).from(atlasImport).where(eq(atlasImport.id, importId));
	if (!found) throw new AppError('not_found');
	const m = atlasImportOrganisationMatch;
	const keys = decisions.map((entry) => entry.key);
	const rows = keys.length ? await ctx.db.select().from(m).where(and(eq(m.importId, importId), inArray(m.key, keys))) : [];
	const byKey = new Map(rows.map((row) => [row.key, row]));
	const fields = decisions.flatMap((entry, index) =>
		!byKey.has(entry.key) || (entry.decision !== 'confirmed' && entry.decision !== 'rejected') ? [{ path: `decisions.${index}`, messageKey: 'field_choice' }] : []
	);
	if (fields.length) throw new AppError('invalid_input', { fields });
	let changed = 0;
	await ctx.transaction(async ({ db: tx, audit }) => {
		for (const entry of decisions) {
			const row = byKey.get(entry.key)!;
			if (row.decision === entry.decision) continue;
			await tx
				.update(m)
				.set({ decision: entry.decision, decidedAt: ctx.now() })
				.where(and(eq(m.importId, importId), eq(m.key, entry.key)));
			if (entry.decision === 'confirmed' && row.ref) {
				await tx.insert(atlasImportOrganisationRef).values({ ref: row.ref.toUpperCase(), organisationId: row.organisationId }).onConflictDoNothing();
			}
			if (entry.decision === 'rejected' && row.ref) {
				// a rejected identifier no longer leads to the organisation (it was bound before the confirmation existed)
				await tx
					.delete(atlasImportOrganisationRef)
					.where(and(eq(atlasImportOrganisationRef.ref, row.ref.toUpperCase()), eq(atlasImportOrganisationRef.organisationId, row.organisationId)));
			}
			await recordAudit(tx, audit, {
				action: 'atlas_import.organisation_match',
				resourceType: 'atlas_import',
				resourceId: importId,
				before: { key: row.key, decision: row.decision },
				after: { key: row.key, ref: row.ref, name: row.name, organisationId: row.organisationId, decision: entry.decision }
			});
			changed++;
		}
	});
	return changed;
}
