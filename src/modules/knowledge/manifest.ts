import { defineModule } from '../../platform/kernel/manifest.ts';

/** Knowledge: deliverables, research, events. Announced: its address shows a "coming soon" page. */
export const knowledgeModule = defineModule({
	slug: 'knowledge',
	navigation: { navKey: 'common.nav_knowledge', titleKey: 'common.module_knowledge_title', textKey: 'common.module_knowledge_text', ready: false }
});
