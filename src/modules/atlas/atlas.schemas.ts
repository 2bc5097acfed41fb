import { z } from 'zod';
import { countryCodes } from '../../platform/geo/countries.ts';
import { deliverableStatuses, deliverableTypes, initiativeStatuses, initiativeThemes, organisationRoles, otherLanguagePattern, partOfRelations, targetGroups } from './atlas.model.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';
import { communeByCode } from '../../platform/geo/communes.ts';
import { isDayOrMonth } from './partial-dates.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** A query parameter that may be repeated (`?theme=a&theme=b`) or comma-separated (`?theme=a,b`). */
const toList = (value: unknown) => {
	if (value === undefined || value === null) return undefined;
	const list = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).map((item) => item.trim());
	const kept = list.filter((item) => item !== '');
	return kept.length ? kept : undefined;
};
const many = <T extends z.ZodType>(item: T, description: string) =>
	z.preprocess(toList, z.array(item).max(30).optional()).meta({ description });

export const regionCodes = regions.map((region) => region.iso) as [string, ...string[]];
export const provinceCodes = provinces.map((province) => province.iso) as [string, ...string[]];

export const Theme = z.enum(initiativeThemes).meta({ id: 'InitiativeTheme', description: 'Theme of the controlled list' });
export const Status = z.enum(initiativeStatuses).meta({ id: 'InitiativeStatus' });
export const TargetGroupCode = z.enum(targetGroups).meta({ id: 'TargetGroup' });
export const OrganisationRole = z.enum(organisationRoles).meta({
	id: 'InitiativeOrganisationRole',
	description: '`beneficiary` is a beneficiary institution'
});
export const PartOfRelation = z.enum(partOfRelations).meta({ id: 'InitiativePartOfRelation' });
export const DeliverableType = z.enum(deliverableTypes).meta({ id: 'DeliverableType' });
export const DeliverableStatus = z.enum(deliverableStatuses).meta({ id: 'DeliverableStatus', description: '`forthcoming`: announced, not out when the source was written' });
export const RegionCode = z.enum(regionCodes).meta({ description: 'ISO 3166-2 region code', example: 'MA-02' });
export const ProvinceCode = z.enum(provinceCodes).meta({ description: 'ISO 3166-2 province or prefecture code', example: 'MA-OUJ' });
export const CommuneCode = z
	.string()
	.trim()
	.refine((code) => communeByCode(code)?.code === code)
	.meta({ description: 'HCP code of a Moroccan commune (RGPH 2024)', example: '02.411.01.23' });
export const CountryCode = z
	.string()
	.trim()
	.toUpperCase()
	.refine((code) => countryCodes.includes(code))
	.meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'SN' });
export const CurrencyCode = z
	.string()
	.trim()
	.toUpperCase()
	.regex(/^[A-Z]{3}$/)
	.meta({ description: 'ISO 4217 currency code', example: 'EUR' });

const text = (max: number) => z.string().trim().min(1).max(max);
const url = z.url({ protocol: /^https?$/ }).max(500);
const day = z.iso.date();
/** A day, or only a month when the source gives no more ("2021-04": issue #17 rule 18). */
const dayOrMonth = z
	.string()
	.trim()
	.refine(isDayOrMonth)
	.meta({ description: 'A day (YYYY-MM-DD), or a month (YYYY-MM) when the source gives only the month', example: '2021-04' });
const year = z.int().min(1950).max(2100);
const money = z.number().min(0).max(1e13);
/**
 * The same amount as the source also gives it in another currency (1,000,000 EUR "and" 10,900,000 MAD):
 * kept as written beside the first, shown and exported, never used in statistics.
 */
export const SecondFigure = z
	.object({ amount: money, currency: CurrencyCode })
	.meta({
		id: 'SecondFigure',
		description: 'The same amount as the source also gives it in another currency (e.g. 10900000 MAD beside 1000000 EUR): kept and shown as written, never converted nor counted in statistics'
	});

export const TranslatedText = (max: number) =>
	z
		.object({ fr: text(max).optional(), ar: text(max).optional(), en: text(max).optional() })
		// the source's own language when it is another (an IATI file in Spanish): kept, never dropped
		.catchall(text(max).optional())
		.superRefine((value, context) => {
			for (const key of Object.keys(value)) {
				if (!otherLanguagePattern.test(key)) context.addIssue({ code: 'custom', path: [key], message: 'a language code (ISO 639, lower case)' });
			}
		})
		.meta({ description: 'The same text in French, Arabic and/or English, and in the source’s own language when it is another (ISO 639 code, e.g. es)' });

/** A new initiative or a complete new version of one. */
export const InitiativeInput = z
	.object({
		slug: z
			.string()
			.trim()
			.toLowerCase()
			.max(100)
			.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
			.optional(),
		title: TranslatedText(300).refine((value) => Object.values(value).some(Boolean), {
			message: 'at least one language'
		}),
		summary: TranslatedText(2000).default({}),
		description: TranslatedText(20000).default({}),
		status: Status,
		plannedStart: dayOrMonth.nullish(),
		plannedEnd: dayOrMonth.nullish(),
		actualStart: dayOrMonth.nullish(),
		actualEnd: dayOrMonth.nullish(),
		/** when only the years are known (no day): used if no start/end date is given */
		startYear: year.nullish(),
		endYear: year.nullish(),
		nationalScope: z.boolean().default(false),
		regions: z.array(RegionCode).max(12).default([]),
		provinces: z.array(ProvinceCode).max(75).default([]),
		communes: z
			.array(CommuneCode)
			.max(300)
			.default([])
			.meta({ description: 'Communes, by HCP code; each implies its province and region' }),
		otherPlaces: z
			.string()
			.trim()
			.max(2000)
			.nullish()
			.meta({ description: 'Places the commune list does not hold (a douar, a neighbourhood), as written' }),
		countries: z.array(CountryCode).max(60).default([]),
		foreignPlaces: z
			.array(z.object({ country: CountryCode, region: z.string().trim().min(1).max(200) }))
			.max(50)
			.default([])
			.meta({ description: 'Partner regions abroad: a country and the name of its region (the country is added to `countries`)' }),
		moroccoShare: z
			.number()
			.gt(0)
			.max(100)
			.nullish()
			.meta({ description: 'Per cent of the initiative that is in Morocco when the source says so (an IATI recipient-country percentage); statistics count that share of its budget' }),
		countryShares: z
			.array(z.object({ country: CountryCode, percentage: z.number().min(0).max(100) }))
			.max(60)
			.default([])
			.meta({ description: 'The other countries’ percentages as the source gives them (each country also in `countries`)' }),
		recipientRegions: z
			.array(
				z.object({
					code: z.string().trim().regex(/^\d{1,4}$/),
					vocabulary: z.enum(['1', '2']).default('1'),
					percentage: z.number().min(0).max(100).nullish()
				})
			)
			.max(20)
			.default([])
			.meta({ description: 'Supranational regions the source names (IATI Region: 1 OECD DAC, 2 UN M49), e.g. 189 North of Sahara; one that includes Morocco without a place in Morocco makes the initiative "may concern Morocco" for a moderator to decide' }),
		points: z
			.array(z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), label: z.string().trim().max(200).optional() }))
			.max(100)
			.default([]),
		themes: z.array(Theme).max(initiativeThemes.length).default([]),
		targetGroups: z.array(TargetGroupCode).max(targetGroups.length).default([]),
		budget: z.object({ total: money, currency: CurrencyCode, secondFigure: SecondFigure.nullish() }).nullish(),
		organisations: z
			.array(
				z.object({
					organisation: z.string().trim().min(1).max(100).meta({ description: 'Organisation id or slug' }),
					role: OrganisationRole,
					amount: money.nullish(),
					currency: CurrencyCode.nullish(),
					secondFigure: SecondFigure.nullish().meta({ description: 'The contribution as the source also gives it in another currency' })
				})
			)
			.max(100)
			.default([]),
		yearlyAmounts: z
			.array(
				z.object({
					organisation: z
						.string()
						.trim()
						.min(1)
						.max(100)
						.nullish()
						.meta({ description: 'A funder of `organisations` (id or slug); none: the initiative’s own budget for the year' }),
					year,
					amount: money,
					currency: CurrencyCode
				})
			)
			.max(300)
			.default([])
			.meta({
				description:
					'Amounts per year where the source gives them (a budget by year, a funder’s yearly contribution), each in its own currency: one row per funder (or none) × year × currency. Shown and exported as given; the statistics use the total budget (else the funders’ contributions)'
			}),
		/** the larger initiative this one is a component, phase or pilot of */
		partOf: z
			.object({
				initiative: z.string().trim().min(1).max(100).meta({ description: 'Initiative id or slug' }),
				relation: PartOfRelation.default('component')
			})
			.nullish(),
		/** what it achieved, what it taught, and who evaluated it */
		results: TranslatedText(5000).default({}),
		lessons: TranslatedText(5000).default({}),
		evaluation: z
			.object({ by: z.string().trim().max(300).nullish(), date: dayOrMonth.nullish(), url: url.nullish() })
			.nullish()
			.meta({ description: 'Who evaluated the initiative, when, and where the evaluation can be read' }),
		deliverables: z
			.array(z.object({ title: text(500), url: url.nullish(), type: DeliverableType.nullish(), status: DeliverableStatus.default('published') }))
			.max(200)
			.default([]),
		sources: z
			.array(z.object({ citation: text(1000), url: url.nullish(), date: dayOrMonth.nullish() }))
			.max(50)
			.default([]),
		contact: z.string().trim().max(500).nullish(),
		website: url.nullish(),
		iatiIdentifier: z.string().trim().max(150).nullish(),
		lastVerifiedOn: day.nullish(),
		isSample: z.boolean().default(false)
	})
	.meta({ id: 'InitiativeInput' });
export type InitiativeInput = z.input<typeof InitiativeInput>;
export type InitiativeData = z.output<typeof InitiativeInput>;

export const sortOrders = ['relevance', 'title', 'start', 'budget', 'updated'] as const;

export const InitiativeQuery = z
	.object({
		q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).meta({
			description: 'Words to find (every word must appear); accents, Arabic hamza/alef forms, ta marbuta and diacritics are ignored, and an Arabic word matches its other forms (article, conjunction, plural and pronoun endings)'
		}),
		theme: many(Theme, 'Themes (any of them); repeat the parameter or separate with commas'),
		region: many(RegionCode, 'Regions (any of them), ISO 3166-2'),
		province: many(ProvinceCode, 'Provinces or prefectures (any of them), ISO 3166-2'),
		commune: many(CommuneCode, 'Communes (any of them), HCP code; initiatives of national scope or naming only the province are not counted in'),
		country: many(CountryCode, 'Other countries involved (any of them), ISO 3166-1 alpha-2'),
		status: many(Status, 'Statuses (any of them)'),
		funder: many(z.string().trim().min(1).max(100), 'Funding organisations (any of them), by slug or id'),
		implementer: many(z.string().trim().min(1).max(100), 'Implementing organisations (any of them), by slug or id'),
		target: many(TargetGroupCode, 'Target groups (any of them)'),
		from: z.preprocess(blankToUndefined, z.coerce.number().int().min(1950).max(2100).optional()).meta({
			description: 'Active during or after this year'
		}),
		to: z.preprocess(blankToUndefined, z.coerce.number().int().min(1950).max(2100).optional()).meta({
			description: 'Active during or before this year'
		}),
		undated: z.preprocess(blankToUndefined, z.enum(['exclude', 'include', 'only']).default('exclude')).meta({
			description:
				'Initiatives whose years are unknown: under a year filter (`from`, `to`) excluded (default) or included; `only` lists them alone'
		}),
		components: z.preprocess(blankToUndefined, z.enum(['include', 'exclude']).default('include')).meta({
			description: 'Components, phases and pilots of a larger initiative: include (default) or exclude (the larger initiatives alone)'
		}),
		budgetMin: z.preprocess(blankToUndefined, z.coerce.number().min(0).optional()).meta({ description: 'Minimum total budget in EUR' }),
		budgetMax: z.preprocess(blankToUndefined, z.coerce.number().min(0).optional()).meta({ description: 'Maximum total budget in EUR' }),
		national: z.preprocess(blankToUndefined, z.enum(['include', 'exclude']).default('include')).meta({
			description:
				'Under a region or province filter, initiatives of national scope (they cover every region): include (default) or exclude'
		}),
		sample: z.preprocess(blankToUndefined, z.enum(['include', 'exclude', 'only']).default('include')).meta({
			description: 'Sample (fictional) initiatives: include (default), exclude or only'
		}),
		goodPractice: z.preprocess(blankToUndefined, z.enum(['only']).optional()).meta({
			description: '`only`: the initiatives moderators marked as a good practice to redeploy'
		}),
		sort: z.preprocess(blankToUndefined, z.enum(sortOrders).default('relevance')).meta({
			description: 'relevance (most recently updated first when there is no text), title, start (newest first), budget (largest first), updated'
		}),
		lang: z.preprocess(blankToUndefined, z.enum(['fr', 'ar', 'en']).optional()).meta({
			description: 'Language of the titles used to sort by title (default: the request language)'
		}),
		page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
		pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(20))
	})
	.meta({ id: 'InitiativeQuery' });
export type InitiativeQuery = z.output<typeof InitiativeQuery>;
export type InitiativeFilters = Omit<InitiativeQuery, 'page' | 'pageSize' | 'sort' | 'lang'>;

export const statsDimensions = ['region', 'theme', 'year', 'funder', 'status', 'target', 'country', 'started'] as const;
export type StatsDimension = (typeof statsDimensions)[number];
/** Statistics count real initiatives unless asked otherwise (lists show everything, badged): API and dashboard alike. */
export const statisticsSampleDefault = 'exclude' as const;
export const StatsQuery = InitiativeQuery.omit({ sort: true, page: true, pageSize: true, lang: true })
	.extend({
		by: z.enum(statsDimensions).meta({ description: 'The dimension to group by' }),
		sample: z.preprocess(blankToUndefined, z.enum(['include', 'exclude', 'only']).default(statisticsSampleDefault)).meta({
			description: 'Sample (fictional) initiatives: exclude (default for statistics), include or only'
		})
	})
	.meta({ id: 'AtlasStatsQuery' });

// ── Responses ───────────────────────────────────────────────────────────────

const Translated = z
	.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() })
	.catchall(z.string().optional())
	.meta({ id: 'TranslatedText', description: 'A text in one or more of fr, ar, en, and in the source’s own language when it is another (ISO 639 code, e.g. es)' });
const Named = z.object({ fr: z.string(), ar: z.string(), en: z.string() });

export const InitiativeSummary = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		title: Translated,
		summary: Translated,
		status: Status,
		startYear: z.int().nullable(),
		endYear: z.int().nullable(),
		nationalScope: z.boolean(),
		themes: z.array(Theme),
		regions: z.array(z.string()),
		countries: z.array(z.string()),
		mayConcernMorocco: z.boolean().describe('Only a supranational region that includes Morocco places it (a moderator is to say where)'),
		moroccoShare: z.number().nullable().describe('Per cent of the initiative in Morocco when the source gives a share (Morocco one recipient among `countries`); null: all of it, or no share given'),
		funders: z.array(z.object({ slug: z.string(), name: z.string(), acronym: z.string().nullable() })),
		budgetEur: z.number().nullable(),
		isSample: z.boolean(),
		version: z.int(),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'InitiativeSummary' });

const FacetEntry = z.object({ key: z.string(), count: z.int() });
export const Facets = z
	.object({
		theme: z.array(FacetEntry),
		region: z.array(FacetEntry),
		status: z.array(FacetEntry),
		target: z.array(FacetEntry),
		country: z.array(FacetEntry),
		funder: z.array(FacetEntry.extend({ name: z.string() })),
		implementer: z.array(FacetEntry.extend({ name: z.string() }))
	})
	.meta({ id: 'InitiativeFacets', description: 'Counts for the current filter, largest first (funder and implementer: the top 20, key = slug)' });

export const InitiativeList = z
	.object({
		total: z.int(),
		national: z
			.object({
				total: z.int().describe('how many of the matches are of national scope'),
				onlyNational: z.int().describe('how many match a region or province filter only because they are of national scope')
			})
			.describe('initiatives of national scope cover every region: the count of those among the matches'),
		page: z.int(),
		pageSize: z.int(),
		items: z.array(InitiativeSummary),
		facets: Facets
	})
	.meta({ id: 'InitiativeList' });

export const InitiativeDetail = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		title: Translated,
		summary: Translated,
		description: Translated,
		status: Status,
		plannedStart: z.string().nullable().describe('YYYY-MM-DD, or YYYY-MM when only the month is known'),
		plannedEnd: z.string().nullable(),
		actualStart: z.string().nullable(),
		actualEnd: z.string().nullable(),
		startYear: z.int().nullable(),
		endYear: z.int().nullable(),
		nationalScope: z.boolean(),
		regions: z.array(z.object({ iso: z.string(), name: Named })),
		provinces: z.array(z.object({ iso: z.string(), regionIso: z.string(), name: Named })),
		communes: z
			.array(
				z.object({
					code: z.string().describe('HCP code'),
					name: z.object({ fr: z.string(), ar: z.string() }),
					type: z.enum(['urban', 'rural']),
					provinceIso: z.string(),
					lat: z.number().nullable(),
					lon: z.number().nullable()
				})
			)
			.describe('Communes by HCP code, with their names and a representative point'),
		otherPlaces: z.string().nullable().describe('Places the commune list does not hold, as written'),
		countries: z.array(z.string()),
		foreignPlaces: z.array(z.object({ country: z.string(), region: z.string() })),
		moroccoShare: z.number().nullable().describe('Per cent of the initiative in Morocco when the source says so; null: all of it'),
		countryShares: z.array(z.object({ country: z.string(), percentage: z.number() })),
		recipientRegions: z.array(z.object({ code: z.string(), vocabulary: z.enum(['1', '2']), percentage: z.number().nullish() })),
		mayConcernMorocco: z.boolean().describe('Only a supranational region that includes Morocco places it: a moderator is to say where in Morocco, if anywhere'),
		points: z.array(z.object({ lat: z.number(), lon: z.number(), label: z.string().optional() })),
		themes: z.array(Theme),
		targetGroups: z.array(TargetGroupCode),
		organisations: z.array(
			z.object({
				id: z.uuid(),
				slug: z.string(),
				name: z.string(),
				acronym: z.string().nullable(),
				type: z.string(),
				role: OrganisationRole,
				amount: z.number().nullable(),
				currency: z.string().nullable(),
				secondFigure: z.object({ amount: z.number(), currency: z.string() }).nullable(),
				amountEur: z.number().nullable()
			})
		),
		yearlyAmounts: z
			.array(
				z.object({
					organisation: z.object({ slug: z.string(), name: z.string(), acronym: z.string().nullable() }).nullable().describe('The funder; null: the initiative’s own budget'),
					year: z.int(),
					amount: z.number(),
					currency: z.string()
				})
			)
			.describe('Amounts per year as the source gives them, by year then funder'),
		budget: z.object({
			total: z.number().nullable(),
			currency: z.string().nullable(),
			secondFigure: z.object({ amount: z.number(), currency: z.string() }).nullable().describe('The total as the source also gives it in another currency (not converted, not counted)'),
			eur: z.number().nullable().describe('Total in EUR: the total budget, else the sum of the funders’ contributions'),
			moroccoEur: z.number().nullable().describe('The part of `eur` counted for Morocco (its share when the source gives one)'),
			mad: z.number().nullable(),
			rateYear: z.int().nullable().describe('The year whose exchange rates were used')
		}),
		partOf: z
			.object({ id: z.uuid(), slug: z.string(), title: Translated, relation: PartOfRelation })
			.nullable()
			.describe('The larger initiative this one is a component, phase or pilot of'),
		results: Translated,
		lessons: Translated,
		evaluation: z.object({ by: z.string().nullish(), date: z.string().nullish(), url: z.string().nullish() }).nullable(),
		goodPractice: z
			.object({ reason: Translated, markedAt: z.iso.datetime() })
			.nullable()
			.describe('A moderator’s mark: a good practice to redeploy, and why'),
		parts: z
			.array(z.object({ id: z.uuid(), slug: z.string(), title: Translated, status: Status, relation: PartOfRelation, isSample: z.boolean() }))
			.describe('Its components, phases and pilots'),
		deliverables: z.array(
			z.object({ title: z.string(), url: z.string().nullable(), type: DeliverableType.nullable(), status: DeliverableStatus })
		),
		sources: z.array(z.object({ citation: z.string(), url: z.string().nullable(), date: z.string().nullable() })),
		contact: z.string().nullable(),
		website: z.string().nullable(),
		iatiIdentifier: z.string().nullable(),
		lastVerifiedOn: z.string().nullable(),
		isSample: z.boolean(),
		version: z.int(),
		versions: z.array(
			z.object({
				number: z.int(),
				createdAt: z.iso.datetime(),
				organisation: z.string().nullable().describe('The author’s organisation'),
				comment: z.string().nullable()
			})
		),
		createdAt: z.iso.datetime(),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'InitiativeDetail' });

export const AtlasStats = z
	.object({
		by: z.enum(statsDimensions),
		rows: z.array(
			z.object({
				key: z
					.string()
					.describe('Region ISO code, theme code, year (`unknown`: initiatives whose years are not known), funder slug, status, target group or country code'),
				label: z.string().nullable().describe('Funder name (other dimensions are codes to translate)'),
				count: z.int().describe('Initiatives (for `year`: active during that year, or with an amount by year in it; for `started`: started that year)'),
				budgetEur: z
					.number()
					.describe(
						'The sum of the amounts known, in EUR: total budgets (for `funder`: its own contributions; for `year`: the amounts by year the source gives — the initiative’s own, else its funders’ —, else the budget spread evenly over the active years, so that an initiative’s years add up to its budget). A component whose larger initiative is counted with a known budget adds nothing: its money is in that budget'
					),
				budgetUnknown: z
					.int()
					.describe('How many of the `count` initiatives have no known amount (no budget; for `year`: no budget and no amount for that year; for `funder`: its share not split out). Not a zero: unknown')
			})
		)
	})
	.meta({ id: 'AtlasStats' });
