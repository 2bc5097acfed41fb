// The controlled lists of job seekers and their applications (the tables, forms, pages and API share them).

export const residenceStatuses = ['regularised_immigrant', 'refugee', 'moroccan', 'returning_moroccan'] as const;
export type ResidenceStatus = (typeof residenceStatuses)[number];
export const availabilities = ['immediately', 'within_month', 'later'] as const;
/** Who may see the profile besides the person: counsellors only, or counsellors and employers. */
export const consentScopes = ['counsellors', 'employers'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const applicationStatuses = ['submitted', 'viewed', 'shortlisted', 'interview', 'rejected', 'hired', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
