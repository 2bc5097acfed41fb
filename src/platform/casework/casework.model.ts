// The controlled lists of casework (tables, forms, pages and the modules' APIs share them).

export const appointmentModes = ['in_person', 'phone', 'video'] as const;
export type AppointmentMode = (typeof appointmentModes)[number];
export const appointmentStatuses = ['planned', 'held', 'missed', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const referralStatuses = ['sent', 'accepted', 'declined', 'completed'] as const;

/**
 * What a person is referred for: employment is the Jobs module's first use; the IOM programme's health and
 * psychosocial referral processes with civil-society organisations (Oujda, Berkane) use the same mechanism.
 */
export const referralKinds = ['employment', 'training', 'health', 'psychosocial', 'social', 'legal', 'housing', 'administrative'] as const;
export type ReferralKind = (typeof referralKinds)[number];
export type ReferralStatus = (typeof referralStatuses)[number];

/** Who moved a referral: the team following the person, or the organisation of the directory entry. */
export const referralSides = ['team', 'programme'] as const;
export type ReferralSide = (typeof referralSides)[number];

/** Who moved a referral to a team: the organisation that sent it, or the team that received it. */
export const teamReferralSides = ['sender', 'team'] as const;
export type TeamReferralSide = (typeof teamReferralSides)[number];

/** What a document of a person's file is (its kind is chosen by the staff member who adds it). */
export const caseDocumentKinds = ['identity', 'civil_status', 'education', 'employment', 'health', 'social_security', 'support_scheme', 'other'] as const;
export type CaseDocumentKind = (typeof caseDocumentKinds)[number];

/** A document of a file: a PDF, or a photograph of a paper, of at most 5 MB. */
export const CASE_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;

/** Where a need of a person's file stands (a language course to follow, a diploma to have recognised…). */
export const needStatuses = ['open', 'in_progress', 'done'] as const;
export type NeedStatus = (typeof needStatuses)[number];
