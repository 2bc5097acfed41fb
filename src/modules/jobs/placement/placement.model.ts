/** What links ANAPEC to a partner abroad: a signed placement agreement, or a cooperation (study visits, exchanges). */
export const agreementKinds = ['agreement', 'cooperation'] as const;
export type AgreementKind = (typeof agreementKinds)[number];

/** A partner is a public employment service / ministry, or a private employer or agency. */
export const partnerSectors = ['public', 'private'] as const;
export type PartnerSector = (typeof partnerSectors)[number];

/** draft: being prepared, never public; active and ended: public when marked publishable. */
export const agreementStatuses = ['draft', 'active', 'ended'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** Positions agreed for one year of the agreement. */
export interface YearlyQuota {
	year: number;
	positions: number;
}
