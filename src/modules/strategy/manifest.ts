import { defineModule } from '../../platform/kernel/manifest.ts';

/** Strategy: programming, budgeting and monitoring of the national migration strategies by region. Announced: its address shows a "coming soon" page. */
export const strategyModule = defineModule({
	slug: 'strategy',
	navigation: { navKey: 'common.nav_strategy', titleKey: 'common.module_strategy_title', textKey: 'common.module_strategy_text', ready: false }
});
