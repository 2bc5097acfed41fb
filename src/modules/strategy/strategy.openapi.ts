import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { AnnualReport, AnnualReportQuery, ConcertationBodyDetail, ConcertationBodySummary, ConcertationFilters, RecommendationOut, StrategyDetail, StrategySummary, TrafficLight, TreeFilters } from './strategy.schemas.ts';
import { RecommendationFilters } from './recommendations.service.ts';
import { BudgetLineFilters, BudgetLinesOut } from './budget-lines.ts';
import { CompareQuery, DecideVersion, ProgrammeDiff, ProgrammeSnapshot, SubmitVersion, VersionState, VersionSummary } from './programme-versions.schemas.ts';

const versionParams = z.object({ slug: z.string().describe('the strategy’s slug'), ref: z.string().describe('the version: its number for an approved one (`2` or `v2`), else `s` and its submission’s order (`s3`)') });
const DraftState = z
	.object({
		actions: z.int(),
		lines: z.int(),
		changedSinceApproved: z.boolean().nullable().describe('the draft differs from the latest approved version (null: none approved yet)'),
		changedSinceSubmitted: z.boolean().nullable().describe('the draft differs from the submission waiting (null: none waiting)')
	})
	.nullable()
	.describe('the live programme (planners and owners only; null for anyone else)');
const Side = z.object({ ref: z.string(), label: z.string(), state: VersionState.nullable().describe('null for the draft'), at: z.string().nullable() });

export const IndicatorOut = z.object({
	id: z.string().uuid(),
	code: z.string(),
	actionId: z.string().uuid().describe('the node (domain, programme, objective or action) the indicator measures'),
	node: z.string(),
	definition: z.string().describe('in the asked language, or the one it is written in'),
	definitions: z.record(z.string(), z.string()).describe('the definition by language (fr, ar, en)'),
	unit: z.string(),
	units: z.record(z.string(), z.string()).describe('the unit by language'),
	level: z.enum(['output', 'outcome']),
	disaggregations: z.array(z.enum(['sex', 'age', 'nationality', 'region'])),
	baselineValue: z.number().nullable(),
	baselineYear: z.number().int().nullable(),
	isSample: z.boolean(),
	years: z.array(
		z.object({
			year: z.number().int(),
			target: z.number().nullable(),
			actual: z.number().nullable().describe('the approved national total, or the sum of the approved regional values'),
			light: TrafficLight,
			ratio: z.number().nullable().describe('actual over target, in percent'),
			regions: z.array(z.object({ region: z.string().describe('ISO 3166-2'), value: z.number() }))
		})
	)
});
export type IndicatorOut = z.output<typeof IndicatorOut>;

export const strategyEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'Published strategies',
		description: 'Every published strategy with its country (ISO 3166-1), period, status, number of actions and sources. `isSample` marks fictional samples.',
		responses: { 200: { description: 'The strategies.', schema: z.object({ items: z.array(StrategySummary) }) } }
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'A strategy and its tree',
		description:
			'The strategy with its tree: domains, programmes, objectives and actions (each with lead, partners, regions, GCM objectives, SDG targets, ' +
			'status, period and sources). The filters keep the actions of the regions (national actions included) and statuses given, and the domains given.',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		query: TreeFilters,
		responses: { 200: { description: 'The strategy and its (filtered) tree.', schema: StrategyDetail } },
		errors: [400, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}/indicators',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'A strategy’s results framework',
		description:
			'The indicators of a published strategy (code, definition in fr/ar/en, unit, output or outcome, disaggregations, baseline) with, per year, the target, ' +
			'the approved actual value and its traffic light, and the approved regional values. Values waiting for approval or returned to their reporter are not public. ' +
			'The same rows as CSV or XLSX: /{lang}/strategy/{slug}/results/export?format=csv|xlsx.',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		responses: { 200: { description: 'The indicators and their approved values.', schema: z.object({ items: z.array(IndicatorOut) }) } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}/budget-lines',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'A strategy’s budget lines',
		description:
			'The budget lines of a strategy’s actions as they stand now (the live programme; a programme version’s lines are in its snapshot): one per action, year and funding source, ' +
			'in its currency (ISO 4217), with the planned, committed and executed amounts and the note. Filters: one action, a year, a funding source, a currency; pages of up to 1,000 lines. ' +
			'`totals` sums the real lines the filters keep (samples, marked `isSample`, are left out) per currency, never converted. A published strategy for everyone; ' +
			'an unpublished one for its planners and owners (token), 404 for anyone else. The same lines as CSV: /{lang}/strategy/{slug}/export?format=csv&table=budget.',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		query: BudgetLineFilters,
		responses: { 200: { description: 'The lines and their totals per currency.', schema: BudgetLinesOut } },
		errors: [400, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}/initiatives',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'The initiatives on the ground that carry a strategy’s actions',
		description:
			'For each action of a published strategy that Atlas initiatives carry, the initiatives the strategy’s planners accepted (proposed by partners on the action’s page, or linked by the planners). ' +
			'Proposals waiting or declined are not public. Each initiative is named by its link (`atlas.initiative:<slug>`) and its title in the asked language (or the language it stands in).',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		responses: {
			200: {
				description: 'The actions and their initiatives.',
				schema: z.object({
					items: z.array(
						z
							.object({
								actionId: z.uuid(),
								action: z.string(),
								url: z.string(),
								initiatives: z.array(
									z.object({ link: z.string(), title: z.string(), titleLanguage: z.string(), url: z.string(), isSample: z.boolean(), acceptedAt: z.string().nullable() })
								)
							})
							.meta({ id: 'StrategyActionInitiatives' })
					)
				})
			}
		},
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}/annual-report',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'A strategy’s annual monitoring report, national or for one region',
		description:
			'What the ministry’s annual monitoring report holds for one year (by default the last complete one) and, with `region`, one region of the strategy’s country (ISO 3166-2: Morocco’s regions, or those of Côte d’Ivoire, Mali or Senegal for their plans): the strategy’s identity and period; ' +
			'the year’s budget planned, committed and executed with the execution rate (executed over planned), by domain and by region (a region’s report: its actions, and the national ones apart), each currency totalled apart, real budget lines only; ' +
			'the indicators with baseline, the year’s target, the approved actual value and the traffic light (values waiting for approval or returned are never shown); ' +
			'the completeness of the year’s reporting; the actions running in the year, the Atlas initiatives accepted for them and the actions no initiative carries (the gap); ' +
			'the recommendations these actions carry out, with their state. Public for a published strategy. The same report as a page: /{lang}/strategy/{slug}/annual-report, and as a PDF: /{lang}/strategy/{slug}/annual-report.pdf (same query).',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		query: AnnualReportQuery,
		responses: { 200: { description: 'The annual report.', schema: AnnualReport } },
		errors: [400, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/recommendations',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'The recommendations tracker',
		description:
			'Recommendations of studies and deliverables followed to completion: text in the asked language (or the one it stands in), horizon, state, owner, due year (late: past it and neither done nor dropped), ' +
			'the library document it comes from (`knowledge.document:<slug>`) or a citation, or the concertation body (and meeting) that took it with its kind (decision or recommendation) and due day, ' +
			'the strategy actions that carry it out; and the counts by horizon and state. `body=<slug>` keeps one body’s, `kind=decision` the decisions. ' +
			'The same as CSV or XLSX: /{lang}/strategy/recommendations/export?format=csv|xlsx.',
		query: RecommendationFilters,
		responses: {
			200: {
				description: 'The recommendations and the counts.',
				schema: z.object({
					items: z.array(RecommendationOut),
					counts: z.array(z.object({ horizon: z.string(), status: z.string(), n: z.int() }))
				})
			}
		},
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/concertation-bodies',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'Regional concertation bodies',
		description:
			'The regional concertation bodies (which follow the migration component of the regional development plans), in Morocco and in the RECOSA partner countries (Côte d’Ivoire, Mali, Senegal), ' +
			'by country (Morocco first) and region — each with its country and region (codes and names in the asked language) —, filtered by `country` and/or `region`: name in the asked language, state, ' +
			'the plan they follow, number of current member organisations, the last meeting held and the number of decisions and recommendations under follow-up. `isSample` marks fictional samples.',
		query: ConcertationFilters,
		responses: { 200: { description: 'The bodies.', schema: z.object({ items: z.array(ConcertationBodySummary) }) } },
		errors: [400]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/concertation-bodies/{slug}',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'A regional concertation body’s public summary',
		description:
			'A body with its country and region, its terms of reference (in the asked language and by language), member organisations with their role and period, meetings held and to come (day, title, agenda: ' +
			'the minutes and attendance stay in the members’ space), and its decisions and recommendations as the tracker follows them (owner, due day, state).',
		params: z.object({ slug: z.string().describe('the body’s slug') }),
		responses: { 200: { description: 'The body.', schema: ConcertationBodyDetail } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}/versions',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'A strategy’s programme versions',
		description:
			'The programme versions, newest first: a version is a snapshot of the programme (the tree with the actions’ periods, places, lead and partner bodies, and the actions’ budget lines) ' +
			'that the planners submitted and the strategy’s owner approved (numbered v1, v2…, never changed again) or returned with the reason; the planners may withdraw a submission. ' +
			'Everyone gets the approved versions of a published strategy (without the names of who submitted or decided); with a token of its planners or owners, every version, who and when, and where the draft stands.',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		responses: { 200: { description: 'The versions.', schema: z.object({ items: z.array(VersionSummary), draft: DraftState }) } },
		errors: [404]
	},
	{
		method: 'POST',
		path: '/api/v1/strategy/strategies/{slug}/versions',
		tags: ['Strategy'],
		auth: 'bearer',
		summary: 'Submit the programme’s draft for approval',
		description:
			'Stores a snapshot of the programme as it stands, with the caller, the time and the note, waiting for the owner’s decision. The programme stays editable; the owner decides on the snapshot. ' +
			'Refused (409, `details.reason`) while another submission waits (`version_pending`), for a programme without actions (`programme_empty`) and for one identical to the latest approved version (`version_unchanged`). ' +
			'The strategy’s planners and owners (grants limited to the strategy), administrators.',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		body: SubmitVersion,
		responses: { 201: { description: 'The submission.', schema: VersionSummary } },
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}/versions/compare',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'The differences between two programme versions',
		description:
			'Actions and other nodes added, removed or changed (titles, status, period, places, lead, partners, place in the tree), budget lines added, removed or changed by action, year and funding source ' +
			'(planned, committed and executed before, after and the difference), and the totals by year and currency before and after (each currency apart, never converted). ' +
			'`draft` (the live programme) and versions not approved are for the strategy’s planners and owners; a name that is not a version one may see is refused on its field (400, `details.reason` = `unknown_version`). ' +
			'The same as a page: /{lang}/strategy/{slug}/versions/compare?from=&to=.',
		params: z.object({ slug: z.string().describe('the strategy’s slug') }),
		query: CompareQuery,
		responses: { 200: { description: 'The differences.', schema: z.object({ from: Side, to: Side, identical: z.boolean(), diff: ProgrammeDiff }) } },
		errors: [400, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/strategy/strategies/{slug}/versions/{ref}',
		tags: ['Strategy'],
		auth: 'none',
		summary: 'A programme version and its snapshot',
		description: 'The version (state, when, and for its planners and owners who and the note) with the programme it holds. Everyone: approved versions of a published strategy; planners and owners: every one.',
		params: versionParams,
		responses: { 200: { description: 'The version.', schema: VersionSummary.extend({ snapshot: ProgrammeSnapshot }) } },
		errors: [404]
	},
	{
		method: 'POST',
		path: '/api/v1/strategy/strategies/{slug}/versions/{ref}/decision',
		tags: ['Strategy'],
		auth: 'bearer',
		summary: 'Approve or return the submission waiting',
		description:
			'`approve`: the version takes the next number (v1, v2…) and never changes again. `return`: it goes back to the planners with the reason (required: 400 on `reason` without it). ' +
			'A version already decided: 409 (`version_already_decided`). The strategy’s owner (grant `strategy:owner` limited to it), administrators.',
		params: versionParams,
		body: DecideVersion,
		responses: { 200: { description: 'The version decided.', schema: VersionSummary } },
		errors: [403, 404, 409]
	},
	{
		method: 'POST',
		path: '/api/v1/strategy/strategies/{slug}/versions/{ref}/withdrawal',
		tags: ['Strategy'],
		auth: 'bearer',
		summary: 'Withdraw the submission waiting',
		description: 'The planners take back the submission the owner has not decided yet (to submit the draft as it is now). A version already decided: 409. The strategy’s planners and owners, administrators.',
		params: versionParams,
		responses: { 200: { description: 'The version withdrawn.', schema: VersionSummary } },
		errors: [403, 404, 409]
	}
];
