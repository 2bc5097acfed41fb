// Mobility counsellors' caseload (issue 10, item 6): who follows each qualified candidate (a person in an
// individual offer's campaign). The file itself — needs, appointments, private notes, referrals — is the
// platform's casework (caseload `jobs.placement`, ADR 0010); only the assignment lives here.
import { boolean, index, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { jobsTables } from '../job-offer.table.ts';
import { assignmentWays } from './mobility.model.ts';

/** The mobility counsellor following a qualified candidate: assigned by the division, or taken by the counsellor. */
export const placementCaseAssignment = jobsTables.table(
	'placement_case_assignment',
	{
		personUserId: text('person_user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** the counsellor's account going away leaves the candidate unassigned (the division reassigns) */
		counsellorUserId: text('counsellor_user_id').references(() => user.id, { onDelete: 'set null' }),
		way: text('way', { enum: assignmentWays }).notNull(),
		byUserId: text('by_user_id').references(() => user.id, { onDelete: 'set null' }),
		assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [index('placement_case_assignment_counsellor_idx').on(table.counsellorUserId)]
);
export type PlacementCaseAssignmentRow = typeof placementCaseAssignment.$inferSelect;
