import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { jobOffer } from './job-offer.table.ts';
import { jobApplication, seekerProfile } from './seekers/seekers.table.ts';
import { agencyCounsellor } from './counsellors/counsellors.table.ts';
import { teamReferralsOpenSent } from '../../platform/casework/team-referrals.ts';
import { caseReferral } from '../../platform/casework/casework.table.ts';
import { agencyFollowUp } from './counsellors/follow-up.caseload.ts';
import { agencyReferralsWaiting, senderOrganisations } from './counsellors/agency-referrals.service.ts';
import { directoryEntry } from '../../platform/directory/directory.table.ts';
import { supportProgrammes } from './programmes.ts';
import { agreementCounts } from './placement/placement.service.ts';
import { placementCampaign, placementCampaignQuota, placementCandidate } from './placement/campaigns.table.ts';
import { activeOpportunityCount } from './placement/pipeline.service.ts';
import { pendingForPartner } from './placement/shortlist.service.ts';
import { placementFollowUp } from './placement/mobility.caseload.ts';
import { caseloadCounts } from './placement/mobility.service.ts';
import { departureCounts } from './placement/departure-space.ts';
import { isPlacementStaff, myAgencyIds } from './placement/agency-staff.ts';

const none = [{ n: 0 }];

/**
 * The Jobs & mobility places of one person, with what waits there (my space): a job seeker's profile
 * and applications, an employer's offers and new applications, a counsellor's seekers and the offers
 * to validate, a programme partner's referrals received.
 */
export async function jobsSpace(ctx: RequestContext): Promise<SpaceLink[]> {
	const actor = ctx.actor;
	if (!actor) return [];
	const links: SpaceLink[] = [];
	const db = ctx.db;

	if (ctx.can('seekers.profile.manage_own')) {
		const [[profile], [applications]] = await Promise.all([
			db.select({ n: count() }).from(seekerProfile).where(eq(seekerProfile.userId, actor.userId)),
			db.select({ n: count() }).from(jobApplication).where(eq(jobApplication.userId, actor.userId))
		]);
		links.push(
			{ path: '/jobs/profile', titleKey: 'jobs.space_profile', textKey: profile.n ? 'jobs.space_profile_text' : 'jobs.space_profile_start' },
			{ path: '/jobs/applications', titleKey: 'jobs.space_applications', waiting: { count: applications.n, key: 'jobs.space_applications_count' } },
			{ path: '/jobs/saved', titleKey: 'jobs.space_saved', textKey: 'jobs.space_saved_text' }
		);
	}

	// employers: partners who are members of an organisation of type employer
	const employerIds = actor.organisationIds.length && ctx.can('jobs.offer.manage')
		? (await db.select({ id: organisation.id }).from(organisation).where(and(inArray(organisation.id, [...actor.organisationIds]), eq(organisation.type, 'employer')))).map((row) => row.id)
		: [];
	if (employerIds.length) {
		const [[fresh]] = await Promise.all([
			db
				.select({ n: count() })
				.from(jobApplication)
				.innerJoin(jobOffer, eq(jobOffer.id, jobApplication.offerId))
				.where(and(inArray(jobOffer.organisationId, employerIds), eq(jobApplication.status, 'submitted')))
		]);
		links.push(
			{ path: '/jobs/employer', titleKey: 'jobs.space_employer', textKey: 'jobs.space_employer_text' },
			{ path: '/jobs/employer/applications', titleKey: 'jobs.space_employer_applications', waiting: { count: fresh.n, key: 'jobs.space_new_applications' } }
		);
	}

	if (ctx.can('counsellors.follow_up')) {
		const agencies = (await db.select({ id: agencyCounsellor.agencyId }).from(agencyCounsellor).where(eq(agencyCounsellor.userId, actor.userId))).map((row) => row.id);
		const [validations] = ctx.can('jobs.offer.validate') ? await db.select({ n: count() }).from(jobOffer).where(eq(jobOffer.status, 'pending_validation')) : none;
		links.push({ path: '/jobs/counsellor', titleKey: 'jobs.space_counsellor', textKey: agencies.length ? 'jobs.space_counsellor_text' : 'jobs.space_counsellor_no_agency' });
		if (agencies.length) {
			links.push({ path: '/jobs/counsellor/referrals', titleKey: 'counsellors.agency_referrals_received_title', waiting: { count: await agencyReferralsWaiting(ctx), key: 'jobs.space_agency_referrals_waiting' } });
		}
		if (ctx.can('jobs.offer.validate')) {
			links.push({ path: '/jobs/counsellor/validations', titleKey: 'jobs.space_validations', waiting: { count: validations.n, key: 'jobs.space_validations_waiting' } });
		}
	}

	// partners whose organisation runs a programme of the directory receive referrals
	if (ctx.can('counsellors.referral.respond') && actor.organisationIds.length) {
		const [received] = await db
			.select({ n: count() })
			.from(caseReferral)
			.innerJoin(directoryEntry, eq(directoryEntry.id, caseReferral.entryId))
			.where(and(inArray(caseReferral.caseload, [agencyFollowUp.key, placementFollowUp.key]), inArray(directoryEntry.organisationId, [...actor.organisationIds]), eq(caseReferral.status, 'sent')));
		const [programmes] = await db
			.select({ n: count() })
			.from(directoryEntry)
			.where(and(eq(directoryEntry.collection, supportProgrammes.key), inArray(directoryEntry.organisationId, [...actor.organisationIds])));
		if (programmes.n > 0) links.push({ path: '/jobs/programmes/referrals', titleKey: 'jobs.space_referrals', waiting: { count: received.n, key: 'jobs.space_referrals_waiting' } });
	}

	// associations (any partner organisation) refer the people they accompany to an ANAPEC agency
	if (ctx.can('counsellors.agency_referral.send') && (await senderOrganisations(ctx)).length) {
		links.push({ path: '/jobs/agency-referrals', titleKey: 'counsellors.agency_referrals_title', waiting: { count: await teamReferralsOpenSent(ctx, agencyFollowUp), key: 'jobs.space_agency_referrals_open' } });
	}

	if (ctx.can('counsellors.agency.manage')) {
		links.push({ path: '/jobs/counsellor/agencies', titleKey: 'counsellors.agencies_title', textKey: 'counsellors.admin_card_text', area: 'administration' });
	}
	// ANAPEC's international placement division: its agreements (drafts waiting) and offers abroad
	if (ctx.can('placement.agreement.manage')) {
		const { drafts } = await agreementCounts(ctx);
		links.push({ path: '/jobs/placement/division', titleKey: 'placement.space_division', waiting: { count: drafts, key: 'placement.space_drafts' } });
		links.push({ path: '/jobs/placement/dashboard', titleKey: 'placement.dashboard_title', textKey: 'placement.space_dashboard_text' });
	}
	// campaigns of mass and seasonal offers: the division, and agency staff whose agency has a quota in one;
	// what waits: people registered, not yet preselected (for agency staff, their agencies')
	if (isPlacementStaff(ctx)) {
		const division = ctx.can('placement.campaign.manage');
		const agencies = division ? null : await myAgencyIds(ctx);
		const [withQuota] = agencies?.length ? await db.select({ n: count() }).from(placementCampaignQuota).where(inArray(placementCampaignQuota.agencyId, agencies)) : none;
		if (division || withQuota.n > 0) {
			const [waiting] = await db
				.select({ n: count() })
				.from(placementCandidate)
				.innerJoin(placementCampaign, eq(placementCampaign.id, placementCandidate.campaignId))
				.where(
					and(
						eq(placementCampaign.status, 'open'),
						eq(placementCandidate.stage, 'registered'),
						isNull(placementCandidate.exitReason),
						agencies ? inArray(placementCandidate.agencyId, agencies.length ? agencies : ['00000000-0000-0000-0000-000000000000']) : undefined
					)
				);
			links.push({ path: '/jobs/placement/campaigns', titleKey: 'campaigns.space_campaigns', waiting: { count: waiting.n, key: 'campaigns.space_campaigns_waiting' } });
		}
		// before and after departure (items 7–8): the sessions of the coming week, the returns to record, the follow-ups due
		if (division || agencies?.length) {
			const counts = await departureCounts(ctx);
			links.push({ path: '/jobs/placement/orientation', titleKey: 'departure.space_sessions', waiting: { count: counts.sessionsThisWeek, key: 'departure.space_sessions_week' } });
			links.push({
				path: counts.returnsCampaignId ? `/jobs/placement/campaigns/${counts.returnsCampaignId}/returns` : '/jobs/placement/campaigns',
				titleKey: 'departure.space_returns',
				waiting: { count: counts.returnsToRecord, key: 'departure.space_returns_count' }
			});
			links.push({ path: '/jobs/placement/follow-ups', titleKey: 'departure.space_follow_ups', waiting: { count: counts.followUpsDue, key: 'departure.space_follow_ups_count' } });
		}
	}
	// a mobility counsellor's qualified candidates (item 6): those with an open need, the appointments of the coming week
	if (ctx.can('placement.caseload.work')) {
		const counts = await caseloadCounts(ctx);
		links.push({ path: '/jobs/placement/caseload', titleKey: 'mobility.space_caseload', textKey: 'mobility.space_caseload_text', waiting: { count: counts.withOpenNeeds, key: 'mobility.space_caseload_open_needs' } });
		links.push({ path: '/jobs/placement/caseload?appointments=week', titleKey: 'mobility.space_appointments_week', waiting: { count: counts.appointmentsThisWeek, key: 'mobility.space_appointments_week_count' } });
	}
	// a candidate of an international placement: their opportunities, stage and next step
	if (ctx.can('placement.pipeline.own')) {
		const [entries] = await db.select({ n: count() }).from(placementCandidate).where(eq(placementCandidate.userId, actor.userId));
		if (entries.n > 0) links.push({ path: '/jobs/placement/mine', titleKey: 'campaigns.space_mine', waiting: { count: await activeOpportunityCount(db, actor.userId), key: 'campaigns.space_mine_count' } });
	}
	// a foreign partner's members: the candidates of its campaigns waiting for its decision
	if (ctx.can('placement.shortlist.review') && actor.organisationIds.length) {
		const partner = await pendingForPartner(ctx);
		if (partner.campaigns > 0) links.push({ path: '/jobs/placement/partner', titleKey: 'shortlist.space_partner', waiting: { count: partner.pending, key: 'shortlist.space_partner_waiting' } });
	}
	if (ctx.can('support.rights.edit')) links.push({ path: '/jobs/rights', titleKey: 'jobs.space_rights', textKey: 'jobs.space_rights_text' });
	return links;
}
