// Partners' shortlists (issue 10, item 5). The partner of a campaign is the foreign organisation of its
// agreement or of its offer abroad; its members see the campaign's candidates from the agency's
// preselection on, as pseudonymous cards (occupation, languages with CEFR levels, experience, region of
// origin) until a candidate shares their identity with that partner; they record a decision and a short
// feedback, which staff and the candidate see. Every card a partner sees is in the audit trail.
import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { mailRecipient } from '../../../platform/mail/mail-user.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { HOME_COUNTRY } from '../job-offer.model.ts';
import { jobOffer, occupation } from '../job-offer.table.ts';
import { occupationTitle, placeName } from '../jobs.service.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { pipelineStages, stageIndex, type PipelineStage } from './campaigns.model.ts';
import { placementCampaign, placementCandidate, placementCandidateMove, type PlacementCampaignRecord } from './campaigns.table.ts';
import { assignShortlistedToOfferCounsellor } from './mobility.service.ts';
import { placementAgreement } from './placement.table.ts';
import { pseudonymOf, reviewFrom, shortlistingOutcomes, type FeedbackLanguage, type PartnerOutcome } from './shortlist.model.ts';
import { ConsentInput, DecisionInput, ShortlistFilter } from './shortlist.schemas.ts';
import { placementIdentityConsent, placementPartnerDecision } from './shortlist.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stages at which a partner reviews a candidate (the agency's preselection and after). */
export const reviewedStages: PipelineStage[] = pipelineStages.filter((stage) => stageIndex(stage) >= stageIndex(reviewFrom));
const reviewedList = sql.raw(`array[${reviewedStages.map((stage) => `'${stage}'`).join(',')}]::text[]`);

export interface Partner {
	id: string;
	name: string;
	acronym: string | null;
}

/** The partners of campaigns: the foreign organisations of their agreements and of their offers abroad. */
async function partnersOfCampaigns(db: DbOrTx, campaigns: Pick<PlacementCampaignRecord, 'id' | 'agreementId' | 'offerId'>[]): Promise<Map<string, Partner[]>> {
	const agreementIds = campaigns.map((c) => c.agreementId).filter((id): id is string => !!id);
	const offerIds = campaigns.map((c) => c.offerId).filter((id): id is string => !!id);
	const fromAgreements = agreementIds.length
		? await db.select({ id: placementAgreement.id, org: placementAgreement.organisationId }).from(placementAgreement).where(and(inArray(placementAgreement.id, agreementIds), isNotNull(placementAgreement.organisationId)))
		: [];
	const fromOffers = offerIds.length ? await db.select({ id: jobOffer.id, org: jobOffer.organisationId }).from(jobOffer).where(and(inArray(jobOffer.id, offerIds), ne(jobOffer.hostCountry, HOME_COUNTRY))) : [];
	const orgIds = [...new Set([...fromAgreements, ...fromOffers].map((row) => row.org!))];
	const foreign = orgIds.length
		? await db
				.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym })
				.from(organisation)
				.where(and(inArray(organisation.id, orgIds), isNotNull(organisation.country), ne(organisation.country, HOME_COUNTRY)))
				.orderBy(asc(organisation.name))
		: [];
	const byAgreement = new Map(fromAgreements.map((row) => [row.id, row.org]));
	const byOffer = new Map(fromOffers.map((row) => [row.id, row.org]));
	return new Map(
		campaigns.map((c) => {
			const ids = new Set([c.agreementId ? byAgreement.get(c.agreementId) : null, c.offerId ? byOffer.get(c.offerId) : null]);
			return [c.id, foreign.filter((org) => ids.has(org.id))];
		})
	);
}

export async function partnersOf(db: DbOrTx, campaign: Pick<PlacementCampaignRecord, 'id' | 'agreementId' | 'offerId'>): Promise<Partner[]> {
	return (await partnersOfCampaigns(db, [campaign])).get(campaign.id) ?? [];
}

export interface PartnerAccess {
	campaign: PlacementCampaignRecord;
	partner: Partner;
}

/**
 * The campaign and the partner organisation the person reviews it for; not_found for a campaign that does
 * not exist or whose partners the person is not a member of (another partner's shortlist stays invisible).
 */
export async function partnerAccess(ctx: RequestContext, id: string, db: DbOrTx = ctx.db): Promise<PartnerAccess> {
	const actor = ctx.require('placement.shortlist.review');
	if (!UUID.test(id)) throw new AppError('not_found');
	const [campaign] = await db.select().from(placementCampaign).where(eq(placementCampaign.id, id));
	if (!campaign) throw new AppError('not_found');
	const partner = (await partnersOf(db, campaign)).find((org) => actor.organisationIds.includes(org.id));
	if (!partner) throw new AppError('not_found');
	return { campaign, partner };
}

/** Whom a partner sees: still in from the preselection on, or anyone it has already decided on. */
function visibleTo(organisationId: string) {
	return or(
		and(isNull(placementCandidate.exitReason), sql`${placementCandidate.stage} = any(${reviewedList})`),
		sql`exists (select 1 from ${placementPartnerDecision} d where d.candidate_id = ${placementCandidate.id} and d.organisation_id = ${organisationId})`
	)!;
}

/** The campaigns of the partner organisations the person belongs to, with the candidates to review and those waiting for a decision. */
export async function partnerCampaigns(ctx: RequestContext) {
	const actor = ctx.require('placement.shortlist.review');
	if (!actor.organisationIds.length) return [];
	const orgIds = [...actor.organisationIds];
	const agreementIds = (await ctx.db.select({ id: placementAgreement.id }).from(placementAgreement).where(inArray(placementAgreement.organisationId, orgIds))).map((row) => row.id);
	const offerIds = (await ctx.db.select({ id: jobOffer.id }).from(jobOffer).where(and(inArray(jobOffer.organisationId, orgIds), ne(jobOffer.hostCountry, HOME_COUNTRY)))).map((row) => row.id);
	if (!agreementIds.length && !offerIds.length) return [];
	const campaigns = await ctx.db
		.select()
		.from(placementCampaign)
		.where(or(agreementIds.length ? inArray(placementCampaign.agreementId, agreementIds) : undefined, offerIds.length ? inArray(placementCampaign.offerId, offerIds) : undefined))
		.orderBy(asc(placementCampaign.createdAt), asc(placementCampaign.id));
	const partners = await partnersOfCampaigns(ctx.db, campaigns);
	const result = [];
	for (const campaign of campaigns) {
		const partner = partners.get(campaign.id)?.find((org) => orgIds.includes(org.id));
		if (!partner) continue;
		const [counts] = await ctx.db
			.select({
				candidates: sql<number>`count(*)::int`,
				pending: sql<number>`(count(*) filter (where not exists (select 1 from ${placementPartnerDecision} d where d.candidate_id = ${placementCandidate.id} and d.organisation_id = ${partner.id})))::int`
			})
			.from(placementCandidate)
			.where(and(eq(placementCandidate.campaignId, campaign.id), visibleTo(partner.id)));
		result.push({ campaign, partner, candidates: counts?.candidates ?? 0, pending: counts?.pending ?? 0 });
	}
	return result;
}

/** How many candidates wait for the person's partner organisations' decision (my space). */
export async function pendingForPartner(ctx: RequestContext) {
	const rows = await partnerCampaigns(ctx);
	return { campaigns: rows.length, pending: rows.reduce((sum, row) => sum + row.pending, 0) };
}

function decisionView(row: { outcome: PartnerOutcome | null; feedback: string | null; feedbackLang: FeedbackLanguage | null; decidedAt: Date | null }) {
	return row.outcome ? { outcome: row.outcome, feedback: row.feedback, feedbackLang: row.feedbackLang, decidedAt: row.decidedAt!.toISOString() } : null;
}

/**
 * One page of a partner's shortlist: pseudonymous cards (name and e-mail only for candidates who consented
 * to share them with this partner; nothing else that identifies them), in the page's language. The cards
 * shown are recorded in the audit trail (which, and which were identified).
 */
export async function partnerShortlist(ctx: RequestContext, access: PartnerAccess, raw: unknown, only?: string) {
	const filter = parseOrThrow(ShortlistFilter, raw);
	const orgId = access.partner.id;
	const consented = sql<boolean>`(${placementIdentityConsent.userId} is not null)`;
	const rows = await ctx.db
		.select({
			id: placementCandidate.id,
			stage: placementCandidate.stage,
			exitReason: placementCandidate.exitReason,
			identified: consented,
			// the identity is read only when the candidate consented
			name: sql<string | null>`case when ${consented} then ${user.name} end`,
			email: sql<string | null>`case when ${consented} then ${user.email} end`,
			regionCode: agency.regionCode,
			occupationCodes: seekerProfile.occupationCodes,
			languages: seekerProfile.languages,
			experienceYears: seekerProfile.experienceYears,
			outcome: placementPartnerDecision.outcome,
			feedback: placementPartnerDecision.feedback,
			feedbackLang: placementPartnerDecision.feedbackLang,
			decidedAt: placementPartnerDecision.decidedAt
		})
		.from(placementCandidate)
		.innerJoin(user, eq(user.id, placementCandidate.userId))
		.leftJoin(agency, eq(agency.id, placementCandidate.agencyId))
		.leftJoin(seekerProfile, eq(seekerProfile.userId, placementCandidate.userId))
		.leftJoin(placementPartnerDecision, and(eq(placementPartnerDecision.candidateId, placementCandidate.id), eq(placementPartnerDecision.organisationId, orgId)))
		.leftJoin(placementIdentityConsent, and(eq(placementIdentityConsent.userId, placementCandidate.userId), eq(placementIdentityConsent.organisationId, orgId), isNull(placementIdentityConsent.revokedAt)))
		.where(
			and(
				eq(placementCandidate.campaignId, access.campaign.id),
				visibleTo(orgId),
				filter.show === 'pending' ? isNull(placementPartnerDecision.outcome) : undefined,
				filter.after ? gt(placementCandidate.id, filter.after) : undefined,
				only ? eq(placementCandidate.id, only) : undefined
			)
		)
		.orderBy(asc(placementCandidate.id))
		.limit(filter.limit + 1);
	const page = rows.slice(0, filter.limit);
	const titles = await occupationTitles(ctx.db, page.flatMap((row) => row.occupationCodes ?? []), ctx.language);
	const cards = page.map((row) => ({
		id: row.id,
		pseudonym: pseudonymOf(row.id, orgId),
		identified: !!row.identified,
		name: row.identified ? row.name : null,
		email: row.identified ? row.email : null,
		stage: row.stage,
		exited: row.exitReason !== null,
		occupations: (row.occupationCodes ?? []).map((code) => ({ code, title: titles.get(code) ?? code })),
		languages: (row.languages ?? []).map((entry) => ({ language: entry.language, level: entry.level ?? null })),
		experienceYears: row.experienceYears ?? null,
		region: row.regionCode ? { code: row.regionCode, name: placeName(row.regionCode, ctx.language) } : null,
		decision: decisionView(row)
	}));
	await recordAudit(ctx.db, ctx.audit, {
		action: 'placement_shortlist.read',
		resourceType: 'placement_campaign',
		resourceId: access.campaign.id,
		after: { organisationId: orgId, candidateIds: cards.map((card) => card.id), identified: cards.filter((card) => card.identified).map((card) => card.id) }
	});
	return { cards, next: rows.length > filter.limit ? page[page.length - 1].id : null, filter };
}
/** One card of the partner's shortlist (its decision page); not_found when the partner may not see it. The view is audited. */
export async function partnerCard(ctx: RequestContext, access: PartnerAccess, candidateId: string) {
	if (!UUID.test(candidateId)) throw new AppError('not_found');
	const { cards } = await partnerShortlist(ctx, access, {}, candidateId);
	if (!cards.length) throw new AppError('not_found');
	return cards[0];
}

export type ShortlistCard = Awaited<ReturnType<typeof partnerShortlist>>['cards'][number];

async function occupationTitles(db: DbOrTx, codes: string[], language: Language) {
	const unique = [...new Set(codes)];
	if (!unique.length) return new Map<string, string>();
	const rows = await db.select().from(occupation).where(inArray(occupation.code, unique));
	return new Map(rows.map((row) => [row.code, occupationTitle(row, language).title]));
}

/**
 * A partner records its decision and feedback on a candidate it reviews (the latest replaces the one before;
 * the audit trail keeps both). Shortlisting someone still at the agency's preselection moves them to the
 * stage "shortlisted by the partner" (a move in their history, by the partner's recruiter). A candidate not
 * selected needs a feedback (why, what would help). A candidate the partner may not see answers not_found.
 * After the commit, the candidate is told by e-mail, in their language, what the partner decided (in plain
 * words, with its feedback) when the decision or its feedback changed (`shortlist.email_decision`).
 */
export async function recordDecision(ctx: RequestContext, campaignId: string, candidateId: string, raw: unknown) {
	const actor = ctx.require('placement.shortlist.review');
	const input = parseOrThrow(DecisionInput, raw);
	if (input.outcome === 'not_selected' && !input.feedback) throw new AppError('invalid_input', { fields: [{ path: 'feedback', messageKey: 'field_feedback_not_selected' }] });
	const feedbackLang = input.feedback ? (input.feedbackLang ?? ctx.language) : null;
	const now = ctx.now();
	const done = await ctx.transaction(async (tx) => {
		const access = await partnerAccess(tx, campaignId);
		if (access.campaign.status !== 'open') throw new AppError('conflict', { extra: { reason: 'campaign_closed' } });
		if (!UUID.test(candidateId)) throw new AppError('not_found');
		const orgId = access.partner.id;
		const [candidate] = await tx.db
			.select({ id: placementCandidate.id, stage: placementCandidate.stage, exitReason: placementCandidate.exitReason, userId: placementCandidate.userId })
			.from(placementCandidate)
			.where(and(eq(placementCandidate.id, candidateId), eq(placementCandidate.campaignId, campaignId), visibleTo(orgId)))
			.for('update');
		if (!candidate) throw new AppError('not_found');
		const [before] = await tx.db.select().from(placementPartnerDecision).where(and(eq(placementPartnerDecision.candidateId, candidateId), eq(placementPartnerDecision.organisationId, orgId)));
		const values = { outcome: input.outcome, feedback: input.feedback, feedbackLang, byUserId: actor.userId, decidedAt: now };
		await tx.db
			.insert(placementPartnerDecision)
			.values({ candidateId, organisationId: orgId, ...values })
			.onConflictDoUpdate({ target: [placementPartnerDecision.candidateId, placementPartnerDecision.organisationId], set: values });
		const moves = shortlistingOutcomes.includes(input.outcome) && candidate.exitReason === null && candidate.stage === reviewFrom;
		if (moves) {
			await tx.db.insert(placementCandidateMove).values({ candidateId, fromStage: candidate.stage, toStage: 'shortlisted', eventOn: platformDay(now), batchId: crypto.randomUUID(), byUserId: actor.userId, at: now });
			await tx.db.update(placementCandidate).set({ stage: 'shortlisted', stageOn: platformDay(now), stageChangedAt: now }).where(eq(placementCandidate.id, candidateId));
			// a qualified offer's own mobility counsellor follows them from now on (when nobody does yet)
			await assignShortlistedToOfferCounsellor(tx.db, tx.audit, campaignId, [candidate.userId], now);
		}
		await recordAudit(tx.db, tx.audit, {
			action: 'placement_partner.decide',
			resourceType: 'placement_candidate',
			resourceId: candidateId,
			before: before ? { outcome: before.outcome, feedback: before.feedback, feedbackLang: before.feedbackLang } : null,
			after: { campaignId, organisationId: orgId, outcome: input.outcome, feedback: input.feedback, feedbackLang, movedTo: moves ? 'shortlisted' : null }
		});
		const changed = !before || before.outcome !== input.outcome || before.feedback !== input.feedback;
		return {
			result: { candidateId, outcome: input.outcome, feedback: input.feedback, feedbackLang, stage: moves ? ('shortlisted' as const) : candidate.stage, decidedAt: now.toISOString() },
			tell: changed ? { userId: candidate.userId, campaign: access.campaign.title, partner: access.partner.name } : null
		};
	});
	let announced = false;
	if (done.tell) {
		const { userId, campaign, partner } = done.tell;
		const [person] = await ctx.db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, userId));
		if (person) {
			announced = await mailRecipient(
				ctx,
				person,
				'shortlist.email_decision',
				(lang) => ({
					campaign,
					partner,
					decision: translate(lang, `shortlist.mine_decision_${input.outcome}`, { partner }),
					feedback: input.feedback ? translate(lang, 'shortlist.email_feedback', { feedback: input.feedback }) : '',
					next: translate(lang, `shortlist.email_next_${input.outcome}`)
				}),
				'/jobs/placement/mine'
			);
		}
	}
	return { ...done.result, announced };
}

/**
 * The partners of each campaign a person is in, with what each decided (and its feedback) and whether the
 * person shares their identity with it: the candidate's page and the staff's view of a candidate.
 */
async function partnerViewsOf(db: DbOrTx, rows: { candidateId: string; userId: string; campaign: Pick<PlacementCampaignRecord, 'id' | 'agreementId' | 'offerId'> }[]) {
	if (!rows.length) return new Map<string, PartnerView[]>();
	const partners = await partnersOfCampaigns(db, rows.map((row) => row.campaign));
	const decisions = await db
		.select()
		.from(placementPartnerDecision)
		.where(inArray(placementPartnerDecision.candidateId, rows.map((row) => row.candidateId)));
	const consents = await db
		.select()
		.from(placementIdentityConsent)
		.where(inArray(placementIdentityConsent.userId, [...new Set(rows.map((row) => row.userId))]));
	return new Map(
		rows.map((row) => [
			row.candidateId,
			(partners.get(row.campaign.id) ?? []).map((partner) => {
				const decision = decisions.find((entry) => entry.candidateId === row.candidateId && entry.organisationId === partner.id);
				const consent = consents.find((entry) => entry.userId === row.userId && entry.organisationId === partner.id);
				return {
					partner,
					decision: decision ? decisionView(decision) : null,
					consent: consent ? { grantedAt: consent.grantedAt.toISOString(), revokedAt: consent.revokedAt?.toISOString() ?? null } : null,
					sharing: !!consent && consent.revokedAt === null
				};
			})
		])
	);
}
export interface PartnerView {
	partner: Partner;
	decision: ReturnType<typeof decisionView>;
	consent: { grantedAt: string; revokedAt: string | null } | null;
	sharing: boolean;
}

/** For the candidate: per entry of theirs (campaign), its partners, their decisions and feedback, and the consent asked. */
export async function myPartnerViews(ctx: RequestContext) {
	const actor = ctx.require('placement.pipeline.own');
	return partnerViewsOfUser(ctx.db, actor.userId);
}

async function partnerViewsOfUser(db: DbOrTx, userId: string) {
	const rows = await db
		.select({ candidateId: placementCandidate.id, userId: placementCandidate.userId, campaign: { id: placementCampaign.id, agreementId: placementCampaign.agreementId, offerId: placementCampaign.offerId } })
		.from(placementCandidate)
		.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
		.where(eq(placementCandidate.userId, userId));
	return partnerViewsOf(db, rows);
}

/** For staff who may see the candidate (the caller checked it): the partners' decisions and the consents. */
export async function partnerViewsForStaff(db: DbOrTx, candidate: { id: string; userId: string; campaign: Pick<PlacementCampaignRecord, 'id' | 'agreementId' | 'offerId'> }) {
	return (await partnerViewsOf(db, [{ candidateId: candidate.id, userId: candidate.userId, campaign: candidate.campaign }])).get(candidate.id) ?? [];
}

/** For staff who see a candidate's page (candidateDetail checked the access): the partners' decisions and the consents. */
export async function staffPartnerViews(ctx: RequestContext, campaign: PlacementCampaignRecord, candidateId: string) {
	const [row] = await ctx.db.select({ userId: placementCandidate.userId }).from(placementCandidate).where(and(eq(placementCandidate.id, candidateId), eq(placementCandidate.campaignId, campaign.id)));
	return row ? partnerViewsForStaff(ctx.db, { id: candidateId, userId: row.userId, campaign }) : [];
}

/**
 * The candidate shares their name and e-mail with one partner of a campaign they are in, or stops sharing
 * them (the partner sees the pseudonym again); when, and the audit trail records each change.
 */
export async function setIdentityConsent(ctx: RequestContext, raw: unknown) {
	const actor = ctx.require('placement.pipeline.own');
	const input = parseOrThrow(ConsentInput, raw);
	const now = ctx.now();
	return ctx.transaction(async (tx) => {
		const views = await partnerViewsOfUser(tx.db, actor.userId);
		const known = [...views.values()].some((list) => list.some((view) => view.partner.id === input.organisationId));
		if (!known) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
		const [before] = await tx.db.select().from(placementIdentityConsent).where(and(eq(placementIdentityConsent.userId, actor.userId), eq(placementIdentityConsent.organisationId, input.organisationId)));
		const sharing = !!before && before.revokedAt === null;
		if (sharing === input.share) return { organisationId: input.organisationId, sharing, changed: false };
		if (input.share) {
			await tx.db
				.insert(placementIdentityConsent)
				.values({ userId: actor.userId, organisationId: input.organisationId, grantedAt: now, revokedAt: null })
				.onConflictDoUpdate({ target: [placementIdentityConsent.userId, placementIdentityConsent.organisationId], set: { grantedAt: now, revokedAt: null } });
		} else {
			await tx.db.update(placementIdentityConsent).set({ revokedAt: now }).where(and(eq(placementIdentityConsent.userId, actor.userId), eq(placementIdentityConsent.organisationId, input.organisationId)));
		}
		await recordAudit(tx.db, tx.audit, {
			action: input.share ? 'placement_consent.give' : 'placement_consent.withdraw',
			resourceType: 'organisation',
			resourceId: input.organisationId,
			before: before ? { grantedAt: before.grantedAt.toISOString(), revokedAt: before.revokedAt?.toISOString() ?? null } : null,
			after: { share: input.share, at: now.toISOString() }
		});
		return { organisationId: input.organisationId, sharing: input.share, changed: true };
	});
}

// ---------- personal data ----------

/** The partners' decisions about the person and the consents they gave (`/api/v1/me/export`). */
export async function exportShortlists(db: DbOrTx, userId: string) {
	const views = await partnerViewsOfUser(db, userId);
	return {
		placementPartnerDecisions: [...views].flatMap(([candidateId, list]) => list.filter((view) => view.decision).map((view) => ({ candidateId, partner: view.partner.name, ...view.decision! }))),
		placementIdentityConsents: (await db.select().from(placementIdentityConsent).where(eq(placementIdentityConsent.userId, userId))).map((row) => ({
			organisationId: row.organisationId,
			grantedAt: row.grantedAt.toISOString(),
			revokedAt: row.revokedAt?.toISOString() ?? null
		}))
	};
}

/** Deleting the account removes the person's consents (the decisions go with the pipeline entries). */
export async function eraseConsents(tx: DbOrTx, userId: string) {
	return (await tx.delete(placementIdentityConsent).where(eq(placementIdentityConsent.userId, userId)).returning({ id: placementIdentityConsent.organisationId })).length;
}
