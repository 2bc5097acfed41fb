import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { initiative, initiativeVersion } from '../atlas.table.ts';
import { updateInitiative } from '../initiative.service.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';
import { applyEnvOf, applyImport, createIatiImport, getImport } from './import.service.ts';
import { currentData } from './apply.ts';
import { countUndecidedFieldConflicts, decideFieldConflicts, fieldConflictsOf } from './field-conflicts.ts';

// Issue #17 rule 14: a re-import respects what a moderator changed since the last import.
let app: TestApp;
let moderator: Actor;
let partner: Actor;
const IDENTIFIER = 'XM-TEST-PROVENANCE-1';

function activityFile(facts: { title: string; status: number; budget: number; summary?: string }) {
	return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity xml:lang="fr" default-currency="EUR">
    <iati-identifier>${IDENTIFIER}</iati-identifier>
    <reporting-org ref="XM-TEST" type="10"><narrative>Agence de test</narrative></reporting-org>
    <title><narrative>${facts.title}</narrative></title>
    <description type="1"><narrative>${facts.summary ?? 'Accompagnement des migrants de retour dans leur réintégration.'}</narrative></description>
    <activity-status code="${facts.status}"/>
    <activity-date type="2" iso-date="2022-01-01"/>
    <activity-date type="3" iso-date="2025-12-31"/>
    <recipient-country code="MA" percentage="100"/>
    <sector vocabulary="1" code="15190"/>
    <budget type="1" status="2"><period-start iso-date="2022-01-01"/><period-end iso-date="2025-12-31"/><value currency="EUR" value-date="2022-01-01">${facts.budget}</value></budget>
  </iati-activity>
</iati-activities>`;
}

async function* textStream(text: string) {
	yield new TextEncoder().encode(text);
}

/** Uploads the file as `actor`, applies every activity, waits for the run; answers the import's id. */
async function importAndApply(actor: Actor, xml: string, fileName = 'provenance.xml') {
	const ctx = contextFor(app.database.db, actor);
	const id = await createIatiImport(ctx, { fileName, body: textStream(xml) });
	await applyImport(ctx, applyEnvOf(app), id, { all: 'all' });
	await app.settle();
	return id;
}

const initiativeNow = async () => {
	const [row] = await app.database.db.select({ id: initiative.id, version: initiative.version }).from(initiative).where(eq(initiative.iatiIdentifier, IDENTIFIER));
	const current = await currentData(app.database.db, row.id);
	return { id: row.id, version: row.version, data: current!.data };
};

/** A moderator corrects fields on the platform (a new version, as the edit page does). */
async function correct(change: (data: InitiativeInput) => InitiativeInput) {
	const now = await initiativeNow();
	await updateInitiative(contextFor(app.database.db, moderator), now.id, change(now.data), {
		userId: moderator.userId,
		comment: 'corrigé par la modération',
		expectedVersion: now.version
	});
}

const outcomeOf = async (id: string) => (await getImport(contextFor(app.database.db, moderator), id, { pageSize: 10 })).activities[0].outcome;

beforeAll(async () => {
	app = await createTestApp({ PUBLIC_URL: 'https://sharaka.test' }, { referenceData: true });
	moderator = (await aPerson(app.database.db, { email: 'moderator@provenance.test', role: 'moderator', organisationSlugs: ['mdcmre'] })).actor;
	partner = (await aPerson(app.database.db, { email: 'partner@provenance.test', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
});
afterAll(async () => {
	await app.settle();
	await app?.close();
});

describe('re-imports and what moderators changed (rule 14)', () => {
	it('keeps a corrected title when the file still says the same, takes the file’s changes nobody touched, and lists both sides when both changed', async () => {
		const first = await importAndApply(moderator, activityFile({ title: 'Reintegration des migrans', status: 2, budget: 1_000_000 }));
		expect(await outcomeOf(first)).toBe('created');
		await correct((data) => ({ ...data, title: { ...data.title, fr: 'Réintégration des migrants de retour' } }));

		// the same file again: the correction stays, nothing to decide
		const second = await importAndApply(moderator, activityFile({ title: 'Reintegration des migrans', status: 2, budget: 1_000_000 }));
		expect(await outcomeOf(second)).toBe('unchanged');
		expect((await initiativeNow()).data.title.fr).toBe('Réintégration des migrants de retour');
		expect(await fieldConflictsOf(app.database.db, second)).toEqual([]);

		// the file changes the budget (nobody touched it) and keeps its old title: budget taken, correction kept
		const third = await importAndApply(moderator, activityFile({ title: 'Reintegration des migrans', status: 2, budget: 1_400_000 }));
		expect(await outcomeOf(third)).toBe('updated');
		let now = await initiativeNow();
		expect(now.data.budget).toEqual({ total: 1_400_000, currency: 'EUR' });
		expect(now.data.title.fr).toBe('Réintégration des migrants de retour');
		expect(await fieldConflictsOf(app.database.db, third)).toEqual([]);

		// the moderator changes the status; the file then changes both the title and the status
		await correct((data) => ({ ...data, status: 'suspended' }));
		const fourth = await importAndApply(moderator, activityFile({ title: 'Réintégration économique des migrants', status: 3, budget: 1_400_000 }));
		now = await initiativeNow();
		expect(now.data.title.fr).toBe('Réintégration des migrants de retour');
		expect(now.data.status).toBe('suspended');
		const conflicts = await fieldConflictsOf(app.database.db, fourth);
		expect(conflicts.map((conflict) => [conflict.field, conflict.atlas, conflict.file, conflict.lastImport, conflict.decision])).toEqual([
			['status', 'suspended', 'completed', 'ongoing', 'pending'],
			['title.fr', 'Réintégration des migrants de retour', 'Réintégration économique des migrants', 'Reintegration des migrans', 'pending']
		]);
		expect(await countUndecidedFieldConflicts(app.database.db)).toBe(2);

		// the moderator takes the file's title and keeps the Atlas's status: one new version, both audited
		const before = now.version;
		const ctx = contextFor(app.database.db, moderator);
		expect(
			await decideFieldConflicts(ctx, fourth, [
				{ position: 1, field: 'title.fr', decision: 'file' },
				{ position: 1, field: 'status', decision: 'atlas' }
			])
		).toBe(2);
		now = await initiativeNow();
		expect(now.version).toBe(before + 1);
		expect(now.data.title.fr).toBe('Réintégration économique des migrants');
		expect(now.data.status).toBe('suspended');
		expect((await fieldConflictsOf(app.database.db, fourth)).map((conflict) => conflict.decision)).toEqual(['atlas', 'file']);
		const audits = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'atlas_import.field_conflict'));
		expect(audits).toHaveLength(2);
		const [version] = await app.database.db
			.select({ author: initiativeVersion.authorUserId })
			.from(initiativeVersion)
			.where(eq(initiativeVersion.initiativeId, now.id))
			.orderBy(desc(initiativeVersion.number))
			.limit(1);
		expect(version.author).toBe(moderator.userId);

		// the same file once more: the status the moderator kept is not overwritten, nothing new to decide
		const fifth = await importAndApply(moderator, activityFile({ title: 'Réintégration économique des migrants', status: 3, budget: 1_400_000 }));
		expect(await outcomeOf(fifth)).toBe('unchanged');
		expect((await initiativeNow()).data.status).toBe('suspended');
		expect(await fieldConflictsOf(app.database.db, fifth)).toEqual([]);
		expect(await countUndecidedFieldConflicts(app.database.db)).toBe(0);
	});

	it('refuses a decision on a field that changed again since, an unknown conflict, and anyone but a moderator — nothing changed', async () => {
		await correct((data) => ({ ...data, summary: { ...data.summary, fr: 'Résumé revu par la modération.' } }));
		const id = await importAndApply(
			moderator,
			activityFile({ title: 'Réintégration économique des migrants', status: 3, budget: 1_400_000, summary: 'Résumé du fichier, modifié.' })
		);
		const [conflict] = await fieldConflictsOf(app.database.db, id);
		expect(conflict).toMatchObject({ field: 'summary.fr', atlas: 'Résumé revu par la modération.', decision: 'pending' });
		await correct((data) => ({ ...data, summary: { ...data.summary, fr: 'Résumé revu une seconde fois.' } }));
		const before = await initiativeNow();
		const code = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error) => (isAppError(error) ? error.code : String(error)));
		const ctx = contextFor(app.database.db, moderator);
		expect(await code(decideFieldConflicts(ctx, id, [{ position: 1, field: 'summary.fr', decision: 'file' }]))).toBe('conflict');
		expect(await code(decideFieldConflicts(ctx, id, [{ position: 1, field: 'budget', decision: 'file' }]))).toBe('invalid_input');
		expect(await code(decideFieldConflicts(contextFor(app.database.db, partner), id, [{ position: 1, field: 'summary.fr', decision: 'atlas' }]))).toBe('forbidden');
		const after = await initiativeNow();
		expect(after.version).toBe(before.version);
		expect(after.data.summary.fr).toBe('Résumé revu une seconde fois.');
		expect((await fieldConflictsOf(app.database.db, id))[0].decision).toBe('pending');
		await decideFieldConflicts(ctx, id, [{ position: 1, field: 'summary.fr', decision: 'atlas' }]);
	});

	it('a partner’s re-import proposes no revert of a moderator’s correction', async () => {
		await correct((data) => ({ ...data, title: { ...data.title, fr: 'Réintégration économique des migrants de retour' } }));
		// the last import's title was "Réintégration économique des migrants": the partner's file still says so
		const id = await importAndApply(partner, activityFile({ title: 'Réintégration économique des migrants', status: 3, budget: 1_900_000 }));
		const [proposal] = await app.database.db
			.select({ data: moderationProposal.data })
			.from(moderationProposal)
			.where(and(eq(moderationProposal.proposerUserId, partner.userId), eq(moderationProposal.status, 'pending')));
		const proposed = proposal.data as InitiativeInput;
		expect(proposed.title.fr).toBe('Réintégration économique des migrants de retour');
		expect(proposed.budget).toEqual({ total: 1_900_000, currency: 'EUR' });
		expect(await fieldConflictsOf(app.database.db, id)).toEqual([]);
	});
});
