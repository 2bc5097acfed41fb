import { eq } from 'drizzle-orm';
import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { networkMember, skillSuggestion, talentConsentEvent, talentProfile } from './talents.table.ts';
import { eraseTalentProfile, exportTalentData } from './profile.service.ts';
import { membershipsForExport } from './networks.service.ts';

/**
 * What Talents holds about a person: the talent profile, its consent history, free skills proposed, and
 * network memberships. Exported with `/api/v1/me/export`; erased with the account (nothing is kept).
 */
export const talentsPersonalData: PersonalDataHooks = {
	tables: [
		{ table: talentProfile, userColumn: talentProfile.userId, exportKey: 'talentProfile' },
		{ table: talentConsentEvent, userColumn: talentConsentEvent.userId, exportKey: 'talentConsentHistory' },
		{ table: skillSuggestion, userColumn: skillSuggestion.userId, exportKey: 'talentSkillSuggestions' },
		{ table: networkMember, userColumn: networkMember.userId, exportKey: 'talentNetworks' }
	],
	export: async (db, actor) => ({ ...(await exportTalentData(db, actor)), talentNetworks: await membershipsForExport(db, actor.userId) }),
	erase: async (tx, userId) => {
		await tx.delete(networkMember).where(eq(networkMember.userId, userId));
		await eraseTalentProfile(tx, userId);
		return { removed: ['talent_profile', 'talent_consent_history', 'talent_skill_suggestions', 'talent_networks'] };
	}
};
