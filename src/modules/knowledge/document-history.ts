// A library document's history: every published version (when, from which organisation, who proposed
// and who published it — names for the Knowledge editors only, as the Atlas's history shows organisations
// alone to everyone), what each version changed, and an editor's restore of an earlier version as a new
// one (nothing is lost; the new version says which it restores).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { diffVersions } from '../../platform/moderation/diff.ts';
import { reviewersOfVersions } from '../../platform/moderation/moderation.service.ts';
import { describeDocumentChange, type ValueNames } from './diff-labels.ts';
import { documentProposals, updateDocument } from './document.service.ts';
import { linkNames, withLinks } from './document-links.ts';
import { documentsCollection } from './knowledge.model.ts';
import { DocumentInput } from './knowledge.schemas.ts';
import { document, documentVersion, type StoredPdf } from './knowledge.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const whereDocument = (idOrSlug: string) => (UUID.test(idOrSlug) ? eq(document.id, idOrSlug) : eq(document.slug, idOrSlug.toLowerCase()));

/** The longest note an editor may give with a restore. */
export const RESTORE_COMMENT_MAX = 1000;

type Snapshot = Record<string, unknown>;

/**
 * Names for the values of these versions: each file by its hash (name and pages), each organisation by its
 * slug, each link by the record it names (its kind and title in `language`; a version from before links
 * names its initiatives by slug, read as links).
 */
export async function valueNamesFor(db: DbOrTx, language: Language, versions: readonly unknown[]): Promise<ValueNames> {
	const files = new Map<string, string>();
	const slugs = new Set<string>();
	const links = new Set<string>();
	for (const version of versions) {
		if (!version || typeof version !== 'object') continue;
		const data = version as { file?: StoredPdf | null; organisations?: unknown };
		if (data.file?.key) files.set(data.file.key, translate(language, 'knowledge.history_file_value', { name: data.file.name, pages: data.file.pages }));
		if (Array.isArray(data.organisations)) for (const slug of data.organisations) if (typeof slug === 'string') slugs.add(slug);
		for (const value of withLinks(data).links) links.add(value);
	}
	const names = slugs.size
		? new Map((await db.select({ slug: organisation.slug, name: organisation.name }).from(organisation).where(inArray(organisation.slug, [...slugs]))).map((row) => [row.slug, row.name]))
		: new Map<string, string>();
	const records = await linkNames(db, [...links], language);
	return {
		file: (key) => files.get(key),
		organisation: (slug) => names.get(slug),
		link: (value) => {
			const record = records.get(value);
			return record ? { kind: record.kind, label: record.label, lang: record.lang, isSample: record.isSample } : undefined;
		}
	};
}

/** What differs from `before` to `after`, described in the context's language. */
async function describedChanges(ctx: RequestContext, before: unknown, after: unknown) {
	const { comparable, fields } = documentProposals.diff;
	const names = await valueNamesFor(ctx.db, ctx.language, [before, after]);
	return diffVersions(comparable(before), comparable(after), fields).map((change) => describeDocumentChange(ctx.language, change, names));
}

async function findDocument(db: DbOrTx, idOrSlug: string) {
	const [row] = await db.select({ id: document.id, slug: document.slug, version: document.version, title: document.title }).from(document).where(whereDocument(idOrSlug));
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * A document's published versions, newest first, with the fields each changed; and for the version
 * asked (the current one by default) what it changed from the one before, field by field. Everyone
 * may read it (the library is public); proposers' and publishers' names are for the Knowledge editors.
 */
export async function documentHistory(ctx: RequestContext, idOrSlug: string, options: { version?: number } = {}) {
	const doc = await findDocument(ctx.db, idOrSlug);
	const editor = ctx.can('knowledge.moderate');
	const rows = await ctx.db
		.select({
			number: documentVersion.number,
			createdAt: documentVersion.createdAt,
			comment: documentVersion.comment,
			snapshot: documentVersion.snapshot,
			authorUserId: documentVersion.authorUserId,
			proposer: user.name,
			organisation: organisation.name
		})
		.from(documentVersion)
		.leftJoin(user, eq(user.id, documentVersion.authorUserId))
		.leftJoin(organisation, eq(organisation.id, documentVersion.authorOrganisationId))
		.where(eq(documentVersion.documentId, doc.id))
		.orderBy(asc(documentVersion.number));
	const reviewers = editor ? await reviewersOfVersions(ctx.db, documentsCollection, doc.id) : new Map<number, string | null>();
	const { comparable, fields } = documentProposals.diff;
	const versions = rows.map((row, index) => {
		const restoredFrom = Number((row.snapshot as Snapshot).restoredFrom) || null;
		return {
			number: row.number,
			createdAt: row.createdAt.toISOString(),
			organisation: row.organisation,
			comment: row.comment,
			restoredFrom,
			/** the fields this version changed (none for the first) */
			changed: index === 0 ? [] : [...new Set(diffVersions(comparable(rows[index - 1]!.snapshot), comparable(row.snapshot), fields).map((change) => change.field))],
			// who proposed it and who published it: an approved proposal's reviewer, else its author published it
			// (null: an account since closed, or reference data)
			people: editor ? { proposer: row.proposer, publisher: reviewers.has(row.number) ? (reviewers.get(row.number) ?? null) : row.proposer } : null
		};
	});
	const number = options.version ?? doc.version;
	const index = rows.findIndex((row) => row.number === number);
	if (index < 0) throw new AppError('not_found');
	return {
		document: doc,
		versions: versions.reverse(),
		selected: number,
		changes: index === 0 ? [] : await describedChanges(ctx, rows[index - 1]!.snapshot, rows[index]!.snapshot),
		canRestore: editor
	};
}

/** What restoring `number` would change in the current version (Knowledge editors): the confirmation step. */
export async function restorePreview(ctx: RequestContext, idOrSlug: string, number: number) {
	ctx.require('knowledge.moderate');
	const doc = await findDocument(ctx.db, idOrSlug);
	if (!Number.isInteger(number)) throw new AppError('not_found');
	const snapshots = await ctx.db
		.select({ number: documentVersion.number, snapshot: documentVersion.snapshot })
		.from(documentVersion)
		.where(and(eq(documentVersion.documentId, doc.id), inArray(documentVersion.number, [number, doc.version])));
	const chosen = snapshots.find((row) => row.number === number);
	const current = snapshots.find((row) => row.number === doc.version);
	if (!chosen || !current) throw new AppError('not_found');
	return { number, currentVersion: doc.version, isCurrent: number === doc.version, changes: await describedChanges(ctx, current.snapshot, chosen.snapshot) };
}

/**
 * Publishes an earlier version again as a new version (Knowledge editors), attributed to the editor, with
 * their note, in one transaction with its audit event. Refused when the document changed since the
 * editor's confirmation (`stale_version`), when the version is the current one (`already_current`) or
 * when its file is no longer stored (`file_missing`). Another file than the current one: its text is
 * extracted again in the background (the pages of the current one stop answering searches at once).
 */
export async function restoreDocumentVersion(ctx: RequestContext, idOrSlug: string, number: number, options: { expectedVersion: number; comment?: string }) {
	const who = ctx.require('knowledge.moderate');
	const comment = (options.comment ?? '').trim();
	if (comment.length > RESTORE_COMMENT_MAX) throw new AppError('invalid_input', { fields: [{ path: 'comment', messageKey: 'field_too_long', values: { max: RESTORE_COMMENT_MAX } }] });
	if (!Number.isInteger(number) || number < 1) throw new AppError('not_found');
	return ctx.transaction(async (tx) => {
		const [current] = await tx.db.select({ id: document.id, slug: document.slug, version: document.version, fileKey: document.fileKey }).from(document).where(whereDocument(idOrSlug)).for('update');
		if (!current) throw new AppError('not_found');
		if (current.version !== options.expectedVersion) throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: current.version } });
		const [version] = await tx.db
			.select({ snapshot: documentVersion.snapshot })
			.from(documentVersion)
			.where(and(eq(documentVersion.documentId, current.id), eq(documentVersion.number, number)));
		if (!version) throw new AppError('not_found');
		if (number === current.version) throw new AppError('conflict', { extra: { reason: 'already_current', currentVersion: current.version } });
		// a version published before links (migration 0068) names its initiatives by slug: restored as links
		const data = parseOrThrow(DocumentInput, withLinks(version.snapshot as Snapshot));
		const fileChanged = (data.file?.key ?? null) !== current.fileKey;
		if (fileChanged && data.file && tx.files && !(await tx.files.exists(data.file.key))) throw new AppError('conflict', { extra: { reason: 'file_missing' } });
		const published = await updateDocument(tx, current.id, { ...data, slug: current.slug }, { userId: who.userId, organisationId: who.organisationIds[0] ?? null, comment: comment || null }, current.version, { restoredFrom: number });
		await recordAudit(tx.db, tx.audit, {
			action: 'knowledge_document.restore_version',
			resourceType: 'knowledge_document',
			resourceId: current.id,
			before: { version: current.version },
			after: { version: published.version, restoredFrom: number, comment: comment || null }
		});
		return { ...published, restoredFrom: number, fileChanged };
	});
}
