// The accounts' controlled lists (the tables, forms and pages share them).

/** Platform roles, from least to most trusted. The policy module decides what each may do. */
export const roles = ['member', 'partner', 'counsellor', 'moderator', 'administrator'] as const;
export type Role = (typeof roles)[number];

export const locales = ['fr', 'ar', 'en'] as const;

export const organisationTypes = [
	'ministry',
	'public_agency',
	'cooperation_agency',
	'un_agency',
	'ngo',
	'local_authority',
	'employer',
	'university',
	/** an association of Moroccans of the world in their host country (Talents' directory of diaspora associations) */
	'diaspora_association',
	'other'
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** `pending`: created by a partner's import, shown nowhere public until a moderator accepts it */
export const organisationStatuses = ['active', 'pending'] as const;
export type OrganisationStatus = (typeof organisationStatuses)[number];
