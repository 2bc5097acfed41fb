import { eq } from 'drizzle-orm';
import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { networkMember, skillSuggestion, talentConsentEvent, talentProfile } from './talents.table.ts';
import { missionCandidate, missionFeedback, missionMessage, talentProfileView } from './missions/missions.table.ts';
import { eraseTalentProfile, exportTalentData } from './profile.service.ts';
import { membershipsForExport } from './networks.service.ts';
import { eraseMissionData, exportMissionData } from './missions/candidates.service.ts';
import { mentoringMessage, mentoringOffer, mentoringRequest } from './mentoring/mentoring.table.ts';
import { eraseMentoringData, exportMentoringData } from './mentoring/mentoring.service.ts';

/**
 * What Talents holds about a person: the talent profile, its consent history, free skills proposed, network
 * memberships, their part in missions (interests and standings, conversations with organisations, feedback
 * on and by them, the organisations' views of their profile), and their mentoring (the offer, the requests
 * received as a talent and sent as a member, and their conversations). Exported with `/api/v1/me/export`; erased with
 * the account (nothing is kept; the missions themselves belong to their organisations and stay).
 */
export const talentsPersonalData: PersonalDataHooks = {
	tables: [
		{ table: talentProfile, userColumn: talentProfile.userId, exportKey: 'talentProfile' },
		{ table: talentConsentEvent, userColumn: talentConsentEvent.userId, exportKey: 'talentConsentHistory' },
		{ table: skillSuggestion, userColumn: skillSuggestion.userId, exportKey: 'talentSkillSuggestions' },
		{ table: networkMember, userColumn: networkMember.userId, exportKey: 'talentNetworks' },
		{ table: missionCandidate, userColumn: missionCandidate.talentUserId, exportKey: 'talentMissions' },
		{ table: missionMessage, userColumn: missionMessage.talentUserId, exportKey: 'talentMissionMessages' },
		{ table: missionFeedback, userColumn: missionFeedback.talentUserId, exportKey: 'talentMissionFeedback' },
		{ table: talentProfileView, userColumn: talentProfileView.talentUserId, exportKey: 'talentProfileViews' },
		{ table: mentoringOffer, userColumn: mentoringOffer.mentorUserId, exportKey: 'talentMentoringOffer' },
		{ table: mentoringRequest, userColumn: mentoringRequest.mentorUserId, exportKey: 'talentMentoringRequests' },
		{ table: mentoringRequest, userColumn: mentoringRequest.menteeUserId, exportKey: 'talentMentoringRequests' },
		// erased with the requests they belong to
		{ table: mentoringMessage, userColumn: mentoringMessage.authorUserId, exportKey: 'talentMentoringMessages' }
	],
	export: async (db, actor) => ({ ...(await exportTalentData(db, actor)), talentNetworks: await membershipsForExport(db, actor.userId), ...(await exportMissionData(db, actor)), ...(await exportMentoringData(db, actor)) }),
	erase: async (tx, userId) => {
		await eraseMentoringData(tx, userId);
		await eraseMissionData(tx, userId);
		await tx.delete(networkMember).where(eq(networkMember.userId, userId));
		await eraseTalentProfile(tx, userId);
		return { removed: ['talent_profile', 'talent_consent_history', 'talent_skill_suggestions', 'talent_networks', 'talent_missions', 'talent_mentoring'] };
	}
};
