// Partnership agreements of ANAPEC's international placement division (issue 10, item 1).
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { occupation } from '../job-offer.table.ts';
import { AgreementInput, AgreementListQuery } from './placement.schemas.ts';
import { placementAgreement, type PlacementAgreementRecord } from './placement.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the public list and the API show of an agreement. */
export function agreementView(row: PlacementAgreementRecord) {
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
		occupationCodes: row.occupationCodes,
		quotas: row.quotas,
		status: row.status,
		source: row.source,
		isSample: row.isSample
	};
}
export type AgreementView = ReturnType<typeof agreementView>;

/** Published agreements that are not drafts: what everyone may see. */
export async function listPublicAgreements(ctx: RequestContext, rawQuery: unknown = {}) {
	const query = parseOrThrow(AgreementListQuery, rawQuery);
	return ctx.db
		.select()
		.from(placementAgreement)
		.where(
			and(
				eq(placementAgreement.published, true),
				inArray(placementAgreement.status, ['active', 'ended']),
				query.country ? eq(placementAgreement.hostCountry, query.country) : undefined
			)
		)
		.orderBy(desc(placementAgreement.startsOn), asc(placementAgreement.partnerName), asc(placementAgreement.id));
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

/** Rules a schema cannot state: dates in order, one quota per year, known occupations; every problem at once. */
async function checkAgreement(ctx: RequestContext, input: AgreementInput) {
	const problems: FieldProblem[] = [];
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
	return { ...input, occupationCodes: [...new Set(input.occupationCodes)], quotas: [...input.quotas].sort((a, b) => a.year - b.year) };
}

export async function createAgreement(ctx: RequestContext, raw: unknown) {
	ctx.require('placement.agreement.manage');
	const input = await checkAgreement(ctx, parseOrThrow(AgreementInput, raw));
	return ctx.transaction(async ({ db: tx, audit }) => {
		const [created] = await tx
			.insert(placementAgreement)
			.values({ ...input, createdBy: ctx.actor?.userId ?? null })
			.returning();
		await recordAudit(tx, audit, { action: 'placement_agreement.create', resourceType: 'placement_agreement', resourceId: created.id, after: agreementView(created) });
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
			.set({ ...input, updatedAt: new Date() })
			.where(eq(placementAgreement.id, before.id))
			.returning();
		await recordAudit(tx, audit, {
			action: 'placement_agreement.update',
			resourceType: 'placement_agreement',
			resourceId: updated.id,
			before: agreementView(before),
			after: agreementView(updated)
		});
		return updated;
	});
}

/** How many agreements the division has, by status (the division's my-space entry). */
export async function agreementCounts(ctx: RequestContext) {
	ctx.require('placement.agreement.manage');
	const rows = await ctx.db.select({ status: placementAgreement.status }).from(placementAgreement);
	return { total: rows.length, drafts: rows.filter((row) => row.status === 'draft').length };
}
