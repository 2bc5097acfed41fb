import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { AgreementListQuery, PlacementAgreement } from './placement.schemas.ts';

export const placementEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/placement-agreements',
		tags: ['Jobs'],
		auth: 'none',
		summary: 'Published international placement agreements and cooperations',
		description:
			'The partnerships of ANAPEC’s international placement division that it chose to publish (drafts never), with their ' +
			'economic sectors (ISIC Rev.4 sections), ISCO-08 occupations, yearly quotas (empty when the division keeps them internal) ' +
			'and public documents (links, or PDFs served by the endpoint below). ' +
			'Real ones carry `source` (the document they come from); fictional demo ones have `isSample: true`. ' +
			'The offers that come through an agreement are job offers abroad: `GET /api/v1/job-offers?abroad=yes`.',
		query: AgreementListQuery,
		responses: { 200: { description: 'The agreements.', schema: z.object({ items: z.array(PlacementAgreement) }) } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/placement-agreements/{id}/documents/{documentId}',
		tags: ['Jobs'],
		auth: 'none',
		summary: 'A PDF of a placement agreement',
		description:
			'A public document of a published agreement, for everyone; any document for the international placement division ' +
			'(grant `jobs:placement_division`). Anything else answers 404. Always a download (`content-disposition: attachment`).',
		params: z.object({ id: z.string().describe('the agreement id (UUID)'), documentId: z.string().describe('the document id (UUID)') }),
		responses: { 200: { description: 'The PDF.', contentType: 'application/pdf', schema: z.string().meta({ format: 'binary' }) } },
		errors: [404]
	}
];
