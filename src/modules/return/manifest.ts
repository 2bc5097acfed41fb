import { defineModule } from '../../platform/kernel/manifest.ts';

/** Return & reintegration: guides, support network, reintegration follow-up, emergency return. Announced: its address shows a "coming soon" page. */
export const returnModule = defineModule({
	slug: 'return',
	navigation: { navKey: 'common.nav_return', titleKey: 'common.module_return_title', textKey: 'common.module_return_text', ready: false }
});
