import type { Language } from '#platform/i18n/languages.ts';
import { webAppManifest } from '#platform/offline/web-app.ts';

/** The web app manifest of a language (installable from any page of /{lang}/). */
export function GET({ params }) {
	return new Response(JSON.stringify(webAppManifest(params.lang as Language)), {
		headers: { 'content-type': 'application/manifest+json; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
}
