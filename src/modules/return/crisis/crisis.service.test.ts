import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../../platform/backup/backup.ts';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import { readMail } from '../../../platform/testing/mail.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import {
	assignRegistration,
	checkIn,
	closeCrisis,
	countRegistrations,
	crisisDashboard,
	listRegistrations,
	mergeRegistration,
	openCrisis,
	openCrises,
	purgeClosedCrises,
	register,
	safetyPage,
	setRegistrationStatus
} from './crisis.service.ts';
import { crisis, crisisRegistration, crisisRegistrationEvent } from './crisis.table.ts';
import { runCrisisPurge } from '../cli/crisis-purge.ts';
import { addCrisisPlace, crisisMap, crisisPlaces, placesOfCrisis, removeCrisisPlace } from './crisis-places.ts';

let app: TestApp;
let cell: Person;
let relayA: Actor;
let relayB: Actor;
let consulate: string;
let slug = '';
let now = new Date('2026-12-01T08:00:00Z');

const as = (who: Person | Actor | null) => contextFor(app.database.db, who, { mailer: app.mailer, publicUrl: 'http://sharaka.test', now: () => now });
const person = (name: string, extra: Record<string, unknown> = {}) => ({ name, peopleCount: '1', phone: '', email: '', country: 'SD', city: 'Khartoum', needs: [], ...extra });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	cell = await aPerson(db, { role: 'moderator' });
	const [a] = await db.insert(organisation).values({ slug: 'consulat-khartoum', name: 'Consulat (exemple)', type: 'public_agency' }).returning();
	const [b] = await db.insert(organisation).values({ slug: 'association-relais', name: 'Association relais (exemple)', type: 'ngo' }).returning();
	consulate = a.id;
	const relayOf = async (organisationId: string): Promise<Actor> => ({ ...(await aPerson(db, { role: 'member' })).actor, grants: [{ module: 'return', role: 'crisis_relay', organisationId, scope: null }] });
	relayA = await relayOf(a.id);
	relayB = await relayOf(b.id);
});
afterAll(async () => app?.close());

describe('the crisis registry', () => {
	// after every step, the counts the database keeps equal a count of the registrations, for the cell and a relay
	afterEach(async () => {
		if (!slug) return;
		for (const who of [cell, relayA]) {
			const { crisis: _crisis, canManage: _manage, ...kept } = await crisisDashboard(as(who), slug);
			expect(kept).toEqual(await countRegistrations(as(who), slug));
		}
	});
	it('lets the cell open a crisis, refusing a member and a form without title or country', async () => {
		expect(await refusalOf(openCrisis(as(await aPerson(app.database.db, { role: 'member' })), { title_fr: 'Crise', countries: ['SD'], startedOn: '2026-11-30', retentionDays: '90' }))).toBe('forbidden');
		expect(await refusalWithReason(openCrisis(as(cell), { countries: [], startedOn: '2026-11-30', retentionDays: '90' }))).toBe('invalid_input:countries,title_fr');
		const opened = await openCrisis(as(cell), { title_fr: 'Soudan : évacuation', title_ar: 'السودان: الإجلاء', countries: ['sd', 'TD'], startedOn: '2026-11-30', contacts_fr: 'Cellule : +212 5 00 00 00 00', retentionDays: '30' });
		slug = opened.slug;
		expect(opened).toMatchObject({ slug: 'soudan-evacuation', countries: ['SD', 'TD'], status: 'open', retentionDays: 30 });
		expect((await openCrises(app.database.db)).map((row) => row.slug)).toEqual([slug]);
	});

	it('registers a person without an account; no phone nor e-mail is refused and nothing is kept', async () => {
		expect(await refusalWithReason(register(as(null), slug, person('Nadia Amrani')))).toBe('invalid_input:phone');
		expect(await app.database.db.select().from(crisisRegistration)).toEqual([]);
		const done = await register(as(null), slug, person('Nadia Amrani', { email: 'nadia@example.org', phone: '+249 912 000 001', needs: ['medical', 'transport'], peopleCount: '3' }));
		expect(done.reference).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
		const mail = (await app.outbox()).map(readMail).find((item) => item.to.includes('nadia@example.org'))!;
		expect(mail.text).toContain(done.reference);
		expect(mail.text).toContain(`http://sharaka.test/fr/return/crisis/safe/${done.token}`);
		// a relative registers someone else; the same phone is a possible duplicate, kept
		await register(as(null), slug, person('Omar Benali', { byRelative: 'on', relativeName: 'Fatima Benali', phone: '+249912000002', city: 'Port-Soudan', needs: ['documents'] }));
		await register(as(null), slug, person('Omar B.', { phone: '+249 912-000-002', city: 'Port-Soudan' }));
		expect(await refusalWithReason(register(as(null), slug, person('Sans lien', { byRelative: 'on', phone: '0600000000' })))).toBe('invalid_input:relativeName');

		// the personal link: "I am safe", any number of times
		expect((await safetyPage(app.database.db, done.token))?.lastSafeAt).toBeNull();
		await checkIn(as(null), done.token);
		expect((await safetyPage(app.database.db, done.token))?.lastSafeAt).toBe(now.toISOString());
		expect(await refusalOf(checkIn(as(null), 'not-a-real-link-but-long-enough'))).toBe('not_found');
	});

	it('gives the cell counts by status, need and city, and a filtered list whose reading is audited', async () => {
		const dashboard = await crisisDashboard(as(cell), slug);
		expect(dashboard.totals).toEqual({ registrations: 3, people: 5, safe: 1 });
		expect(dashboard.byNeed).toEqual([
			{ key: 'medical', count: 1 },
			{ key: 'documents', count: 1 },
			{ key: 'transport', count: 1 },
			{ key: 'shelter', count: 0 }
		]);
		expect(dashboard.byCity).toEqual([
			{ key: 'Port-Soudan', count: 2 },
			{ key: 'Khartoum', count: 1 }
		]);
		expect(dashboard.possibleDuplicates).toBe(1);
		const listed = await listRegistrations(as(cell), slug, { city: 'port-soudan' });
		// both registered at the same instant here: by name
		expect(listed.items.map((item) => item.name).sort()).toEqual(['Omar B.', 'Omar Benali']);
		expect(listed.items[0].sameContact).toHaveLength(1);
		expect((await listRegistrations(as(cell), slug, { need: 'medical' })).items.map((item) => item.name)).toEqual(['Nadia Amrani']);
		const reads = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceType, 'return_crisis_registration')));
		expect(reads.length).toBeGreaterThanOrEqual(2);
		expect(await refusalOf(crisisDashboard(as(await aPerson(app.database.db, { role: 'partner' })), slug))).toBe('forbidden');
	});

	it('maps the registrations at the places the cell names, whatever the spelling people used; the cities left are listed', async () => {
		// a member, a relay and bad coordinates change nothing
		expect(await refusalOf(addCrisisPlace(as(relayA), slug, { name: 'Khartoum', latitude: '15.5', longitude: '32.56' }))).toBe('forbidden');
		expect(await refusalWithReason(addCrisisPlace(as(cell), slug, { name: ' ', latitude: '95', longitude: 'est' }))).toBe('invalid_input:name,latitude,longitude');
		let dashboard = await crisisDashboard(as(cell), slug);
		expect(crisisMap([], dashboard.cities)).toEqual({ map: null, unplaced: [{ key: 'Port-Soudan', count: 2 }, { key: 'Khartoum', count: 1 }] });

		// a comma as decimal separator, spellings one per line or by commas
		await addCrisisPlace(as(cell), slug, { name: 'Port Soudan', spellings: 'Port Sudan\nبورتسودان', latitude: '19,6158', longitude: '37,2164' });
		expect(await refusalWithReason(addCrisisPlace(as(cell), slug, { name: 'port soudan', latitude: '19', longitude: '37' }))).toBe('conflict:place_exists');
		const { places } = await crisisPlaces(as(cell), slug);
		expect(places.map(({ name, spellings, latitude }) => ({ name, spellings, latitude }))).toEqual([{ name: 'Port Soudan', spellings: ['Port Sudan', 'بورتسودان'], latitude: 19.6158 }]);

		// "Port-Soudan" as people wrote it is counted at "Port Soudan"; Khartoum has no place yet
		dashboard = await crisisDashboard(as(cell), slug);
		const { map, unplaced } = crisisMap(await placesOfCrisis(as(cell), slug), dashboard.cities);
		expect(map?.points.map(({ label, count }) => ({ label, count }))).toEqual([{ label: 'Port Soudan', count: 2 }]);
		expect(unplaced).toEqual([{ key: 'Khartoum', count: 1 }]);

		// removed: off the map, and both the addition and the removal are in the audit trail
		await removeCrisisPlace(as(cell), slug, places[0].id);
		expect(await placesOfCrisis(as(cell), slug)).toEqual([]);
		expect(await refusalOf(removeCrisisPlace(as(cell), slug, places[0].id))).toBe('not_found');
		const trail = await app.database.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.resourceId, places[0].id));
		expect(trail.map((event) => event.action).sort()).toEqual(['return_crisis.place_add', 'return_crisis.place_remove']);
	});

	it('lets a relay see and move on only what the cell assigned to its organisation, never backwards', async () => {
		const [nadia] = (await listRegistrations(as(cell), slug, { need: 'medical' })).items;
		expect((await listRegistrations(as(relayA), slug, {})).total).toBe(0);
		expect(await refusalOf(setRegistrationStatus(as(relayA), slug, nadia.id, { status: 'contacted' }))).toBe('not_found');
		expect(await refusalOf(assignRegistration(as(relayA), slug, nadia.id, { relayOrganisationId: consulate }))).toBe('forbidden');
		await assignRegistration(as(cell), slug, nadia.id, { relayOrganisationId: consulate });
		expect((await listRegistrations(as(relayA), slug, {})).items.map((item) => item.name)).toEqual(['Nadia Amrani']);
		expect((await crisisDashboard(as(relayA), slug)).totals.registrations).toBe(1);
		await setRegistrationStatus(as(relayA), slug, nadia.id, { status: 'contacted' });
		await setRegistrationStatus(as(relayA), slug, nadia.id, { status: 'evacuated' });
		expect(await refusalWithReason(setRegistrationStatus(as(relayA), slug, nadia.id, { status: 'contacted' }))).toBe('conflict:status_transition');
		expect(await refusalOf(setRegistrationStatus(as(relayB), slug, nadia.id, { status: 'received' }))).toBe('not_found');
		const events = await app.database.db.select().from(crisisRegistrationEvent).where(eq(crisisRegistrationEvent.registrationId, nadia.id));
		expect(events.map((event) => event.kind)).toEqual(['registered', 'safe', 'assigned', 'status', 'status']);
	});

	it('merges a duplicate into the registration it repeats: out of the counts, its needs kept', async () => {
		const [kept, duplicate] = (await listRegistrations(as(cell), slug, { city: 'Port-Soudan' })).items;
		await mergeRegistration(as(cell), slug, duplicate.id, kept.id);
		const after = await crisisDashboard(as(cell), slug);
		expect(after.totals.registrations).toBe(2);
		expect(after.possibleDuplicates).toBe(0);
		expect(await refusalOf(mergeRegistration(as(cell), slug, duplicate.id, kept.id))).toBe('not_found');
	});

	it('keeps its counts through a backup and a restore (the counts are rebuilt, never doubled)', async () => {
		const before = await crisisDashboard(as(cell), slug);
		const file = path.join(os.tmpdir(), `crisis-counts-${crypto.randomUUID()}.json.gz`);
		try {
			await backupDatabase(app.database, file);
			await restoreDatabase(app.database, file);
		} finally {
			fs.rmSync(file, { force: true });
		}
		expect((await crisisDashboard(as(cell), slug)).totals).toEqual(before.totals);
	});

	it('closes: no more registrations or check-ins; the data goes after the retention period, counts kept, audited', async () => {
		const [nadia] = (await listRegistrations(as(cell), slug, { need: 'medical' })).items;
		now = new Date('2026-12-10T08:00:00Z');
		await closeCrisis(as(cell), slug);
		expect(await refusalWithReason(register(as(null), slug, person('Trop tard', { phone: '+249912000009' })))).toBe('conflict:crisis_closed');
		expect(await refusalWithReason(closeCrisis(as(cell), slug))).toBe('conflict:crisis_closed');
		expect(await openCrises(app.database.db)).toEqual([]);

		// 29 days after closing (retention 30): nothing yet
		now = new Date('2027-01-08T08:00:00Z');
		expect(await purgeClosedCrises(as(null))).toEqual([]);
		expect((await app.database.db.select().from(crisisRegistration)).length).toBe(3);

		now = new Date('2027-01-09T09:00:00Z');
		const out: string[] = [];
		expect(await runCrisisPurge({ out: (text) => out.push(text), err: (text) => out.push(text) }, { database: app.database, now: () => now })).toBe(0);
		expect(out.join('\n')).toContain(`${slug}: 3 registrations deleted`);
		expect(await app.database.db.select().from(crisisRegistration)).toEqual([]);
		expect(await app.database.db.select().from(crisisRegistrationEvent).where(eq(crisisRegistrationEvent.registrationId, nadia.id))).toEqual([]);
		const [row] = await app.database.db.select().from(crisis).where(eq(crisis.slug, slug));
		expect(row.purgedAt).toEqual(now);
		// the merged duplicate is not counted twice
		expect(row.summary).toMatchObject({ total: { registrations: 2, people: 4 }, status: { evacuated: 1, registered: 1 }, need: { medical: 1, documents: 1, transport: 1 }, country: { SD: 2 } });
		const [audited] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'return_crisis.purge'));
		expect(audited.after).toMatchObject({ registrationsDeleted: 3, retentionDays: 30 });
		expect(await purgeClosedCrises(as(null))).toEqual([]);
	});
});
