import { defineParams } from '@sveltejs/kit/params';
import { isLanguage } from '#platform/i18n/languages.ts';
import { navigation } from '#platform/kernel/navigation.ts';

export const params = defineParams({
	lang: (param) => (isLanguage(param) ? param : undefined),
	module: (param) => (navigation().some((entry) => entry.slug === param && !entry.ready) ? param : undefined)
});
