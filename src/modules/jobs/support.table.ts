// Tables of the "Welcome" support content: the directory of support programmes. The rights and
// procedures pages are the platform's versioned content pages (collection jobs.rights).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { jobsTables } from './job-offer.table.ts';

import type { LocalisedText } from '../../platform/content/content.table.ts';

/** Topics of the rights pages, in the order the list shows them. */
export const rightsTopics = ['residence', 'work', 'social_security', 'rights_at_work', 'complaints', 'health_education', 'employment_support'] as const;
export type RightsTopic = (typeof rightsTopics)[number];

/** Services a support programme may offer (a controlled list). */
export const programmeServices = [
	'training',
	'language_courses',
	'entrepreneurship',
	'legal_aid',
	'psychosocial',
	'health_referral',
	'housing',
	'administrative_help'
] as const;
export type ProgrammeService = (typeof programmeServices)[number];

export const programmeStatuses = ['active', 'archived'] as const;

/** A programme run by an association or a public body for migrants' insertion. */
export const supportProgramme = jobsTables.table(
	'support_programme',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		name: jsonb('name').$type<LocalisedText>().notNull(),
		description: jsonb('description').$type<LocalisedText>().notNull(),
		eligibility: jsonb('eligibility').$type<LocalisedText>().notNull(),
		services: text('services').array().$type<ProgrammeService[]>().notNull(),
		cities: text('cities').array().notNull(),
		/** ISO 3166-2 region codes, MA-01…MA-12 */
		regions: text('regions').array().notNull(),
		/** ISO 639 codes of the languages the team speaks */
		languages: text('languages').array().notNull(),
		phone: text('phone'),
		email: text('email'),
		address: text('address'),
		website: text('website'),
		status: text('status', { enum: programmeStatuses }).notNull().default('active'),
		isSample: boolean('is_sample').notNull().default(false),
		/** every searchable word (names, descriptions, eligibility, cities), kept by the service */
		searchText: text('search_text').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('support_programme_organisation_idx').on(table.organisationId),
		index('support_programme_services_idx').using('gin', table.services),
		index('support_programme_regions_idx').using('gin', table.regions),
		index('support_programme_search_idx').using('gin', sql`search_normalise(${table.searchText}) gin_trgm_ops`)
	]
);
