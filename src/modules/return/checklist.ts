// The personal return checklist: a few answers give the steps of three phases, each pointing to the
// guide page (or the pension table) that explains it. The steps are what to look into and whom to ask,
// never a legal rule: the rules live in the sourced guide pages.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { checklistPhases, type ChecklistPhase, type GuideTopic } from './return.model.ts';
import { ChecklistAnswers } from './return.schemas.ts';
import { returnChecklist } from './return.table.ts';

export interface ChecklistStep {
	/** stable id, for ticking */
	id: string;
	phase: ChecklistPhase;
	/** message key of the step's text (return.step_<id>) */
	textKey: string;
	/** the guide page explaining it */
	topic: GuideTopic;
	/** the pension table (with the host country) rather than only the guide page */
	pensionTable?: boolean;
}

type Rule = Omit<ChecklistStep, 'textKey'> & { when?: (answers: ChecklistAnswers) => boolean };

const retiring = (a: ChecklistAnswers) => a.retiring || a.profile === 'retiree';
const investing = (a: ChecklistAnswers) => a.investing || a.profile === 'investor';
const withChildren = (a: ChecklistAnswers) => a.children || a.profile === 'family';

const rules: Rule[] = [
	{ id: 'documents_gather', phase: 'before', topic: 'documents' },
	{ id: 'pension_agreement', phase: 'before', topic: 'pensions', pensionTable: true, when: retiring },
	{ id: 'school_records', phase: 'before', topic: 'schooling', when: withChildren },
	{ id: 'diplomas', phase: 'before', topic: 'schooling', when: (a) => a.profile === 'student' || withChildren(a) },
	{ id: 'customs_inventory', phase: 'before', topic: 'customs' },
	{ id: 'health_before', phase: 'before', topic: 'health' },
	{ id: 'project_plan', phase: 'before', topic: 'investing', when: investing },
	{ id: 'network_contact', phase: 'before', topic: 'documents', when: (a) => a.profile === 'vulnerable' },
	{ id: 'civil_status_update', phase: 'arrival', topic: 'documents' },
	{ id: 'customs_declare', phase: 'arrival', topic: 'customs' },
	{ id: 'housing_find', phase: 'arrival', topic: 'housing' },
	{ id: 'health_register', phase: 'arrival', topic: 'health' },
	{ id: 'school_enrol', phase: 'arrival', topic: 'schooling', when: withChildren },
	{ id: 'pension_claim', phase: 'first_months', topic: 'pensions', pensionTable: true, when: retiring },
	{ id: 'tax_situation', phase: 'first_months', topic: 'taxation' },
	{ id: 'investment_centre', phase: 'first_months', topic: 'investing', when: investing },
	{ id: 'employment_search', phase: 'first_months', topic: 'employment', when: (a) => !retiring(a) },
	{ id: 'network_follow', phase: 'first_months', topic: 'employment' }
];

/** The steps these answers call for, phase by phase (every phase present, maybe empty). */
export function buildChecklist(answers: ChecklistAnswers): { phase: ChecklistPhase; steps: ChecklistStep[] }[] {
	const steps = rules
		.filter((rule) => !rule.when || rule.when(answers))
		.map(({ when: _when, ...rule }) => ({ ...rule, textKey: `return.step_${rule.id}` }));
	return checklistPhases.map((phase) => ({ phase, steps: steps.filter((step) => step.phase === phase) }));
}

export const allStepIds = rules.map((rule) => rule.id);

/** The signed-in person's saved checklist, or null. */
export async function getSavedChecklist(db: DbOrTx, userId: string) {
	const [row] = await db.select().from(returnChecklist).where(eq(returnChecklist.userId, userId)).limit(1);
	if (!row) return null;
	const parsed = ChecklistAnswers.safeParse(row.answers);
	return parsed.success ? { answers: parsed.data, ticked: row.ticked, updatedAt: row.updatedAt } : null;
}

/** Saves the person's answers (a new set of answers keeps the ticks of steps that are still there). */
export async function saveChecklist(ctx: RequestContext, input: unknown) {
	const actor = ctx.require('return.checklist.keep');
	const answers = parseOrThrow(ChecklistAnswers, input);
	const kept = new Set(buildChecklist(answers).flatMap((phase) => phase.steps.map((step) => step.id)));
	return ctx.transaction(async ({ db, audit }) => {
		const previous = await getSavedChecklist(db, actor.userId);
		const ticked = (previous?.ticked ?? []).filter((id) => kept.has(id));
		await db
			.insert(returnChecklist)
			.values({ userId: actor.userId, answers, ticked, updatedAt: ctx.now() })
			.onConflictDoUpdate({ target: returnChecklist.userId, set: { answers, ticked, updatedAt: ctx.now() } });
		await recordAudit(db, audit, { action: 'return_checklist.save', resourceType: 'return_checklist', resourceId: actor.userId });
		return { answers, ticked };
	});
}

/** Ticks or unticks one step of the person's saved checklist. */
export async function tickChecklistStep(ctx: RequestContext, stepId: string, done: boolean) {
	const actor = ctx.require('return.checklist.keep');
	return ctx.transaction(async ({ db, audit }) => {
		const saved = await getSavedChecklist(db, actor.userId);
		if (!saved) throw new AppError('not_found');
		const present = buildChecklist(saved.answers).some((phase) => phase.steps.some((step) => step.id === stepId));
		if (!present) throw new AppError('invalid_input', { fields: [{ path: 'step', messageKey: 'field_choice' }] });
		const ticked = done ? [...new Set([...saved.ticked, stepId])] : saved.ticked.filter((id) => id !== stepId);
		await db.update(returnChecklist).set({ ticked, updatedAt: ctx.now() }).where(eq(returnChecklist.userId, actor.userId));
		await recordAudit(db, audit, { action: 'return_checklist.tick', resourceType: 'return_checklist', resourceId: actor.userId, after: { step: stepId, done } });
		return ticked;
	});
}

/** Forgets the person's checklist. */
export async function deleteChecklist(ctx: RequestContext) {
	const actor = ctx.require('return.checklist.keep');
	await ctx.transaction(async ({ db, audit }) => {
		const removed = await db.delete(returnChecklist).where(eq(returnChecklist.userId, actor.userId)).returning({ userId: returnChecklist.userId });
		if (removed.length) await recordAudit(db, audit, { action: 'return_checklist.delete', resourceType: 'return_checklist', resourceId: actor.userId });
	});
}
