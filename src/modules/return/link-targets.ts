// Return records other modules may point at (Jobs' placement page → the services for returnees), through
// the platform's links: the service finder's stages of return, each a page of the finder filtered on it.
import type { LinkTarget } from '../../platform/kernel/manifest.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { networkStages } from './return.model.ts';

export const serviceStageLinks: LinkTarget = {
	titleKey: 'return.link_target_service_stage',
	async choices(_db, language) {
		return networkStages.map((stage) => ({ value: stage, label: translate(language, `return.stage_${stage}`) }));
	},
	async resolve(_db, keys, language) {
		const known = new Set<string>(networkStages);
		return new Map(keys.filter((key) => known.has(key)).map((stage) => [stage, { label: translate(language, `return.stage_${stage}`), lang: language, path: `/return/services?stage=${stage}`, isSample: false }]));
	}
};
