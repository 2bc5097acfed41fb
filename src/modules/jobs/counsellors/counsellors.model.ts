// The controlled lists of the counsellors' space (the follow-up's own lists are the platform's
// casework lists: src/platform/casework/casework.model.ts).

export const agencyStatuses = ['open', 'closed'] as const;
export type AgencyStatus = (typeof agencyStatuses)[number];
