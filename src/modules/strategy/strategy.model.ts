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
