import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { CitationQuery, DocumentDetail, DocumentListQuery, DocumentListResult } from './knowledge.schemas.ts';

export const knowledgeEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/knowledge/documents',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'Search the library',
		description:
			'Deliverables, studies, guides and publications, newest first. The same filters as `/{lang}/knowledge`. Words are matched in ' +
			'titles (French, Arabic, English), summaries and authors, ignoring accents and Arabic spelling variants. Facet counts ignore ' +
			'their own filter. `isSample` marks fictional samples.',
		query: DocumentListQuery,
		responses: { 200: { description: 'One page of documents, the total and facet counts.', schema: DocumentListResult } }
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/documents/{id}',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'One document of the library',
		description: 'By id (UUID) or slug, with its recommendations (horizon short, medium, long term) and sources.',
		params: z.object({ id: z.string().describe('the document id (UUID) or slug') }),
		responses: { 200: { description: 'The document.', schema: DocumentDetail } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/knowledge/documents/{id}/citation',
		tags: ['Knowledge'],
		auth: 'none',
		summary: 'A document’s citation',
		description: 'BibTeX (`application/x-bibtex`), RIS (`application/x-research-info-systems`) or CSL-JSON (`application/vnd.citationstyles.csl+json`), as a download.',
		params: z.object({ id: z.string().describe('the document id (UUID) or slug') }),
		query: CitationQuery,
		responses: { 200: { description: 'The citation file.', schema: z.string() } },
		errors: [400, 404]
	}
];
