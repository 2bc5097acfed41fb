import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { countryName } from '#platform/geo/countries.ts';
import { resolveLinks } from '#platform/kernel/links.ts';
import { myOpportunities } from '#modules/jobs/placement/pipeline.service.ts';
import { myPartnerViews, setIdentityConsent } from '#modules/jobs/placement/shortlist.service.ts';
import { cancelMyRegistration, mySessions, registerMyself } from '#modules/jobs/placement/orientation.service.ts';
import { answerInvitation, myInvitations } from '#modules/jobs/placement/circular.service.ts';
import { predepartureEntries } from '#modules/jobs/placement/predeparture-pages.ts';
import { loadMyCasework } from '#platform/casework/casework.web.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';
import { declaredSexes } from '#modules/jobs/placement/campaigns.model.ts';
import { myPlacementProfile, setMyPlacementProfile } from '#modules/jobs/placement/profile.service.ts';

const conflicts = { invitation_answered: 'departure.invitation_answered', campaign_closed: 'campaigns.campaign_closed' };

/**
 * The candidate's own opportunities abroad (each campaign, the stage, the next step, the path so far), the
 * partners reviewing them (their decisions and feedback, and whether to share one's identity with each), the
 * orientation sessions they may join, their invitations for a next season, the pre-departure pages of their
 * host countries and, once back, the Return module's services (a link target: shown when that module is there);
 * the sex they declare, if they wish, for the statistics.
 */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [items, partners, sessions, invitations, casework, profile] = await Promise.all([
		myOpportunities(ctx),
		myPartnerViews(ctx),
		mySessions(ctx),
		myInvitations(ctx),
		loadMyCasework(ctx, placementFollowUp),
		myPlacementProfile(ctx)
	]);
	const back = items.some((item) => item.stage === 'returned' || item.stage.startsWith('follow_up'));
	const returnServices = back ? await resolveLinks(ctx.db, ['return.service_stage:economic', 'return.service_stage:social', 'return.service_stage:administrative'], ctx.language) : [];
	const prepared = await predepartureEntries(ctx.db, items.map((item) => item.campaign.hostCountry));
	return {
		items: items.map((item) => ({
			...item,
			country: countryName(item.campaign.hostCountry, locals.language),
			partners: partners.get(item.id) ?? [],
			prepare: prepared.get(item.campaign.hostCountry) ?? null
		})),
		sessions: sessions.map((row) => ({ ...row, country: countryName(row.hostCountry, locals.language) })),
		invitations: invitations.map((row) => ({ ...row, country: countryName(row.campaign.hostCountry, locals.language) })),
		returnServices,
		// what the mobility counsellor works on with them (needs, appointments, the file's documents, the referrals to
		// programmes the e-mails link here for: never the private notes)
		mobility: { needs: casework.needs, appointments: casework.appointments, documents: casework.documents, referrals: casework.referrals, needKinds: placementFollowUp.needs!.kinds },
		profile: { sex: profile.sex, sexes: [...declaredSexes] }
	};
}

export const actions = {
	/** Shares one's name and e-mail with a partner, or stops sharing them (audited). */
	consent: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => setIdentityConsent(ctx, { organisationId: data.get('organisationId') ?? '', share: data.get('share') ?? '' }), { done: () => ({ consented: true }) });
	},
	register: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => registerMyself(ctx, String(data.get('sessionId') ?? '')), { done: (result) => ({ registered: result.registration.status }) });
	},
	cancel: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => cancelMyRegistration(ctx, String(data.get('sessionId') ?? '')), { done: () => ({ cancelled: true }) });
	},
	/** Declares the person's sex for the statistics, changes it, or (the withdraw button) withdraws it. */
	profile: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const sex = data.get('withdraw') === 'yes' ? null : (data.get('sex') ?? '');
		return formAction(ctx.language, data, () => setMyPlacementProfile(ctx, { sex }), { done: (result) => ({ profile: result.sex ? 'saved' : 'withdrawn' }) });
	},
	answer: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => answerInvitation(ctx, String(data.get('invitationId') ?? ''), data.get('answer') === 'accept'), { done: (result) => ({ answered: result.accepted ? (result.stage ?? 'registered') : 'declined' }), conflicts });
	}
};
