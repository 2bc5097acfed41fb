import { negotiateLanguage } from '#platform/i18n/languages.ts';

/** `/` sends each visitor to their language (Accept-Language), French by default. */
export function GET({ request }) {
	const language = negotiateLanguage(request.headers.get('accept-language'));
	return new Response(null, { status: 302, headers: { location: `/${language}`, vary: 'accept-language' } });
}
