// Partnership agreements of ANAPEC's international placement division (issue 10, item 1): the division
// creates and edits them (every write audited, its history shown), attaches their documents (checked PDFs
// in the file store, or links) and decides what may be published.
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { inspectPdf } from '../../../platform/storage/file-check.ts';
import type { FileStore } from '../../../platform/storage/file-store.ts';
import { occupation } from '../job-offer.table.ts';
import { AGREEMENT_FILE_MAX_BYTES, AGREEMENT_FILE_PREFIX } from './placement.model.ts';
import { AgreementDocumentInput, AgreementInput, AgreementListQuery } from './placement.schemas.ts';
import { placementAgreement, placementAgreementDocument, type PlacementAgreementDocumentRecord, type PlacementAgreementRecord } from './placement.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a document is read: its link, or the page that hands its PDF over. */
export const documentAddress = (agreementId: string, document: Pick<PlacementAgreementDocumentRecord, 'id' | 'kind' | 'url'>) =>
	document.kind === 'link' ? document.url! : `/api/v1/placement-agreements/${agreementId}/documents/${document.id}`;

/** An agreement as the division sees it (everything) — or, with `forPublic`, as everyone may (quotas and documents the division chose). */
export function agreementView(row: PlacementAgreementRecord, documents: PlacementAgreementDocumentRecord[] = [], { forPublic = false } = {}) {
	return {
		id: row.id,
		kind: row.kind,
		partnerName: row.partnerName,
		organisationId: row.organisationId,
		sector: row.sector,
		hostCountry: row.hostCountry,
		title: row.title,
		lang: row.lang,
		summary: row.summary,
		startsOn: row.startsOn,
		endsOn: row.endsOn,
		economicSectors: row.economicSectors,
		occupationCodes: row.occupationCodes,
		quotas: forPublic && !row.quotasPublished ? [] : row.quotas,
		status: row.status,
		documents: documents
			.filter((document) => !forPublic || document.public)
			.map((document) => ({ id: document.id, kind: document.kind, title: document.title, url: documentAddress(row.id, document) })),
		source: row.source,
		isSample: row.isSample
	};
}
export type AgreementView = ReturnType<typeof agreementView>;

/** What the audit trail keeps of an agreement: everything the division wrote, publication choices included. */
const auditView = (row: PlacementAgreementRecord) => ({ ...agreementView(row), published: row.published, quotasPublished: row.quotasPublished });

async function documentsOf(ctx: RequestContext, ids: string[], { publicOnly = false } = {}) {
	const byAgreement = new Map<string, PlacementAgreementDocumentRecord[]>();
	if (!ids.length) return byAgreement;
	const rows = await ctx.db
		.select()
		.from(placementAgreementDocument)
		.where(and(inArray(placementAgreementDocument.agreementId, ids), publicOnly ? eq(placementAgreementDocument.public, true) : undefined))
		.orderBy(asc(placementAgreementDocument.createdAt), asc(placementAgreementDocument.id));
	for (const row of rows) byAgreement.set(row.agreementId, [...(byAgreement.get(row.agreementId) ?? []), row]);
	return byAgreement;
}

const publicAgreement = and(eq(placementAgreement.published, true), inArray(placementAgreement.status, ['active', 'ended']));

/** Published agreements that are not drafts, as everyone may see them (quotas and documents the division made public). */
export async function listPublicAgreements(ctx: RequestContext, rawQuery: unknown = {}): Promise<AgreementView[]> {
	const query = parseOrThrow(AgreementListQuery, rawQuery);
	const rows = await ctx.db
		.select()
		.from(placementAgreement)
		.where(and(publicAgreement, query.country ? eq(placementAgreement.hostCountry, query.country) : undefined))
		.orderBy(desc(placementAgreement.startsOn), asc(placementAgreement.partnerName), asc(placementAgreement.id));
	const documents = await documentsOf(ctx, rows.map((row) => row.id), { publicOnly: true });
	return rows.map((row) => agreementView(row, documents.get(row.id), { forPublic: true }));
}

/** Every agreement, drafts and unpublished ones included (the division). */
export async function listAllAgreements(ctx: RequestContext) {
	ctx.require('placement.agreement.manage');
	return ctx.db.select().from(placementAgreement).orderBy(desc(placementAgreement.updatedAt), asc(placementAgreement.id));
}

export async function getAgreement(ctx: RequestContext, id: string): Promise<PlacementAgreementRecord> {
	ctx.require('placement.agreement.manage');
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(placementAgreement).where(eq(placementAgreement.id, id));
	if (!row) throw new AppError('not_found');
	return row;
}

/** An agreement with all its documents (the division's edit page). */
export async function getAgreementWithDocuments(ctx: RequestContext, id: string) {
	const row = await getAgreement(ctx, id);
	const documents = (await documentsOf(ctx, [row.id])).get(row.id) ?? [];
	return { agreement: row, documents };
}

/**
 * Rules a schema cannot state: the partner named (or taken from its organisation), dates in order, one quota
 * per year, known occupations; every problem at once.
 */
async function checkAgreement(ctx: RequestContext, input: AgreementInput) {
	const problems: FieldProblem[] = [];
	let partnerName = input.partnerName;
	if (input.organisationId) {
		const [found] = await ctx.db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, input.organisationId));
		if (!found) problems.push({ path: 'organisationId', messageKey: 'field_choice' });
		partnerName ??= found?.name ?? null;
	}
	if (!partnerName) problems.push({ path: 'partnerName', messageKey: 'field_required' });
	if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) problems.push({ path: 'endsOn', messageKey: 'field_invalid' });
	const years = new Set<number>();
	input.quotas.forEach((quota, index) => {
		if (years.has(quota.year)) problems.push({ path: `quotas.${index}.year`, messageKey: 'field_invalid' });
		years.add(quota.year);
	});
	if (input.occupationCodes.length) {
		const known = new Set(
			(await ctx.db.select({ code: occupation.code }).from(occupation).where(inArray(occupation.code, input.occupationCodes))).map((row) => row.code)
		);
		input.occupationCodes.forEach((code, index) => {
			if (!known.has(code)) problems.push({ path: `occupationCodes.${index}`, messageKey: 'field_choice' });
		});
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return {
		...input,
		partnerName: partnerName!,
		economicSectors: [...new Set(input.economicSectors)].sort(),
		occupationCodes: [...new Set(input.occupationCodes)],
		quotas: [...input.quotas].sort((a, b) => a.year - b.year)
	};
}

export async function createAgreement(ctx: RequestContext, raw: unknown) {
	ctx.require('placement.agreement.manage');
	const input = await checkAgreement(ctx, parseOrThrow(AgreementInput, raw));
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [created] = await tx
			.insert(placementAgreement)
			.values({ ...input, createdBy: ctx.actor?.userId ?? null })
			.returning();
		await recordAudit(tx, audit, { action: 'placement_agreement.create', resourceType: 'placement_agreement', resourceId: created.id, after: auditView(created) });
		return created;
	});
}

/** The real facts taken from the seeds keep their source: the division edits them but cannot make them samples. */
export async function updateAgreement(ctx: RequestContext, id: string, raw: unknown) {
	const before = await getAgreement(ctx, id);
	const input = await checkAgreement(ctx, parseOrThrow(AgreementInput, raw));
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [updated] = await tx
			.update(placementAgreement)
			.set({ ...input, updatedAt: ctx.now() })
			.where(eq(placementAgreement.id, before.id))
			.returning();
		await recordAudit(tx, audit, {
			action: 'placement_agreement.update',
			resourceType: 'placement_agreement',
			resourceId: updated.id,
			before: auditView(before),
			after: auditView(updated)
		});
		return updated;
	});
}

// ---------- documents ----------

function storeOf(ctx: RequestContext): FileStore {
	if (!ctx.files) throw new AppError('internal', { extra: { reason: 'no_file_store' } });
	return ctx.files;
}

const fileRefused = (code: 'invalid_input' | 'payload_too_large' | 'unsupported_media_type', messageKey = 'field_invalid') =>
	new AppError(code, { fields: [{ path: 'file', messageKey }], values: { limit: '20 MB' } });

/** A name for the download: letters, digits, dots, dashes and spaces of the sent name, ending in .pdf. */
function cleanPdfName(sent: string) {
	const base = sent.replace(/\.pdf$/i, '').replace(/[^\p{L}\p{N}._ -]/gu, '_').trim().slice(0, 150) || 'document';
	return `${base}.pdf`;
}

/**
 * The division adds a document: a link (https), or a PDF checked by its content (a PDF reader opens it, no
 * script or embedded file, at most 20 MB) stored in the file store; marked public or not. Audited.
 */
export async function addAgreementDocument(ctx: RequestContext, agreementId: string, raw: unknown, file: { bytes: Uint8Array; name: string } | null) {
	const agreement = await getAgreement(ctx, agreementId);
	const input = parseOrThrow(AgreementDocumentInput, raw);
	const hasFile = !!file && file.bytes.byteLength > 0;
	if (!hasFile && !input.url) throw new AppError('invalid_input', { fields: [{ path: 'url', messageKey: 'field_required' }] });
	if (hasFile && input.url) throw new AppError('invalid_input', { fields: [{ path: 'url', messageKey: 'field_invalid' }] });
	let stored: { fileKey: string; fileName: string; bytes: number } | null = null;
	if (hasFile) {
		if (file.bytes.byteLength > AGREEMENT_FILE_MAX_BYTES) throw fileRefused('payload_too_large');
		if ((await inspectPdf(file.bytes)) !== 'ok') throw fileRefused('unsupported_media_type');
		const files = storeOf(ctx);
		stored = { fileKey: `${AGREEMENT_FILE_PREFIX}${crypto.randomBytes(16).toString('hex')}.pdf`, fileName: cleanPdfName(file.name), bytes: file.bytes.byteLength };
		await files.put(stored.fileKey, file.bytes);
	}
	try {
		return await ctx.transaction(async ({ db: tx, audit }) => {
			const [row] = await tx
				.insert(placementAgreementDocument)
				.values({
					agreementId: agreement.id,
					kind: stored ? 'file' : 'link',
					title: input.title,
					url: stored ? null : input.url,
					...(stored ?? {}),
					public: input.public,
					addedBy: ctx.actor?.userId ?? null,
					createdAt: ctx.now()
				})
				.returning();
			// in the agreement's history
			await recordAudit(tx, audit, {
				action: 'placement_agreement.document_add',
				resourceType: 'placement_agreement',
				resourceId: agreement.id,
				after: { documentId: row.id, kind: row.kind, title: row.title, url: row.url, fileName: row.fileName, bytes: row.bytes, public: row.public }
			});
			await tx.update(placementAgreement).set({ updatedAt: ctx.now() }).where(eq(placementAgreement.id, agreement.id));
			return row;
		});
	} catch (failure) {
		if (stored) await storeOf(ctx).delete(stored.fileKey);
		throw failure;
	}
}

/** The division removes a document; its file goes once the removal is recorded. */
export async function removeAgreementDocument(ctx: RequestContext, agreementId: string, documentId: string) {
	const agreement = await getAgreement(ctx, agreementId);
	if (!UUID.test(documentId)) throw new AppError('not_found');
	const removed = await ctx.transaction(async ({ db: tx, audit }) => {
		const [row] = await tx
			.delete(placementAgreementDocument)
			.where(and(eq(placementAgreementDocument.id, documentId), eq(placementAgreementDocument.agreementId, agreement.id)))
			.returning();
		if (!row) throw new AppError('not_found');
		await recordAudit(tx, audit, {
			action: 'placement_agreement.document_remove',
			resourceType: 'placement_agreement',
			resourceId: agreement.id,
			before: { documentId: row.id, kind: row.kind, title: row.title, url: row.url, fileName: row.fileName, public: row.public }
		});
		return row;
	});
	if (removed.fileKey) await storeOf(ctx).delete(removed.fileKey);
	return removed;
}

/**
 * A document's PDF: everyone when the agreement is public and the document marked public, the division
 * always; anyone else gets not_found (a confidential document does not exist for them).
 */
export async function readAgreementDocument(ctx: RequestContext, agreementId: string, documentId: string) {
	if (!UUID.test(agreementId) || !UUID.test(documentId)) throw new AppError('not_found');
	const [row] = await ctx.db
		.select({ document: placementAgreementDocument, published: placementAgreement.published, status: placementAgreement.status })
		.from(placementAgreementDocument)
		.innerJoin(placementAgreement, eq(placementAgreement.id, placementAgreementDocument.agreementId))
		.where(and(eq(placementAgreementDocument.id, documentId), eq(placementAgreementDocument.agreementId, agreementId)));
	if (!row || row.document.kind !== 'file' || !row.document.fileKey) throw new AppError('not_found');
	const open = row.document.public && row.published && row.status !== 'draft';
	if (!open && !ctx.can('placement.agreement.manage')) throw new AppError('not_found');
	const bytes = await storeOf(ctx).get(row.document.fileKey);
	if (!bytes) throw new AppError('not_found');
	return { bytes, fileName: row.document.fileName ?? 'document.pdf' };
}

// ---------- history ----------

/** What changed at each write of an agreement (and of its documents), newest first, with who acted. */
export async function agreementHistory(ctx: RequestContext, id: string) {
	const agreement = await getAgreement(ctx, id);
	const rows = await ctx.db
		.select()
		.from(auditEvent)
		.where(and(eq(auditEvent.resourceType, 'placement_agreement'), eq(auditEvent.resourceId, agreement.id)))
		.orderBy(desc(auditEvent.occurredAt), desc(auditEvent.id))
		.limit(200);
	return rows.map((event) => {
		const before = (event.before ?? {}) as Record<string, unknown>;
		const after = (event.after ?? {}) as Record<string, unknown>;
		const changed =
			event.action === 'placement_agreement.update'
				? Object.keys(after).filter((key) => key !== 'documents' && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
				: [];
		const document = (event.action.startsWith('placement_agreement.document') ? (after.title ?? before.title) : null) as string | null;
		return { id: event.id, at: event.occurredAt.toISOString(), actor: event.actorLabel, channel: event.channel, action: event.action.replace('placement_agreement.', ''), changed, document };
	});
}

/** How many agreements the division has, by status (the division's my-space entry). */
export async function agreementCounts(ctx: RequestContext) {
	ctx.require('placement.agreement.manage');
	const rows = await ctx.db.select({ status: placementAgreement.status }).from(placementAgreement);
	return { total: rows.length, drafts: rows.filter((row) => row.status === 'draft').length };
}

/** Agreements an offer abroad may come through: those not ended, by host country (the offer form's choice). */
export async function agreementChoices(ctx: RequestContext) {
	ctx.require('placement.offer.manage');
	return ctx.db
		.select({ id: placementAgreement.id, title: placementAgreement.title, lang: placementAgreement.lang, hostCountry: placementAgreement.hostCountry, status: placementAgreement.status, isSample: placementAgreement.isSample })
		.from(placementAgreement)
		.where(ne(placementAgreement.status, 'ended'))
		.orderBy(asc(placementAgreement.hostCountry), asc(placementAgreement.title));
}
