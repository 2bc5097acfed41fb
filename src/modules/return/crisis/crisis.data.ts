// Demo data of the crisis registry: one fictional crisis, closed, with 1,500 registrations (badged
// samples), so the cell's dashboard, list, CSV and the retention schedule can be tried.
import crypto from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { grantRoleByEmail } from '../../../platform/accounts/grant.service.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { recordAudit, systemContext } from '../../../platform/audit/audit.service.ts';
import { crisisNeeds, DEFAULT_RETENTION_DAYS, registrationStatuses, type CrisisNeed } from './crisis.model.ts';
import { crisis, crisisPlace, crisisRegistration, crisisRegistrationEvent } from './crisis.table.ts';

const SAMPLE_SLUG = 'exemple-exercice-de-crise';
const REGISTRATIONS = 1500;
const cities = { SD: ['Khartoum', 'Port-Soudan', 'Omdurman', 'Kassala'], TD: ['N’Djamena', 'Abéché', 'Moundou'] } as const;
/** the places of the map (real coordinates); Moundou is left out, so the cell sees a city to place */
const places = [
	{ name: 'Khartoum', spellings: ['الخرطوم'], latitude: 15.5007, longitude: 32.5599 },
	{ name: 'Omdurman', spellings: ['أم درمان'], latitude: 15.6445, longitude: 32.4777 },
	{ name: 'Port-Soudan', spellings: ['Port Sudan', 'بورتسودان'], latitude: 19.6158, longitude: 37.2164 },
	{ name: 'Kassala', spellings: ['كسلا'], latitude: 15.451, longitude: 36.4 },
	{ name: 'N’Djamena', spellings: ['Ndjamena', 'انجامينا'], latitude: 12.1348, longitude: 15.0557 },
	{ name: 'Abéché', spellings: ['أبشة'], latitude: 13.8292, longitude: 20.8324 }
];
const firstNames = ['Youssef', 'Salma', 'Hicham', 'Imane', 'Reda', 'Ghizlane', 'Anas', 'Meryem', 'Adil', 'Kawtar', 'Brahim', 'Loubna'];
const lastNames = ['Amrani', 'Kettani', 'Sqalli', 'Naciri', 'Benali', 'Rami', 'Ouali', 'Hamdi', 'Jaidi', 'Sabri'];

function sequence(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

/** The demo partner relays the cell for an association (a grant limited to it), so a relay's view can be tried. */
export const DEMO_RELAY = 'partner@demo.sharaka.ma';

async function grantDemoRelay(db: Db) {
	const [relay] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'migration-et-developpement'));
	if (!relay) return;
	const [present] = await db
		.select({ id: accessGrant.id })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(eq(user.email, DEMO_RELAY), eq(accessGrant.module, 'return'), eq(accessGrant.role, 'crisis_relay')));
	if (present) return;
	try {
		await grantRoleByEmail(createContext({ db, actor: null, audit: systemContext() }), DEMO_RELAY, { role: 'return:crisis_relay', organisationId: relay.id });
	} catch (failure) {
		// a site without the demo accounts: nothing to grant
		if (!isAppError(failure)) throw failure;
	}
}

export async function loadCrisisDemoData(db: Db): Promise<void> {
	await grantDemoRelay(db);
	const [present] = await db.select({ id: crisis.id }).from(crisis).where(eq(crisis.slug, SAMPLE_SLUG));
	if (present) return;
	const random = sequence(2023);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const relays = await db.select({ id: organisation.id }).from(organisation).where(inArray(organisation.slug, ['oim', 'migration-et-developpement', 'exemple-ramre-01', 'exemple-ramre-02']));
	const started = Date.UTC(2026, 9, 1);
	const closed = new Date(Date.UTC(2026, 10, 20));
	await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(crisis)
			.values({
				slug: SAMPLE_SLUG,
				title: { fr: 'Exemple : exercice de crise (données fictives)', ar: 'مثال: تمرين أزمة (معطيات وهمية)', en: 'Example: crisis exercise (fictional data)' },
				countries: ['SD', 'TD'],
				areas: 'Exemple',
				startedOn: new Date(started).toISOString().slice(0, 10),
				status: 'closed',
				contacts: { fr: 'Exemple : numéro fictif de la cellule', ar: 'مثال: رقم وهمي للخلية', en: 'Example: fictional cell number' },
				retentionDays: DEFAULT_RETENTION_DAYS,
				closedAt: closed,
				isSample: true,
				createdAt: new Date(started),
				updatedAt: closed
			})
			.returning();
		await tx.insert(crisisPlace).values(places.map((place) => ({ ...place, crisisId: row.id, createdAt: new Date(started) })));
		const registrations = Array.from({ length: REGISTRATIONS }, (_, index) => {
			const country = random() < 0.75 ? 'SD' : 'TD';
			const createdAt = new Date(started + Math.floor(random() * 40) * 86_400_000 + Math.floor(random() * 86_400_000));
			const needs = crisisNeeds.filter(() => random() < 0.35) as CrisisNeed[];
			// a few people registered twice (the same phone): the cell's possible duplicates
			const phoneNumber = index % 97 === 5 ? index - 1 : index;
			const status = registrationStatuses[Math.min(registrationStatuses.length - 1, Math.floor(random() * random() * 6))];
			return {
				crisisId: row.id,
				reference: `EX${String(index + 1).padStart(4, '0')}`,
				tokenHash: crypto.createHash('sha256').update(`sample-${index}-${crypto.randomUUID()}`).digest('hex'),
				byRelative: random() < 0.2,
				relativeName: null,
				name: `${pick(firstNames)} ${pick(lastNames)} (exemple)`,
				peopleCount: 1 + Math.floor(random() * random() * 6),
				phone: `+249000${String(phoneNumber).padStart(6, '0')}`,
				email: null,
				country,
				city: pick(cities[country]),
				needs,
				status,
				relayOrganisationId: relays.length && random() < 0.7 ? pick(relays).id : null,
				lastSafeAt: random() < 0.6 ? new Date(createdAt.getTime() + Math.floor(random() * 10) * 86_400_000) : null,
				isSample: true,
				createdAt,
				updatedAt: createdAt
			};
		});
		for (let start = 0; start < registrations.length; start += 500) {
			const inserted = await tx.insert(crisisRegistration).values(registrations.slice(start, start + 500)).returning({ id: crisisRegistration.id, createdAt: crisisRegistration.createdAt });
			await tx.insert(crisisRegistrationEvent).values(inserted.map((item) => ({ registrationId: item.id, kind: 'registered' as const, status: 'registered' as const, at: item.createdAt })));
		}
		// the registrations repeating an earlier one's phone are flagged, as a registration does when it comes
		await tx.execute(sql`
			UPDATE return_module.crisis_registration AS later SET same_contact_as = (
				SELECT earlier.id FROM return_module.crisis_registration AS earlier
				WHERE earlier.crisis_id = later.crisis_id AND earlier.phone = later.phone AND earlier.created_at < later.created_at
				ORDER BY earlier.created_at LIMIT 1)
			WHERE later.crisis_id = ${row.id}`);
		await recordAudit(tx, systemContext('system'), { action: 'return_crisis.samples', resourceType: 'return_crisis', resourceId: row.id, after: { registrations: REGISTRATIONS } });
	});
}
