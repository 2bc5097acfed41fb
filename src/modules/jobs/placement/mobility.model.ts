// Mobility counsellors' caseload (issue 10, item 6): the controlled lists.

/**
 * How a candidate came to their counsellor: assigned (or reassigned) by the division, taken by the counsellor,
 * or given to the offer's own mobility counsellor when the partner shortlisted them.
 */
export const assignmentWays = ['division', 'taken', 'offer'] as const;
export type AssignmentWay = (typeof assignmentWays)[number];

/** What a mobility counsellor works on with a qualified candidate (the casework's needs of caseload `jobs.placement`). */
export const mobilityNeedKinds = ['language_course', 'diploma_recognition', 'documents', 'other'] as const;
export type MobilityNeedKind = (typeof mobilityNeedKinds)[number];

/** Which candidates the caseload page shows: one's own, those nobody follows yet, or (the division) everyone. */
export const caseloadViews = ['mine', 'unassigned', 'all'] as const;
export type CaseloadView = (typeof caseloadViews)[number];

/** The casework team of every file of the caseload: the international placement division (one team; the counsellor is the assignment). */
export const DIVISION_TEAM_ID = '0a7e5c1b-6d2f-4e8a-9b3c-5f1d2e3a4b10';

/**
 * How long a candidate's mobility file (needs, appointments, notes, documents, referrals, the assignment) is
 * kept once none of their placement opportunities is open any more — every entry exited, back from its season
 * (and no invitation to the next one waiting for an answer), followed up at 12 months, or its campaign closed —
 * and nobody wrote to the file: a year, for the candidate to come back into another qualified offer with the
 * same file (a diploma's recognition and a language course take months); then the daily job erases it.
 */
export const MOBILITY_FILE_RETENTION_MONTHS = 12;
