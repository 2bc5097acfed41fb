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
			'The partnerships of ANAPEC’s international placement division that it chose to publish (drafts never). ' +
			'Real ones carry `source` (the document they come from); fictional demo ones have `isSample: true`.',
		query: AgreementListQuery,
		responses: { 200: { description: 'The agreements.', schema: z.object({ items: z.array(PlacementAgreement) }) } },
		errors: [400]
	}
];
