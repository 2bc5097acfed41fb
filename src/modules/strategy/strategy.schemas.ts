import { z } from 'zod';
import { GCM_OBJECTIVES, SDG_TARGETS } from './codelists.ts';
import { placeCodes } from './places.ts';
import { concertationRoles, concertationStatuses, INDICATOR_LEVELS, NODE_KINDS, NODE_STATUSES, recommendationHorizons, recommendationKinds, recommendationStatuses, STRATEGY_COUNTRIES, STRATEGY_STATUSES } from './strategy.model.ts';

/** A place of any strategy country: the service checks it is one of the strategy's own country (places.ts). */
const regionCodes = placeCodes;
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const year = z.preprocess(blankToUndefined, z.coerce.number().int().min(1990).max(2100).nullable().optional());
const slugText = z
	.string()
	.trim()
	.toLowerCase()
	.max(80)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const Translated = z
	.object({ fr: optionalText(400), ar: optionalText(400), en: optionalText(400) })
	.meta({ id: 'StrategyText', description: 'A text in French, Arabic and/or English' });
const LongTranslated = z.object({ fr: optionalText(4000), ar: optionalText(4000), en: optionalText(4000) });
export const Source = z.object({ citation: z.string().trim().min(1).max(500), url: z.url({ protocol: /^https?$/ }).max(500).optional() });

export const NodeKind = z.enum(NODE_KINDS).meta({ id: 'StrategyNodeKind', description: 'strategy → domain → programme → objective → action' });
export const NodeStatus = z.enum(NODE_STATUSES).meta({ id: 'StrategyNodeStatus' });
export const StrategyStatus = z.enum(STRATEGY_STATUSES).meta({ id: 'StrategyStatus' });

/** A node's own data, written by planners (its place in the tree is given apart: kind, parent). */
export const NodeFields = z.object({
	title: Translated,
	description: LongTranslated.default({}),
	originalLanguage: z.enum(['fr', 'ar', 'en']).default('fr'),
	leadOrganisationId: z.preprocess(blankToUndefined, z.uuid().nullable().optional()),
	partnerIds: z.array(z.uuid()).max(30).default([]),
	periodStart: year,
	periodEnd: year,
	status: NodeStatus.default('planned'),
	national: z.boolean().default(false),
	regions: z.array(z.enum(regionCodes)).max(20).default([]),
	gcm: z.array(z.enum(GCM_OBJECTIVES as [string, ...string[]])).max(23).default([]),
	sdg: z.array(z.enum(SDG_TARGETS)).max(SDG_TARGETS.length).default([]),
	sources: z.array(Source).max(10).default([])
});
export type NodeFields = z.output<typeof NodeFields>;

export const NewNode = NodeFields.extend({ kind: NodeKind, parentId: z.preprocess(blankToUndefined, z.uuid().nullable().optional()) });
export type NewNode = z.output<typeof NewNode>;

export const MoveNode = z.object({ parentId: z.preprocess(blankToUndefined, z.uuid().nullable().optional()), position: z.coerce.number().int().min(0).max(10000).optional() });

export const NewStrategy = z.object({
	slug: slugText,
	title: Translated,
	summary: LongTranslated.default({}),
	country: z.enum(STRATEGY_COUNTRIES),
	ownerOrganisationId: z.preprocess(blankToUndefined, z.uuid().nullable().optional()),
	periodStart: year,
	periodEnd: year,
	status: StrategyStatus.default('draft'),
	published: z.boolean().default(false),
	sources: z.array(Source).max(10).default([])
});
export type NewStrategy = z.output<typeof NewStrategy>;

/**
 * A strategy's own details as its owner edits them: its address (slug) never changes; its country (left out: as it
 * is) only while no node names a region (the regions are the country's).
 */
export const StrategyDetails = NewStrategy.omit({ slug: true }).extend({ country: z.enum(STRATEGY_COUNTRIES).optional() });
export type StrategyDetails = z.output<typeof StrategyDetails>;

/** A strategy created on its page: the address is made from its title when none is given. */
export const CreatedStrategy = NewStrategy.extend({ slug: slugText.optional() });

// --- what the API and pages read ---

export const StrategySummary = z
	.object({
		slug: z.string(),
		title: z.string(),
		titles: z.record(z.string(), z.string()),
		country: z.string(),
		owner: z.string().nullable(),
		periodStart: z.number().nullable(),
		periodEnd: z.number().nullable(),
		status: StrategyStatus,
		isSample: z.boolean(),
		sources: z.array(Source),
		actions: z.number().int().meta({ description: 'number of actions in the tree' })
	})
	.meta({ id: 'StrategySummary' });
export type StrategySummary = z.output<typeof StrategySummary>;

export type TreeNode = {
	id: string;
	kind: z.output<typeof NodeKind>;
	position: number;
	title: string;
	titles: Record<string, string>;
	description: string;
	lead: string | null;
	leadOrganisationId: string | null;
	partners: string[];
	partnerIds: string[];
	periodStart: number | null;
	periodEnd: number | null;
	status: z.output<typeof NodeStatus>;
	national: boolean;
	regions: string[];
	gcm: string[];
	sdg: string[];
	isSample: boolean;
	sources: z.output<typeof Source>[];
	children: TreeNode[];
};
export const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
	z.object({
		id: z.uuid(),
		kind: NodeKind,
		position: z.number().int(),
		title: z.string(),
		titles: z.record(z.string(), z.string()),
		description: z.string(),
		lead: z.string().nullable(),
		leadOrganisationId: z.string().nullable(),
		partners: z.array(z.string()),
		partnerIds: z.array(z.string()),
		periodStart: z.number().nullable(),
		periodEnd: z.number().nullable(),
		status: NodeStatus,
		national: z.boolean(),
		regions: z.array(z.string()).meta({ description: 'ISO 3166-2 codes of first-level divisions of the strategy’s country (Morocco’s 12 regions; Côte d’Ivoire’s districts, Mali’s and Senegal’s regions)' }),
		gcm: z.array(z.string()).meta({ description: 'Global Compact for Migration objectives (1–23)' }),
		sdg: z.array(z.string()).meta({ description: 'SDG targets' }),
		isSample: z.boolean(),
		sources: z.array(Source),
		children: z.array(TreeNodeSchema)
	})
).meta({ id: 'StrategyNode' });

export const StrategyDetail = StrategySummary.extend({ summary: z.string(), tree: z.array(TreeNodeSchema) }).meta({ id: 'StrategyDetail' });
export type StrategyDetail = z.output<typeof StrategyDetail>;

/** The tree's filters (page and API): regions, domains (node ids), statuses. */
const toList = (value: unknown) => {
	if (value === undefined || value === null || value === '') return undefined;
	const list = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean);
	return list.length ? list : undefined;
};
export const TreeFilters = z.object({
	region: z.preprocess(toList, z.array(z.enum(regionCodes)).max(20).optional()).meta({ description: 'keep actions in these regions (national actions included)' }),
	domain: z.preprocess(toList, z.array(z.uuid()).max(30).optional()).meta({ description: 'keep these domains (node ids)' }),
	status: z.preprocess(toList, z.array(NodeStatus).max(4).optional()).meta({ description: 'keep actions of these statuses' })
});
export type TreeFilters = z.output<typeof TreeFilters>;

// --- the annual monitoring report (issue #13, item 7) ---

export const TrafficLight = z
	.enum(['achieved', 'close', 'behind', 'no_data'])
	.describe('approved value over target: achieved ≥ 100 %, close ≥ 75 %, behind below; no_data without target or approved value');

/** The report asked for: a year of the strategy's period (by default the last complete one), and a region of the strategy's country or the whole country. */
export const AnnualReportQuery = z.object({
	year: z.preprocess(blankToUndefined, z.coerce.number().int().min(1990).max(2100).optional()).meta({ description: 'a year of the strategy’s period; by default the last complete year (or the current one)' }),
	region: z.preprocess(blankToUndefined, z.enum(regionCodes).optional()).meta({ description: 'a region of the strategy’s country (ISO 3166-2): the report of that region; none: the national report' })
});
export type AnnualReportQuery = z.output<typeof AnnualReportQuery>;

/** A total converted to MAD with the platform's exchange rates (kept by the Atlas), with the rates it used. */
const InMad = z.object({
	planned: z.number(),
	committed: z.number(),
	executed: z.number(),
	rate: z.number().nullable().describe('executed over planned, in percent'),
	rates: z.array(z.object({ currency: z.string(), year: z.int(), perEur: z.number().describe('units of the currency for one euro'), source: z.string().nullable(), checkedAt: z.string().nullable().describe('when the rate was checked against its source (ISO 8601); null: approximate, to be checked') })),
	notConverted: z.array(z.string()).describe('currencies without a rate: their amounts are left out of the total')
});

const Execution = z.object({
	currency: z.string().describe('ISO 4217; each currency is totalled apart (no conversion)'),
	planned: z.number(),
	committed: z.number(),
	executed: z.number(),
	rate: z.number().nullable().describe('executed over planned, in percent; null when nothing is planned')
});
const Shown = { language: z.string().describe('the language the text is in (the asked one, or the one it stands in)') };

export const AnnualReport = z
	.object({
		strategy: z.object({
			slug: z.string(),
			title: z.string(),
			titleLanguage: z.string(),
			country: z.string().describe('ISO 3166-1'),
			owner: z.string().nullable(),
			periodStart: z.number().int().nullable(),
			periodEnd: z.number().int().nullable(),
			status: StrategyStatus,
			published: z.boolean(),
			isSample: z.boolean()
		}),
		year: z.number().int(),
		years: z.array(z.number().int()).describe('the years a report can be asked for (the strategy’s period)'),
		region: z.object({ code: z.string().describe('ISO 3166-2'), name: z.string() }).nullable().describe('null: the national report'),
		generatedAt: z.string(),
		budget: z.object({
			totals: z.array(Execution).describe('the year’s real budget lines (samples left out), per currency; in a region’s report, the actions carried out there'),
			byDomain: z.array(Execution.extend({ domainId: z.uuid(), domain: z.string(), ...Shown })),
			byRegion: z.array(Execution.extend({ region: z.string().describe('ISO 3166-2, or `national` for the national actions') })).describe('national report only; an action in two regions counts whole in each'),
			national: z.array(Execution).describe('region’s report only: the national actions, apart (their regional share is not known)'),
			inMad: InMad.nullable().describe('`totals` converted to MAD at the year’s exchange rates of the Atlas (the platform’s); null when every line is in MAD already'),
			nationalInMad: InMad.nullable().describe('region’s report only: `national` converted to MAD the same way')
		}),
		indicators: z.array(
			z.object({
				id: z.uuid(),
				code: z.string(),
				definition: z.string(),
				definitionLanguage: z.string(),
				unit: z.string(),
				unitLanguage: z.string(),
				level: z.enum(INDICATOR_LEVELS),
				isSample: z.boolean(),
				baselineValue: z.number().nullable(),
				baselineYear: z.number().int().nullable(),
				target: z.number().nullable().describe('the year’s target (national)'),
				actual: z.number().nullable().describe('the approved national total, or the sum of the approved regional values; values not approved are never shown'),
				light: TrafficLight,
				ratio: z.number().nullable().describe('actual over target, in percent'),
				regionsReported: z.number().int().nullable().describe('national report, an indicator broken down by region: how many regions have an approved value'),
				regionValue: z.number().nullable().describe('region’s report: the region’s approved value')
			})
		),
		nationalOnlyIndicators: z.number().int().describe('region’s report: the indicators not broken down by region, left out'),
		completeness: z.object({
			indicators: z.number().int(),
			reported: z.number().int().describe('indicators with a value reported for the year (approved or waiting for approval)'),
			approved: z.number().int(),
			missing: z.array(z.object({ code: z.string(), definition: z.string(), ...Shown })).describe('indicators with no value reported yet'),
			reporters: z
				.object({
					total: z.number().int(),
					notReported: z.number().int(),
					people: z.array(z.object({ name: z.string(), values: z.number().int() })).nullable().describe('named for the strategy’s owners only')
				})
				.nullable()
				.describe('national report only')
		}),
		actions: z.object({
			total: z.number().int().describe('the actions running in the year (their period holds it), in the region (national ones included) for a region’s report'),
			withoutInitiatives: z.number().int(),
			byDomain: z.array(z.object({ domainId: z.uuid(), domain: z.string(), ...Shown, actions: z.number().int(), withoutInitiatives: z.number().int() })),
			gap: z.array(z.object({ id: z.uuid(), title: z.string(), ...Shown, domainId: z.uuid(), isSample: z.boolean() })).describe('the actions no accepted initiative carries')
		}),
		initiatives: z.array(
			z.object({
				link: z.string().describe('atlas.initiative:<slug>'),
				title: z.string(),
				...Shown,
				path: z.string().describe('its page, after /{lang}'),
				isSample: z.boolean(),
				actions: z.array(z.object({ id: z.uuid(), title: z.string(), ...Shown }))
			})
		),
		recommendations: z.array(
			z.object({
				id: z.uuid(),
				text: z.string(),
				...Shown,
				horizon: z.enum(recommendationHorizons),
				status: z.enum(recommendationStatuses),
				owner: z.string().nullable(),
				dueYear: z.number().int().nullable(),
				late: z.boolean(),
				isSample: z.boolean()
			})
		),
		hasSamples: z.boolean().describe('the report holds fictional samples (badged)')
	})
	.meta({ id: 'StrategyAnnualReport' });
export type AnnualReport = z.output<typeof AnnualReport>;

// --- the recommendations tracker and the regional concertation bodies (API) ---

export const RecommendationOut = z
	.object({
		id: z.uuid(),
		text: z.string(),
		textLanguage: z.string(),
		horizon: z.enum(recommendationHorizons),
		kind: z.enum(recommendationKinds).meta({ description: 'a recommendation, or a decision a concertation body took' }),
		status: z.enum(recommendationStatuses),
		owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
		dueYear: z.int().nullable(),
		dueOn: z.string().nullable().meta({ description: 'the due day (YYYY-MM-DD), when one was set; the due year is then its year' }),
		late: z.boolean(),
		url: z.string(),
		source: z.object({ link: z.string(), title: z.string(), url: z.string() }).nullable(),
		sourceCitation: z.string().nullable(),
		originalLanguage: z.string(),
		actions: z.array(z.object({ id: z.uuid(), title: z.string(), url: z.string() })),
		body: z.object({ slug: z.string(), name: z.string(), nameLanguage: z.string(), url: z.string() }).nullable().meta({ description: 'the concertation body it comes from' }),
		meeting: z.object({ startsAt: z.string(), title: z.string(), language: z.string() }).nullable().meta({ description: 'the body’s meeting it was taken at' }),
		isSample: z.boolean(),
		updatedAt: z.string()
	})
	.meta({ id: 'StrategyRecommendation' });

export const ConcertationFilters = z.object({
	country: z.preprocess((value) => (value === '' ? undefined : value), z.enum(STRATEGY_COUNTRIES).optional()).meta({ description: 'the bodies of one country (ISO 3166-1 alpha-2): Morocco or a RECOSA partner country' }),
	region: z.preprocess((value) => (value === '' ? undefined : value), z.enum(regionCodes).optional()).meta({ description: 'the bodies of one region (ISO 3166-2): one of Morocco’s regions, or of Côte d’Ivoire’s, Mali’s or Senegal’s' })
});

export const ConcertationBodySummary = z
	.object({
		slug: z.string(),
		name: z.string().meta({ description: 'in the asked language, or the one it stands in (nameLanguage)' }),
		nameLanguage: z.string(),
		names: z.record(z.string(), z.string()),
		country: z.enum(STRATEGY_COUNTRIES).meta({ description: 'the country it belongs to (ISO 3166-1 alpha-2)' }),
		countryName: z.string().meta({ description: 'in the asked language' }),
		region: z.string().meta({ description: 'a first-level division of its country (ISO 3166-2)' }),
		regionName: z.string().meta({ description: 'in the asked language, or in French where no Arabic name is known (regionLanguage)' }),
		regionLanguage: z.string(),
		status: z.enum(concertationStatuses),
		establishedOn: z.string().nullable(),
		strategy: z.object({ slug: z.string(), title: z.string() }).nullable().meta({ description: 'the published strategy or regional plan it follows' }),
		members: z.int().meta({ description: 'current member organisations' }),
		lastMeeting: z.string().nullable().meta({ description: 'when the last meeting held took place' }),
		openDecisions: z.int().meta({ description: 'decisions and recommendations neither done nor dropped' }),
		isSample: z.boolean(),
		sources: z.array(Source),
		url: z.string()
	})
	.meta({ id: 'StrategyConcertationBody' });

export const ConcertationBodyDetail = ConcertationBodySummary.extend({
	termsOfReference: z.string(),
	termsOfReferenceLanguage: z.string(),
	termsOfReferenceByLanguage: z.record(z.string(), z.string()),
	memberList: z.array(
		z.object({
			organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }),
			role: z.enum(concertationRoles),
			since: z.string().nullable(),
			until: z.string().nullable(),
			current: z.boolean()
		})
	),
	meetings: z.array(z.object({ title: z.string(), language: z.string(), startsAt: z.string(), agenda: z.string(), held: z.boolean() })).meta({ description: 'held and to come (the minutes stay in the members’ space)' }),
	decisions: z.array(RecommendationOut)
}).meta({ id: 'StrategyConcertationBodyDetail' });
