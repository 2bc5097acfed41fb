// The responder's guide (issue 12, item 8): one versioned content page per responder of the emergency
// return plan, its steps a checklist. The cell keeps the guide; in each crisis the cell and its relays
// mark the steps done, attributed and audited, and the cell sees how far each responder has got.
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ContentCollection } from '../../../platform/content/content-pages.service.ts';
import { ensureContentPages, listContentPages, contentPageDetail } from '../../../platform/content/content-pages.service.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { userName } from '../../../platform/accounts/user-name.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { mayReach } from '../../../platform/policy/policy.ts';
import { responderRoles, type ResponderRole } from './crisis.model.ts';
import { ChecklistStepForm } from './crisis.schemas.ts';
import { crisisChecklistTick } from './crisis.table.ts';
import { crisisBySlug } from './crisis.service.ts';
import { initialResponderPages } from './responders-content.ts';

export const responderGuide: ContentCollection<ResponderRole> = {
	key: 'return.responders',
	topics: responderRoles,
	editAction: 'return.crisis.manage',
	auditResource: 'return_responder_guide',
	// one page holds every responder's part (the editor comes back to it, `?saved=1`)
	path: (language) => `/${language}/return/crisis/responders`
};

export const ensureResponderGuide = (db: Db) => ensureContentPages(db, responderGuide, initialResponderPages);

/** A step is known by its French text (the reference every language translates), so a rewritten step starts undone. */
export const stepKey = (text: string) => crypto.createHash('sha256').update(text.trim()).digest('hex').slice(0, 16);

/** Who may mark a role's steps: the cell every role's, a relay the relays' (not the cell's). */
function mayTick(ctx: RequestContext, role: ResponderRole): boolean {
	if (ctx.can('return.crisis.manage')) return true;
	return role !== 'cell' && !!ctx.actor && mayReach(ctx.actor, 'return.crisis.relay');
}

/** The guide's pages in the reader's language, each step with its key (for reading before any crisis). */
export async function responderGuidePages(ctx: RequestContext) {
	if (!ctx.actor || !mayReach(ctx.actor, 'return.crisis.relay')) throw new AppError(ctx.actor ? 'forbidden' : 'unauthenticated');
	const rows = await listContentPages(ctx.db, responderGuide);
	return rows.map(({ page, version }) => {
		const detail = contentPageDetail(responderGuide, page, version, version.version, ctx.language);
		const reference = version.steps.fr ?? version.steps.en ?? version.steps.ar ?? [];
		return {
			...detail,
			role: page.topic as ResponderRole,
			steps: detail.steps.map((text, index) => ({ key: stepKey(reference[index] ?? text), text }))
		};
	});
}

/** A crisis's checklist: each responder's steps with who marked them done and when, and the counts. */
export async function crisisChecklist(ctx: RequestContext, slug: string) {
	const pages = await responderGuidePages(ctx);
	const row = await crisisBySlug(ctx.db, slug);
	if (!row) throw new AppError('not_found');
	const ticks = await ctx.db.select().from(crisisChecklistTick).where(eq(crisisChecklistTick.crisisId, row.id));
	const done = new Map(ticks.map((tick) => [`${tick.role}:${tick.stepKey}`, tick]));
	return {
		crisis: row,
		canEdit: ctx.can('return.crisis.manage'),
		roles: pages.map((page) => {
			const steps = page.steps.map((step) => {
				const tick = done.get(`${page.role}:${step.key}`);
				return { ...step, done: tick ? { by: tick.tickedByLabel, at: tick.tickedAt.toISOString() } : null };
			});
			return { ...page, steps, doneCount: steps.filter((step) => step.done).length, mayTick: row.status === 'open' && mayTick(ctx, page.role) };
		})
	};
}

/** How far each responder has got in a crisis (the dashboard's summary). */
export async function checklistProgress(ctx: RequestContext, slug: string) {
	const { roles } = await crisisChecklist(ctx, slug);
	return roles.map((role) => ({ role: role.role, title: role.title, language: role.language, done: role.doneCount, total: role.steps.length }));
}

/** A responder marks a step done (or not done after all); only in an open crisis, only a step of the current guide. */
export async function markChecklistStep(ctx: RequestContext, slug: string, raw: unknown) {
	const input = parseOrThrow(ChecklistStepForm, raw);
	if (!ctx.actor || !mayReach(ctx.actor, 'return.crisis.relay')) throw new AppError(ctx.actor ? 'forbidden' : 'unauthenticated');
	if (!mayTick(ctx, input.role)) throw new AppError('forbidden');
	const pages = await responderGuidePages(ctx);
	const step = pages.find((page) => page.role === input.role)?.steps.find((candidate) => candidate.key === input.step);
	if (!step) throw new AppError('invalid_input', { fields: [{ path: 'step', messageKey: 'field_choice' }] });
	return ctx.transaction(async ({ db, audit }) => {
		const row = await crisisBySlug(db, slug);
		if (!row) throw new AppError('not_found');
		if (row.status !== 'open') throw new AppError('conflict', { extra: { reason: 'crisis_closed' } });
		const where = and(eq(crisisChecklistTick.crisisId, row.id), eq(crisisChecklistTick.role, input.role), eq(crisisChecklistTick.stepKey, input.step));
		if (input.done === 'yes') {
			// the name the other responders know, kept if the account goes
			const tickedByLabel = await userName(db, ctx.actor!.userId);
			const inserted = await db
				.insert(crisisChecklistTick)
				.values({ crisisId: row.id, role: input.role, stepKey: input.step, step: step.text, tickedBy: ctx.actor!.userId, tickedByLabel, tickedAt: ctx.now() })
				.onConflictDoNothing()
				.returning({ key: crisisChecklistTick.stepKey });
			if (inserted.length) await recordAudit(db, audit, { action: 'return_crisis.step_done', resourceType: 'return_crisis', resourceId: row.id, after: { role: input.role, step: step.text } });
		} else {
			const removed = await db.delete(crisisChecklistTick).where(where).returning();
			if (removed.length) await recordAudit(db, audit, { action: 'return_crisis.step_undone', resourceType: 'return_crisis', resourceId: row.id, before: { role: input.role, step: removed[0].step, by: removed[0].tickedByLabel, at: removed[0].tickedAt.toISOString() } });
		}
	});
}
