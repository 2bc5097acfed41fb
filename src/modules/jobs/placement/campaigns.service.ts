// Campaigns for mass and seasonal offers (issue 10, item 3): the division splits a campaign's positions
// into quotas across local agencies, reallocates them (audited, with who, when, from, to and why), and
// follows each agency's progress; agency staff (counsellors assigned to an agency) see the campaigns their
// agency has a quota in and add the people they source. A qualified individual offer's pipeline is a campaign
// without quotas, opened from the offer's page (`openOfferPipeline`) with the same checks and audit.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { countryName } from '../../../platform/geo/countries.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { HOME_COUNTRY } from '../job-offer.model.ts';
import { jobOffer } from '../job-offer.table.ts';
import { fillOf, pipelineBlock, pipelineStages, stageIndex, type Fill } from './campaigns.model.ts';
import { AddCandidatesInput, CampaignEditInput, CampaignInput, CampaignStatusInput, ReallocationInput } from './campaigns.schemas.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate, placementCandidateMove, placementQuotaChange, type PlacementCampaignRecord } from './campaigns.table.ts';
import { placementAgreement, placementOffer } from './placement.table.ts';
import { actsFor, assignedToAgencySql, myAgencyIds, requirePlacementStaff } from './agency-staff.ts';
import { jsonOf } from '../../../platform/db/rows.ts';
import { effectiveStatus } from '../jobs.service.ts';
import { placementOfferFor, type PlacementOfferForEdit } from './placement-offers.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a person may do on a campaign: everything (the division), or their agencies' part. */
export interface CampaignAccess {
	campaign: PlacementCampaignRecord;
	/** null: every agency (the division); else the agencies of the person that have a quota in it */
	agencyIds: string[] | null;
	/** the agencies with a quota in it that the person sees (all of them for the division), by name */
	agencies: { id: string; name: string }[];
}

/**
 * The campaign and the part of it the person may see and work on; not_found for a campaign that does
 * not exist or where none of their agencies has a quota (another agency's campaign stays invisible).
 */
export async function campaignAccess(ctx: RequestContext, id: string, db: DbOrTx = ctx.db): Promise<CampaignAccess> {
	requirePlacementStaff(ctx);
	if (!UUID.test(id)) throw new AppError('not_found');
	// one statement: the campaign, its agencies with a quota, and whether the person is assigned to each (the
	// subquery's columns by alias: drizzle writes a one-table select's columns without their table)
	const [row] = await db
		.select({
			campaign: placementCampaign,
			agencies: sql<string | { id: string; name: string; assigned: boolean }[]>`coalesce((
				select json_agg(json_build_object('id', a.id, 'name', a.name, 'assigned', ${assignedToAgencySql(ctx, sql`a.id`)}) order by a.name)
				from ${placementCampaignQuota} q join ${agency} a on a.id = q.agency_id
				where q.campaign_id = ${placementCampaign}.id), '[]'::json)`
		})
		.from(placementCampaign)
		.where(eq(placementCampaign.id, id));
	if (!row) throw new AppError('not_found');
	const agencies = jsonOf(row.agencies) ?? [];
	if (ctx.can('placement.campaign.manage')) return { campaign: row.campaign, agencyIds: null, agencies: agencies.map(({ id, name }) => ({ id, name })) };
	const mine = agencies.filter((entry) => actsFor(ctx, entry.id, entry.assigned)).map(({ id, name }) => ({ id, name }));
	if (!mine.length) throw new AppError('not_found');
	return { campaign: row.campaign, agencyIds: mine.map((entry) => entry.id), agencies: mine };
}

/**
 * Rules a schema cannot state, every problem at once: the offer is an offer abroad in the same host
 * country, the agreement too, a seasonal campaign has its season in order, the agencies are open and
 * given once, and the quotas together stay within the positions.
 */
async function checkCampaign(db: DbOrTx, input: CampaignInput) {
	const problems: FieldProblem[] = [];
	if (input.offerId) {
		const [offer] = await db.select({ hostCountry: jobOffer.hostCountry }).from(jobOffer).where(eq(jobOffer.id, input.offerId));
		if (!offer || offer.hostCountry === HOME_COUNTRY || offer.hostCountry !== input.hostCountry) problems.push({ path: 'offerId', messageKey: 'field_choice' });
	}
	if (input.agreementId) {
		const [agreement] = await db.select({ hostCountry: placementAgreement.hostCountry, status: placementAgreement.status }).from(placementAgreement).where(eq(placementAgreement.id, input.agreementId));
		if (!agreement || agreement.hostCountry !== input.hostCountry || agreement.status === 'ended') problems.push({ path: 'agreementId', messageKey: 'field_choice' });
	}
	if (input.channel === 'seasonal' && (!input.seasonStartsOn || !input.seasonEndsOn)) problems.push({ path: input.seasonStartsOn ? 'seasonEndsOn' : 'seasonStartsOn', messageKey: 'field_required' });
	if (input.seasonStartsOn && input.seasonEndsOn && input.seasonEndsOn < input.seasonStartsOn) problems.push({ path: 'seasonEndsOn', messageKey: 'field_invalid' });
	const ids = input.quotas.map((quota) => quota.agencyId);
	const open = new Set(ids.length ? (await db.select({ id: agency.id }).from(agency).where(and(inArray(agency.id, ids), eq(agency.status, 'open')))).map((row) => row.id) : []);
	const seen = new Set<string>();
	input.quotas.forEach((quota, index) => {
		if (!open.has(quota.agencyId) || seen.has(quota.agencyId)) problems.push({ path: `quotas.${index}.agencyId`, messageKey: 'field_choice' });
		seen.add(quota.agencyId);
	});
	const sum = input.quotas.reduce((total, quota) => total + quota.positions, 0);
	if (sum > input.positions) problems.push({ path: 'quotas', messageKey: 'field_over_total', values: { sum, total: input.positions } });
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
}

/** A checked campaign written with its quotas and its audit event, inside the caller's transaction. */
async function insertCampaign(tx: DbOrTx, audit: AuditContext, actor: Actor, input: CampaignInput) {
	await checkCampaign(tx, input);
	const { quotas, ...fields } = input;
	const [created] = await tx
		.insert(placementCampaign)
		.values({ ...fields, createdBy: actor.userId })
		.returning();
	const shares = quotas.filter((quota) => quota.positions > 0);
	if (shares.length) await tx.insert(placementCampaignQuota).values(shares.map((quota) => ({ ...quota, campaignId: created.id })));
	await recordAudit(tx, audit, { action: 'placement_campaign.create', resourceType: 'placement_campaign', resourceId: created.id, after: { ...fields, quotas: shares } });
	return created;
}

/** A new campaign with its agency quotas (the division), audited. */
export async function createCampaign(ctx: RequestContext, raw: unknown) {
	const actor = ctx.require('placement.campaign.manage');
	const input = parseOrThrow(CampaignInput, raw);
	return ctx.transaction(({ db: tx, audit }) => insertCampaign(tx, audit, actor, input));
}

/** The campaigns linked to an offer abroad, oldest first (title and its language, status). */
function campaignsOfOffer(db: DbOrTx, offerId: string) {
	return db
		.select({ id: placementCampaign.id, title: placementCampaign.title, lang: placementCampaign.lang, status: placementCampaign.status })
		.from(placementCampaign)
		.where(eq(placementCampaign.offerId, offerId))
		.orderBy(asc(placementCampaign.createdAt), asc(placementCampaign.id));
}

/**
 * What an offer's page says of its pipeline to whoever may open one (the division; null for anyone else): the
 * campaigns already linked to it, and whether its pipeline may be opened there now.
 */
export async function offerPipeline(ctx: RequestContext, found: PlacementOfferForEdit) {
	if (!ctx.can('placement.campaign.manage')) return null;
	const campaigns = await campaignsOfOffer(ctx.db, found.offer.id);
	return { campaigns, openable: pipelineBlock({ channel: found.offer.channel, status: found.status }, campaigns.length) === null };
}

/**
 * Opens the pipeline of a qualified individual offer abroad from its page (the division): a campaign without
 * quotas — the division, or the offer's mobility counsellor, sources its candidates — with the offer's title and
 * its language, host country and city, positions, season and agreement; checked, written and audited as the
 * API's creation (`placement_campaign.create`). An offer that is not individual, not open (a draft, closed,
 * past its closing date) or already has a campaign is refused (409, its `reason`), nothing written; the
 * offer is locked meanwhile, so two clicks at once make one campaign.
 */
export async function openOfferPipeline(ctx: RequestContext, offerId: string) {
	const actor = ctx.require('placement.campaign.manage');
	return ctx.transaction(async ({ db: tx, audit }) => {
		const { offer, terms } = await placementOfferFor(tx, offerId);
		const existing = await campaignsOfOffer(tx, offer.id);
		const blocked = pipelineBlock({ channel: offer.channel, status: effectiveStatus(offer, ctx.now()) }, existing.length);
		if (blocked) throw new AppError('conflict', { extra: { reason: blocked, campaignId: existing[0]?.id ?? null } });
		const input = parseOrThrow(CampaignInput, {
			title: offer.title,
			lang: terms.lang,
			hostCountry: offer.hostCountry,
			hostRegion: offer.city ?? countryName(offer.hostCountry, terms.lang),
			channel: 'individual',
			offerId: offer.id,
			agreementId: terms.agreementId,
			positions: offer.positions,
			seasonStartsOn: terms.seasonStartsOn,
			seasonEndsOn: terms.seasonEndsOn,
			quotas: []
		});
		return insertCampaign(tx, audit, actor, input);
	});
}

const editableFields = ['title', 'lang', 'positions', 'offerId', 'agreementId'] as const;

/**
 * Changes a campaign's title (and its language), positions and links (offer abroad, agreement) after its
 * creation (the division). Positions never fall below the agencies' quotas together
 * (`field_below_quotas`: reallocate first); the offer and agreement are of the campaign's host country
 * (an agreement ended is refused unless it is the one already linked). Every problem at once, nothing
 * changed; audited with the fields before and after. Quotas still change through reallocations.
 */
export async function updateCampaign(ctx: RequestContext, id: string, raw: unknown) {
	ctx.require('placement.campaign.manage');
	const input = parseOrThrow(CampaignEditInput, raw);
	return ctx.transaction(async (tx) => {
		const { campaign } = await campaignAccess(tx, id);
		// one change at a time per campaign (reallocations lock the same row)
		await tx.db.select({ id: placementCampaign.id }).from(placementCampaign).where(eq(placementCampaign.id, id)).for('update');
		const problems: FieldProblem[] = [];
		if (input.offerId && input.offerId !== campaign.offerId) {
			const [offer] = await tx.db.select({ hostCountry: jobOffer.hostCountry }).from(jobOffer).where(eq(jobOffer.id, input.offerId));
			if (!offer || offer.hostCountry !== campaign.hostCountry) problems.push({ path: 'offerId', messageKey: 'field_choice' });
		}
		if (input.agreementId && input.agreementId !== campaign.agreementId) {
			const [agreement] = await tx.db.select({ hostCountry: placementAgreement.hostCountry, status: placementAgreement.status }).from(placementAgreement).where(eq(placementAgreement.id, input.agreementId));
			if (!agreement || agreement.hostCountry !== campaign.hostCountry || agreement.status === 'ended') problems.push({ path: 'agreementId', messageKey: 'field_choice' });
		}
		const [{ sum }] = await tx.db.select({ sum: sql<number>`coalesce(sum(${placementCampaignQuota.positions}), 0)::int` }).from(placementCampaignQuota).where(eq(placementCampaignQuota.campaignId, id));
		if (input.positions < sum) problems.push({ path: 'positions', messageKey: 'field_below_quotas', values: { sum } });
		if (problems.length) throw new AppError('invalid_input', { fields: problems });
		const changed = editableFields.filter((key) => input[key] !== campaign[key]);
		if (!changed.length) return { campaign, changed: [] as string[] };
		const [after] = await tx.db
			.update(placementCampaign)
			.set({ ...Object.fromEntries(changed.map((key) => [key, input[key]])), updatedAt: tx.now() })
			.where(eq(placementCampaign.id, id))
			.returning();
		await recordAudit(tx.db, tx.audit, {
			action: 'placement_campaign.update',
			resourceType: 'placement_campaign',
			resourceId: id,
			before: Object.fromEntries(changed.map((key) => [key, campaign[key]])),
			after: Object.fromEntries(changed.map((key) => [key, input[key]]))
		});
		return { campaign: after, changed: [...changed] as string[] };
	});
}

/** The offer abroad and agreement a campaign is linked to (title and its language), so a change form keeps them even when closed or ended. */
export async function campaignLinks(ctx: RequestContext, campaign: PlacementCampaignRecord) {
	const [offer] = campaign.offerId
		? await ctx.db.select({ id: jobOffer.id, title: jobOffer.title, lang: placementOffer.lang }).from(jobOffer).leftJoin(placementOffer, eq(placementOffer.offerId, jobOffer.id)).where(eq(jobOffer.id, campaign.offerId))
		: [];
	const [agreement] = campaign.agreementId
		? await ctx.db.select({ id: placementAgreement.id, title: placementAgreement.title, lang: placementAgreement.lang }).from(placementAgreement).where(eq(placementAgreement.id, campaign.agreementId))
		: [];
	return { offer: offer ?? null, agreement: agreement ?? null };
}

/** Opens or closes a campaign (closed: no more candidates nor moves; its history stays). */
export async function setCampaignStatus(ctx: RequestContext, id: string, raw: unknown) {
	ctx.require('placement.campaign.manage');
	const { status } = parseOrThrow(CampaignStatusInput, raw);
	return ctx.transaction(async (tx) => {
		const { campaign } = await campaignAccess(tx, id);
		if (campaign.status === status) return campaign;
		// the retention of its pipeline counts from the day it closed
		const [after] = await tx.db.update(placementCampaign).set({ status, closedAt: status === 'closed' ? tx.now() : null, updatedAt: tx.now() }).where(eq(placementCampaign.id, id)).returning();
		await recordAudit(tx.db, tx.audit, { action: `placement_campaign.${status === 'closed' ? 'close' : 'reopen'}`, resourceType: 'placement_campaign', resourceId: id, before: { status: campaign.status }, after: { status } });
		return after;
	});
}

/**
 * Moves positions between agencies' quotas — or from / to the positions no agency has yet — with a reason;
 * recorded in the campaign's reallocations (who, when, from, to, why) and the audit trail. An agency left
 * with fewer positions than it has preselected shows as over-filled (nobody is taken out).
 */
export async function reallocate(ctx: RequestContext, id: string, raw: unknown) {
	const actor = ctx.require('placement.campaign.manage');
	const input = parseOrThrow(ReallocationInput, raw);
	if (input.fromAgencyId === input.toAgencyId) throw new AppError('invalid_input', { fields: [{ path: 'toAgencyId', messageKey: 'field_invalid' }] });
	return ctx.transaction(async (tx) => {
		const { campaign } = await campaignAccess(tx, id);
		if (campaign.status !== 'open') throw new AppError('conflict', { extra: { reason: 'campaign_closed' } });
		// one reallocation at a time per campaign
		await tx.db.select({ id: placementCampaign.id }).from(placementCampaign).where(eq(placementCampaign.id, id)).for('update');
		const quotas = await tx.db.select().from(placementCampaignQuota).where(eq(placementCampaignQuota.campaignId, id));
		const allocated = quotas.reduce((total, quota) => total + quota.positions, 0);
		const from = input.fromAgencyId ? quotas.find((quota) => quota.agencyId === input.fromAgencyId) : null;
		const available = input.fromAgencyId ? (from?.positions ?? 0) : campaign.positions - allocated;
		const problems: FieldProblem[] = [];
		if (input.fromAgencyId && !from) problems.push({ path: 'fromAgencyId', messageKey: 'field_choice' });
		else if (input.positions > available) problems.push({ path: 'positions', messageKey: 'field_over_available', values: { available } });
		if (input.toAgencyId) {
			const [target] = await tx.db.select({ status: agency.status }).from(agency).where(eq(agency.id, input.toAgencyId));
			if (!target || (target.status !== 'open' && !quotas.some((quota) => quota.agencyId === input.toAgencyId))) problems.push({ path: 'toAgencyId', messageKey: 'field_choice' });
		}
		if (problems.length) throw new AppError('invalid_input', { fields: problems });
		if (from) {
			await tx.db
				.update(placementCampaignQuota)
				.set({ positions: from.positions - input.positions })
				.where(and(eq(placementCampaignQuota.campaignId, id), eq(placementCampaignQuota.agencyId, from.agencyId)));
		}
		if (input.toAgencyId) {
			await tx.db
				.insert(placementCampaignQuota)
				.values({ campaignId: id, agencyId: input.toAgencyId, positions: input.positions })
				.onConflictDoUpdate({ target: [placementCampaignQuota.campaignId, placementCampaignQuota.agencyId], set: { positions: sql`${placementCampaignQuota.positions} + ${input.positions}` } });
		}
		const [change] = await tx.db.insert(placementQuotaChange).values({ campaignId: id, ...input, byUserId: actor.userId, at: tx.now() }).returning();
		await recordAudit(tx.db, tx.audit, {
			action: 'placement_campaign.reallocate',
			resourceType: 'placement_campaign',
			resourceId: id,
			before: { fromAgencyId: input.fromAgencyId, fromPositions: available, toAgencyId: input.toAgencyId },
			after: { positions: input.positions, reason: input.reason, changeId: change.id }
		});
		return change;
	});
}

/** The reallocations of a campaign, newest first: who, when, from, to, how many, why. */
export async function quotaChanges(ctx: RequestContext, access: CampaignAccess) {
	const fromAgency = alias(agency, 'from_agency');
	const toAgency = alias(agency, 'to_agency');
	return ctx.db
		.select({
			id: placementQuotaChange.id,
			from: fromAgency.name,
			to: toAgency.name,
			positions: placementQuotaChange.positions,
			reason: placementQuotaChange.reason,
			by: user.name,
			at: placementQuotaChange.at
		})
		.from(placementQuotaChange)
		.leftJoin(fromAgency, eq(fromAgency.id, placementQuotaChange.fromAgencyId))
		.leftJoin(toAgency, eq(toAgency.id, placementQuotaChange.toAgencyId))
		.leftJoin(user, eq(user.id, placementQuotaChange.byUserId))
		.where(eq(placementQuotaChange.campaignId, access.campaign.id))
		.orderBy(desc(placementQuotaChange.at), desc(placementQuotaChange.id))
		.limit(100);
}

const at = (stage: (typeof pipelineStages)[number]) => sql.raw(`array[${pipelineStages.filter((s) => stageIndex(s) >= stageIndex(stage)).map((s) => `'${s}'`).join(',')}]::text[]`);

export interface ProgressRow {
	agencyId: string | null;
	agencyName: string | null;
	positions: number | null;
	sourced: number;
	preselected: number;
	selected: number;
	departed: number;
	exited: number;
	fill: Fill | null;
}

/**
 * Live progress per agency and overall, counted by SQL (one group by): people sourced, still in at the
 * preselection or further, selected or further, departed or further, and those who left; each quota
 * under-, fully or over-filled by its preselected people.
 */
export async function campaignProgress(ctx: RequestContext, access: CampaignAccess) {
	const id = access.campaign.id;
	const [counts, quotas] = await Promise.all([
		ctx.db
			.select({
				agencyId: placementCandidate.agencyId,
				sourced: sql<number>`count(*)::int`,
				preselected: sql<number>`(count(*) filter (where ${placementCandidate.exitReason} is null and ${placementCandidate.stage} = any(${at('preselected')})))::int`,
				selected: sql<number>`(count(*) filter (where ${placementCandidate.exitReason} is null and ${placementCandidate.stage} = any(${at('selected')})))::int`,
				departed: sql<number>`(count(*) filter (where ${placementCandidate.exitReason} is null and ${placementCandidate.stage} = any(${at('departed')})))::int`,
				exited: sql<number>`(count(*) filter (where ${placementCandidate.exitReason} is not null))::int`
			})
			.from(placementCandidate)
			.where(and(eq(placementCandidate.campaignId, id), access.agencyIds ? inArray(placementCandidate.agencyId, access.agencyIds) : undefined))
			.groupBy(placementCandidate.agencyId),
		ctx.db
			.select({ agencyId: agency.id, agencyName: agency.name, positions: sql<number | null>`${placementCampaignQuota.positions}` })
			.from(placementCampaignQuota)
			.innerJoin(agency, eq(agency.id, placementCampaignQuota.agencyId))
			.where(eq(placementCampaignQuota.campaignId, id))
			.orderBy(asc(agency.name))
	]);
	const byAgency = new Map(counts.map((row) => [row.agencyId, row]));
	const zero = { sourced: 0, preselected: 0, selected: 0, departed: 0, exited: 0 };
	const rows: ProgressRow[] = quotas
		.filter((quota) => !access.agencyIds || access.agencyIds.includes(quota.agencyId))
		.map((quota) => {
			const found = byAgency.get(quota.agencyId) ?? zero;
			return { agencyId: quota.agencyId, agencyName: quota.agencyName, positions: quota.positions, ...pick(found), fill: fillOf(found.preselected, quota.positions ?? 0) };
		});
	// candidates of an agency that no longer has a quota, and the division's own
	for (const row of counts) {
		if (rows.some((entry) => entry.agencyId === row.agencyId)) continue;
		if (row.agencyId === null) rows.push({ agencyId: null, agencyName: null, positions: null, ...pick(row), fill: null });
		else {
			const [named] = await ctx.db.select({ name: agency.name }).from(agency).where(eq(agency.id, row.agencyId));
			rows.push({ agencyId: row.agencyId, agencyName: named?.name ?? null, positions: 0, ...pick(row), fill: fillOf(row.preselected, 0) });
		}
	}
	const total = rows.reduce((sum, row) => ({ sourced: sum.sourced + row.sourced, preselected: sum.preselected + row.preselected, selected: sum.selected + row.selected, departed: sum.departed + row.departed, exited: sum.exited + row.exited }), { ...zero });
	const allocated = quotas.reduce((sum, quota) => sum + (quota.positions ?? 0), 0);
	return { rows, total: { ...total, positions: access.campaign.positions, allocated, fill: fillOf(total.preselected, access.campaign.positions) } };
}
const pick = (row: { sourced: number; preselected: number; selected: number; departed: number; exited: number }) => ({ sourced: row.sourced, preselected: row.preselected, selected: row.selected, departed: row.departed, exited: row.exited });
export type CampaignProgress = Awaited<ReturnType<typeof campaignProgress>>;

/** The campaigns the person works on (the division: all; agency staff: those their agencies have a quota in), newest first, with their counts. */
export async function listCampaigns(ctx: RequestContext) {
	requirePlacementStaff(ctx);
	let ids: string[] | null = null;
	if (!ctx.can('placement.campaign.manage')) {
		const mine = await myAgencyIds(ctx);
		ids = mine.length ? (await ctx.db.selectDistinct({ id: placementCampaignQuota.campaignId }).from(placementCampaignQuota).where(inArray(placementCampaignQuota.agencyId, mine))).map((row) => row.id) : [];
		if (!ids.length) return [];
	}
	const campaigns = await ctx.db
		.select({
			campaign: placementCampaign,
			allocated: sql<number>`coalesce((select sum(q.positions) from ${placementCampaignQuota} q where q.campaign_id = ${placementCampaign.id}), 0)::int`,
			candidates: sql<number>`(select count(*) from ${placementCandidate} c where c.campaign_id = ${placementCampaign.id} and c.exit_reason is null)::int`,
			preselected: sql<number>`(select count(*) from ${placementCandidate} c where c.campaign_id = ${placementCampaign.id} and c.exit_reason is null and c.stage <> 'registered')::int`
		})
		.from(placementCampaign)
		.where(ids ? inArray(placementCampaign.id, ids) : undefined)
		.orderBy(desc(placementCampaign.createdAt), asc(placementCampaign.id));
	return campaigns;
}

/** The offers abroad and agreements a campaign may be linked to, and the open agencies (the form's lists). */
export async function campaignChoices(ctx: RequestContext) {
	ctx.require('placement.campaign.manage');
	const [offers, agreements, agencies] = await Promise.all([
		ctx.db
			.select({ id: jobOffer.id, title: jobOffer.title, hostCountry: jobOffer.hostCountry, lang: placementOffer.lang })
			.from(jobOffer)
			.innerJoin(placementOffer, eq(placementOffer.offerId, jobOffer.id))
			.where(and(sql`${jobOffer.hostCountry} <> ${HOME_COUNTRY}`, inArray(jobOffer.status, ['draft', 'published'])))
			.orderBy(asc(jobOffer.title)),
		ctx.db.select({ id: placementAgreement.id, title: placementAgreement.title, hostCountry: placementAgreement.hostCountry, lang: placementAgreement.lang }).from(placementAgreement).where(sql`${placementAgreement.status} <> 'ended'`).orderBy(asc(placementAgreement.title)),
		ctx.db.select({ id: agency.id, name: agency.name }).from(agency).where(eq(agency.status, 'open')).orderBy(asc(agency.name))
	]);
	return { offers, agreements, agencies };
}

/**
 * Adds people to a campaign by their account's e-mail (they sign up first), for an agency: agency staff
 * for one of their agencies with a quota, the division for any agency of the campaign or for itself.
 * Unknown addresses are named and nothing is added; people already in the campaign are left as they are.
 */
export async function addCandidates(ctx: RequestContext, id: string, raw: unknown) {
	const actor = requirePlacementStaff(ctx);
	const input = parseOrThrow(AddCandidatesInput, raw);
	return ctx.transaction(async (tx) => {
		const access = await campaignAccess(tx, id);
		if (access.campaign.status !== 'open') throw new AppError('conflict', { extra: { reason: 'campaign_closed' } });
		if (input.agencyId === null ? access.agencyIds !== null : access.agencyIds ? !access.agencyIds.includes(input.agencyId) : false) {
			throw new AppError('invalid_input', { fields: [{ path: 'agencyId', messageKey: 'field_choice' }] });
		}
		if (input.agencyId && access.agencyIds === null) {
			const [quota] = await tx.db.select({ n: placementCampaignQuota.positions }).from(placementCampaignQuota).where(and(eq(placementCampaignQuota.campaignId, id), eq(placementCampaignQuota.agencyId, input.agencyId)));
			if (!quota) throw new AppError('invalid_input', { fields: [{ path: 'agencyId', messageKey: 'field_choice' }] });
		}
		const emails = [...new Set(input.emails.map((email) => email.toLowerCase()))];
		const people = await tx.db.select({ id: user.id, email: sql<string>`lower(${user.email})` }).from(user).where(inArray(sql`lower(${user.email})`, emails));
		const known = new Set(people.map((person) => person.email));
		const unknown = emails.filter((email) => !known.has(email));
		if (unknown.length) throw new AppError('invalid_input', { fields: [{ path: 'emails', messageKey: 'field_unknown_accounts', values: { list: unknown.join(', '), count: unknown.length } }] });
		const now = tx.now();
		const added = await tx.db
			.insert(placementCandidate)
			.values(people.map((person) => ({ campaignId: id, userId: person.id, agencyId: input.agencyId, addedBy: actor.userId, stageChangedAt: now, createdAt: now })))
			.onConflictDoNothing()
			.returning({ id: placementCandidate.id });
		const batchId = crypto.randomUUID();
		if (added.length) {
			await tx.db.insert(placementCandidateMove).values(added.map((row) => ({ candidateId: row.id, fromStage: null, toStage: 'registered', batchId, byUserId: actor.userId, at: now })));
			await recordAudit(tx.db, tx.audit, { action: 'placement_candidate.add', resourceType: 'placement_campaign', resourceId: id, after: { agencyId: input.agencyId, candidateIds: added.map((row) => row.id), batchId } });
		}
		return { added: added.length, already: people.length - added.length };
	});
}

/** The agencies a person may add candidates for in this campaign (the division: every agency with a quota). */
export function sourcingAgencies(access: CampaignAccess) {
	return access.agencies;
}
