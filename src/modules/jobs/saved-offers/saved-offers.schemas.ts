import { z } from 'zod';
import { contractTypes, offerStatuses } from '../job-offer.model.ts';

/** One offer of the caller's saved list, with the status the offer is in now. */
export const SavedOffer = z
	.object({
		offerId: z.string().describe('the offer id (UUID)'),
		savedAt: z.string().describe('when the person saved it (ISO 8601)'),
		title: z.string(),
		employer: z.string().describe('the employer organisation’s name'),
		city: z.string(),
		region: z.object({ code: z.string(), name: z.string() }),
		contractType: z.enum(contractTypes),
		closingDate: z.string().describe('last day applications are taken (YYYY-MM-DD)'),
		status: z.enum(offerStatuses).describe('now: published (open), expired (past its closing date), closed, filled…'),
		open: z.boolean().describe('true while the offer is published and not expired: its page can be read and applied to'),
		url: z.string().describe('the offer page, in the request’s language')
	})
	.meta({ id: 'SavedJobOffer' });

export const SavedOfferParams = z.object({ offerId: z.string().describe('the offer id (UUID)') });
