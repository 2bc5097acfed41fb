import { defineModule } from '../../platform/kernel/manifest.ts';
import { talentsActions } from './talents.policy.ts';
import { messages } from './messages/index.ts';
import { talentsPersonalData } from './personal-data.ts';

declare module '../../platform/policy/policy.ts' {
	interface ModuleActions extends Record<keyof typeof talentsActions, true> {}
}

/** Talents: the skills of Moroccans living abroad, in networks by host country and by skill (issue #11). */
export const talentsModule = defineModule({
	slug: 'talents',
	navigation: { navKey: 'common.nav_talents', titleKey: 'common.module_talents_title', textKey: 'common.module_talents_text', ready: false },
	actions: talentsActions,
	grantRoles: {
		// approves requests to join one network and sees its members: granted per network (scope: its slug)
		coordinator: { titleKey: 'talents.grant_coordinator', actions: ['talents.coordinate'], limit: 'scope' }
	},
	messages,
	personalData: talentsPersonalData
});
