import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { newsImageFile } from '#modules/talents/news.service.ts';

/**
 * A published news item's picture (`?size=small`: its version for lists), as kept — made again without metadata
 * when it was sent (news-images.ts) — from the file store:
 * its own media type, never sniffed, cached a day (its address changes with the picture); 304 when unchanged.
 */
export const GET = apiEndpoint(async ({ params, request }) => {
	const app = await getApp();
	const file = await newsImageFile(app.database.db, app.files, params.slug ?? '', params.id ?? '', Object.fromEntries(new URL(request.url).searchParams));
	const headers = {
		'content-type': file.type,
		'cache-control': 'public, max-age=86400',
		etag: file.etag,
		'content-disposition': `inline; filename="${file.name}"`,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox"
	};
	if (request.headers.get('if-none-match') === file.etag) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(file.bytes), { headers: { ...headers, 'content-length': String(file.bytes.byteLength) } });
});
