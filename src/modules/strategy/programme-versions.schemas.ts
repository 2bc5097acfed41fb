// Programme versions (issue #13, item 2): the snapshot a version keeps, what the API and the pages read of a
// version, and the differences between two versions (or a version and the current draft).
import { z } from 'zod';
import { NodeKind, NodeStatus } from './strategy.schemas.ts';
import { versionStates } from './strategy.model.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A text by language (fr, ar, en), as the planners wrote it. */
const Titles = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() }).meta({ id: 'StrategyTitles', description: 'a text by language (fr, ar, en)' });
const Organisation = z.object({ id: z.uuid(), name: z.string().describe('its name when the snapshot was taken') });

/** A node of the tree as the snapshot keeps it. */
export const SnapshotNode = z.object({
	id: z.uuid(),
	parentId: z.uuid().nullable(),
	kind: NodeKind,
	title: Titles,
	status: NodeStatus,
	periodStart: z.int().nullable(),
	periodEnd: z.int().nullable(),
	national: z.boolean(),
	regions: z.array(z.string()).describe('ISO 3166-2 codes of Morocco’s regions'),
	lead: Organisation.nullable(),
	partners: z.array(Organisation),
	// kept since versions also compare them; versions submitted before have none (read as empty)
	description: Titles.default({}),
	tags: z.array(z.string()).default([]).describe('Global Compact objectives and SDG targets, as `gcm:N` and `sdg:X.Y`'),
	sources: z
		.array(z.object({ citation: z.string(), url: z.string().optional() }))
		.optional()
		.describe('the sources of the node’s facts; absent from versions submitted before versions kept them (not known, not none)'),
	isSample: z.boolean()
});
export type SnapshotNode = z.output<typeof SnapshotNode>;

/** An action's budget line as the snapshot keeps it. */
export const SnapshotLine = z.object({
	actionId: z.uuid(),
	year: z.int(),
	fundingSource: z.string(),
	currency: z.string().describe('ISO 4217'),
	planned: z.number(),
	committed: z.number(),
	executed: z.number(),
	note: z.string().nullable(),
	isSample: z.boolean()
});
export type SnapshotLine = z.output<typeof SnapshotLine>;

/** The programme at a point in time: the tree in the planners' order (depth first) and the actions' budget lines. */
export const ProgrammeSnapshot = z
	.object({
		format: z.literal(1),
		strategy: z.object({ slug: z.string(), title: Titles, periodStart: z.int().nullable(), periodEnd: z.int().nullable() }),
		nodes: z.array(SnapshotNode).describe('domains, programmes, objectives and actions, each after its parent'),
		lines: z.array(SnapshotLine).describe('by action, year and funding source')
	})
	.meta({ id: 'StrategyProgrammeSnapshot' });
export type ProgrammeSnapshot = z.output<typeof ProgrammeSnapshot>;

export const VersionState = z.enum(versionStates).meta({ id: 'StrategyVersionState', description: 'submitted (waiting for the owner), approved (numbered, never changes), returned (with the reason), withdrawn (by the planners)' });

const Totals = z.object({ currency: z.string(), planned: z.number(), committed: z.number(), executed: z.number() });

/** A version as the lists show it (without its snapshot). */
export const VersionSummary = z
	.object({
		ref: z.string().describe('how to name it in addresses: its number for an approved version ("2" is v2), else `s` and its submission’s order ("s3")'),
		label: z.string().describe('its name in the asked language: "v2", or "submission 3"'),
		seq: z.int().describe('the order of its submission in the strategy'),
		number: z.int().nullable().describe('the approved version’s number (v1, v2…); null until approved'),
		state: VersionState,
		note: z.string().nullable(),
		noteLanguage: z.string().nullable(),
		submittedBy: z.string().nullable().describe('who submitted it (null for a visitor, or when the person’s account is gone)'),
		submittedAt: z.string(),
		decidedBy: z.string().nullable().describe('who approved, returned or withdrew it'),
		decidedAt: z.string().nullable(),
		reason: z.string().nullable().describe('why the owner returned it'),
		reasonLanguage: z.string().nullable(),
		actions: z.int(),
		lines: z.int(),
		totals: z.array(Totals).describe('planned, committed and executed per currency (each totalled apart)'),
		isSample: z.boolean()
	})
	.meta({ id: 'StrategyVersion' });
export type VersionSummary = z.output<typeof VersionSummary>;

/** A version, or the current draft, in a comparison: `ref` "draft" is the live programme. */
const Side = z.object({ ref: z.string(), label: z.string(), state: VersionState.nullable().describe('null for the draft'), at: z.string().nullable().describe('when submitted (null for the draft)') });

/** What one can name in a comparison: a version's ref, `v2`, or `draft` (the live programme, for its planners and owners). */
export const VersionRef = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^(v?\d{1,6}|s\d{1,6}|draft)$/);
export const CompareQuery = z.object({
	from: z.preprocess(blankToUndefined, VersionRef.optional()).meta({ description: 'a version (`2`, `v2`, `s3`) or `draft`; by default the approved version before `to`' }),
	to: z.preprocess(blankToUndefined, VersionRef.optional()).meta({ description: 'a version or `draft`; by default the draft (planners and owners) or the latest approved version (everyone else)' })
});

/** A node named in the differences: its titles and the titles of the nodes above it (domain first). */
const NodeRef = z.object({ id: z.uuid(), kind: NodeKind, title: Titles, path: z.array(Titles).describe('the titles of the nodes above it, the domain first'), isSample: z.boolean() });
export type NodeRef = z.output<typeof NodeRef>;

export const changedFields = ['title_fr', 'title_ar', 'title_en', 'description_fr', 'description_ar', 'description_en', 'tags', 'status', 'periodStart', 'periodEnd', 'places', 'lead', 'partners', 'sources', 'parent'] as const;
export type ChangedField = (typeof changedFields)[number];
const FieldValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
const FieldChange = z.object({
	field: z.enum(changedFields).describe('places: ISO 3166-2 codes or ["national"]; tags: `gcm:N` and `sdg:X.Y`; lead and partners: organisations’ names; sources: each source as its citation, then its address in parentheses when it has one; parent: the parent’s id (see pathBefore)'),
	before: FieldValue,
	after: FieldValue
});
export type FieldChange = z.output<typeof FieldChange>;

const NodeChanges = z.object({
	added: z.array(NodeRef),
	removed: z.array(NodeRef),
	changed: z.array(NodeRef.extend({ pathBefore: z.array(Titles).nullable().describe('where it was, when it moved'), changes: z.array(FieldChange) }))
});

const Amount = z.object({ before: z.number().nullable(), after: z.number().nullable(), difference: z.number().describe('after − before (a missing side counts 0)') });
export type Amount = z.output<typeof Amount>;

const LineChange = z.object({
	year: z.int(),
	fundingSource: z.string(),
	change: z.enum(['added', 'removed', 'changed']),
	currencyBefore: z.string().nullable(),
	currency: z.string().describe('the line’s currency (after, or before for a removed line)'),
	planned: Amount,
	committed: Amount,
	executed: Amount,
	noteBefore: z.string().nullable(),
	note: z.string().nullable()
});
export type LineChange = z.output<typeof LineChange>;

const TotalsChange = z.object({ currency: z.string(), planned: Amount, committed: Amount, executed: Amount });

export const ProgrammeDiff = z
	.object({
		summary: z.object({
			actionsAdded: z.int(),
			actionsRemoved: z.int(),
			actionsChanged: z.int(),
			linesAdded: z.int(),
			linesRemoved: z.int(),
			linesChanged: z.int(),
			structureChanged: z.int().describe('domains, programmes and objectives added, removed or changed')
		}),
		actions: NodeChanges,
		structure: NodeChanges.describe('the domains, programmes and objectives'),
		lines: z.array(z.object({ action: NodeRef, lines: z.array(LineChange) })).describe('the budget lines added, removed or changed, by action'),
		totals: z.array(TotalsChange.extend({ year: z.int() })).describe('planned, committed and executed by year and currency, before and after (every line counted, samples too)'),
		totalsByCurrency: z.array(TotalsChange).describe('the same over all years'),
		sourcesCompared: z.boolean().describe('false when one of the two was submitted before versions kept the nodes’ sources: their changes are then not known, and not listed')
	})
	.meta({ id: 'StrategyProgrammeDiff' });
export type ProgrammeDiff = z.output<typeof ProgrammeDiff>;

export const VersionComparison = z.object({ from: Side, to: Side, identical: z.boolean(), diff: ProgrammeDiff }).meta({ id: 'StrategyVersionComparison' });
export type VersionComparison = z.output<typeof VersionComparison>;

/** What the planners send when they submit the draft. */
export const SubmitVersion = z.object({ note: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()) });
/** The owner's decision: approve, or return with the reason. */
export const DecideVersion = z.object({
	decision: z.enum(['approve', 'return']),
	reason: z.preprocess(blankToUndefined, z.string().trim().max(2000).optional()).describe('required to return it')
});
