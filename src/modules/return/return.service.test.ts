import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalOf } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { getContentPage, reviseContentPage } from '../../platform/content/content-pages.service.ts';
import { guidePages, guidePagesToComplete, listGuide } from './guide.ts';
import { guideTopics } from './return.model.ts';
import { ensureReturnReferenceData } from './return.data.ts';
import { getPensionAgreement, listPensionAgreements, savePensionAgreement } from './pension.service.ts';
import { buildChecklist, deleteChecklist, getSavedChecklist, saveChecklist, tickChecklistStep } from './checklist.ts';
import { ChecklistAnswers } from './return.schemas.ts';
import { returnPersonalData } from './personal-data.ts';
import { returnChecklist } from './return.table.ts';

let app: TestApp;
let moderator: Person;
let member: Person;
let otherMember: Person;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	moderator = await aPerson(app.database.db, { role: 'moderator', name: 'Mona Moderator' });
	member = await aPerson(app.database.db, { role: 'member' });
	otherMember = await aPerson(app.database.db, { role: 'member' });
});

afterAll(async () => {
	await app?.close();
});

describe('the return guide (content pages, collection return.guide)', () => {
	it('has one sourced page per topic in three languages from the start, and a second run adds nothing', async () => {
		const db = app.database.db;
		await ensureReturnReferenceData(db);
		const pages = await listGuide(db, 'fr');
		expect(pages.map((page) => page.slug)).toEqual([...guideTopics]);
		for (const slug of guideTopics) {
			const { version } = await getContentPage(db, guidePages, slug);
			expect(version.version).toBe(1);
			expect(version.sources.length).toBeGreaterThan(0);
			expect(version.title.fr && version.title.ar && version.title.en).toBeTruthy();
			expect(version.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
	});

	it('filters by profile: a retiree sees pensions but not schooling; an investor sees investing', async () => {
		const retiree = (await listGuide(app.database.db, 'fr', 'retiree')).map((page) => page.topic);
		expect(retiree).toContain('pensions');
		expect(retiree).not.toContain('schooling');
		expect((await listGuide(app.database.db, 'ar', 'investor')).map((page) => page.topic)).toContain('investing');
	});

	it('says what is still to be completed, lists it for moderators, and drops a page once its text is completed', async () => {
		const db = app.database.db;
		const before = await guidePagesToComplete(db, 'fr');
		expect(before.map((page) => page.slug)).toContain('housing');
		const { version } = await getContentPage(db, guidePages, 'housing');
		const ctx = contextFor(db, moderator);
		await reviseContentPage(ctx, guidePages, 'housing', {
			baseVersion: version.version,
			title: version.title,
			summary: version.summary,
			body: { fr: 'Un texte vérifié.', ar: 'نص محقق.', en: 'A checked text.' },
			steps: {},
			sources: [{ name: 'Une source publique' }],
			reviewedOn: '2026-12-04',
			comment: 'Completed'
		});
		const after = await guidePagesToComplete(db, 'fr');
		expect(after.map((page) => page.slug)).not.toContain('housing');
		expect(after).toHaveLength(before.length - 1);
		const page = (await listGuide(db, 'fr')).find((row) => row.slug === 'housing')!;
		expect(page.authorLabel).toBe('Mona Moderator');
	});

	it('lets only editors publish a version', async () => {
		const { version } = await getContentPage(app.database.db, guidePages, 'taxation');
		const revision = { baseVersion: version.version, title: version.title, summary: version.summary, body: version.body, steps: {}, sources: version.sources, reviewedOn: '2026-12-04', comment: 'x' };
		expect(await refusalOf(reviseContentPage(contextFor(app.database.db, member), guidePages, 'taxation', revision))).toBe('forbidden');
	});
});

describe('pension portability by host country', () => {
	it('starts with the seeds’ four host countries, all to be completed (no invented facts)', async () => {
		const rows = await listPensionAgreements(app.database.db, 'fr');
		expect(rows.map((row) => row.countryCode).sort()).toEqual(['BE', 'CH', 'DE', 'FR']);
		expect(rows.every((row) => row.toBeCompleted && row.source === null)).toBe(true);
		expect(rows.find((row) => row.countryCode === 'BE')!.country).toBe('Belgique');
	});

	it('lets a moderator fill a country with a source, audited; without a source it stays to be completed', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, moderator);
		await savePensionAgreement(ctx, { countryCode: 'es', agreement_fr: 'Une piste à vérifier' });
		let row = (await listPensionAgreements(db, 'fr')).find((entry) => entry.countryCode === 'ES')!;
		expect(row.toBeCompleted).toBe(true);
		await savePensionAgreement(ctx, { countryCode: 'ES', agreement_fr: 'Accord bilatéral', transfers_en: 'Pensions', sourceName: 'Une source', sourceUrl: 'https://example.org/a' });
		row = (await listPensionAgreements(db, 'ar')).find((entry) => entry.countryCode === 'ES')!;
		expect(row.toBeCompleted).toBe(false);
		expect(row.agreement).toMatchObject({ text: 'Accord bilatéral', fallback: true });
		expect(row.source).toEqual({ name: 'Une source', url: 'https://example.org/a' });
		const saved = await getPensionAgreement(db, 'ES');
		const events = await db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, saved!.id), like(auditEvent.action, 'return_pension_agreement.%')));
		expect(events.map((event) => event.action).sort()).toEqual(['return_pension_agreement.create', 'return_pension_agreement.update']);
	});

	it('refuses members, and bad input with field paths, changing nothing', async () => {
		const db = app.database.db;
		expect(await refusalOf(savePensionAgreement(contextFor(db, member), { countryCode: 'IT' }))).toBe('forbidden');
		const ctx = contextFor(db, moderator);
		try {
			await savePensionAgreement(ctx, { countryCode: 'XX', sourceUrl: 'javascript:alert(1)' });
			expect.unreachable();
		} catch (failure) {
			expect(isAppError(failure) && failure.fields.map((field) => field.path).sort()).toEqual(['countryCode', 'sourceUrl']);
		}
		expect(await refusalOf(savePensionAgreement(ctx, { countryCode: 'IT', sourceUrl: 'https://example.org' }))).toBe('invalid_input');
		expect(await getPensionAgreement(db, 'IT')).toBeNull();
	});
});

describe('the personal return checklist', () => {
	const retireeInBelgium = ChecklistAnswers.parse({ profile: 'retiree', hostCountry: 'be', region: 'MA-04', retiring: 'on' });

	it('gives a retiree the pension steps in the right phases, and no schooling step without children', () => {
		const phases = buildChecklist(retireeInBelgium);
		expect(phases.map((phase) => phase.phase)).toEqual(['before', 'arrival', 'first_months']);
		const ids = phases.flatMap((phase) => phase.steps.map((step) => step.id));
		expect(ids).toContain('pension_agreement');
		expect(phases[2].steps.map((step) => step.id)).toContain('pension_claim');
		expect(ids).not.toContain('school_enrol');
		expect(ids).not.toContain('employment_search');
		const withChildren = buildChecklist({ ...retireeInBelgium, children: true }).flatMap((phase) => phase.steps.map((step) => step.id));
		expect(withChildren).toContain('school_enrol');
	});

	it('refuses answers without a profile or with an unknown country, naming the fields', () => {
		const result = ChecklistAnswers.safeParse({ hostCountry: 'ZZ' });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['hostCountry', 'profile']);
	});

	it('is saved and ticked by its owner only, keeps ticks of steps still there, and is exported and erased', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, member);
		await saveChecklist(ctx, { profile: 'retiree', hostCountry: 'BE', retiring: 'on' });
		await tickChecklistStep(ctx, 'pension_agreement', true);
		await tickChecklistStep(ctx, 'documents_gather', true);
		expect(await refusalOf(tickChecklistStep(ctx, 'school_enrol', true))).toBe('invalid_input');
		expect(await refusalOf(tickChecklistStep(contextFor(db, otherMember), 'documents_gather', true))).toBe('not_found');
		expect(await refusalOf(saveChecklist(contextFor(db, null), { profile: 'retiree' }))).toBe('unauthenticated');
		// now an investor: the pension step goes, the documents step stays ticked
		await saveChecklist(ctx, { profile: 'investor', hostCountry: 'BE' });
		expect((await getSavedChecklist(db, member.actor.userId))!.ticked).toEqual(['documents_gather']);
		const exported = await returnPersonalData.export(db, member.actor);
		expect(exported.returnChecklist).toMatchObject([{ answers: { profile: 'investor', hostCountry: 'BE' }, ticked: ['documents_gather'] }]);
		await db.transaction(async (tx) => {
			const erased = await returnPersonalData.erase(tx, member.actor.userId, new Date(), { files: app.files });
			expect(erased.removed).toEqual(['returnChecklist']);
		});
		expect(await db.select().from(returnChecklist).where(eq(returnChecklist.userId, member.actor.userId))).toEqual([]);
	});

	it('can be forgotten by its owner', async () => {
		const ctx = contextFor(app.database.db, otherMember);
		await saveChecklist(ctx, { profile: 'student' });
		await deleteChecklist(ctx);
		expect(await getSavedChecklist(app.database.db, otherMember.actor.userId)).toBeNull();
	});
});
