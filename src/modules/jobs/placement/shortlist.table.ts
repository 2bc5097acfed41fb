// Partners' shortlists (issue 10, item 5): a partner organisation's decision and feedback on a candidate,
// and a candidate's consent to share their identity with a partner organisation.
import { index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { jobsTables } from '../job-offer.table.ts';
import { placementCandidate } from './campaigns.table.ts';
import { feedbackLanguages, partnerOutcomes } from './shortlist.model.ts';

/** One partner organisation's decision on one candidate of a campaign (the latest; the audit trail keeps each change). */
export const placementPartnerDecision = jobsTables.table(
	'placement_partner_decision',
	{
		candidateId: uuid('candidate_id')
			.notNull()
			.references(() => placementCandidate.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		outcome: text('outcome', { enum: partnerOutcomes }).notNull(),
		/** why not selected, what would help: shown to staff and to the candidate */
		feedback: text('feedback'),
		/** the language the feedback is written in */
		feedbackLang: text('feedback_lang', { enum: feedbackLanguages }),
		/** the partner's recruiter (or staff) who recorded it; null when the account goes */
		byUserId: text('by_user_id').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.candidateId, table.organisationId] }), index('placement_partner_decision_org_idx').on(table.organisationId)]
);

/** A person's consent to show their name and e-mail to one partner organisation: when given, when withdrawn. */
export const placementIdentityConsent = jobsTables.table(
	'placement_identity_consent',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
		/** set when the person withdraws it (the partner sees the pseudonym again) */
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(table) => [primaryKey({ columns: [table.userId, table.organisationId] }), index('placement_identity_consent_org_idx').on(table.organisationId)]
);

export type PlacementPartnerDecisionRecord = typeof placementPartnerDecision.$inferSelect;
