// The documents of a person's file (ADR 0010): added by the staff of the team following the person,
// checked by their content, kept in the file store, downloaded by that team's staff and by the person.
// Every download is an audited read; removing one is audited and takes the file away.
import crypto from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { recordAudit, recordPersonalDataRead } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { parseOrThrow } from '../http/validation.ts';
import type { RequestContext } from '../kernel/context.ts';
import { userName } from '../accounts/user-name.ts';
import { checkDocument, documentMediaTypes, type DocumentFormat } from '../storage/file-check.ts';
import type { FileStore } from '../storage/file-store.ts';
import type { Caseload } from './caseload.ts';
import { CASE_DOCUMENT_MAX_BYTES } from './casework.model.ts';
import { DocumentInput } from './casework.schemas.ts';
import { followedBy, isCaseworkId, requireStaff } from './casework.access.ts';
import { caseDocument, type CaseDocumentRow } from './casework.table.ts';

/** The file store's folder of case documents (backups carry it; a restore checks each file is there). */
export const CASE_DOCUMENT_PREFIX = 'case-documents/';
const extensions: Record<DocumentFormat, string> = { pdf: 'pdf', jpeg: 'jpg', png: 'png' };

/** The name shown and given back: the last part of what the browser sent, without control characters, ending as its format does. */
export function cleanFileName(sent: string, format: DocumentFormat): string {
	const base = (sent.split(/[\\/]/).pop() ?? '')
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Cf}"]/gu, '')
		.trim()
		.slice(0, 150);
	const extension = extensions[format];
	const known = format === 'jpeg' ? /\.jpe?g$/i : new RegExp(`\\.${extension}$`, 'i');
	if (!base || base.startsWith('.')) return `document.${extension}`;
	return known.test(base) ? base : `${base}.${extension}`;
}

const fileRefusal = (code: 'invalid_input' | 'payload_too_large' | 'unsupported_media_type', reason: string, messageKey = 'field_invalid') =>
	new AppError(code, { fields: [{ path: 'file', messageKey }], extra: { reason }, values: code === 'payload_too_large' ? { limit: '5 MB' } : undefined });

/** The documents of one file as its page lists them (newest first). */
function documentView(row: CaseDocumentRow) {
	return {
		id: row.id,
		kind: row.kind,
		fileName: row.fileName,
		mediaType: row.mediaType,
		bytes: row.bytes,
		addedBy: row.addedByLabel,
		createdAt: row.createdAt.toISOString()
	};
}
export type CaseDocument = ReturnType<typeof documentView>;

/** The documents one team keeps for a person (the file's page). */
export async function documentsOfFile(db: DbOrTx, caseload: Caseload, personId: string, teamId: string): Promise<CaseDocument[]> {
	const rows = await db
		.select()
		.from(caseDocument)
		.where(and(eq(caseDocument.caseload, caseload.key), eq(caseDocument.personUserId, personId), eq(caseDocument.teamId, teamId)))
		.orderBy(desc(caseDocument.createdAt), asc(caseDocument.id));
	return rows.map(documentView);
}

/** The documents of the file a staff member of the team following the person opens (the API's list); an audited read. */
export async function listCaseDocuments(ctx: RequestContext, caseload: Caseload, personId: string): Promise<CaseDocument[]> {
	requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	const documents = await documentsOfFile(ctx.db, caseload, personId, team.teamId);
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'case_document', ids: documents.map((row) => row.id), view: 'team_list' });
	return documents;
}

/**
 * What an API request adding a document sends: a `multipart/form-data` form with `kind` and a `file` — the
 * file page's form. Any other body is 415 (`document_multipart`); a form without a file is `field_required` on `file`.
 */
export async function documentUploadOf(request: Request): Promise<{ kind: unknown; fileName: string; bytes: Uint8Array }> {
	if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) throw fileRefusal('unsupported_media_type', 'document_multipart');
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		throw fileRefusal('invalid_input', 'document_form');
	}
	const file = data.get('file');
	if (!file || typeof file === 'string') throw fileRefusal('invalid_input', 'document_empty', 'field_required');
	return { kind: data.get('kind'), fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * A staff member of the team following the person adds a document: empty, over 5 MB, not a PDF or a
 * whole JPEG/PNG picture, or a PDF that could run code is refused on the `file` field, and nothing is kept.
 */
export async function addCaseDocument(ctx: RequestContext, caseload: Caseload, personId: string, input: { kind: unknown; fileName: string; bytes: Uint8Array }) {
	const actor = requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	const { kind } = parseOrThrow(DocumentInput, { kind: input.kind });
	if (input.bytes.byteLength === 0) throw fileRefusal('invalid_input', 'document_empty', 'field_required');
	if (input.bytes.byteLength > CASE_DOCUMENT_MAX_BYTES) throw fileRefusal('payload_too_large', 'document_too_large');
	const format = await checkDocument(input.bytes);
	if (format === 'active_content') throw fileRefusal('unsupported_media_type', 'document_active_content');
	if (!format) throw fileRefusal('unsupported_media_type', 'document_type');
	const files = storeOf(ctx);
	const storageKey = `${CASE_DOCUMENT_PREFIX}${crypto.randomBytes(16).toString('hex')}.${extensions[format]}`;
	const addedByLabel = await userName(ctx.db, actor.userId);
	// the file first: a row never names a file that is not there; a failed insert removes the file
	await files.put(storageKey, input.bytes);
	try {
		return await ctx.transaction(async ({ db, audit }) => {
			const [row] = await db
				.insert(caseDocument)
				.values({
					caseload: caseload.key,
					teamId: team.teamId,
					personUserId: personId,
					kind,
					fileName: cleanFileName(input.fileName, format),
					mediaType: documentMediaTypes[format],
					bytes: input.bytes.byteLength,
					storageKey,
					addedByUserId: actor.userId,
					addedByLabel,
					createdAt: ctx.now()
				})
				.returning();
			await recordAudit(db, audit, {
				action: 'case_document.create',
				resourceType: 'case_document',
				resourceId: row.id,
				after: { caseload: caseload.key, personId, teamId: team.teamId, kind, mediaType: row.mediaType, bytes: row.bytes }
			});
			return documentView(row);
		});
	} catch (failure) {
		await files.delete(storageKey);
		throw failure;
	}
}

function storeOf(ctx: RequestContext): FileStore {
	if (!ctx.files) throw new AppError('internal', { extra: { reason: 'no_file_store' } });
	return ctx.files;
}

async function documentRow(ctx: RequestContext, caseload: Caseload, documentId: string, where: ReturnType<typeof and>) {
	if (!isCaseworkId(documentId)) throw new AppError('not_found');
	const [row] = await ctx.db
		.select()
		.from(caseDocument)
		.where(and(eq(caseDocument.id, documentId), eq(caseDocument.caseload, caseload.key), where));
	if (!row) throw new AppError('not_found');
	return row;
}

async function handOver(ctx: RequestContext, row: CaseDocumentRow, view: string) {
	const bytes = await storeOf(ctx).get(row.storageKey);
	if (!bytes) throw new AppError('not_found');
	await recordAudit(ctx.db, ctx.audit, {
		action: 'personal_data.read',
		resourceType: 'case_document',
		resourceId: row.id,
		after: { view, personId: row.personUserId, caseload: row.caseload }
	});
	return { bytes, mediaType: row.mediaType, fileName: row.fileName };
}

/** A staff member of the team keeping the document downloads it (an audited read). */
export async function readCaseDocument(ctx: RequestContext, caseload: Caseload, personId: string, documentId: string) {
	requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	const row = await documentRow(ctx, caseload, documentId, and(eq(caseDocument.personUserId, personId), eq(caseDocument.teamId, team.teamId)));
	return handOver(ctx, row, 'team');
}

/** A staff member of the team removes a document (added by mistake, or to the wrong file): the file goes once the removal is recorded. */
export async function deleteCaseDocument(ctx: RequestContext, caseload: Caseload, personId: string, documentId: string) {
	requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	const row = await documentRow(ctx, caseload, documentId, and(eq(caseDocument.personUserId, personId), eq(caseDocument.teamId, team.teamId)));
	await ctx.transaction(async ({ db, audit }) => {
		await db.delete(caseDocument).where(eq(caseDocument.id, row.id));
		await recordAudit(db, audit, {
			action: 'case_document.delete',
			resourceType: 'case_document',
			resourceId: row.id,
			before: { caseload: caseload.key, personId, teamId: team.teamId, kind: row.kind, bytes: row.bytes }
		});
	});
	await storeOf(ctx).delete(row.storageKey);
}

/** The person's own documents of this caseload, whatever the team. */
export async function myCaseDocuments(ctx: RequestContext, caseload: Caseload): Promise<CaseDocument[]> {
	const actor = ctx.require(caseload.actions.seeOwn);
	const rows = await ctx.db
		.select()
		.from(caseDocument)
		.where(and(eq(caseDocument.caseload, caseload.key), eq(caseDocument.personUserId, actor.userId)))
		.orderBy(desc(caseDocument.createdAt), asc(caseDocument.id));
	return rows.map(documentView);
}

/** The person downloads one of their own documents (someone else's is not found). */
export async function readMyCaseDocument(ctx: RequestContext, caseload: Caseload, documentId: string) {
	const actor = ctx.require(caseload.actions.seeOwn);
	const row = await documentRow(ctx, caseload, documentId, eq(caseDocument.personUserId, actor.userId));
	return handOver(ctx, row, 'person');
}
