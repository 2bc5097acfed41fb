// Discussions: the threads and replies of a community's members (a Talents network first; Return's network
// and Strategy's concertation bodies next), with its moderators' tools. One set of tables for every module's
// discussion, told apart by the declaring key and a scope.

/** What became of a report: the post hidden, or the report dismissed (the post stays). */
export const reportOutcomes = ['hidden', 'dismissed'] as const;
export type ReportOutcome = (typeof reportOutcomes)[number];

/** Threads on one page of the list, replies on one page of a thread. */
export const THREADS_PER_PAGE = 20;
export const REPLIES_PER_PAGE = 20;
