import { defineParams } from '@sveltejs/kit/params';
import { isLanguage } from '#platform/i18n/languages.ts';
import { modules } from '#platform/modules.ts';

export const params = defineParams({
	lang: (param) => (isLanguage(param) ? param : undefined),
	module: (param) => (modules.some((entry) => entry.slug === param && !entry.ready) ? param : undefined)
});
