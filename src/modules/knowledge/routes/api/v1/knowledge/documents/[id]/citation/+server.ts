import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { getDocument } from '#modules/knowledge/document.service.ts';
import { citation } from '#modules/knowledge/citations.ts';
import { CitationQuery } from '#modules/knowledge/knowledge.schemas.ts';

/** A document's citation as a BibTeX, RIS or CSL-JSON download (public). */
export const GET = apiEndpoint(async ({ params, url }) => {
	const app = await getApp();
	const { format } = readQuery(url, CitationQuery);
	const doc = await getDocument(app.database.db, params.id ?? '');
	if (!doc) throw new AppError('not_found');
	const pageUrl = `${app.settings.publicUrl.replace(/\/$/, '')}/fr/knowledge/documents/${doc.slug}`;
	const { body, contentType, fileName } = citation(doc, format, pageUrl);
	return new Response(body, { headers: { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${fileName}"`, 'cache-control': 'public, max-age=300' } });
});
