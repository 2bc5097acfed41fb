// A person's casework across every module's caseloads: part of their data export (right of access:
// the staff's notes included) and erased with their account. Declared once here for every caseload.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { organisation } from '../accounts/accounts.table.ts';
import { directoryEntry } from '../directory/directory.table.ts';
import { pickText } from '../i18n/content-language.ts';
import { fromModules } from '../kernel/modules.ts';
import type { PersonalTable } from '../kernel/manifest.ts';
import type { Caseload } from './caseload.ts';
import { caseAppointment, caseDocument, caseNeed, caseNote, caseReferral, caseReferralEvent, caseTeamReferral, caseTeamReferralEvent } from './casework.table.ts';

export const caseworkPersonalTables: PersonalTable[] = [
	{ table: caseNote, userColumn: caseNote.personUserId, exportKey: 'casework' },
	{ table: caseAppointment, userColumn: caseAppointment.personUserId, exportKey: 'casework' },
	{ table: caseReferral, userColumn: caseReferral.personUserId, exportKey: 'casework' },
	// an organisation's referral of the person to a team (its message included: the person sees it)
	{ table: caseTeamReferral, userColumn: caseTeamReferral.personUserId, exportKey: 'casework' },
	// the documents' names and kinds (the person downloads the files themselves from their page)
	{ table: caseDocument, userColumn: caseDocument.personUserId, exportKey: 'casework' },
	// the needs worked on with the person (kind, status, due date, note)
	{ table: caseNeed, userColumn: caseNeed.personUserId, exportKey: 'casework' }
];

const caseloads = fromModules((manifests) => manifests.flatMap((manifest) => manifest.caseloads ?? []));

/** The teams' names by caseload and id (a team of a caseload no module declares any more keeps its id). */
async function teamNamesOf(db: DbOrTx, rows: { caseload: string; teamId: string }[]): Promise<(row: { caseload: string; teamId: string }) => string> {
	const names = new Map<string, Map<string, string>>();
	for (const caseload of caseloads() as Caseload[]) {
		const ids = [...new Set(rows.filter((row) => row.caseload === caseload.key).map((row) => row.teamId))];
		if (ids.length) names.set(caseload.key, await caseload.teamNames(db, ids));
	}
	return (row) => names.get(row.caseload)?.get(row.teamId) ?? row.teamId;
}

/** Everything casework holds about a person, notes included, newest first. */
export async function exportCasework(db: DbOrTx, userId: string) {
	const [notes, appointments, referrals, teamReferrals, documents, needs] = await Promise.all([
		db.select().from(caseNote).where(eq(caseNote.personUserId, userId)).orderBy(asc(caseNote.createdAt), asc(caseNote.id)),
		db.select().from(caseAppointment).where(eq(caseAppointment.personUserId, userId)).orderBy(desc(caseAppointment.startsAt), asc(caseAppointment.id)),
		db
			.select({ referral: caseReferral, entryName: directoryEntry.name, organisation: organisation.name })
			.from(caseReferral)
			.innerJoin(directoryEntry, eq(directoryEntry.id, caseReferral.entryId))
			.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
			.where(eq(caseReferral.personUserId, userId))
			.orderBy(desc(caseReferral.createdAt), asc(caseReferral.id)),
		db
			.select({ referral: caseTeamReferral, organisation: organisation.name })
			.from(caseTeamReferral)
			.innerJoin(organisation, eq(organisation.id, caseTeamReferral.senderOrganisationId))
			.where(eq(caseTeamReferral.personUserId, userId))
			.orderBy(desc(caseTeamReferral.createdAt), asc(caseTeamReferral.id)),
		db.select().from(caseDocument).where(eq(caseDocument.personUserId, userId)).orderBy(desc(caseDocument.createdAt), asc(caseDocument.id)),
		db.select().from(caseNeed).where(eq(caseNeed.personUserId, userId)).orderBy(asc(caseNeed.createdAt), asc(caseNeed.id))
	]);
	const ids = referrals.map((row) => row.referral.id);
	const teamIds = teamReferrals.map((row) => row.referral.id);
	const [events, teamEvents] = await Promise.all([
		ids.length ? db.select().from(caseReferralEvent).where(inArray(caseReferralEvent.referralId, ids)).orderBy(asc(caseReferralEvent.at), asc(caseReferralEvent.id)) : [],
		teamIds.length
			? db.select().from(caseTeamReferralEvent).where(inArray(caseTeamReferralEvent.referralId, teamIds)).orderBy(asc(caseTeamReferralEvent.at), asc(caseTeamReferralEvent.id))
			: []
	]);
	const team = await teamNamesOf(db, [...notes, ...appointments, ...referrals.map((row) => row.referral), ...teamReferrals.map((row) => row.referral), ...documents, ...needs]);
	return {
		notes: notes.map((row) => ({ caseload: row.caseload, team: team(row), author: row.authorLabel, body: row.body, createdAt: row.createdAt.toISOString() })),
		appointments: appointments.map((row) => ({
			caseload: row.caseload,
			team: team(row),
			staff: row.staffLabel,
			startsAt: row.startsAt.toISOString(),
			mode: row.mode,
			purpose: row.purpose,
			status: row.status
		})),
		referrals: referrals.map(({ referral: row, entryName, organisation: organisationName }) => ({
			caseload: row.caseload,
			team: team(row),
			staff: row.staffLabel,
			entry: { name: pickText(entryName, 'fr').text, organisation: organisationName },
			message: row.message,
			agreedAt: row.agreedAt.toISOString(),
			status: row.status,
			createdAt: row.createdAt.toISOString(),
			history: events.filter((event) => event.referralId === row.id).map((event) => ({ status: event.status, side: event.side, at: event.at.toISOString() }))
		})),
		referralsToTeams: teamReferrals.map(({ referral: row, organisation: organisationName }) => ({
			caseload: row.caseload,
			team: team(row),
			organisation: organisationName,
			staff: row.staffLabel,
			kind: row.kind,
			message: row.message,
			agreedAt: row.agreedAt.toISOString(),
			status: row.status,
			createdAt: row.createdAt.toISOString(),
			history: teamEvents.filter((event) => event.referralId === row.id).map((event) => ({ status: event.status, side: event.side, at: event.at.toISOString() }))
		})),
		documents: documents.map((row) => ({
			caseload: row.caseload,
			team: team(row),
			kind: row.kind,
			fileName: row.fileName,
			mediaType: row.mediaType,
			bytes: row.bytes,
			addedBy: row.addedByLabel,
			createdAt: row.createdAt.toISOString()
		})),
		needs: needs.map((row) => ({
			caseload: row.caseload,
			team: team(row),
			kind: row.kind,
			status: row.status,
			dueOn: row.dueOn,
			note: row.note,
			by: row.byLabel,
			createdAt: row.createdAt.toISOString(),
			updatedAt: row.updatedAt.toISOString()
		}))
	};
}

/**
 * Removes everything casework holds about a person (their referrals' history goes with them), inside the
 * account deletion; the documents' files are named for removal once it has committed.
 */
export async function eraseCasework(tx: DbOrTx, userId: string) {
	const documents = await tx.delete(caseDocument).where(eq(caseDocument.personUserId, userId)).returning({ key: caseDocument.storageKey });
	const referrals = await tx.delete(caseReferral).where(eq(caseReferral.personUserId, userId)).returning({ id: caseReferral.id });
	const referralsToTeams = await tx.delete(caseTeamReferral).where(eq(caseTeamReferral.personUserId, userId)).returning({ id: caseTeamReferral.id });
	const appointments = await tx.delete(caseAppointment).where(eq(caseAppointment.personUserId, userId)).returning({ id: caseAppointment.id });
	const notes = await tx.delete(caseNote).where(eq(caseNote.personUserId, userId)).returning({ id: caseNote.id });
	const needs = await tx.delete(caseNeed).where(eq(caseNeed.personUserId, userId)).returning({ id: caseNeed.id });
	return {
		needs: needs.length,
		referrals: referrals.length,
		referralsToTeams: referralsToTeams.length,
		appointments: appointments.length,
		notes: notes.length,
		documentFiles: documents.map((row) => row.key)
	};
}

/**
 * Removes one team's file of a person in one caseload (its notes, appointments, referrals with their
 * history, documents), when the module's retention period for it has passed; the documents' file keys
 * come back, for removal once the transaction has committed. Other teams' and caseloads' rows stay.
 */
export async function eraseTeamFile(tx: DbOrTx, caseload: Pick<Caseload, 'key'>, personId: string, teamId: string) {
	const ofFile = <T extends typeof caseNote | typeof caseAppointment | typeof caseReferral | typeof caseDocument | typeof caseNeed>(table: T) =>
		and(eq(table.caseload, caseload.key), eq(table.personUserId, personId), eq(table.teamId, teamId));
	const documents = await tx.delete(caseDocument).where(ofFile(caseDocument)).returning({ key: caseDocument.storageKey });
	const referrals = await tx.delete(caseReferral).where(ofFile(caseReferral)).returning({ id: caseReferral.id });
	const appointments = await tx.delete(caseAppointment).where(ofFile(caseAppointment)).returning({ id: caseAppointment.id });
	const notes = await tx.delete(caseNote).where(ofFile(caseNote)).returning({ id: caseNote.id });
	const needs = await tx.delete(caseNeed).where(ofFile(caseNeed)).returning({ id: caseNeed.id });
	return { needs: needs.length, notes: notes.length, appointments: appointments.length, referrals: referrals.length, documents: documents.length, documentFiles: documents.map((row) => row.key) };
}
