// Demo data of the crisis registry: one fictional crisis, closed, with 1,500 registrations (badged
// samples), so the cell's dashboard, list, CSV and the retention schedule can be tried.
import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../../platform/audit/audit.service.ts';
import { crisisNeeds, DEFAULT_RETENTION_DAYS, registrationStatuses, type CrisisNeed } from './crisis.model.ts';
import { crisis, crisisRegistration, crisisRegistrationEvent } from './crisis.table.ts';

const SAMPLE_SLUG = 'exemple-exercice-de-crise';
const REGISTRATIONS = 1500;
const cities = { SD: ['Khartoum', 'Port-Soudan', 'Omdurman', 'Kassala'], TD: ['N’Djamena', 'Abéché', 'Moundou'] } as const;
const firstNames = ['Youssef', 'Salma', 'Hicham', 'Imane', 'Reda', 'Ghizlane', 'Anas', 'Meryem', 'Adil', 'Kawtar', 'Brahim', 'Loubna'];
const lastNames = ['Amrani', 'Kettani', 'Sqalli', 'Naciri', 'Benali', 'Rami', 'Ouali', 'Hamdi', 'Jaidi', 'Sabri'];

function sequence(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

export async function loadCrisisDemoData(db: Db): Promise<void> {
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
		await recordAudit(tx, systemContext('system'), { action: 'return_crisis.samples', resourceType: 'return_crisis', resourceId: row.id, after: { registrations: REGISTRATIONS } });
	});
}
