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

/** Economic sectors of an agreement: the sections of ISIC Rev.4 (UN), named in the page's language (`placement.isic_A`…). */
export const economicSectors = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U'] as const;
export type EconomicSector = (typeof economicSectors)[number];

/** What a placement abroad costs, item by item, and who pays it (ILO General principles for fair recruitment: no fee to the worker). */
export const costItems = ['recruitment', 'travel', 'visa', 'housing', 'training', 'medical'] as const;
export type CostItem = (typeof costItems)[number];
export const costPayers = ['employer', 'worker', 'shared', 'public', 'none'] as const;
export type CostPayer = (typeof costPayers)[number];
export type Costs = Partial<Record<CostItem, CostPayer>>;

/** Who handles an offer abroad: the division itself, one mobility counsellor, or local agencies (mass and seasonal offers). */
export const handlingUnits = ['division', 'counsellor', 'agencies'] as const;
export type HandlingUnit = (typeof handlingUnits)[number];

/** Positions of an offer abroad that one local agency sources and preselects. */
export interface AgencyShare {
	agencyId: string;
	positions: number;
}

/** An agreement's document: a PDF in the platform's file store, or a link to where it is published. */
export const documentKinds = ['file', 'link'] as const;
export type DocumentKind = (typeof documentKinds)[number];
/** Where agreement PDFs live in the file store (backups carry them). */
export const AGREEMENT_FILE_PREFIX = 'placement-agreements/';
export const AGREEMENT_FILE_MAX_BYTES = 20 * 1024 * 1024;
