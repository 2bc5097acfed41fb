import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { organisation, organisationMember, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../../platform/audit/audit.service.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { supportProgrammes } from '../programmes.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { suggestAgency } from './agencies.service.ts';
import { agency, agencyCounsellor, seekerAgency } from './counsellors.table.ts';
import { caseAppointment, caseNote, caseReferral, caseReferralEvent, caseTeamReferral, caseTeamReferralEvent } from '../../../platform/casework/casework.table.ts';
import { agencyFollowUp } from './follow-up.caseload.ts';

/**
 * The ANAPEC agencies the seed documents name. City and ISO 3166-2 codes only: address and contact
 * stay empty until staff who know them fill them in (nothing is invented).
 */
export const seededAgencies: { slug: string; name: string; city: string; regionCode: string; provinceCode: string }[] = [
	{ slug: 'anapec-rabat', name: 'ANAPEC Rabat', city: 'Rabat', regionCode: 'MA-04', provinceCode: 'MA-RAB' },
	{ slug: 'anapec-tanger', name: 'ANAPEC Tanger', city: 'Tanger', regionCode: 'MA-01', provinceCode: 'MA-TNG' },
	{ slug: 'anapec-oujda', name: 'ANAPEC Oujda', city: 'Oujda', regionCode: 'MA-02', provinceCode: 'MA-OUJ' },
	{ slug: 'anapec-fes', name: 'ANAPEC Fès', city: 'Fès', regionCode: 'MA-03', provinceCode: 'MA-FES' },
	// Bouknadel is a commune of the Salé prefecture; Hay Hassani a district of Casablanca
	{ slug: 'anapec-bouknadel', name: 'ANAPEC Bouknadel', city: 'Bouknadel', regionCode: 'MA-04', provinceCode: 'MA-SAL' },
	{ slug: 'anapec-hay-hassani', name: 'ANAPEC Hay Hassani', city: 'Casablanca', regionCode: 'MA-06', provinceCode: 'MA-CAS' }
];

/**
 * Reference data of this module, in every database (idempotent, runs at every start): the seeded
 * agencies, by slug. An agency that exists is left as staff made it (renamed, closed…).
 */
export async function ensureCounsellorsReferenceData(db: Db): Promise<void> {
	const existing = await db.select({ slug: agency.slug }).from(agency).where(
		inArray(
			agency.slug,
			seededAgencies.map((row) => row.slug)
		)
	);
	if (existing.length === seededAgencies.length) return;
	const present = new Set(existing.map((row) => row.slug));
	await db.transaction(async (tx) => {
		const inserted = await tx
			.insert(agency)
			.values(seededAgencies.filter((row) => !present.has(row.slug)))
			.onConflictDoNothing()
			.returning();
		for (const row of inserted) {
			await recordAudit(tx, systemContext('system'), { action: 'agency.create', resourceType: 'agency', resourceId: row.id, after: { slug: row.slug, name: row.name } });
		}
	});
}

const DAY = 24 * 3600_000;

/**
 * Sample follow-up data, loaded in demo mode only, after the sample seekers: the demo counsellor
 * works at the Rabat agency; every sample seeker is placed in the agency of their city or province;
 * a few of them get a sample note, appointment and referral (badged as samples).
 */
export async function loadCounsellorsDemoData(db: Db): Promise<void> {
	const context = systemContext('system');
	const agencies = await db.select().from(agency);
	const rabat = agencies.find((row) => row.slug === 'anapec-rabat');
	if (!rabat) return;
	await db.transaction(async (tx) => {
		const [counsellor] = await tx.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, 'counsellor@demo.sharaka.ma'));
		if (counsellor) {
			const added = await tx.insert(agencyCounsellor).values({ agencyId: rabat.id, userId: counsellor.id }).onConflictDoNothing().returning();
			if (added.length) await recordAudit(tx, context, { action: 'agency.counsellor_add', resourceType: 'agency', resourceId: rabat.id, after: { userId: counsellor.id, demo: true } });
		}
		const samples = await tx
			.select({ userId: seekerProfile.userId, city: seekerProfile.city, placeCodes: seekerProfile.placeCodes, consentScope: seekerProfile.consentScope })
			.from(seekerProfile)
			.where(eq(seekerProfile.isSample, true));
		const placed: { userId: string; agencyId: string; consents: boolean }[] = [];
		for (const sample of samples) {
			// a sample person who names no place at all is placed in the Rabat agency (the demo counsellor's)
			const chosen = suggestAgency(agencies, sample) ?? (!sample.city && sample.placeCodes.length === 0 ? rabat : null);
			if (!chosen) continue;
			const inserted = await tx.insert(seekerAgency).values({ userId: sample.userId, agencyId: chosen.id }).onConflictDoNothing().returning();
			if (inserted.length) placed.push({ userId: sample.userId, agencyId: chosen.id, consents: sample.consentScope !== null });
		}
		if (!counsellor) return;
		const followed = placed.filter((row) => row.agencyId === rabat.id && row.consents).slice(0, 3);
		const [programme] = await tx
			.select({ id: directoryEntry.id })
			.from(directoryEntry)
			.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
			.where(and(eq(directoryEntry.collection, supportProgrammes.key), eq(organisation.slug, 'expertise-france'), eq(directoryEntry.status, 'active'), sql`${directoryEntry.regions} @> array[${rabat.regionCode}]::text[]`))
			.limit(1);
		const now = Date.now();
		for (const [index, person] of followed.entries()) {
			const inCase = { caseload: agencyFollowUp.key, teamId: rabat.id, personUserId: person.userId };
			await tx.insert(caseNote).values({
				...inCase,
				authorUserId: counsellor.id,
				authorLabel: counsellor.name,
				body: 'Premier entretien : projet professionnel clarifié, CV à mettre à jour. (exemple)',
				isSample: true,
				createdAt: new Date(now - (10 + index) * DAY)
			});
			await tx.insert(caseAppointment).values({
				...inCase,
				staffUserId: counsellor.id,
				staffLabel: counsellor.name,
				startsAt: new Date(Math.ceil((now + (3 + index) * DAY) / 3600_000) * 3600_000),
				mode: index === 1 ? 'phone' : 'in_person',
				purpose: 'Point d’étape sur la recherche d’emploi (exemple)',
				isSample: true
			});
			if (programme && index === 0) {
				const sentAt = new Date(now - 7 * DAY);
				const [row] = await tx
					.insert(caseReferral)
					.values({
						...inCase,
						entryId: programme.id,
						staffUserId: counsellor.id,
						staffLabel: counsellor.name,
						message: 'Orientation proposée après le premier entretien ; la personne est d’accord. (exemple)',
						agreedAt: sentAt,
						status: 'sent',
						statusChangedAt: sentAt,
						isSample: true,
						createdAt: sentAt
					})
					.returning();
				await tx.insert(caseReferralEvent).values({ referralId: row.id, status: 'sent', side: 'team', at: sentAt });
			}
		}
		// the other way: the demo partner's organisation refers two people it accompanies to the Rabat agency
		const [sender] = await tx
			.select({ userId: user.id, name: user.name, organisationId: organisation.id })
			.from(user)
			.innerJoin(organisationMember, eq(organisationMember.userId, user.id))
			.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
			.where(eq(user.email, 'partner@demo.sharaka.ma'));
		const notFollowed = placed.filter((row) => row.agencyId !== rabat.id).slice(0, 2);
		if (!sender) return;
		for (const [index, person] of notFollowed.entries()) {
			const sentAt = new Date(now - (5 - index) * DAY);
			const status = index === 0 ? 'accepted' : 'sent';
			const [row] = await tx
				.insert(caseTeamReferral)
				.values({
					caseload: agencyFollowUp.key,
					personUserId: person.userId,
					teamId: rabat.id,
					senderOrganisationId: sender.organisationId,
					staffUserId: sender.userId,
					staffLabel: sender.name,
					kind: index === 0 ? 'employment' : 'training',
					message: 'Personne accompagnée par notre équipe, qui souhaite s’installer à Rabat ; elle est d’accord. (exemple)',
					agreedAt: sentAt,
					status,
					statusChangedAt: sentAt,
					isSample: true,
					createdAt: sentAt
				})
				.returning();
			await tx.insert(caseTeamReferralEvent).values({ referralId: row.id, status: 'sent', side: 'sender', at: sentAt });
			if (status === 'accepted') await tx.insert(caseTeamReferralEvent).values({ referralId: row.id, status, side: 'team', at: new Date(sentAt.getTime() + DAY) });
		}
	});
}
