// International placement offers (issue 10, item 2): the job offer model beyond Morocco — host country and
// city, channel, CEFR language requirements, contract and season, pay in the host currency, housing and
// travel, who pays what with an explicit "no recruitment fees charged to workers", the agreement it comes
// through and the unit that handles it. Only the international placement division writes them; the public
// search and offer page read them with the other offers (jobs.service.ts).
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { mobilityCounsellors } from './mobility.service.ts';
import { HOME_COUNTRY, type OfferStatus } from '../job-offer.model.ts';
import { jobOffer, occupation, type JobOfferRecord } from '../job-offer.table.ts';
import { effectiveStatus, searchSource } from '../jobs.service.ts';
import { PlacementOfferInput } from './placement.schemas.ts';
import { placementAgreement, placementOffer, type PlacementOfferRecord } from './placement.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The year an offer's positions count against an agreement's quota: its season's, else its closing date's. */
export const quotaYear = (input: { seasonStartsOn: string | null; closingDate: string }) => Number((input.seasonStartsOn ?? input.closingDate).slice(0, 4));

/**
 * Rules a schema cannot state, every problem at once: a unit-group occupation, the organisation and the
 * agreement known (the agreement in the same host country, not ended), positions within the agreement's
 * quota for the year, the season in order (required for a seasonal offer), the salary range, one level per
 * language, the handling unit's counsellor or agencies, agency shares within the positions, and a worker who
 * pays no recruitment cost when the offer says no fees are charged.
 */
export async function checkPlacementOffer(db: DbOrTx, input: PlacementOfferInput, offerId: string | null) {
	const problems: FieldProblem[] = [];
	const [occ] = await db.select().from(occupation).where(eq(occupation.code, input.occupationCode));
	if (!occ || occ.level !== 4) problems.push({ path: 'occupationCode', messageKey: 'field_choice' });
	const [org] = await db.select({ name: organisation.name, acronym: organisation.acronym }).from(organisation).where(eq(organisation.id, input.organisationId));
	if (!org) problems.push({ path: 'organisationId', messageKey: 'field_choice' });

	if (input.agreementId) {
		const [agreement] = await db.select().from(placementAgreement).where(eq(placementAgreement.id, input.agreementId));
		if (!agreement || agreement.hostCountry !== input.hostCountry || agreement.status === 'ended') {
			problems.push({ path: 'agreementId', messageKey: 'field_choice' });
		} else {
			const year = quotaYear(input);
			const quota = agreement.quotas.find((entry) => entry.year === year);
			if (quota) {
				// the positions of the agreement's other offers that year (closed ones gave theirs back)
				const others = await db
					.select({ positions: jobOffer.positions, seasonStartsOn: placementOffer.seasonStartsOn, closingDate: jobOffer.closingDate })
					.from(placementOffer)
					.innerJoin(jobOffer, eq(jobOffer.id, placementOffer.offerId))
					.where(and(eq(placementOffer.agreementId, agreement.id), ne(jobOffer.status, 'closed'), offerId ? ne(jobOffer.id, offerId) : undefined));
				const used = others.filter((other) => quotaYear(other) === year).reduce((sum, other) => sum + other.positions, 0);
				if (used + input.positions > quota.positions) {
					problems.push({ path: 'positions', messageKey: 'field_over_quota', values: { available: Math.max(0, quota.positions - used), year: String(year), quota: quota.positions } });
				}
			}
		}
	}

	if (input.channel === 'seasonal' && (!input.seasonStartsOn || !input.seasonEndsOn)) {
		problems.push({ path: input.seasonStartsOn ? 'seasonEndsOn' : 'seasonStartsOn', messageKey: 'field_required' });
	}
	if (!!input.seasonStartsOn !== !!input.seasonEndsOn && input.channel !== 'seasonal') problems.push({ path: input.seasonStartsOn ? 'seasonEndsOn' : 'seasonStartsOn', messageKey: 'field_required' });
	if (input.seasonStartsOn && input.seasonEndsOn && input.seasonEndsOn < input.seasonStartsOn) problems.push({ path: 'seasonEndsOn', messageKey: 'field_invalid' });
	if (input.salaryMin !== null && input.salaryMax !== null && input.salaryMax < input.salaryMin) problems.push({ path: 'salaryMax', messageKey: 'field_invalid' });
	if ((input.salaryMin !== null || input.salaryMax !== null) && input.salaryPeriod === null) problems.push({ path: 'salaryPeriod', messageKey: 'field_required' });
	const languages = new Set<string>();
	input.languages.forEach((entry, index) => {
		if (languages.has(entry.language)) problems.push({ path: `languages.${index}.language`, messageKey: 'field_invalid' });
		languages.add(entry.language);
	});

	if (input.handlingUnit === 'counsellor') {
		// someone who can be given the offer's candidates: a holder of a mobility grant (as the picker lists them)
		const [counsellor] = input.counsellorUserId ? await mobilityCounsellors(db, [input.counsellorUserId]) : [];
		if (!counsellor) problems.push({ path: 'counsellorUserId', messageKey: input.counsellorUserId ? 'field_choice' : 'field_required' });
	}
	if (input.handlingUnit === 'agencies') {
		if (!input.agencyShares.length) problems.push({ path: 'agencyShares', messageKey: 'field_required' });
		const ids = input.agencyShares.map((share) => share.agencyId);
		const open = new Set(ids.length ? (await db.select({ id: agency.id }).from(agency).where(and(inArray(agency.id, ids), eq(agency.status, 'open')))).map((row) => row.id) : []);
		const seen = new Set<string>();
		input.agencyShares.forEach((share, index) => {
			if (!open.has(share.agencyId) || seen.has(share.agencyId)) problems.push({ path: `agencyShares.${index}.agencyId`, messageKey: 'field_choice' });
			seen.add(share.agencyId);
		});
		const sum = input.agencyShares.reduce((total, share) => total + share.positions, 0);
		if (sum > input.positions) problems.push({ path: 'agencyShares', messageKey: 'field_over_total', values: { sum, total: input.positions } });
	}
	// ethical recruitment: "no fees charged to workers" cannot sit beside a recruitment cost the worker pays
	if (input.noWorkerFees && (input.costs.recruitment === 'worker' || input.costs.recruitment === 'shared')) {
		problems.push({ path: 'costs.recruitment', messageKey: 'field_invalid' });
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return { occ: occ!, employerName: [org!.name, org!.acronym, input.employerAbroad].filter(Boolean).join(' ') };
}

/** The offer's own columns and the terms' row, from the input. */
export function split(input: PlacementOfferInput, searchText: ReturnType<typeof sql>) {
	return {
		offer: {
			organisationId: input.organisationId,
			title: input.title,
			description: input.description,
			occupationCode: input.occupationCode,
			skills: input.skills,
			hostCountry: input.hostCountry,
			channel: input.channel,
			regionCode: null,
			provinceCode: null,
			city: input.city,
			contractType: input.contractType,
			workingTime: input.workingTime,
			hoursPerWeek: input.hoursPerWeek,
			salaryMin: input.salaryMin,
			salaryMax: input.salaryMax,
			salaryPeriod: input.salaryPeriod,
			salaryCurrency: input.salaryCurrency,
			languages: input.languages,
			education: input.education,
			experienceYears: input.experienceYears,
			positions: input.positions,
			closingDate: input.closingDate,
			openToForeigners: input.openToForeigners,
			noWorkerFees: input.noWorkerFees,
			searchText
		},
		terms: {
			lang: input.lang,
			agreementId: input.agreementId,
			employerAbroad: input.employerAbroad,
			contractMonths: input.contractMonths,
			seasonStartsOn: input.seasonStartsOn,
			seasonEndsOn: input.seasonEndsOn,
			housing: input.housing,
			travel: input.travel,
			costs: input.costs,
			handlingUnit: input.handlingUnit,
			counsellorUserId: input.handlingUnit === 'counsellor' ? input.counsellorUserId : null,
			agencyShares: input.handlingUnit === 'agencies' ? input.agencyShares : []
		}
	};
}

export function auditView(offer: JobOfferRecord, terms: PlacementOfferRecord) {
	const { searchText: _searchText, ...rest } = offer;
	const { offerId: _offerId, createdAt: _createdAt, updatedAt: _updatedAt, ...placement } = terms;
	return { ...rest, placement };
}

/** A new offer abroad, as a draft (the division). */
export async function createPlacementOffer(ctx: RequestContext, raw: unknown) {
	ctx.require('placement.offer.manage');
	const input = parseOrThrow(PlacementOfferInput, raw);
	return ctx.transaction(async ({ db: tx, audit }) => {
		const { occ, employerName } = await checkPlacementOffer(tx, input, null);
		const { offer, terms } = split(input, sql`search_normalise(${searchSource({ ...input, regionCode: null, provinceCode: null }, occ, employerName)})`);
		const [created] = await tx
			.insert(jobOffer)
			.values({ ...offer, status: 'draft', createdBy: ctx.actor?.userId ?? null })
			.returning();
		const [placed] = await tx
			.insert(placementOffer)
			.values({ ...terms, offerId: created.id })
			.returning();
		await recordAudit(tx, audit, { action: 'job_offer.create', resourceType: 'job_offer', resourceId: created.id, after: auditView(created, placed) });
		return created;
	});
}

/** An offer abroad and its terms, locked for the transaction; not_found for an offer in Morocco. */
export async function placementOfferFor(tx: DbOrTx, id: string) {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await tx
		.select({ offer: jobOffer, terms: placementOffer })
		.from(jobOffer)
		.innerJoin(placementOffer, eq(placementOffer.offerId, jobOffer.id))
		.where(and(eq(jobOffer.id, id), ne(jobOffer.hostCountry, HOME_COUNTRY)))
		.for('update');
	if (!row) throw new AppError('not_found');
	return row;
}

const editable: OfferStatus[] = ['draft', 'published'];

/** An offer abroad and its terms written again from checked input (the division's and the partners' corrections). */
export async function rewritePlacementOffer(tx: DbOrTx, id: string, input: PlacementOfferInput, now: Date) {
	const { occ, employerName } = await checkPlacementOffer(tx, input, id);
	const { offer, terms } = split(input, sql`search_normalise(${searchSource({ ...input, regionCode: null, provinceCode: null }, occ, employerName)})`);
	const [after] = await tx
		.update(jobOffer)
		.set({ ...offer, updatedAt: now })
		.where(eq(jobOffer.id, id))
		.returning();
	const [placed] = await tx
		.update(placementOffer)
		.set({ ...terms, updatedAt: now })
		.where(eq(placementOffer.offerId, id))
		.returning();
	return { after, placed };
}

export async function updatePlacementOffer(ctx: RequestContext, id: string, raw: unknown) {
	ctx.require('placement.offer.manage');
	const input = parseOrThrow(PlacementOfferInput, raw);
	return ctx.transaction(async ({ db: tx, audit }) => {
		const before = await placementOfferFor(tx, id);
		if (!editable.includes(before.offer.status)) throw new AppError('conflict', { extra: { reason: 'offer_not_editable', status: before.offer.status } });
		const { after, placed } = await rewritePlacementOffer(tx, id, input, ctx.now());
		await recordAudit(tx, audit, {
			action: 'job_offer.update',
			resourceType: 'job_offer',
			resourceId: id,
			before: auditView(before.offer, before.terms),
			after: auditView(after, placed)
		});
		return after;
	});
}

/** The division publishes its draft at once (it is ANAPEC: no validation queue); the closing date must not be past. */
export async function publishPlacementOffer(ctx: RequestContext, id: string) {
	ctx.require('placement.offer.manage');
	const now = ctx.now();
	return ctx.transaction(async ({ db: tx, audit }) => {
		const { offer: before } = await placementOfferFor(tx, id);
		if (before.status !== 'draft') throw new AppError('conflict', { extra: { reason: 'offer_not_draft', status: before.status } });
		if (before.closingDate < platformDay(now)) throw new AppError('invalid_input', { fields: [{ path: 'closingDate', messageKey: 'field_invalid' }] });
		const [after] = await tx
			.update(jobOffer)
			.set({ status: 'published', publishedAt: now, validatedAt: now, validatedBy: ctx.actor?.userId ?? null, updatedAt: now })
			.where(eq(jobOffer.id, id))
			.returning();
		await recordAudit(tx, audit, { action: 'job_offer.publish', resourceType: 'job_offer', resourceId: id, before: { status: before.status }, after: { status: after.status } });
		return after;
	});
}

/** The division closes an offer abroad (no more candidates); its positions no longer count against the quota. */
export async function closePlacementOffer(ctx: RequestContext, id: string) {
	ctx.require('placement.offer.manage');
	return ctx.transaction(async ({ db: tx, audit }) => {
		const { offer: before } = await placementOfferFor(tx, id);
		if (!['draft', 'published', 'expired'].includes(before.status)) throw new AppError('conflict', { extra: { reason: 'offer_wrong_status', status: before.status } });
		const [after] = await tx.update(jobOffer).set({ status: 'closed', updatedAt: ctx.now() }).where(eq(jobOffer.id, id)).returning();
		await recordAudit(tx, audit, { action: 'job_offer.close', resourceType: 'job_offer', resourceId: id, before: { status: before.status }, after: { status: 'closed' } });
		return after;
	});
}

/** An offer abroad with its terms, for the division's edit form. */
export async function getPlacementOffer(ctx: RequestContext, id: string) {
	ctx.require('placement.offer.manage');
	const row = await placementOfferFor(ctx.db, id);
	return { ...row, status: effectiveStatus(row.offer, ctx.now()) };
}
export type PlacementOfferForEdit = Awaited<ReturnType<typeof getPlacementOffer>>;

/** Every offer abroad, newest first, with the status each is in now (the division's list). */
export async function listPlacementOffers(ctx: RequestContext) {
	ctx.require('placement.offer.manage');
	const rows = await ctx.db
		.select({ offer: jobOffer, terms: placementOffer, agreementTitle: placementAgreement.title, agreementLang: placementAgreement.lang })
		.from(jobOffer)
		.innerJoin(placementOffer, eq(placementOffer.offerId, jobOffer.id))
		.leftJoin(placementAgreement, eq(placementAgreement.id, placementOffer.agreementId))
		.where(ne(jobOffer.hostCountry, HOME_COUNTRY))
		.orderBy(desc(jobOffer.updatedAt), asc(jobOffer.id));
	const now = ctx.now();
	return rows.map((row) => ({ ...row, status: effectiveStatus(row.offer, now) }));
}

/**
 * The people an offer abroad may be handled by, by name: holders of a mobility grant (`jobs:placement_counsellor`,
 * `jobs:placement_division`) — those who open the caseload and are given the offer's shortlisted candidates.
 */
export async function counsellorChoices(ctx: RequestContext) {
	ctx.require('placement.offer.manage');
	return mobilityCounsellors(ctx.db);
}

/** The open local agencies, by name (the offer form's shares). */
export async function agencyChoices(ctx: RequestContext) {
	ctx.require('placement.offer.manage');
	return ctx.db.select({ id: agency.id, name: agency.name }).from(agency).where(eq(agency.status, 'open')).orderBy(asc(agency.name));
}
