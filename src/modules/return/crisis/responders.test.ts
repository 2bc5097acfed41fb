import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { getContentPage, reviseContentPage, contentPageFormValues } from '../../../platform/content/content-pages.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { closeCrisis, openCrisis } from './crisis.service.ts';
import { crisisChecklistTick } from './crisis.table.ts';
import { checklistProgress, crisisChecklist, markChecklistStep, responderGuide, responderGuidePages } from './responders.ts';
import { responderRoles } from './crisis.model.ts';

let app: TestApp;
let cell: Person;
let relay: Actor;
let slug = '';

const as = (who: Person | Actor | null, language: 'fr' | 'ar' | 'en' = 'fr') => contextFor(app.database.db, who, { language });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	cell = await aPerson(db, { role: 'moderator', name: 'Cellule Crise' });
	const [consulate] = await db.insert(organisation).values({ slug: 'consulat-exemple', name: 'Consulat (exemple)', type: 'public_agency' }).returning();
	relay = { ...(await aPerson(db, { role: 'member', name: 'Relais Consulat' })).actor, grants: [{ module: 'return', role: 'crisis_relay', organisationId: consulate.id, scope: null }] };
	slug = (await openCrisis(as(cell), { title_fr: 'Exercice', countries: ['SD'], startedOn: '2026-12-01', retentionDays: '30' })).slug;
});
afterAll(async () => app?.close());

describe('the responder’s guide', () => {
	it('has a part per responder with steps in the three languages, sourced, saying what the cell still has to complete', async () => {
		const pages = await responderGuidePages(as(relay, 'ar'));
		expect(pages.map((page) => page.role)).toEqual([...responderRoles]);
		for (const page of pages) {
			expect(page.language).toBe('ar');
			expect(page.steps.length).toBeGreaterThan(2);
			expect(page.sources.length).toBeGreaterThan(0);
			expect(page.body).toContain('يُستكمل من طرف الشبكة');
		}
		// the same step has the same key in every language
		const french = await responderGuidePages(as(relay, 'fr'));
		expect(french[1].steps.map((step) => step.key)).toEqual(pages[1].steps.map((step) => step.key));
		expect(await refusalOf(responderGuidePages(as(await aPerson(app.database.db, { role: 'member' }))))).toBe('forbidden');
		expect(await refusalOf(responderGuidePages(as(null)))).toBe('unauthenticated');
	});

	it('lets the cell and the relays tick steps in an open crisis, attributed and audited; a relay never the cell’s part', async () => {
		const { roles } = await crisisChecklist(as(relay), slug);
		const consulate = roles.find((role) => role.role === 'consulate')!;
		const cellPart = roles.find((role) => role.role === 'cell')!;
		expect(consulate.mayTick).toBe(true);
		expect(cellPart.mayTick).toBe(false);

		await markChecklistStep(as(relay), slug, { role: 'consulate', step: consulate.steps[0].key, done: 'yes' });
		// twice is once
		await markChecklistStep(as(relay), slug, { role: 'consulate', step: consulate.steps[0].key, done: 'yes' });
		expect(await refusalOf(markChecklistStep(as(relay), slug, { role: 'cell', step: cellPart.steps[0].key, done: 'yes' }))).toBe('forbidden');
		await markChecklistStep(as(cell), slug, { role: 'cell', step: cellPart.steps[0].key, done: 'yes' });
		// a step of another part, or no step at all, is refused and nothing is kept
		expect(await refusalWithReason(markChecklistStep(as(cell), slug, { role: 'cell', step: consulate.steps[1].key, done: 'yes' }))).toBe('invalid_input:step');
		expect(await refusalWithReason(markChecklistStep(as(cell), slug, { role: 'mayor', step: 'x', done: 'maybe' }))).toBe('invalid_input:role,step,done');

		const after = await crisisChecklist(as(cell), slug);
		const ticked = after.roles.find((role) => role.role === 'consulate')!.steps[0];
		expect(ticked.done).toMatchObject({ by: 'Relais Consulat' });
		expect((await checklistProgress(as(cell), slug)).map(({ role, done }) => [role, done])).toEqual([
			['cell', 1],
			['consulate', 1],
			['coordinator', 0],
			['association', 0]
		]);
		const audited = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'return_crisis.step_done'));
		expect(audited).toHaveLength(2);

		// not done after all: the tick goes, the audit keeps who had ticked it
		await markChecklistStep(as(relay), slug, { role: 'consulate', step: consulate.steps[0].key, done: 'no' });
		expect((await checklistProgress(as(cell), slug)).find((role) => role.role === 'consulate')!.done).toBe(0);
		const [undone] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'return_crisis.step_undone'));
		expect(undone.before).toMatchObject({ role: 'consulate', by: 'Relais Consulat' });
	});

	it('starts a rewritten step undone and keeps the others', async () => {
		const before = (await crisisChecklist(as(cell), slug)).roles.find((role) => role.role === 'cell')!;
		await markChecklistStep(as(cell), slug, { role: 'cell', step: before.steps[1].key, done: 'yes' });
		const current = await getContentPage(app.database.db, responderGuide, 'cell');
		const values = contentPageFormValues(current.version);
		const steps = [...current.version.steps.fr!];
		steps[1] = `${steps[1]} Deux fois par jour en début de crise.`;
		await reviseContentPage(as(cell), responderGuide, 'cell', {
			baseVersion: current.version.version,
			title: current.version.title,
			summary: current.version.summary,
			body: current.version.body,
			steps: { ...current.version.steps, fr: steps },
			sources: current.version.sources,
			reviewedOn: values.reviewedOn,
			comment: 'Fréquence de diffusion'
		});
		const after = (await crisisChecklist(as(cell), slug)).roles.find((role) => role.role === 'cell')!;
		expect(after.steps[0].done).not.toBeNull();
		expect(after.steps[1].done).toBeNull();
		// the tick of the old text is kept (the record of what was done), only no longer shown
		expect(await app.database.db.select().from(crisisChecklistTick).where(eq(crisisChecklistTick.role, 'cell'))).toHaveLength(2);
	});

	it('freezes the checklist once the crisis is closed', async () => {
		const { roles } = await crisisChecklist(as(cell), slug);
		await closeCrisis(as(cell), slug);
		const closed = await crisisChecklist(as(cell), slug);
		expect(closed.roles.every((role) => !role.mayTick)).toBe(true);
		expect(await refusalWithReason(markChecklistStep(as(cell), slug, { role: 'coordinator', step: roles[2].steps[0].key, done: 'yes' }))).toBe('conflict:crisis_closed');
		expect(await refusalOf(crisisChecklist(as(cell), 'no-such-crisis'))).toBe('not_found');
	});
});
