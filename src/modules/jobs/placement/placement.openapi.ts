import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { AgreementListQuery, PlacementAgreement, PlacementOfferApi, PlacementOfferInput } from './placement.schemas.ts';

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
	},
	{
		method: 'GET',
		path: '/api/v1/placement/offers',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The division’s offers abroad',
		description:
			'The international placement division (grant `jobs:placement_division`; a token acts with its person’s grants), as its space lists them: every offer abroad, drafts and closed ones included, ' +
			'the most recently changed first, each with its status now. The public search is `GET /api/v1/job-offers?abroad=yes`.',
		responses: { 200: { description: 'The offers.', schema: z.object({ items: z.array(PlacementOfferApi) }) } },
		errors: [401, 403]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/offers',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Create an offer abroad (the division)',
		description:
			'The offer form’s service and rules, every problem at once on its field (messages in the `Accept-Language`), nothing saved on a refusal: no host country or Morocco (`hostCountry`), ' +
			'a seasonal offer without its season, an unknown occupation, organisation or agency, an agreement of another host country or ended, positions over the agreement’s quota for the year ' +
			'(`field_over_quota`), agency shares over the positions (`field_over_total`), a counsellor who holds no mobility grant, “no fees” beside a recruitment cost the worker pays, an explicit ' +
			'`noWorkerFees` missing. Saved as a draft (publish it with `POST …/{id}/publication`). Audited (`job_offer.create`).',
		body: PlacementOfferInput,
		responses: { 201: { description: 'The draft.', schema: PlacementOfferApi } },
		errors: [400, 401, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/offers/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'One of the division’s offers abroad',
		description: 'As the offer form shows it, with the fields `PUT` takes back. An offer in Morocco or unknown is 404.',
		params: z.object({ id: z.string().describe('the offer id (UUID)') }),
		responses: { 200: { description: 'The offer.', schema: PlacementOfferApi } },
		errors: [401, 403, 404]
	},
	{
		method: 'PUT',
		path: '/api/v1/placement/offers/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Change an offer abroad (the division)',
		description:
			'The whole offer, as when creating it, with the same rules (the offer’s own positions do not count against the quota twice). A draft or a published offer; closed, filled or expired: ' +
			'409 (`details.reason = offer_not_editable`). Nothing changed on a refusal. Audited (`job_offer.update`, before and after).',
		params: z.object({ id: z.string().describe('the offer id (UUID)') }),
		body: PlacementOfferInput,
		responses: { 200: { description: 'The offer as it now stands.', schema: PlacementOfferApi } },
		errors: [400, 401, 403, 404, 409]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/offers/{id}/publication',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Publish a draft offer abroad (the division)',
		description:
			'At once (the division is ANAPEC: no validation queue); the offer appears in the public search. Its closing date past: 400 on `closingDate`; not a draft: 409 (`offer_not_draft`). Audited (`job_offer.publish`).',
		params: z.object({ id: z.string().describe('the offer id (UUID)') }),
		responses: { 200: { description: 'The offer, published.', schema: PlacementOfferApi } },
		errors: [400, 401, 403, 404, 409]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/offers/{id}/closure',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Close an offer abroad (the division)',
		description:
			'No more candidates; its positions no longer count against its agreement’s quota. A draft, published or expired offer; already closed or filled: 409 (`offer_wrong_status`). Audited (`job_offer.close`).',
		params: z.object({ id: z.string().describe('the offer id (UUID)') }),
		responses: { 200: { description: 'The offer, closed.', schema: PlacementOfferApi } },
		errors: [401, 403, 404, 409]
	}
];
