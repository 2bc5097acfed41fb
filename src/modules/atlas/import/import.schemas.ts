import { z } from 'zod';
import { importKinds, importStatuses, outcomes, problemSeverities } from './import.table.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const ApplyBody = z
	.object({
		identifiers: z
			.array(z.string().trim().min(1).max(300))
			.max(20_000)
			.optional()
			.describe('IATI identifiers of the activities to take (the others are left out)'),
		positions: z.array(z.int().min(1)).max(20_000).optional().describe('Or their positions in the file (tables: row numbers)'),
		organisationMatches: z
			.array(z.object({ key: z.string().min(1).max(400), decision: z.enum(['confirmed', 'rejected']) }))
			.max(5000)
			.optional()
			.describe('Moderators: decisions on the name-only organisation matches (`organisationMatches[].key` of GET /api/v1/imports/{id}), taken before applying')
	})
	.meta({
		id: 'AtlasImportApply',
		description: 'Which activities to apply. Without either list, the current choice is applied (at first: the readable activities that concern Morocco).'
	});

export const activityFilters = ['all', 'chosen', 'problems', 'not_morocco', 'known', 'results'] as const;

export const ImportQuery = z
	.object({
		page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
		pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(5000).default(1000)),
		filter: z.preprocess(blankToUndefined, z.enum(activityFilters).default('all')).meta({
			description: 'all (critical problems first), chosen, problems (critical or errors), not_morocco, known, results (applied, in file order)'
		})
	})
	.meta({ id: 'AtlasImportQuery' });

const Problem = z
	.object({
		severity: z.enum(problemSeverities).describe('critical: the activity is skipped; error: imported without that field; warning'),
		code: z.string().describe('stable code, e.g. `no_title`, `dates_reversed`, `not_morocco`'),
		message: z.string().describe('in the request’s language')
	})
	.meta({ id: 'AtlasImportProblem' });

export const ImportActivity = z
	.object({
		position: z.int().describe('1-based order in the file (tables: the row number)'),
		iatiIdentifier: z.string().nullable(),
		title: z.string().describe('in the request’s language when the file gives it'),
		titles: z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() }),
		state: z.enum(['new', 'known']).describe('known: an initiative of the Atlas has the same IATI identifier (its change is proposed or published)'),
		concernsMorocco: z.boolean().describe('false when no recipient country is MA, on the activity or its transactions'),
		readable: z.boolean().describe('false when a critical problem skips it'),
		chosen: z.boolean(),
		whyChosen: z.string().describe('why it was chosen at first, or not (the first-choice rule), in the request’s language'),
		problems: z.array(Problem),
		preview: z
			.object({
				start: z.string().nullable(),
				end: z.string().nullable(),
				budget: z.object({ total: z.number(), currency: z.string() }).nullable(),
				countries: z.array(z.string()),
				regions: z.array(z.string()),
				sectors: z.array(z.object({ vocabulary: z.string(), code: z.string() })),
				themes: z.array(z.string()),
				organisations: z.array(z.object({ name: z.string(), role: z.string() }))
			})
			.nullable(),
		known: z.object({ id: z.uuid(), slug: z.string() }).nullable(),
		pendingProposalId: z.uuid().nullable().describe('a proposal for the same identifier already waits for review'),
		duplicates: z
			.array(z.object({ id: z.uuid(), slug: z.string(), title: z.string(), reasons: z.array(z.string()) }))
			.nullable()
			.describe('likely duplicates among published initiatives (null: not looked for yet)'),
		outcome: z.enum(outcomes).nullable(),
		initiative: z.object({ id: z.uuid(), slug: z.string() }).nullable(),
		proposalId: z.uuid().nullable(),
		error: z.string().nullable()
	})
	.meta({ id: 'AtlasImportActivity' });

export const ImportSummary = z
	.object({
		id: z.uuid(),
		kind: z.enum(importKinds),
		status: z.enum(importStatuses),
		interrupted: z.boolean().describe('applying stopped by a restart: apply again to continue'),
		fileName: z.string(),
		fileSize: z.int(),
		iatiVersion: z.string().nullable().describe('null for aggregator downloads'),
		publisher: z.string().nullable(),
		createdAt: z.iso.datetime(),
		startedAt: z.iso.datetime().nullable(),
		finishedAt: z.iso.datetime().nullable(),
		progress: z.object({ toProcess: z.int(), processed: z.int(), percent: z.int() }),
		counts: z.object({
			activities: z.int(),
			readable: z.int(),
			critical: z.int(),
			chosen: z.int(),
			known: z.int(),
			notMorocco: z.int(),
			created: z.int(),
			updated: z.int(),
			proposed: z.int(),
			unchanged: z.int(),
			failed: z.int()
		})
	})
	.meta({ id: 'AtlasImport' });

export const ImportCreated = ImportSummary.extend({ activities: z.array(ImportActivity) }).meta({ id: 'AtlasImportPreview' });

export const OrganisationMatch = z
	.object({
		key: z.string().describe('the file organisation: its IATI identifier and its folded name'),
		ref: z.string().nullable().describe('the file’s IATI organisation identifier'),
		name: z.string().describe('the name as the file writes it'),
		via: z.enum(['name', 'acronym']).describe('matched by its name (the file’s identifier is unknown to the Atlas) or by its acronym alone'),
		organisation: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), acronym: z.string().nullable() }).describe('the Atlas organisation proposed'),
		decision: z.enum(['pending', 'confirmed', 'rejected']),
		decidedAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'AtlasImportOrganisationMatch' });

export const FieldConflict = z
	.object({
		position: z.int().describe('the activity’s position in the file'),
		field: z.string().describe('`title.fr` (a text in one language), `status`, `dates`, `countries`, `budget`, `organisations`, `themes`…'),
		initiative: z.object({ id: z.uuid(), slug: z.string(), title: z.record(z.string(), z.string().optional()) }),
		lastImport: z.unknown().describe('the value the last import of the initiative left'),
		atlas: z.unknown().describe('the Atlas’s value when this import ran (changed on the platform since the last import; kept until decided)'),
		file: z.unknown().describe('the file’s value (changed too)'),
		decision: z.enum(['pending', 'atlas', 'file']),
		decidedAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'AtlasImportFieldConflict' });

export const FieldConflictDecisions = z
	.object({
		decisions: z
			.array(z.object({ position: z.int().min(1), field: z.string().min(1).max(100), decision: z.enum(['atlas', 'file']) }))
			.min(1)
			.max(5000)
			.describe('`atlas` keeps the Atlas’s value; `file` writes a new version with the file’s')
	})
	.meta({ id: 'AtlasImportFieldConflictDecisions' });

export const FieldConflictsDecided = z
	.object({
		changed: z.int().describe('decisions that changed something (the same decision again changes nothing)'),
		fieldConflicts: z.array(FieldConflict)
	})
	.meta({ id: 'AtlasImportFieldConflictsDecided' });

export const ImportDetail = ImportSummary.extend({
	organisationMatches: z
		.array(OrganisationMatch)
		.describe('organisations matched by name only, waiting for (or with) a moderator’s decision; a moderator’s import is applied once none is pending'),
	fieldConflicts: z
		.array(FieldConflict)
		.describe('fields of known initiatives that someone changed on the platform since their last import and that the file changes too, undecided first'),
	total: z.int().describe('activities matching the filter'),
	page: z.int(),
	pageSize: z.int(),
	activities: z.array(ImportActivity)
}).meta({ id: 'AtlasImportDetail' });
