// Mobility counsellors' caseload (issue 10, item 6): the controlled lists.

/** How a candidate came to their counsellor: assigned (or reassigned) by the division, or taken by the counsellor. */
export const assignmentWays = ['division', 'taken'] as const;
export type AssignmentWay = (typeof assignmentWays)[number];

/** What a mobility counsellor works on with a qualified candidate (the casework's needs of caseload `jobs.placement`). */
export const mobilityNeedKinds = ['language_course', 'diploma_recognition', 'documents', 'other'] as const;
export type MobilityNeedKind = (typeof mobilityNeedKinds)[number];

/** Which candidates the caseload page shows: one's own, those nobody follows yet, or (the division) everyone. */
export const caseloadViews = ['mine', 'unassigned', 'all'] as const;
export type CaseloadView = (typeof caseloadViews)[number];

/** The casework team of every file of the caseload: the international placement division (one team; the counsellor is the assignment). */
export const DIVISION_TEAM_ID = '0a7e5c1b-6d2f-4e8a-9b3c-5f1d2e3a4b10';
