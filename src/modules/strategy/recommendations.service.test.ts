import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason as refusal } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { backlinksTo } from '../../platform/kernel/links.ts';
import { createNode, createStrategy } from './strategy.service.ts';
import {
	createRecommendation,
	followUpRecommendation,
	lateRecommendations,
	listRecommendations,
	recommendationDetail,
	recommendationsOfAction,
	updateRecommendation
} from './recommendations.service.ts';
import { recommendation } from './strategy.table.ts';
import { strategyPersonalData } from './personal-data.ts';

let app: TestApp;
let tracker: Person;
let partner: Person;
let action: string;
let ownerId: string;
const STUDY = 'knowledge.document:tendances-recherche-marocaine-migrations';

const input = (over: Record<string, unknown> = {}) => ({
	text: { fr: 'Créer un observatoire régional des migrations dans l’Oriental.' },
	horizon: 'medium',
	source: STUDY,
	sourceCitation: 'p. 42',
	...over
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	tracker = await aPerson(db, { role: 'moderator', email: 'suivi@test.ma' });
	partner = await aPerson(db, { role: 'partner' });
	const admin = await aPerson(db, { role: 'administrator' });
	const ctx = contextFor(db, admin);
	await createStrategy(ctx, { slug: 'suivi', title: { fr: 'Stratégie suivie' }, country: 'MA', status: 'active', published: true });
	const domain = await createNode(ctx, 'suivi', { kind: 'domain', title: { fr: 'Recherche' } });
	const programme = await createNode(ctx, 'suivi', { kind: 'programme', parentId: domain.id, title: { fr: 'Observatoires' } });
	const objective = await createNode(ctx, 'suivi', { kind: 'objective', parentId: programme.id, title: { fr: 'Connaître' } });
	action = (await createNode(ctx, 'suivi', { kind: 'action', parentId: objective.id, title: { fr: 'Observatoire de l’Oriental' }, regions: ['MA-02'] })).id;
	[{ id: ownerId }] = await db.insert(organisation).values({ slug: 'observatoire-test', name: 'Observatoire test', type: 'university', country: 'MA' }).returning();
});
afterAll(async () => app?.close());

describe('the recommendations tracker', () => {
	it('holds the seeds’ recommendation of the research study, sourced to the library', async () => {
		const { items } = await listRecommendations(app.database.db, { source: 'tendances-recherche-marocaine-migrations' }, 'ar');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ horizon: 'long', status: 'open', textLanguage: 'ar', isSample: false });
		expect(items[0].source?.path).toBe('/knowledge/documents/tendances-recherche-marocaine-migrations');
		// the library's page counts the recommendations followed from it
		expect(await backlinksTo(app.database.db, STUDY)).toContainEqual(expect.objectContaining({ titleKey: 'strategy.recommendations_of_document', count: 1 }));
	});

	it('a tracker enters one with its owner, due year, source and action; bad input is refused and changes nothing', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, tracker);
		const before = await db.$count(recommendation);
		expect(await refusal(createRecommendation(contextFor(db, partner), input()))).toBe('forbidden:');
		expect(await refusal(createRecommendation(ctx, input({ text: {} })))).toBe('invalid_input:text.fr');
		expect(await refusal(createRecommendation(ctx, input({ horizon: 'soon' })))).toBe('invalid_input:horizon');
		expect(await refusal(createRecommendation(ctx, input({ source: undefined, sourceCitation: '' })))).toBe('invalid_input:sourceCitation');
		expect(await refusal(createRecommendation(ctx, input({ source: 'knowledge.document:absent' })))).toBe('invalid_input:source');
		expect(await refusal(createRecommendation(ctx, input({ source: 'atlas.initiative:sharaka' })))).toBe('invalid_input:source');
		expect(await refusal(createRecommendation(ctx, input({ actions: [crypto.randomUUID()] })))).toBe('invalid_input:actions');
		expect(await refusal(createRecommendation(ctx, input({ dueYear: '1850' })))).toBe('invalid_input:dueYear');
		expect(await db.$count(recommendation)).toBe(before);
		const row = await createRecommendation(ctx, input({ ownerOrganisationId: ownerId, dueYear: '2020', actions: [action] }));
		const detail = await recommendationDetail(db, row.id, 'fr', new Date('2026-06-01T00:00:00Z'));
		expect(detail.item).toMatchObject({ status: 'open', dueYear: 2020, late: true, owner: { name: 'Observatoire test' }, sourceCitation: 'p. 42' });
		expect(detail.item.actions.map((entry) => entry.path)).toEqual([`/strategy/suivi/actions/${action}`]);
		expect(detail.history.map((entry) => entry.status)).toEqual(['open']);
		expect((await recommendationsOfAction(db, action, 'fr')).map((entry) => entry.id)).toEqual([row.id]);
		expect(await lateRecommendations(db, new Date('2026-06-01T00:00:00Z'))).toBe(1);
		const [created] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'strategy_recommendation.create'));
		expect(created.actorUserId).toBe(tracker.actor.userId);
	});

	it('is followed to done: each step with its note; done needs how, the same state needs a note', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, tracker, { language: 'ar' });
		const [row] = await db.select().from(recommendation).where(eq(recommendation.sourceCitation, 'p. 42'));
		expect(await refusal(followUpRecommendation(ctx, row.id, { status: 'open' }))).toBe('conflict:recommendation_unchanged');
		expect(await refusal(followUpRecommendation(ctx, row.id, { status: 'done' }))).toBe('invalid_input:note');
		expect(await refusal(followUpRecommendation(contextFor(db, partner), row.id, { status: 'in_progress' }))).toBe('forbidden:');
		await followUpRecommendation(ctx, row.id, { status: 'in_progress', note: 'تم إطلاق دراسة الجدوى.' });
		await followUpRecommendation(ctx, row.id, { status: 'in_progress', note: 'اختيار المقر.' });
		await followUpRecommendation(ctx, row.id, { status: 'done', note: 'افتتح المرصد في 2026.' });
		const detail = await recommendationDetail(db, row.id, 'fr', new Date('2026-06-01T00:00:00Z'));
		expect(detail.item).toMatchObject({ status: 'done', late: false });
		expect(detail.history.map((entry) => [entry.status, entry.noteLanguage])).toEqual([
			['done', 'ar'],
			['in_progress', 'ar'],
			['in_progress', 'ar'],
			['open', null]
		]);
		expect((await listRecommendations(db, { status: 'done' }, 'fr')).items.map((item) => item.id)).toEqual([row.id]);
		expect((await db.select().from(auditEvent).where(eq(auditEvent.action, 'strategy_recommendation.follow_up'))).length).toBe(3);
	});

	it('is corrected without touching its state; the counts add up', async () => {
		const db = app.database.db;
		const [row] = await db.select().from(recommendation).where(eq(recommendation.sourceCitation, 'p. 42'));
		await updateRecommendation(contextFor(db, tracker), row.id, input({ text: { fr: 'Créer un observatoire régional des migrations.', ar: 'إحداث مرصد جهوي للهجرة.' }, horizon: 'short', actions: [] }));
		const detail = await recommendationDetail(db, row.id, 'ar');
		expect(detail.item).toMatchObject({ text: 'إحداث مرصد جهوي للهجرة.', horizon: 'short', status: 'done', actions: [] });
		const { items, counts } = await listRecommendations(db, {}, 'fr');
		expect(counts.reduce((sum, entry) => sum + entry.n, 0)).toBe(items.length);
		expect(counts).toContainEqual({ horizon: 'short', status: 'done', n: 1 });
	});

	it('exports what a tracker entered and followed, and forgets who on erasure', async () => {
		const db = app.database.db;
		const exported = (await strategyPersonalData.export(db, tracker.actor)) as { strategyRecommendationsEntered: unknown[]; strategyRecommendationFollowUps: unknown[] };
		expect(exported.strategyRecommendationsEntered).toHaveLength(1);
		// the entry that opened it, and its three steps
		expect(exported.strategyRecommendationFollowUps).toHaveLength(4);
		await db.transaction((tx) => strategyPersonalData.erase(tx, tracker.actor.userId, new Date(), { files: null as never }));
		const after = (await strategyPersonalData.export(db, tracker.actor)) as { strategyRecommendationsEntered: unknown[] };
		expect(after.strategyRecommendationsEntered).toEqual([]);
		expect((await listRecommendations(db, { status: 'done' }, 'fr')).items).toHaveLength(1);
	});
});
