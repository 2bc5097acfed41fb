// Correspondences between the Atlas's codes and IATI codelists (2.03), for the export and the import.
import type { InitiativeStatus, OrganisationRole } from '../../atlas.model.ts';
import type { OrganisationType } from '../../../../platform/accounts/accounts.model.ts';
import { slugPattern } from '../../../../platform/accounts/organisation.schemas.ts';

/** IATI ActivityStatus: 1 Pipeline/identification, 2 Implementation, 4 Closed, 5 Cancelled, 6 Suspended. */
export const statusToIati: Readonly<Record<InitiativeStatus, string>> = {
	planned: '1',
	ongoing: '2',
	completed: '4',
	suspended: '6',
	cancelled: '5'
};
/** Import: every IATI status; 3 Finalisation (activity over, accounts being closed) → completed. */
export const iatiToStatus: Readonly<Record<string, InitiativeStatus>> = {
	'1': 'planned',
	'2': 'ongoing',
	'3': 'completed',
	'4': 'completed',
	'5': 'cancelled',
	'6': 'suspended'
};

/**
 * IATI OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. The Atlas's partners
 * co-implement (4); a beneficiary institution is the public body accountable for the activity's
 * outcomes in Morocco (2). Import: 3 Extending → partner.
 */
export const roleToIati: Readonly<Record<OrganisationRole, string>> = {
	funder: '1',
	accountable: '2',
	extending: '3',
	implementer: '4',
	// IATI has no partner nor beneficiary institution: the nearest code, with the Atlas's own role beside
	// it in the Atlas's namespace (atlasRole) so that a re-import gives the role back
	partner: '4',
	beneficiary: '4'
};
export const iatiToRole: Readonly<Record<string, OrganisationRole>> = {
	'1': 'funder',
	'2': 'accountable',
	'3': 'extending',
	'4': 'implementer'
};

/** The Atlas's XML namespace (IATI lets publishers add attributes of their own namespace). */
export const ATLAS_NAMESPACE = 'urn:sharaka:atlas';
export const ATLAS_PREFIX = 'sharaka';
/** The roles written as an `atlas-role` attribute because IATI's code alone would lose them. */
export const rolesBeyondIati: readonly OrganisationRole[] = ['partner', 'beneficiary'];

/** IATI OrganisationType: 10 Government, 11 Local Government, 15 Other Public Sector, 22 National NGO, 40 Multilateral, 70 Private Sector, 80 Academic, Training and Research, 90 Other. */
export const organisationTypeToIati: Readonly<Record<OrganisationType, string>> = {
	ministry: '10',
	public_agency: '15',
	cooperation_agency: '10',
	un_agency: '40',
	ngo: '22',
	local_authority: '11',
	employer: '70',
	university: '80',
	// an association based in the host country: an NGO (IATI 21, international NGO, would say more than it is)
	diaspora_association: '22',
	other: '90'
};

/** The Atlas as reporting organisation (a secondary reporter: it republishes its partners' activities). */
export const REPORTING_ORG_REF = 'XM-SHARAKA';
/** Identifier of an initiative without an IATI identifier of its own. */
export const sharakaIdentifier = (slug: string) => `${REPORTING_ORG_REF}-${slug}`;
/** The slug inside such an identifier (the Atlas's own export read again), else null. */
export function slugOfSharakaIdentifier(identifier: string | null | undefined): string | null {
	const slug = identifier?.startsWith(`${REPORTING_ORG_REF}-`) ? identifier.slice(REPORTING_ORG_REF.length + 1) : null;
	return slug && slugPattern.test(slug) ? slug : null;
}
/** Sector vocabulary 99 (reporting organisation's own): the Atlas's theme codes. */
export const THEME_VOCABULARY_URI = 'urn:sharaka:atlas:theme';
