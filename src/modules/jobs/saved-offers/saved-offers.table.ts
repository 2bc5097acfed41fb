// This module's tables.
import { index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { jobOffer } from '../job-offer.table.ts';
import { jobsTables } from '../job-offer.table.ts';

/**
 * An offer a person keeps to read again (and offline, through the web app). Personal data: in the
 * person's export, gone with their account (cascade, and deleted explicitly by deleteMyAccount).
 */
export const jobSavedOffer = jobsTables.table(
	'job_saved_offer',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		offerId: uuid('offer_id')
			.notNull()
			.references(() => jobOffer.id, { onDelete: 'cascade' }),
		savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.userId, table.offerId] }), index('job_saved_offer_user_saved_idx').on(table.userId, table.savedAt)]
);

export type SavedOfferRecord = typeof jobSavedOffer.$inferSelect;
