// The Knowledge module's newsletter (issue #14, item 6): what a subscriber and an issue are.

/** pending: asked, not confirmed yet; confirmed: receives the issues. */
export const subscriberStatuses = ['pending', 'confirmed'] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

/** draft: being composed by the editors; sent: in the public archive. */
export const issueStatuses = ['draft', 'sent'] as const;
export type IssueStatus = (typeof issueStatuses)[number];

/** A subscription not confirmed within this many days is deleted. */
export const PENDING_RETENTION_DAYS = 7;

/** The kinds of other modules' records an issue may point to (shown only when their module is installed). */
export const issueLinkKinds = ['atlas.initiative'] as const;
