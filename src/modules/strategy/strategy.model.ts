// The Strategy module's words: kinds of node in a strategy's tree, statuses, tag schemes.

/** A strategy's tree, from the top: strategy → domain → programme → objective → action. */
export const NODE_KINDS = ['domain', 'programme', 'objective', 'action'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The kind a node of each kind sits under (null: directly under the strategy). */
export const PARENT_KIND: Record<NodeKind, NodeKind | null> = { domain: null, programme: 'domain', objective: 'programme', action: 'objective' };

export const STRATEGY_STATUSES = ['draft', 'active', 'closed'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

export const NODE_STATUSES = ['planned', 'ongoing', 'done', 'suspended'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const TAG_SCHEMES = ['gcm', 'sdg'] as const;
export type TagScheme = (typeof TAG_SCHEMES)[number];

/** The countries whose strategies the seeds name (ISO 3166-1 alpha-2). */
export const STRATEGY_COUNTRIES = ['MA', 'CI', 'ML', 'SN'] as const;
export type StrategyCountry = (typeof STRATEGY_COUNTRIES)[number];

/** An indicator measures what an action produced (output) or the change it contributed to (outcome). */
export const INDICATOR_LEVELS = ['output', 'outcome'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

/** The breakdowns an indicator's values may be given in; values are entered per period and region. */
export const DISAGGREGATIONS = ['sex', 'age', 'nationality', 'region'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];
/** The breakdowns a value may carry besides its region (each declared by the indicator), with their categories. */
export const SEX_CATEGORIES = ['female', 'male'] as const;
/** Age groups as the ministry's surveys count them: minors, young adults, working ages, seniors. */
export const AGE_GROUPS = ['0-17', '18-24', '25-34', '35-54', '55+'] as const;
export type BreakdownDimension = 'sex' | 'age' | 'nationality';
/** One part of a value: for a dimension (sex, age group, nationality as ISO 3166-1 alpha-2), a category and its count. */
export type ValuePart = { dimension: BreakdownDimension; category: string; value: number };

/** A reported value's way: submitted by a reporter, then approved or returned (with the reason) by the owner. */
export const VALUE_STATUSES = ['submitted', 'returned', 'approved'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];
export type ValueEventKind = 'submitted' | 'corrected' | 'returned' | 'approved';

/** An initiative proposed for an action: waiting for the planners, accepted (shown on the action's and the regions' pages), declined (with why). */
export const initiativeLinkStatuses = ['proposed', 'accepted', 'declined'] as const;
export type InitiativeLinkStatus = (typeof initiativeLinkStatuses)[number];

/** A recommendation's horizon, as the deliverables give it (short, medium or long term). */
export const recommendationHorizons = ['short', 'medium', 'long'] as const;
export type RecommendationHorizon = (typeof recommendationHorizons)[number];
/** A recommendation's state, followed to completion: not started, under way, done, or dropped (with why). */
export const recommendationStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];

/** What a tracked item is: a recommendation (of a study, a deliverable, a body) or a decision a concertation body took. */
export const recommendationKinds = ['recommendation', 'decision'] as const;
export type RecommendationKind = (typeof recommendationKinds)[number];

/** A regional concertation body's state: meeting, dormant (no meeting for a while), or closed. */
export const concertationStatuses = ['active', 'dormant', 'closed'] as const;
export type ConcertationStatus = (typeof concertationStatuses)[number];
/** A member organisation's place in a concertation body. */
export const concertationRoles = ['chair', 'secretariat', 'member', 'observer'] as const;
export type ConcertationRole = (typeof concertationRoles)[number];

/**
 * A programme version's way (issue #13, item 2): the planners submit a snapshot of the programme; the owner
 * approves it (it is then numbered v1, v2… and never changes) or returns it with the reason; the planners may
 * withdraw a submission the owner has not decided yet. The draft is the live programme, never stored.
 */
export const versionStates = ['submitted', 'approved', 'returned', 'withdrawn'] as const;
export type VersionState = (typeof versionStates)[number];
