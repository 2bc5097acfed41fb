import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { documentFile } from '#modules/knowledge/document.service.ts';

/** A document's PDF, read from the file store (outside the web root), as a download that never runs in the site's origin. */
export async function GET({ params }) {
	const app = await getApp();
	const file = await documentFile(app.database.db, params.slug);
	if (!file) error(404, 'not_found');
	const bytes = await app.files.get(file.key);
	if (!bytes) error(404, 'not_found');
	const name = file.name.toLowerCase().endsWith('.pdf') ? file.name : `${file.name}.pdf`;
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${params.slug}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'public, max-age=300'
		}
	});
}
