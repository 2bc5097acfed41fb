import { z } from 'zod';
import { organisationTypes } from './accounts.model.ts';
import { countryCodes } from '../geo/countries.ts';


/** An empty form field means "not given". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** An empty form field means "clear this value". */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const OrganisationType = z.enum(organisationTypes).meta({ id: 'OrganisationType', description: 'Kind of organisation' });

const name = z.string().trim().min(2).max(200).meta({ description: 'Full name', example: 'Agence nationale de promotion de l’emploi et des compétences' });
const acronym = z.string().trim().min(1).max(30).meta({ description: 'Acronym or short name', example: 'ANAPEC' });
const country = z
	.string()
	.trim()
	.toUpperCase()
	.refine((code) => countryCodes.includes(code))
	.meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'MA' });
const website = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(300).meta({ description: 'Web site (http or https)', example: 'https://www.anapec.org' });
const slug = z.string().trim().toLowerCase().max(80).regex(slugPattern).meta({ description: 'Address of the organisation in URLs: lowercase letters, digits and hyphens', example: 'anapec' });

/** What anyone may read about an organisation (no member data). */
export const Organisation = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		name: z.string(),
		acronym: z.string().nullable(),
		type: OrganisationType,
		country: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2 country code; null when not known' }),
		website: z.string().nullable(),
		status: z.enum(['active', 'pending']).meta({ description: '`pending`: created by a partner’s import, shown to staff only until a moderator accepts it' }),
		createdAt: z.iso.datetime(),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'Organisation' });

export const OrganisationCreate = z
	.object({
		name,
		acronym: z.preprocess(blankToUndefined, acronym.optional()),
		type: OrganisationType,
		// absent: Morocco; empty (the form's "not known"): null
		country: z.preprocess(blankToNull, country.nullable().default('MA')),
		website: z.preprocess(blankToUndefined, website.optional()),
		/** derived from the acronym (or the name) when absent */
		slug: z.preprocess(blankToUndefined, slug.optional())
	})
	.meta({ id: 'OrganisationCreate' });
export type OrganisationCreate = z.output<typeof OrganisationCreate>;

/** Partial update: only the fields given change; `null` clears acronym or website. */
export const OrganisationUpdate = z
	.object({
		name: name.optional(),
		acronym: z.preprocess(blankToNull, acronym.nullable()).optional(),
		type: OrganisationType.optional(),
		country: z.preprocess(blankToNull, country.nullable()).optional(),
		website: z.preprocess(blankToNull, website.nullable()).optional(),
		slug: slug.optional(),
		/** a moderator accepts an organisation a partner's import created */
		status: z.literal('active').optional().meta({ description: '`active` accepts a pending organisation' })
	})
	.meta({ id: 'OrganisationUpdate' });
export type OrganisationUpdate = z.output<typeof OrganisationUpdate>;

/** The staff edit form: every field is sent; empty acronym or website clears it. */
export const OrganisationEditForm = z.object({
	name,
	acronym: z.preprocess(blankToNull, acronym.nullable()),
	type: OrganisationType,
	// empty: not known
	country: z.preprocess(blankToNull, country.nullable()),
	website: z.preprocess(blankToNull, website.nullable()),
	slug
});

const page = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1));
const pageSize = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50));

export const OrganisationListQuery = z
	.object({
		q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).meta({ description: 'Words in the name, acronym or slug' }),
		type: z.preprocess(blankToUndefined, OrganisationType.optional()),
		country: z.preprocess(blankToUndefined, country.optional()),
		page,
		pageSize
	})
	.meta({ id: 'OrganisationListQuery' });
export type OrganisationListQuery = z.output<typeof OrganisationListQuery>;

export const OrganisationList = z
	.object({
		total: z.int(),
		page: z.int(),
		pageSize: z.int(),
		items: z.array(Organisation)
	})
	.meta({ id: 'OrganisationList' });

/** Adding a person to an organisation (staff form). */
export const OrganisationMemberAdd = z
	.object({ email: z.string().trim().toLowerCase().pipe(z.email().max(254)) })
	.meta({ id: 'OrganisationMemberAdd' });

export const OrganisationMemberRemove = z.object({ userId: z.string().trim().min(1).max(100) });
