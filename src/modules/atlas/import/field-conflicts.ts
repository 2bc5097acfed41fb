// Fields of re-imported initiatives that someone changed on the platform since the last import and that
// the file changes too (issue #17 rule 14, see provenance.ts). A moderator's import keeps the Atlas's value
// and lists both here; a moderator keeps the Atlas's value or takes the file's, which writes a new version.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { initiative } from '../atlas.table.ts';
import { updateInitiative } from '../initiative.service.ts';
import { atlasImport, atlasImportFieldConflict, type FieldConflictDecision } from './import.table.ts';
import { currentData } from './apply.ts';
import { fieldValue, sameValue, withFieldValue } from './provenance.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FieldConflictView {
	position: number;
	field: string;
	initiative: { id: string; slug: string; title: Record<string, string | undefined> };
	lastImport: unknown;
	atlas: unknown;
	file: unknown;
	decision: FieldConflictDecision;
	decidedAt: string | null;
}

/** The conflicts of one import, undecided first, by activity and field. */
export async function fieldConflictsOf(db: DbOrTx, importId: string): Promise<FieldConflictView[]> {
	const c = atlasImportFieldConflict;
	const rows = await db
		.select({
			position: c.position,
			field: c.field,
			lastImport: c.lastImportValue,
			atlas: c.atlasValue,
			file: c.fileValue,
			decision: c.decision,
			decidedAt: c.decidedAt,
			initiativeId: initiative.id,
			slug: initiative.slug,
			title: initiative.title
		})
		.from(c)
		.innerJoin(initiative, eq(initiative.id, c.initiativeId))
		.where(eq(c.importId, importId))
		.orderBy(asc(c.position), asc(c.field));
	return rows
		.map((row) => ({
			position: row.position,
			field: row.field,
			initiative: { id: row.initiativeId, slug: row.slug, title: row.title as Record<string, string | undefined> },
			lastImport: row.lastImport,
			atlas: row.atlas,
			file: row.file,
			decision: row.decision,
			decidedAt: row.decidedAt?.toISOString() ?? null
		}))
		.sort((x, y) => Number(x.decision !== 'pending') - Number(y.decision !== 'pending'));
}

/** How many conflicts wait for a moderator in every import (my space). */
export async function countUndecidedFieldConflicts(db: DbOrTx): Promise<number> {
	const [row] = await db.select({ n: count() }).from(atlasImportFieldConflict).where(eq(atlasImportFieldConflict.decision, 'pending'));
	return Number(row.n);
}

/** The oldest import with conflicts still waiting (where my space leads). */
export async function oldestImportWithUndecidedConflicts(db: DbOrTx): Promise<string | null> {
	const [row] = await db
		.select({ importId: atlasImportFieldConflict.importId })
		.from(atlasImportFieldConflict)
		.where(eq(atlasImportFieldConflict.decision, 'pending'))
		.orderBy(asc(atlasImportFieldConflict.createdAt))
		.limit(1);
	return row?.importId ?? null;
}

export interface FieldConflictDecisionInput {
	position: number;
	field: string;
	decision: 'atlas' | 'file';
}

/**
 * A moderator decides conflicts of an import: `atlas` keeps the platform's value, `file` writes a new
 * version with the file's (refused when the field changed again since the import: the moderator looks
 * again). All or nothing, each decision audited; an unknown conflict is a field error.
 */
export async function decideFieldConflicts(ctx: RequestContext, importId: string, decisions: FieldConflictDecisionInput[]): Promise<number> {
	ctx.require('atlas.moderate');
	if (!UUID.test(importId)) throw new AppError('not_found');
	const [found] = await ctx.db.select({ id: atlasImport.id, fileName: atlasImport.fileName, kind: atlasImport.kind }).from(atlasImport).where(eq(atlasImport.id, importId));
	if (!found) throw new AppError('not_found');
	const c = atlasImportFieldConflict;
	const positions = [...new Set(decisions.map((entry) => entry.position).filter(Number.isInteger))];
	const rows = positions.length ? await ctx.db.select().from(c).where(and(eq(c.importId, importId), inArray(c.position, positions))) : [];
	const byKey = new Map(rows.map((row) => [`${row.position}|${row.field}`, row]));
	const invalid = decisions.flatMap((entry, index) =>
		!byKey.has(`${entry.position}|${entry.field}`) || (entry.decision !== 'atlas' && entry.decision !== 'file') ? [{ path: `decisions.${index}`, messageKey: 'field_choice' }] : []
	);
	if (invalid.length) throw new AppError('invalid_input', { fields: invalid });
	const comment = translate(ctx.language as Language, 'atlas_conflicts.version_comment', { file: found.fileName, kind: found.kind.toUpperCase() }).slice(0, 1000);
	let changed = 0;
	await ctx.transaction(async (inTx) => {
		const { db: tx, audit } = inTx;
		for (const entry of decisions) {
			const row = byKey.get(`${entry.position}|${entry.field}`)!;
			if (row.decision === entry.decision) continue;
			if (entry.decision === 'file') {
				const current = await currentData(tx, row.initiativeId);
				if (!current) throw new AppError('not_found');
				if (!sameValue(fieldValue(current.data, row.field), row.atlasValue)) {
					throw new AppError('conflict', { extra: { reason: 'field_changed_since', position: row.position, field: row.field } });
				}
				await updateInitiative(inTx, row.initiativeId, withFieldValue(current.data, row.field, row.fileValue), {
					userId: ctx.actor?.userId ?? null,
					organisationId: ctx.actor?.organisationIds[0] ?? null,
					comment,
					expectedVersion: current.version
				});
			}
			await tx
				.update(c)
				.set({ decision: entry.decision, decidedAt: ctx.now() })
				.where(and(eq(c.importId, importId), eq(c.position, row.position), eq(c.field, row.field)));
			await recordAudit(tx, audit, {
				action: 'atlas_import.field_conflict',
				resourceType: 'atlas_import',
				resourceId: importId,
				before: { position: row.position, field: row.field, decision: row.decision },
				after: { position: row.position, field: row.field, initiativeId: row.initiativeId, decision: entry.decision }
			});
			changed++;
		}
	});
	return changed;
}
