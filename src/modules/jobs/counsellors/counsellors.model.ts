// The controlled lists of the counsellors' space (the tables, forms, pages and API share them).

export const agencyStatuses = ['open', 'closed'] as const;
export type AgencyStatus = (typeof agencyStatuses)[number];

export const appointmentModes = ['in_person', 'phone', 'video'] as const;
export type AppointmentMode = (typeof appointmentModes)[number];
export const appointmentStatuses = ['planned', 'held', 'missed', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const referralStatuses = ['sent', 'accepted', 'declined', 'completed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralSides = ['counsellor', 'programme'] as const;
export type ReferralSide = (typeof referralSides)[number];
