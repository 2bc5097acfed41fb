import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { SchemeQuery } from './schemes/schemes.schemas.ts';
import { GuidePageSummary, GuideQuery, NetworkService, PensionAgreement, ServiceExportQuery, ServiceQuery, StatisticsQuery } from './return.schemas.ts';

const LanguageQuery = z.object({ lang: z.enum(['fr', 'ar', 'en']).optional().describe('language of the texts (default fr)') });

export const GuidePageDetail = GuidePageSummary.extend({
	body: z.string(),
	steps: z.array(z.string()),
	sources: z.array(z.object({ name: z.string(), url: z.string().nullable() })),
	contributor: z.string().describe('who published this version (a network member, or Sharaka for the first one)'),
	updatedAt: z.iso.datetime()
}).meta({ id: 'ReturnGuidePage' });

export const ReintegrationCaseSummary = z
	.object({
		id: z.uuid(),
		operatorOrganisationId: z.uuid(),
		operatorName: z.string(),
		personUserId: z.string(),
		personName: z.string(),
		consentPurpose: z.string(),
		consentAt: z.iso.datetime(),
		returnDate: z.iso.date(),
		hostCountry: z.string().describe('ISO 3166-1 alpha-2'),
		schemeId: z.uuid().nullable().describe('the assisted-return scheme from the catalogue (/api/v1/return/schemes)'),
		scheme: z.string().nullable().describe('a scheme not in the catalogue, as the case worker wrote it'),
		regionCode: z.string(),
		provinceCode: z.string().nullable(),
		commune: z.string().nullable(),
		householdSize: z.int(),
		closedAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'ReturnReintegrationCase' });

const PlanLink = z.object({ kind: z.string().describe('jobs.programme or jobs.offer'), key: z.string(), value: z.string(), label: z.string(), lang: z.string(), path: z.string().describe('the record’s page, after the language'), isSample: z.boolean() });
const PlanAction = z.object({
	id: z.uuid(),
	dimension: z.enum(['economic', 'social', 'psychosocial']),
	action: z.string(),
	owner: z.string(),
	dueDate: z.iso.date().nullable(),
	status: z.enum(['planned', 'in_progress', 'done', 'dropped']),
	links: z.array(PlanLink).describe('the Jobs records the action leads to (still there)')
});

export const ReintegrationCaseDetail = ReintegrationCaseSummary.omit({ operatorName: true, personName: true })
	.extend({
		needs: z.record(z.string(), z.object({ level: z.enum(['none', 'low', 'medium', 'high']), notes: z.string() })),
		operator: z.object({ id: z.uuid(), name: z.string() }),
		plan: z.array(PlanAction)
	})
	.meta({ id: 'ReturnReintegrationCaseDetail' });

const CaseCounts = z.object({ key: z.string(), label: z.string(), open: z.int().nullable(), closed: z.int().nullable() });
const MeanScores = z.object({
	key: z.string().describe('the round in months, the region’s ISO 3166-2 code, or the scheme: its slug in the catalogue (/api/v1/return/schemes), else as written (empty: none)'),
	count: z.int().describe('answers in the group; 0 when fewer than `smallCount` (then no score)'),
	economic: z.number().nullable(),
	social: z.number().nullable(),
	psychosocial: z.number().nullable(),
	overall: z.number().nullable()
});
export const ReintegrationStatistics = z
	.object({
		smallCount: z.int().describe('counts under it are suppressed (null, or 0 answers)'),
		samples: z.boolean().describe('whether the fictional sample cases are counted (`samples=include`)'),
		cases: z.object({
			total: z.object({ open: z.int().nullable(), closed: z.int().nullable() }),
			byRegion: z.array(CaseCounts),
			byHostCountry: z.array(CaseCounts),
			byOperator: z.array(CaseCounts)
		}),
		survey: z.object({ answered: z.int(), byRound: z.array(MeanScores), byRegion: z.array(MeanScores), byScheme: z.array(MeanScores) })
	})
	.meta({ id: 'ReturnReintegrationStatistics' });

export const AssistedReturnScheme = z
	.object({
		slug: z.string(),
		country: z.string().describe('ISO 3166-1 alpha-2: the host country the scheme helps people leave'),
		countryName: z.string(),
		operator: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('the organisation that runs the scheme and keeps this entry'),
		name: z.string(),
		eligibility: z.string().nullable(),
		support: z.string().nullable(),
		supportKinds: z.array(z.enum(['cash', 'in_kind', 'business', 'training', 'housing', 'medical', 'counselling'])),
		contact: z.object({ website: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
		source: z.object({ name: z.string(), url: z.string().nullable() }).nullable(),
		toBeCompleted: z.boolean().describe('true while the entry lacks its eligibility, its support or a source: nothing checked yet'),
		language: z.string().describe('the language of the texts (another one when the asked one is missing)'),
		isSample: z.boolean(),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'ReturnAssistedReturnScheme' });

export const returnEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/return/schemes',
		tags: ['Return'],
		auth: 'none',
		summary: 'The assisted-return schemes catalogue',
		description: 'European schemes helping people return to Morocco, by host country, kept by their operators and the RAMre secretariat.',
		query: SchemeQuery,
		responses: { 200: { description: 'The schemes.', schema: z.object({ total: z.int(), items: z.array(AssistedReturnScheme) }) } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/return/statistics',
		tags: ['Return'],
		auth: 'none',
		summary: 'Pooled statistics of followed reintegration',
		description:
			'Across every RAMre operator: open and closed cases by region of settlement, host country and operator; mean sustainability scores (0–1, ' +
			'formula in the README) by round, region and assisted-return scheme. A count under `smallCount` is null, a group of fewer answers has no score. ' +
			'The fictional sample cases are left out unless `samples=include`.',
		query: StatisticsQuery,
		responses: { 200: { description: 'The statistics.', schema: ReintegrationStatistics } },
		errors: [400],
	},
	{
		method: 'GET',
		path: '/api/v1/return/cases',
		tags: ['Return'],
		auth: 'bearer',
		summary: 'The reintegration cases of the case worker’s operators',
		description: 'Only the cases of the RAMre operators the caller is a case worker of (`return:caseworker` grant); an audited read.',
		responses: { 200: { description: 'The cases.', schema: z.object({ total: z.int(), items: z.array(ReintegrationCaseSummary) }) } },
		errors: [401, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/return/cases/{id}',
		tags: ['Return'],
		auth: 'bearer',
		summary: 'One reintegration case with its needs and plan',
		description: 'Another operator’s case is not found (404), whatever its id; an audited read.',
		params: z.object({ id: z.uuid() }),
		responses: { 200: { description: 'The case.', schema: ReintegrationCaseDetail } },
		errors: [401, 403, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/return/guide',
		tags: ['Return'],
		auth: 'none',
		summary: 'The return guide’s pages',
		description:
			'One page per topic at its current version, with the profiles it matters to (`profile` keeps only those). ' +
			'`toBeCompleted` marks pages whose text says a part is still to be completed by the network.',
		query: GuideQuery,
		responses: { 200: { description: 'The pages.', schema: z.object({ total: z.int(), items: z.array(GuidePageSummary) }) } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/return/guide/{slug}',
		tags: ['Return'],
		auth: 'none',
		summary: 'One page of the return guide',
		description: 'Its text, steps, sources, review date and contributor, in the language asked (or another one, `fallback: true`).',
		params: z.object({ slug: z.string().describe('the topic, e.g. `pensions`') }),
		query: LanguageQuery,
		responses: { 200: { description: 'The page.', schema: GuidePageDetail } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/return/pension-agreements',
		tags: ['Return'],
		auth: 'none',
		summary: 'Pension and social security portability by host country',
		description: 'Kept by moderators. An entry without a source (`toBeCompleted: true`) holds nothing checked.',
		query: LanguageQuery,
		responses: { 200: { description: 'The table.', schema: z.object({ total: z.int(), items: z.array(PensionAgreement) }) } },
		errors: [400]
	}
,
	{
		method: 'GET',
		path: '/api/v1/return/services',
		tags: ['Return'],
		auth: 'none',
		summary: 'The RAMre network’s services',
		description: 'Services of the network’s member organisations, by region covered and stage of return (the need). `isSample` marks fictional demo entries.',
		query: ServiceQuery,
		responses: { 200: { description: 'One page of services and the total.', schema: z.object({ total: z.int(), page: z.int(), pageSize: z.int(), items: z.array(NetworkService) }) } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/return/services/export',
		tags: ['Return'],
		auth: 'none',
		summary: 'The network’s services as CSV or XLSX',
		description: 'The same filters as `/api/v1/return/services`, every matching service, one row each (formulas neutralised).',
		query: ServiceExportQuery,
		responses: {
			200: {
				description: 'The file: CSV (`format=csv`, the default) or XLSX (`format=xlsx`).',
				schema: z.string(),
				contentType: 'text/csv',
				contentTypes: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': null }
			}
		},
		errors: [400]
	}
];
