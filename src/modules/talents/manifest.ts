import { defineModule } from '../../platform/kernel/manifest.ts';

/** Talents: the skills of Moroccans living abroad, in networks by host country and by skill. Announced: its address shows a "coming soon" page. */
export const talentsModule = defineModule({
	slug: 'talents',
	navigation: { navKey: 'common.nav_talents', titleKey: 'common.module_talents_title', textKey: 'common.module_talents_text', ready: false }
});
