// The Jobs module's caseload (ADR 0010): a job seeker is followed by the ANAPEC agency they chose, as
// long as they let counsellors see their profile; the agency's counsellors are its staff.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Caseload } from '../../../platform/casework/caseload.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { supportProgrammes } from '../programmes.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { counsellorAgencies } from './agencies.service.ts';
import { agency, agencyCounsellor, seekerAgency } from './counsellors.table.ts';

/** Of these people, those who chose one of these agencies and let counsellors see their profile → the agency. */
async function followingAgencies(db: DbOrTx, agencies: readonly { id: string }[], personIds: readonly string[]): Promise<Map<string, string>> {
	if (agencies.length === 0 || personIds.length === 0) return new Map();
	const rows = await db
		.select({ userId: seekerAgency.userId, agencyId: seekerAgency.agencyId })
		.from(seekerAgency)
		.innerJoin(seekerProfile, eq(seekerProfile.userId, seekerAgency.userId))
		.where(
			and(
				inArray(seekerAgency.userId, [...personIds]),
				inArray(
					seekerAgency.agencyId,
					agencies.map((row) => row.id)
				),
				isNotNull(seekerProfile.consentScope)
			)
		);
	return new Map(rows.map((row) => [row.userId, row.agencyId]));
}

export const agencyFollowUp: Caseload = {
	key: 'jobs.agencies',
	async followed(ctx, personId) {
		const agencies = await counsellorAgencies(ctx);
		if (agencies.length === 0) throw new AppError('not_found');
		const teamId = (await followingAgencies(ctx.db, agencies, [personId])).get(personId);
		if (!teamId) throw new AppError('not_found');
		return { teamId, teamName: agencies.find((entry) => entry.id === teamId)!.name };
	},
	async followedAmong(ctx, personIds) {
		return followingAgencies(ctx.db, await counsellorAgencies(ctx), personIds);
	},
	staffTeams: counsellorAgencies,
	async teamNames(db, ids) {
		if (ids.length === 0) return new Map();
		const rows = await db.select({ id: agency.id, name: agency.name }).from(agency).where(inArray(agency.id, [...ids]));
		return new Map(rows.map((row) => [row.id, row.name]));
	},
	async phones(db, personIds) {
		const rows = await db.select({ userId: seekerProfile.userId, phone: seekerProfile.phone }).from(seekerProfile).where(inArray(seekerProfile.userId, [...personIds]));
		return new Map(rows.map((row) => [row.userId, row.phone]));
	},
	actions: {
		writeNotes: 'counsellors.follow_up',
		planAppointments: 'counsellors.follow_up',
		refer: 'counsellors.follow_up',
		answerReferrals: 'counsellors.referral.respond',
		seeOwn: 'seekers.profile.manage_own'
	},
	directory: supportProgrammes,
	audit: {
		note: 'follow_up_note',
		appointment: 'appointment',
		referral: 'referral',
		contact: 'seeker_contact',
		teamReferralsView: 'counsellor_referrals',
		entryReferralsView: 'programme_referrals'
	},
	emails: 'counsellors',
	paths: { person: '/jobs/profile/follow-up', entryReferrals: '/jobs/programmes/referrals' },
	// associations refer the people they accompany to an agency (issue 16, item 12)
	intake: {
		async teamStaff(db, agencyId) {
			return (await db.select({ userId: agencyCounsellor.userId }).from(agencyCounsellor).where(eq(agencyCounsellor.agencyId, agencyId))).map((row) => row.userId);
		},
		send: 'counsellors.agency_referral.send',
		audit: { referral: 'agency_referral', contact: 'seeker_contact', view: 'agency_referrals' },
		emails: {
			sent: 'counsellors.email_agency_referral_sent',
			new: 'counsellors.email_agency_referral_new',
			status: 'counsellors.email_agency_referral_status',
			statusToSender: 'counsellors.email_agency_referral_status_sender'
		},
		paths: { person: '/jobs/profile/follow-up', team: '/jobs/counsellor/referrals', sender: '/jobs/agency-referrals' }
	}
};
