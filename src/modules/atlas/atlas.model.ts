// The atlas's controlled lists (the tables, forms, filters and exports share them).

/** The initiatives' collection in the platform's moderation (ADR 0011): proposals, discussions and drafts carry it. */
export const initiativesCollection = 'atlas.initiatives';

/** Controlled list of themes (issue 3). */
export const initiativeThemes = [
	'migration_development',
	'diaspora_skills',
	'diaspora_investment',
	'immigrant_integration',
	'returnee_reintegration',
	'legal_migration',
	'migrant_rights',
	'migration_governance',
	'research_data',
	'south_south'
] as const;
export type InitiativeTheme = (typeof initiativeThemes)[number];

export const initiativeStatuses = ['planned', 'ongoing', 'completed', 'suspended', 'cancelled'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

export const targetGroups = [
	'moroccans_abroad',
	'returning_migrants',
	'regularised_immigrants',
	'refugees_asylum_seekers',
	'youth',
	'women',
	'students',
	'entrepreneurs_investors',
	'local_authorities',
	'civil_society',
	'public_institutions'
] as const;
export type TargetGroup = (typeof targetGroups)[number];

export const organisationRoles = ['funder', 'implementer', 'partner', 'beneficiary'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];
