import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { addDiasporaFigure, diasporaMap, diasporaOverview, removeDiasporaFigure, updateDiasporaFigure } from './diaspora.service.ts';
import { diasporaFigure, talentProfile } from './talents.table.ts';

let app: TestApp;
let moderator: Person;
let member: Person;

const oecd = { country: 'FR', people: 1_000_000, year: 2015, source: 'OCDE, Talents à l’étranger : une revue des émigrés marocains (exemple)', sourceUrl: 'https://www.oecd.org/' };

beforeAll(async () => {
	app = await createTestApp();
	moderator = await aPerson(app.database.db, { role: 'moderator' });
	member = await aPerson(app.database.db);
	// six talents in Germany, three in Belgium (too few to show), with their skills
	const people = await Promise.all(Array.from({ length: 9 }, () => aPerson(app.database.db)));
	await app.database.db.insert(talentProfile).values(
		people.map((person, index) => ({ userId: person.actor.userId, hostCountry: index < 6 ? 'DE' : 'BE', skills: index < 5 ? ['health', 'research'] : ['digital'] }))
	);
});
afterAll(async () => app?.close());

describe('knowing the diaspora', () => {
	it('takes a moderator’s figure with its source and year, audited; refuses bad input, a member and a duplicate, changing nothing', async () => {
		const db = app.database.db;
		const figure = await addDiasporaFigure(contextFor(db, moderator), { ...oecd, people: '1000000', year: '2015', note: '' });
		expect(figure).toMatchObject({ country: 'FR', people: 1_000_000, year: 2015, note: null });
		const [audit] = await db.select().from(auditEvent).where(eq(auditEvent.resourceId, figure.id));
		expect(audit).toMatchObject({ action: 'diaspora_figure.create', actorUserId: moderator.actor.userId });

		const count = async () => (await db.select().from(diasporaFigure)).length;
		const before = await count();
		expect(await refusalWithReason(addDiasporaFigure(contextFor(db, moderator), { ...oecd, country: 'MA', people: 0, year: 1800, sourceUrl: 'ftp://x' }))).toBe(
			'invalid_input:country,people,year,sourceUrl'
		);
		expect(await refusalWithReason(addDiasporaFigure(contextFor(db, moderator), oecd))).toBe('invalid_input:year');
		expect(await refusalWithReason(addDiasporaFigure(contextFor(db, member), { ...oecd, year: 2020 }))).toBe('forbidden:');
		expect(await count()).toBe(before);
	});

	it('shows each host country’s figures beside the platform’s talents, counts under 5 left out', async () => {
		const overview = await diasporaOverview(app.database.db);
		expect(overview.countries.map((entry) => [entry.country, entry.figures.length, entry.talents])).toEqual([
			['DE', 0, 6],
			['FR', 1, null]
		]);
		expect(overview.skills).toEqual([
			{ skill: 'health', talents: 5 },
			{ skill: 'research', talents: 5 }
		]);
		expect(overview.talents).toBe(9);
	});

	it('draws the world map of either series: a circle per country with a count, none for a count under 5', async () => {
		const overview = await diasporaOverview(app.database.db);
		const named = overview.countries.map((entry) => ({ ...entry, name: entry.country === 'DE' ? 'Allemagne' : 'France' }));
		const figures = diasporaMap(named, 'figures');
		expect(figures.map!.points.map((point) => [point.label, point.count])).toEqual([['France', 1_000_000]]);
		const talents = diasporaMap(named, 'talents');
		// France has fewer than 5 talents: not drawn
		expect(talents.map!.points.map((point) => [point.label, point.count])).toEqual([['Allemagne', 6]]);
		// a territory too small for the map is named apart; nothing to draw gives no map
		const tokelau = diasporaMap([{ country: 'TK', name: 'Tokelau', figures: [{ people: 12, year: 2020 }], talents: null }], 'figures');
		expect(tokelau).toEqual({ map: null, unplaced: ['Tokelau'] });
	});

	it('corrects and removes a figure, the audit trail keeping what it said', async () => {
		const db = app.database.db;
		const [row] = await db.select().from(diasporaFigure);
		const corrected = await updateDiasporaFigure(contextFor(db, moderator), row.id, { ...oecd, people: 1_100_000, note: 'nés au Maroc' });
		expect(corrected).toMatchObject({ people: 1_100_000, note: 'nés au Maroc' });
		await removeDiasporaFigure(contextFor(db, moderator), row.id);
		expect(await db.select().from(diasporaFigure)).toEqual([]);
		const events = await db.select().from(auditEvent).where(eq(auditEvent.resourceId, row.id));
		expect(events.map((event) => event.action).sort()).toEqual(['diaspora_figure.create', 'diaspora_figure.delete', 'diaspora_figure.update']);
		expect(events.find((event) => event.action === 'diaspora_figure.delete')?.before).toMatchObject({ people: 1_100_000, source: oecd.source });
		expect(await refusalWithReason(removeDiasporaFigure(contextFor(db, moderator), row.id))).toBe('not_found:');
	});
});
