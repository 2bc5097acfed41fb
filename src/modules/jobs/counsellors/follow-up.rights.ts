// The person's rights over their follow-up: access (data export) and erasure (account deletion).
// Kept apart from the services so that seekers.service.ts can call it without an import cycle.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';
import { agency, appointment, followUpNote, referral, referralEvent, seekerAgency } from './counsellors.table.ts';

/** Everything the follow-up holds about a person, notes included (right of access), for their data export. */
export async function exportFollowUp(db: DbOrTx, userId: string) {
	const [chosen] = await db
		.select({ name: agency.name, city: agency.city, chosenAt: seekerAgency.chosenAt })
		.from(seekerAgency)
		.innerJoin(agency, eq(agency.id, seekerAgency.agencyId))
		.where(eq(seekerAgency.userId, userId));
	const [notes, appointments, referrals] = await Promise.all([
		db
			.select({ body: followUpNote.body, author: followUpNote.authorLabel, agency: agency.name, createdAt: followUpNote.createdAt })
			.from(followUpNote)
			.innerJoin(agency, eq(agency.id, followUpNote.agencyId))
			.where(eq(followUpNote.seekerUserId, userId))
			.orderBy(asc(followUpNote.createdAt), asc(followUpNote.id)),
		db
			.select({
				startsAt: appointment.startsAt,
				mode: appointment.mode,
				purpose: appointment.purpose,
				status: appointment.status,
				counsellor: appointment.counsellorLabel,
				agency: agency.name
			})
			.from(appointment)
			.innerJoin(agency, eq(agency.id, appointment.agencyId))
			.where(eq(appointment.seekerUserId, userId))
			.orderBy(desc(appointment.startsAt), asc(appointment.id)),
		db
			.select({ referral, programmeName: directoryEntry.name, organisation: organisation.name, agency: agency.name })
			.from(referral)
			.innerJoin(directoryEntry, eq(directoryEntry.id, referral.programmeId))
			.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
			.innerJoin(agency, eq(agency.id, referral.agencyId))
			.where(eq(referral.seekerUserId, userId))
			.orderBy(desc(referral.createdAt), asc(referral.id))
	]);
	const ids = referrals.map((row) => row.referral.id);
	const events = ids.length
		? await db.select().from(referralEvent).where(inArray(referralEvent.referralId, ids)).orderBy(asc(referralEvent.at), asc(referralEvent.id))
		: [];
	return {
		agency: chosen ? { name: chosen.name, city: chosen.city, chosenAt: chosen.chosenAt.toISOString() } : null,
		notes: notes.map((note) => ({ ...note, createdAt: note.createdAt.toISOString() })),
		appointments: appointments.map((row) => ({ ...row, startsAt: row.startsAt.toISOString() })),
		referrals: referrals.map((row) => ({
			programme: { name: pickText(row.programmeName, 'fr').text, organisation: row.organisation },
			agency: row.agency,
			counsellor: row.referral.counsellorLabel,
			message: row.referral.message,
			agreedAt: row.referral.agreedAt.toISOString(),
			status: row.referral.status,
			createdAt: row.referral.createdAt.toISOString(),
			history: events
				.filter((event) => event.referralId === row.referral.id)
				.map((event) => ({ status: event.status, side: event.side, at: event.at.toISOString() }))
		}))
	};
}

/**
 * Removes everything the follow-up holds about a person (their agency, notes, appointments, referrals
 * and their history), inside the account deletion's transaction. Returns what was removed, for its audit.
 */
export async function removeFollowUpOf(tx: DbOrTx, userId: string) {
	const referrals = await tx.delete(referral).where(eq(referral.seekerUserId, userId)).returning({ id: referral.id });
	const appointments = await tx.delete(appointment).where(eq(appointment.seekerUserId, userId)).returning({ id: appointment.id });
	const notes = await tx.delete(followUpNote).where(eq(followUpNote.seekerUserId, userId)).returning({ id: followUpNote.id });
	await tx.delete(seekerAgency).where(eq(seekerAgency.userId, userId));
	return { referrals: referrals.length, appointments: appointments.length, notes: notes.length };
}
