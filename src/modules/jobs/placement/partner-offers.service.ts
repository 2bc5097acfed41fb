// Partners' systems write their offers abroad (issue 10, item 10): a recruiter of a foreign partner
// organisation creates its offers as drafts and corrects them while they are drafts; the division checks
// and publishes them (and decides who handles them). The same rules and errors as the division's form.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { HOME_COUNTRY } from '../job-offer.model.ts';
import { jobOffer } from '../job-offer.table.ts';
import { effectiveStatus, searchSource } from '../jobs.service.ts';
import { auditView, checkPlacementOffer, placementOfferFor, rewritePlacementOffer, split } from './placement-offers.service.ts';
import { PlacementOfferInput } from './placement.schemas.ts';
import { placementOffer } from './placement.table.ts';

/** The caller's foreign organisations (members of it, based outside Morocco). */
async function partnerOrganisations(db: DbOrTx, actor: Actor) {
	if (!actor.organisationIds.length) return [];
	return (
		await db
			.select({ id: organisation.id })
			.from(organisation)
			.where(and(inArray(organisation.id, [...actor.organisationIds]), sql`${organisation.country} is not null`, ne(organisation.country, HOME_COUNTRY)))
	).map((row) => row.id);
}

/** The input a partner may give: the division decides who handles the offer (no counsellor, no agency shares). */
function partnerInput(raw: unknown) {
	const input = parseOrThrow(PlacementOfferInput, raw);
	return { ...input, handlingUnit: 'division' as const, counsellorUserId: null, agencyShares: [] };
}

/** A partner's new offer abroad for its organisation, as a draft for the division to publish; audited. */
export async function createPartnerOffer(ctx: RequestContext, raw: unknown) {
	const actor = ctx.require('placement.partner.offer');
	const input = partnerInput(raw);
	return ctx.transaction(async ({ db: tx, audit }) => {
		if (!(await partnerOrganisations(tx, actor)).includes(input.organisationId)) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
		const { occ, employerName } = await checkPlacementOffer(tx, input, null);
		const { offer, terms } = split(input, sql`search_normalise(${searchSource({ ...input, regionCode: null, provinceCode: null }, occ, employerName)})`);
		const [created] = await tx
			.insert(jobOffer)
			.values({ ...offer, status: 'draft', createdBy: actor.userId })
			.returning();
		const [placed] = await tx
			.insert(placementOffer)
			.values({ ...terms, offerId: created.id })
			.returning();
		await recordAudit(tx, audit, { action: 'job_offer.create', resourceType: 'job_offer', resourceId: created.id, after: { ...auditView(created, placed), byPartner: true } });
		return { id: created.id, status: created.status };
	});
}

/**
 * A partner corrects its organisation's offer abroad while it is a draft (a published one is the division's
 * to change: 409 `offer_not_draft`); another organisation's offer answers not_found. Audited (before/after).
 */
export async function updatePartnerOffer(ctx: RequestContext, id: string, raw: unknown) {
	const actor = ctx.require('placement.partner.offer');
	const input = partnerInput(raw);
	return ctx.transaction(async ({ db: tx, audit }) => {
		const mine = await partnerOrganisations(tx, actor);
		const before = await placementOfferFor(tx, id);
		if (!mine.includes(before.offer.organisationId)) throw new AppError('not_found');
		if (before.offer.status !== 'draft') throw new AppError('conflict', { extra: { reason: 'offer_not_draft', status: before.offer.status } });
		if (!mine.includes(input.organisationId)) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
		const { after, placed } = await rewritePlacementOffer(tx, id, input, ctx.now());
		await recordAudit(tx, audit, { action: 'job_offer.update', resourceType: 'job_offer', resourceId: id, before: auditView(before.offer, before.terms), after: { ...auditView(after, placed), byPartner: true } });
		return { id, status: after.status };
	});
}

/** The offers abroad of the caller's foreign organisations, newest first, with the status each is in now. */
export async function listPartnerOffers(ctx: RequestContext) {
	const actor = ctx.require('placement.partner.offer');
	const mine = await partnerOrganisations(ctx.db, actor);
	if (!mine.length) return [];
	const rows = await ctx.db
		.select({ offer: jobOffer, lang: placementOffer.lang })
		.from(jobOffer)
		.innerJoin(placementOffer, eq(placementOffer.offerId, jobOffer.id))
		.where(and(inArray(jobOffer.organisationId, mine), ne(jobOffer.hostCountry, HOME_COUNTRY)))
		.orderBy(desc(jobOffer.createdAt));
	const now = ctx.now();
	return rows.map(({ offer, lang }) => ({
		id: offer.id,
		organisationId: offer.organisationId,
		title: offer.title,
		lang,
		hostCountry: offer.hostCountry,
		channel: offer.channel,
		positions: offer.positions,
		closingDate: offer.closingDate,
		status: effectiveStatus(offer, now)
	}));
}
