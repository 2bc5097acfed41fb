import { version as buildVersion } from '$app/env';
import { getApp } from '#platform/app.ts';
import type { Language } from '#platform/i18n/languages.ts';
import { serviceWorkerScript } from '#platform/offline/web-app.ts';

/**
 * The service worker of a language, scope /{lang}/. `no-cache`: the browser asks again at each update
 * check (a 304 when unchanged), so a new version reaches phones at their next visit, never a year later.
 */
export async function GET({ params, request }) {
	const app = await getApp();
	const { body, version } = await serviceWorkerScript(app.database.db, params.lang as Language, buildVersion);
	const etag = `"${version}"`;
	const headers = {
		'content-type': 'text/javascript; charset=utf-8',
		'cache-control': 'no-cache',
		etag,
		'content-security-policy': "default-src 'self'"
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(body, { headers });
}
