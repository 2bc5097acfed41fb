/** The platform's modules, in the order of the navigation. A module not yet built shows a "coming soon" page. */
export const modules = [
	{ slug: 'atlas', navKey: 'common.nav_atlas', titleKey: 'common.module_atlas_title', textKey: 'common.module_atlas_text', ready: true },
	{ slug: 'jobs', navKey: 'common.nav_jobs', titleKey: 'common.module_jobs_title', textKey: 'common.module_jobs_text', ready: true },
	{ slug: 'talents', navKey: 'common.nav_talents', titleKey: 'common.module_talents_title', textKey: 'common.module_talents_text', ready: false },
	{ slug: 'return', navKey: 'common.nav_return', titleKey: 'common.module_return_title', textKey: 'common.module_return_text', ready: false },
	{ slug: 'strategy', navKey: 'common.nav_strategy', titleKey: 'common.module_strategy_title', textKey: 'common.module_strategy_text', ready: false },
	{ slug: 'knowledge', navKey: 'common.nav_knowledge', titleKey: 'common.module_knowledge_title', textKey: 'common.module_knowledge_text', ready: false }
] as const;
