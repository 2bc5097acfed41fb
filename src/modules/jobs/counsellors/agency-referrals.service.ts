// Associations refer the people they accompany to an ANAPEC agency (issue 16, item 12): the platform's
// referrals to a team (src/platform/casework/team-referrals.ts) for the agencies' caseload. The association
// records the person's agreement; the agency answers; the person follows it.
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { referralKinds, referralStatuses, type ReferralStatus } from '../../../platform/casework/casework.model.ts';
import {
	answerTeamReferral,
	listTeamReferralsReceived,
	listTeamReferralsSent,
	myTeamReferrals,
	referToTeam,
	senderOrganisations as platformSenderOrganisations,
	teamReferralsWaiting,
	type TeamReferral
} from '../../../platform/casework/team-referrals.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { agencyFollowUp } from './follow-up.caseload.ts';
import { agency } from './counsellors.table.ts';

/** What the association sends: who (their account's e-mail), to which agency, for what, and the agreement. */
export const AgencyReferralInput = z
	.object({
		email: z.email().max(254).describe('the e-mail address of the person’s Sharaka account'),
		agencyId: z.uuid(),
		organisationId: z.uuid().describe('the referring organisation (one of the sender’s)'),
		kind: z.enum(referralKinds).default('employment'),
		message: z.string().trim().min(1).max(2000).describe('what the agency should know; the person sees it too'),
		agreed: z.literal(true).describe('the person agreed to be referred and to share their name and contact details with the agency')
	})
	.meta({ id: 'AgencyReferralInput' });

export const AgencyReferralStatusInput = z.object({ status: z.enum(referralStatuses) }).meta({ id: 'AgencyReferralStatusInput' });

/**
 * An association's staff member refers a person who has an account to an open agency: the platform's
 * referral to a team of the agencies' caseload, once the person and the agency are found.
 */
export async function referToAgency(ctx: RequestContext, raw: unknown) {
	ctx.require('counsellors.agency_referral.send');
	const input = parseOrThrow(AgencyReferralInput, raw);
	const association = (await senderOrganisations(ctx)).find((row) => row.id === input.organisationId);
	if (!association) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
	const [person] = await ctx.db.select({ id: user.id }).from(user).where(sql`lower(${user.email}) = ${input.email.toLowerCase()}`);
	if (!person) throw new AppError('invalid_input', { fields: [{ path: 'email', messageKey: 'field_no_account' }] });
	const [target] = await ctx.db.select().from(agency).where(eq(agency.id, input.agencyId));
	if (!target || target.status !== 'open') throw new AppError('invalid_input', { fields: [{ path: 'agencyId', messageKey: 'field_choice' }] });
	return referToTeam(ctx, agencyFollowUp, { personId: person.id, team: target, sender: association, kind: input.kind, message: input.message });
}

/** The platform's referral with the agency's city, and the sides named as the Jobs pages and API name them. */
async function asAgencyReferrals<Item extends TeamReferral>(ctx: RequestContext, items: Item[]) {
	const ids = [...new Set(items.map((item) => item.team.id))];
	const cities = new Map(ids.length ? (await ctx.db.select({ id: agency.id, city: agency.city }).from(agency).where(inArray(agency.id, ids))).map((row) => [row.id, row.city]) : []);
	return items.map(({ team, history, ...item }) => ({
		...item,
		agency: { ...team, city: cities.get(team.id) ?? '' },
		history: history.map((event) => ({ ...event, side: event.side === 'sender' ? ('association' as const) : ('agency' as const) }))
	}));
}
export type AgencyReferral = Awaited<ReturnType<typeof asAgencyReferrals<TeamReferral>>>[number];

/** The referrals the actor's agencies received, newest first, with the people's contacts (an audited read). */
export async function listAgencyReferralsReceived(ctx: RequestContext, filter: { status?: ReferralStatus } = {}) {
	return asAgencyReferrals(ctx, await listTeamReferralsReceived(ctx, agencyFollowUp, filter));
}

/** The referrals the actor's organisations sent, newest first (the people are those they accompany). */
export async function listAgencyReferralsSent(ctx: RequestContext, filter: { status?: ReferralStatus } = {}) {
	return asAgencyReferrals(ctx, await listTeamReferralsSent(ctx, agencyFollowUp, filter));
}

/** The person's own referrals to agencies. */
export async function myAgencyReferrals(ctx: RequestContext) {
	return asAgencyReferrals(ctx, await myTeamReferrals(ctx, agencyFollowUp));
}

/** How many referrals wait for an answer in the actor's agencies (my space). */
export function agencyReferralsWaiting(ctx: RequestContext): Promise<number> {
	return teamReferralsWaiting(ctx, agencyFollowUp);
}

/** A counsellor of the agency moves a referral on; the person and the sender are told (see answerTeamReferral). */
export function answerAgencyReferral(ctx: RequestContext, referralId: string, raw: unknown) {
	return answerTeamReferral(ctx, agencyFollowUp, referralId, raw);
}

/** The organisations a sender may refer on behalf of (an employer's staff refer nobody). */
export function senderOrganisations(ctx: RequestContext) {
	return platformSenderOrganisations(ctx, agencyFollowUp);
}

/** A referral to an agency as the API gives it. */
export const AgencyReferralView = z
	.object({
		id: z.string(),
		person: z.object({ name: z.string(), email: z.string() }).nullable(),
		agency: z.object({ id: z.string(), name: z.string(), city: z.string() }),
		organisation: z.object({ id: z.string(), name: z.string() }).describe('the referring association'),
		staff: z.string().describe('who sent it'),
		kind: z.enum(referralKinds),
		message: z.string(),
		status: z.enum(referralStatuses),
		createdAt: z.string(),
		statusChangedAt: z.string(),
		history: z.array(z.object({ status: z.enum(referralStatuses), side: z.enum(['association', 'agency']), at: z.string() })),
		next: z.array(z.enum(referralStatuses)).describe('the moves the agency may make now'),
		isSample: z.boolean()
	})
	.meta({ id: 'AgencyReferral' });

export function agencyReferralApiView(item: AgencyReferral & { person: { name: string; email: string } | null }): z.infer<typeof AgencyReferralView> {
	return {
		id: item.id,
		person: item.person ? { name: item.person.name, email: item.person.email } : null,
		agency: item.agency,
		organisation: item.organisation,
		staff: item.staff,
		kind: item.kind,
		message: item.message,
		status: item.status,
		createdAt: item.createdAt,
		statusChangedAt: item.statusChangedAt,
		history: item.history as z.infer<typeof AgencyReferralView>['history'],
		next: item.next,
		isSample: item.isSample
	};
}
