// The atlas's controlled lists (the tables, forms, filters and exports share them).

/** The initiatives' collection in the platform's moderation (ADR 0011): proposals, discussions and drafts carry it. */
export const initiativesCollection = 'atlas.initiatives';

/** Controlled list of themes (issue 3). */
export const initiativeThemes = [
	'migration_development',
	'diaspora_skills',
	'diaspora_investment',
	'immigrant_integration',
	'health',
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
	'public_institutions',
	'retirees',
	'families',
	'vulnerable_people',
	'interns_trainees',
	'private_companies',
	'diaspora_organisations',
	// issue #17 rule 18: closer to real programmes (EU-funded labour mobility and protection programmes)
	'third_country_nationals',
	'youth_international_mobility'
] as const;
export type TargetGroup = (typeof targetGroups)[number];

/**
 * An organisation's role in an initiative: IATI's four (funding, accountable, extending, implementing) kept
 * apart so that an import and its export say the same thing, and two the Atlas adds (a partner beside the
 * implementers, a beneficiary institution) that IATI has no code for.
 */
export const organisationRoles = ['funder', 'accountable', 'extending', 'implementer', 'partner', 'beneficiary'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];

/** How an initiative belongs to a larger one (a programme's component, a project's phase, a pilot of it). */
export const partOfRelations = ['component', 'phase', 'pilot'] as const;
export type PartOfRelation = (typeof partOfRelations)[number];

/** What a deliverable is, and whether it was out when the source was written. */
export const deliverableTypes = ['report', 'synthesis', 'study', 'guide', 'plan', 'tool', 'film'] as const;
export type DeliverableType = (typeof deliverableTypes)[number];
export const deliverableStatuses = ['published', 'forthcoming'] as const;
export type DeliverableStatus = (typeof deliverableStatuses)[number];

/** The keys of an initiative's texts: fr, ar, en, and the source's own language when it is another (ISO 639-1/-3, lower case). */
export const otherLanguagePattern = /^[a-z]{2,3}$/;
