// Issue 17 ("done when": parts of a whole): an activity's `related-activity` type 1 links it to the larger
// activity on publication — in the same round, at the end of the import when the whole comes in a later round,
// or on a re-import once the whole is in the Atlas; a moderator's kind of link survives a re-import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { getInitiative, updateInitiative } from '../initiative.service.ts';
import { eq } from 'drizzle-orm';
import { initiative } from '../atlas.table.ts';
import { currentData } from './apply.ts';
import { atlasImportActivity } from './import.table.ts';
import { applyEnvOf, applyImport, createIatiImport, getImport } from './import.service.ts';

let app: TestApp;
let moderator: Actor;

beforeAll(async () => {
	app = await createTestApp();
	moderator = (await aPerson(app.database.db, { role: 'moderator' })).actor;
}, 300_000);
afterAll(() => app?.close());

const activity = (identifier: string, title: string, parent?: string) => `<iati-activity default-currency="EUR">
	<iati-identifier>${identifier}</iati-identifier><title><narrative xml:lang="fr">${title}</narrative></title>
	<activity-status code="2"/><activity-date type="2" iso-date="2024-01-01"/><recipient-country code="MA"/><sector vocabulary="1" code="15190"/>
	${parent ? `<related-activity ref="${parent}" type="1"/>` : ''}</iati-activity>`;
const file = (activities: string[]) => `<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03">${activities.join('')}</iati-activities>`;

async function publish(xml: string, fileName: string) {
	const ctx = contextFor(app.database.db, moderator);
	const id = await createIatiImport(ctx, {
		fileName,
		body: (async function* () {
			yield new TextEncoder().encode(xml);
		})()
	});
	await applyImport(ctx, applyEnvOf(app), id, { all: 'all' });
	await app.settle();
	return new Map((await getImport(ctx, id, { pageSize: 1000 })).activities.map((entry) => [entry.iatiIdentifier!, entry]));
}
const partOf = async (slug: string) => (await getInitiative(app.database.db, slug)).partOf;

describe('parts of a whole, on import', () => {
	it('links a part published before its whole, the whole 500 activities later (a later round): at the end of the import, as a new version', async () => {
		const fillers = Array.from({ length: 499 }, (_, n) => activity(`XM-TEST-PARTS-FILL-${n}`, `Action de remplissage ${n}`));
		const outcomes = await publish(
			file([activity('XM-TEST-PARTS-CHILD', 'Volet formation', 'XM-TEST-PARTS-WHOLE'), ...fillers, activity('XM-TEST-PARTS-WHOLE', 'Programme d’ensemble')]),
			'late-whole.xml'
		);
		const child = outcomes.get('XM-TEST-PARTS-CHILD')!;
		const whole = outcomes.get('XM-TEST-PARTS-WHOLE')!;
		expect([child.outcome, whole.outcome]).toEqual(['created', 'created']);
		expect(await partOf(child.initiative!.slug)).toMatchObject({ slug: whole.initiative!.slug, relation: 'component' });
		// the link is the part's second version, by the same import; the import's row says so (a re-import compares with it)
		expect((await currentData(app.database.db, child.initiative!.id))!.version).toBe(2);
		const [row] = await app.database.db.select({ version: atlasImportActivity.resultVersion }).from(atlasImportActivity).where(eq(atlasImportActivity.resultInitiativeId, child.initiative!.id));
		expect(row!.version).toBe(2);
	}, 300_000);

	it('links a part to a whole already in the Atlas, by its identifier in any case; a re-import keeps the kind of link a moderator chose', async () => {
		const outcomes = await publish(file([activity('XM-TEST-PARTS-PILOT', 'Phase pilote', 'xm-test-parts-whole')]), 'pilot.xml');
		const pilot = outcomes.get('XM-TEST-PARTS-PILOT')!.initiative!;
		const [whole] = (await app.database.db.select({ slug: initiative.slug }).from(initiative).where(eq(initiative.iatiIdentifier, 'XM-TEST-PARTS-WHOLE'))).map((row) => row.slug);
		expect(await partOf(pilot.slug)).toMatchObject({ slug: whole, relation: 'component' });
		// a moderator says it is the pilot, not a component
		const current = (await currentData(app.database.db, pilot.id))!;
		await updateInitiative(contextFor(app.database.db, moderator), pilot.id, { ...current.data, partOf: { initiative: whole!, relation: 'pilot' } }, { expectedVersion: current.version });
		const again = await publish(file([activity('XM-TEST-PARTS-PILOT', 'Phase pilote', 'XM-TEST-PARTS-WHOLE')]), 'pilot-again.xml');
		expect(again.get('XM-TEST-PARTS-PILOT')!.outcome).toBe('unchanged');
		expect(await partOf(pilot.slug)).toMatchObject({ slug: whole, relation: 'pilot' });
	}, 300_000);

	it('leaves a part unlinked when its whole is nowhere, and links it when a later import of it finds the whole', async () => {
		const first = await publish(file([activity('XM-TEST-PARTS-ORPHAN', 'Volet sans programme', 'XM-TEST-PARTS-LATER')]), 'orphan.xml');
		const orphan = first.get('XM-TEST-PARTS-ORPHAN')!;
		expect(orphan.problems.map((problem) => problem.code)).toContain('part_of');
		expect(await partOf(orphan.initiative!.slug)).toBeNull();
		const later = (await publish(file([activity('XM-TEST-PARTS-LATER', 'Programme publié ensuite')]), 'later.xml')).get('XM-TEST-PARTS-LATER')!;
		const again = await publish(file([activity('XM-TEST-PARTS-ORPHAN', 'Volet sans programme', 'XM-TEST-PARTS-LATER')]), 'orphan-again.xml');
		expect(again.get('XM-TEST-PARTS-ORPHAN')!.outcome).toBe('updated');
		expect(await partOf(orphan.initiative!.slug)).toMatchObject({ slug: later.initiative!.slug });
	}, 300_000);
});
