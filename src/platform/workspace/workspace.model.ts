// Workspaces: the shared place of a network or a concertation body — announcements from its
// secretariat, meetings with their agenda and minutes, and its members' contributions (to a strategy,
// a plan) with the answer they got. Return's RAMre network space first; the Strategy module's regional
// concertation spaces next. One set of tables for every module's workspace, told apart by `workspace`.

/** What the secretariat answers a contribution; `received` until it does. */
export const contributionStatuses = ['received', 'retained', 'partly_retained', 'not_retained'] as const;
export type ContributionStatus = (typeof contributionStatuses)[number];

/** How a meeting is held. */
export const meetingModes = ['in_person', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof meetingModes)[number];
