// Casework (ADR 0010): what a team's staff do for a person they follow — private notes, appointments,
// referrals to an entry of a directory answered by its organisation — and what the person sees of it.
// Who follows whom is the module's rule (its caseload's `followed`); everything else is here.
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { organisation, organisationMember, user } from '../accounts/accounts.table.ts';
import { recordAudit, recordPersonalDataRead } from '../audit/audit.service.ts';
import { directoryEntry } from '../directory/directory.table.ts';
import { AppError } from '../http/app-error.ts';
import { parseOrThrow } from '../http/validation.ts';
import { pickText } from '../i18n/content-language.ts';
import type { Language } from '../i18n/languages.ts';
import { translate } from '../i18n/translator.ts';
import type { LocalisedText } from '../content/content.table.ts';
import type { RequestContext } from '../kernel/context.ts';
import { mailUser } from '../mail/mail-user.ts';
import { can, mayReach } from '../policy/policy.ts';
import { formatInPlatformZone, localDateTimeToInstant } from '../time-zone.ts';
import type { Caseload } from './caseload.ts';
import type { ReferralSide, ReferralStatus } from './casework.model.ts';
import { AppointmentInput, AppointmentStatusInput, NoteInput, ReferralInput, ReferralStatusInput } from './casework.schemas.ts';
import { caseAppointment, caseNote, caseReferral, caseReferralEvent, type CaseAppointmentRow } from './casework.table.ts';
import { userName } from '../accounts/user-name.ts';
import { followedBy, isCaseworkId, requireStaff } from './casework.access.ts';
import { documentsOfFile } from './case-documents.ts';
import { needsOfFile } from './case-needs.ts';


type CaseTable = typeof caseNote | typeof caseAppointment | typeof caseReferral;

/** The rows of one person's file in a caseload, as one team keeps it. */
function inFile(table: CaseTable, caseload: Caseload, personId: string, teamId: string) {
	return and(eq(table.caseload, caseload.key), eq(table.personUserId, personId), eq(table.teamId, teamId))!;
}

const openStatuses: ReferralStatus[] = ['sent', 'accepted'];

/** The moves a referral may make: the entry's organisation answers a new referral, then says when it is done. */
const transitions: Record<ReferralStatus, ReferralStatus[]> = {
	sent: ['accepted', 'declined'],
	accepted: ['completed'],
	declined: [],
	completed: []
};

export function nextReferralStatuses(status: ReferralStatus): ReferralStatus[] {
	return transitions[status];
}

// ---------- e-mails ----------

/** One e-mail of the caseload's namespace to a person, in their language (see mailUser). */
function mailPerson(
	ctx: RequestContext,
	caseload: Caseload,
	userId: string,
	template: string,
	values: (language: Language) => Record<string, string | number>,
	path: string
): Promise<boolean> {
	return mailUser(ctx, userId, `${caseload.emails}.email_${template}`, values, path);
}

function appointmentValues(language: Language, row: Pick<CaseAppointmentRow, 'startsAt' | 'mode' | 'purpose'>, teamName: string) {
	return {
		when: formatInPlatformZone(language === 'ar' ? 'ar-MA' : language === 'en' ? 'en-GB' : 'fr-MA', row.startsAt, { dateStyle: 'full', timeStyle: 'short' }),
		mode: translate(language, `casework.mode_${row.mode}`),
		purpose: row.purpose,
		team: teamName
	};
}

function referralMailValues(language: Language, entryName: LocalisedText, status: ReferralStatus) {
	return { programme: pickText(entryName, language).text, status: translate(language, `casework.referral_status_${status}`) };
}

// ---------- reading ----------

async function referralsWhere(ctx: RequestContext, caseload: Caseload, where: SQL | undefined) {
	const rows = await ctx.db
		.select({ referral: caseReferral, entryName: directoryEntry.name, organisationId: organisation.id, organisationName: organisation.name })
		.from(caseReferral)
		.innerJoin(directoryEntry, eq(directoryEntry.id, caseReferral.entryId))
		.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
		.where(and(eq(caseReferral.caseload, caseload.key), where))
		.orderBy(desc(caseReferral.createdAt), asc(caseReferral.id));
	const ids = rows.map((row) => row.referral.id);
	const [events, teams] = await Promise.all([
		ids.length
			? ctx.db.select().from(caseReferralEvent).where(inArray(caseReferralEvent.referralId, ids)).orderBy(asc(caseReferralEvent.at), asc(caseReferralEvent.id))
			: [],
		caseload.teamNames(ctx.db, [...new Set(rows.map((row) => row.referral.teamId))])
	]);
	return rows.map(({ referral: row, entryName, organisationId, organisationName }) => ({
		id: row.id,
		personId: row.personUserId,
		status: row.status,
		entry: { id: row.entryId, name: pickText(entryName, ctx.language).text, organisation: organisationName, organisationId },
		team: { id: row.teamId, name: teams.get(row.teamId) ?? '' },
		staff: row.staffLabel,
		staffUserId: row.staffUserId,
		message: row.message,
		kind: row.kind,
		agreedAt: row.agreedAt.toISOString(),
		isSample: row.isSample,
		createdAt: row.createdAt.toISOString(),
		statusChangedAt: row.statusChangedAt.toISOString(),
		history: events.filter((event) => event.referralId === row.id).map((event) => ({ status: event.status, side: event.side, at: event.at.toISOString() })),
		next: nextReferralStatuses(row.status)
	}));
}
export type CaseReferral = Awaited<ReturnType<typeof referralsWhere>>[number];

async function appointmentsWhere(ctx: RequestContext, caseload: Caseload, where: SQL | undefined) {
	const rows = await ctx.db
		.select()
		.from(caseAppointment)
		.where(and(eq(caseAppointment.caseload, caseload.key), where))
		.orderBy(desc(caseAppointment.startsAt), asc(caseAppointment.id));
	const teams = await caseload.teamNames(ctx.db, [...new Set(rows.map((row) => row.teamId))]);
	return rows.map((row) => ({
		id: row.id,
		startsAt: row.startsAt.toISOString(),
		mode: row.mode,
		purpose: row.purpose,
		status: row.status,
		staff: row.staffLabel,
		team: { id: row.teamId, name: teams.get(row.teamId) ?? '' },
		isSample: row.isSample
	}));
}
export type CaseAppointment = Awaited<ReturnType<typeof appointmentsWhere>>[number];

/**
 * A staff member opens a person's file: who they are, the team following them, its notes, appointments
 * and referrals. The module reads (and audits the read of) its own part, such as a profile.
 */
export async function openCaseFile(ctx: RequestContext, caseload: Caseload, personId: string) {
	const actor = requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	const ofTeam = (table: CaseTable) => inFile(table, caseload, personId, team.teamId);
	const [[person], notes, appointments, referrals, documents, needs] = await Promise.all([
		ctx.db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(eq(user.id, personId)),
		ctx.db
			.select()
			.from(caseNote)
			.where(ofTeam(caseNote))
			.orderBy(desc(caseNote.createdAt), asc(caseNote.id)),
		appointmentsWhere(ctx, caseload, ofTeam(caseAppointment)),
		referralsWhere(ctx, caseload, ofTeam(caseReferral)),
		documentsOfFile(ctx.db, caseload, personId, team.teamId),
		needsOfFile(ctx.db, caseload, personId, team.teamId)
	]);
	if (!person) throw new AppError('not_found');
	return {
		person,
		team: { id: team.teamId, name: team.teamName },
		notes: notes.map((note) => ({
			id: note.id,
			body: note.body,
			author: note.authorLabel,
			mine: note.authorUserId === actor.userId,
			isSample: note.isSample,
			createdAt: note.createdAt.toISOString()
		})),
		appointments,
		referrals,
		documents,
		needs
	};
}
export type CaseFile = Awaited<ReturnType<typeof openCaseFile>>;

/** The person's name and team, for pages that need them (the referral form); not found outside the staff's teams. */
export async function followedPerson(ctx: RequestContext, caseload: Caseload, personId: string) {
	requireStaff(ctx, caseload.actions.refer);
	const team = await followedBy(ctx, caseload, personId);
	return { id: personId, name: await userName(ctx.db, personId), team: { id: team.teamId, name: team.teamName } };
}

// ---------- notes ----------

/** A private note; the audit trail records that it was written, never its text. */
export async function addCaseNote(ctx: RequestContext, caseload: Caseload, personId: string, raw: unknown) {
	const actor = requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	const { body } = parseOrThrow(NoteInput, raw);
	const authorLabel = await userName(ctx.db, actor.userId);
	return ctx.transaction(async ({ db, audit }) => {
		const [created] = await db
			.insert(caseNote)
			.values({ caseload: caseload.key, teamId: team.teamId, personUserId: personId, authorUserId: actor.userId, authorLabel, body, createdAt: ctx.now() })
			.returning();
		// the events keep the keys the Jobs follow-up always wrote (seekerId, agencyId…): one trail before and after ADR 0010
		await recordAudit(db, audit, {
			action: `${caseload.audit.note}.create`,
			resourceType: caseload.audit.note,
			resourceId: created.id,
			after: { seekerId: personId, agencyId: team.teamId, fields: ['body'] }
		});
		return created;
	});
}

/** Its author removes a note (written by mistake, or about the wrong person). */
export async function deleteCaseNote(ctx: RequestContext, caseload: Caseload, personId: string, noteId: string) {
	const actor = requireStaff(ctx, caseload.actions.writeNotes);
	const team = await followedBy(ctx, caseload, personId);
	if (!isCaseworkId(noteId)) throw new AppError('not_found');
	await ctx.transaction(async ({ db, audit }) => {
		const removed = await db
			.delete(caseNote)
			.where(
				and(eq(caseNote.id, noteId), inFile(caseNote, caseload, personId, team.teamId), eq(caseNote.authorUserId, actor.userId))
			)
			.returning({ id: caseNote.id });
		if (removed.length === 0) throw new AppError('not_found');
		await recordAudit(db, audit, { action: `${caseload.audit.note}.delete`, resourceType: caseload.audit.note, resourceId: noteId, before: { seekerId: personId } });
	});
}

// ---------- appointments ----------

/** Plans an appointment with the person; they are e-mailed. */
export async function planAppointment(ctx: RequestContext, caseload: Caseload, personId: string, raw: unknown) {
	const actor = requireStaff(ctx, caseload.actions.planAppointments);
	const team = await followedBy(ctx, caseload, personId);
	const input = parseOrThrow(AppointmentInput, raw);
	const startsAt = localDateTimeToInstant(input.startsAt);
	const now = ctx.now();
	// an appointment is planned ahead; one a few hours back is still accepted (recorded after the fact)
	if (startsAt.getTime() < now.getTime() - 24 * 3600_000) {
		throw new AppError('invalid_input', { fields: [{ path: 'startsAt', messageKey: 'field_invalid' }], extra: { reason: 'in_the_past' } });
	}
	const staffLabel = await userName(ctx.db, actor.userId);
	const created = await ctx.transaction(async ({ db, audit }) => {
		const [row] = await db
			.insert(caseAppointment)
			.values({
				caseload: caseload.key,
				teamId: team.teamId,
				personUserId: personId,
				staffUserId: actor.userId,
				staffLabel,
				startsAt,
				mode: input.mode,
				purpose: input.purpose,
				status: 'planned',
				createdAt: now,
				updatedAt: now
			})
			.returning();
		await recordAudit(db, audit, {
			action: `${caseload.audit.appointment}.create`,
			resourceType: caseload.audit.appointment,
			resourceId: row.id,
			after: { seekerId: personId, agencyId: team.teamId, startsAt: startsAt.toISOString(), mode: input.mode, status: 'planned' }
		});
		return row;
	});
	await mailPerson(ctx, caseload, personId, 'appointment_planned', (language) => appointmentValues(language, created, team.teamName), caseload.paths.person);
	return created;
}

/** Records how an appointment went (held, missed) or cancels it; a cancellation is e-mailed to the person. */
export async function setAppointmentStatus(ctx: RequestContext, caseload: Caseload, personId: string, appointmentId: string, raw: unknown) {
	requireStaff(ctx, caseload.actions.planAppointments);
	const team = await followedBy(ctx, caseload, personId);
	const { status } = parseOrThrow(AppointmentStatusInput, raw);
	if (!isCaseworkId(appointmentId)) throw new AppError('not_found');
	const changed = await ctx.transaction(async ({ db, audit }) => {
		const [before] = await db
			.select()
			.from(caseAppointment)
			.where(
				and(eq(caseAppointment.id, appointmentId), inFile(caseAppointment, caseload, personId, team.teamId))
			)
			.for('update');
		if (!before) throw new AppError('not_found');
		if (before.status === status) return null;
		const [after] = await db.update(caseAppointment).set({ status, updatedAt: ctx.now() }).where(eq(caseAppointment.id, appointmentId)).returning();
		await recordAudit(db, audit, {
			action: `${caseload.audit.appointment}.status`,
			resourceType: caseload.audit.appointment,
			resourceId: appointmentId,
			before: { status: before.status },
			after: { status }
		});
		return after;
	});
	if (changed?.status === 'cancelled') {
		await mailPerson(ctx, caseload, personId, 'appointment_cancelled', (language) => appointmentValues(language, changed, team.teamName), caseload.paths.person);
	}
	return changed;
}

// ---------- referrals ----------

/**
 * Refers the person to an active entry of the caseload's directory, with their agreement. The person is
 * e-mailed, and the entry's organisation is told a referral awaits (without personal data).
 */
export async function refer(ctx: RequestContext, caseload: Caseload, personId: string, raw: unknown) {
	const actor = requireStaff(ctx, caseload.actions.refer);
	const input = parseOrThrow(ReferralInput, raw);
	const team = await followedBy(ctx, caseload, personId);
	const [entry] = await ctx.db.select().from(directoryEntry).where(eq(directoryEntry.id, input.entryId));
	if (!entry || entry.collection !== caseload.directory.key || entry.status !== 'active') {
		throw new AppError('invalid_input', { fields: [{ path: 'entryId', messageKey: 'field_choice' }] });
	}
	const staffLabel = await userName(ctx.db, actor.userId);
	const now = ctx.now();
	const created = await ctx.transaction(async ({ db, audit }) => {
		const [open] = await db
			.select({ id: caseReferral.id })
			.from(caseReferral)
			.where(and(eq(caseReferral.personUserId, personId), eq(caseReferral.entryId, entry.id), inArray(caseReferral.status, openStatuses)));
		if (open) throw new AppError('conflict', { extra: { reason: 'already_referred', referralId: open.id } });
		const [row] = await db
			.insert(caseReferral)
			.values({
				caseload: caseload.key,
				teamId: team.teamId,
				personUserId: personId,
				entryId: entry.id,
				staffUserId: actor.userId,
				staffLabel,
				message: input.message,
				kind: input.kind,
				agreedAt: now,
				status: 'sent',
				statusChangedAt: now,
				createdAt: now
			})
			.returning();
		await db.insert(caseReferralEvent).values({ referralId: row.id, status: 'sent', side: 'team', at: now });
		await recordAudit(db, audit, {
			action: `${caseload.audit.referral}.create`,
			resourceType: caseload.audit.referral,
			resourceId: row.id,
			after: { seekerId: personId, programmeId: entry.id, agencyId: team.teamId, kind: input.kind, status: 'sent', agreedAt: now.toISOString(), fields: ['message'] }
		});
		return row;
	});
	await mailPerson(ctx, caseload, personId, 'referral_sent', (language) => referralMailValues(language, entry.name, 'sent'), caseload.paths.person);
	const members = await ctx.db
		.select({ userId: user.id, role: user.role })
		.from(organisationMember)
		.innerJoin(user, eq(user.id, organisationMember.userId))
		.where(eq(organisationMember.organisationId, entry.organisationId));
	for (const member of members.filter((row) => can({ userId: row.userId, role: row.role, organisationIds: [] }, caseload.actions.answerReferrals))) {
		await mailPerson(ctx, caseload, member.userId, 'referral_new', (language) => ({ programme: pickText(entry.name, language).text }), caseload.paths.entryReferrals);
	}
	return created;
}

/** The caseload a referral belongs to (a page answering the referrals of several caseloads picks the right one), or null. */
export async function caseloadOfReferral(db: DbOrTx, referralId: string): Promise<string | null> {
	if (!isCaseworkId(referralId)) return null;
	const [row] = await db.select({ caseload: caseReferral.caseload }).from(caseReferral).where(eq(caseReferral.id, referralId));
	return row?.caseload ?? null;
}

/** Which side the actor answers from: staff of the referral's team (while it follows the person), or the entry's organisation. */
async function sideOf(ctx: RequestContext, caseload: Caseload, row: { teamId: string; personUserId: string }, entryOrganisationId: string): Promise<ReferralSide | null> {
	if (mayReach(ctx.actor, caseload.actions.refer)) {
		try {
			// the person's team and consent still rule what the staff may do
			return (await caseload.followed(ctx, row.personUserId)).teamId === row.teamId ? 'team' : null;
		} catch {
			return null;
		}
	}
	if (ctx.can(caseload.actions.answerReferrals) && ctx.actor!.organisationIds.includes(entryOrganisationId)) return 'programme';
	return null;
}

/**
 * Moves a referral on (sent → accepted or declined → completed), from the entry's side or the team's;
 * anyone else gets not found. The person is e-mailed in their language; the change is audited.
 */
export async function setReferralStatus(ctx: RequestContext, caseload: Caseload, referralId: string, raw: unknown) {
	if (!mayReach(ctx.actor, caseload.actions.refer)) ctx.require(caseload.actions.answerReferrals);
	const { status } = parseOrThrow(ReferralStatusInput, raw);
	if (!isCaseworkId(referralId)) throw new AppError('not_found');
	const [found] = await ctx.db
		.select({ referral: caseReferral, entryName: directoryEntry.name, organisationId: directoryEntry.organisationId })
		.from(caseReferral)
		.innerJoin(directoryEntry, eq(directoryEntry.id, caseReferral.entryId))
		.where(and(eq(caseReferral.id, referralId), eq(caseReferral.caseload, caseload.key)));
	if (!found) throw new AppError('not_found');
	const side = await sideOf(ctx, caseload, found.referral, found.organisationId);
	if (!side) throw new AppError('not_found');
	const now = ctx.now();
	const changed = await ctx.transaction(async ({ db, audit }) => {
		const [before] = await db.select().from(caseReferral).where(eq(caseReferral.id, referralId)).for('update');
		if (!before) throw new AppError('not_found');
		if (before.status === status) return null;
		if (!transitions[before.status].includes(status)) throw new AppError('conflict', { extra: { reason: 'referral_transition', status: before.status } });
		const [after] = await db.update(caseReferral).set({ status, statusChangedAt: now }).where(eq(caseReferral.id, referralId)).returning();
		await db.insert(caseReferralEvent).values({ referralId, status, side, at: now });
		await recordAudit(db, audit, {
			action: `${caseload.audit.referral}.status`,
			resourceType: caseload.audit.referral,
			resourceId: referralId,
			before: { status: before.status },
			after: { status, side }
		});
		return after;
	});
	if (changed) {
		await mailPerson(ctx, caseload, changed.personUserId, 'referral_status', (language) => referralMailValues(language, found.entryName, status), caseload.paths.person);
	}
	return changed;
}

/** People's name, e-mail and phone (when the module knows it), for the referrals' lists. */
async function contactsOf(ctx: RequestContext, caseload: Caseload, ids: readonly string[]) {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map<string, { id: string; name: string; email: string; phone: string | null }>();
	const [rows, phones] = await Promise.all([
		ctx.db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, unique)),
		caseload.phones?.(ctx.db, unique) ?? new Map<string, string | null>()
	]);
	return new Map(rows.map((row) => [row.id, { ...row, phone: phones.get(row.id) ?? null }]));
}

async function withContacts(ctx: RequestContext, caseload: Caseload, items: CaseReferral[], view: string) {
	const people = await contactsOf(ctx, caseload, items.map((item) => item.personId));
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: caseload.audit.contact, ids: [...new Set(items.map((item) => item.personId))], view });
	return items.map((item) => ({ ...item, person: people.get(item.personId) ?? null }));
}

/**
 * The referrals to the entries of the actor's organisations, newest first, with the person's name and
 * contact details: the read of those is written to the audit trail.
 */
export async function listEntryReferrals(ctx: RequestContext, caseload: Caseload, filter: { status?: ReferralStatus } = {}) {
	const actor = ctx.require(caseload.actions.answerReferrals);
	if (actor.organisationIds.length === 0) return [];
	const conditions: SQL[] = [inArray(directoryEntry.organisationId, [...actor.organisationIds])];
	if (filter.status) conditions.push(eq(caseReferral.status, filter.status));
	return withContacts(ctx, caseload, await referralsWhere(ctx, caseload, and(...conditions)), caseload.audit.entryReferralsView);
}

/** The referrals of the actor's teams for the people the teams still follow, newest first. */
export async function listTeamReferrals(ctx: RequestContext, caseload: Caseload, filter: { status?: ReferralStatus } = {}) {
	requireStaff(ctx, caseload.actions.refer);
	const teams = await caseload.staffTeams(ctx);
	if (teams.length === 0) return [];
	const conditions: SQL[] = [inArray(caseReferral.teamId, teams.map((team) => team.id))];
	if (filter.status) conditions.push(eq(caseReferral.status, filter.status));
	const items = await referralsWhere(ctx, caseload, and(...conditions));
	// the module's rule (a person who left the team or withdrew consent is no longer followed), for all at once
	const followingTeam = await caseload.followedAmong(ctx, [...new Set(items.map((item) => item.personId))]);
	const stillFollowed = items.filter((item) => followingTeam.get(item.personId) === item.team.id);
	return withContacts(ctx, caseload, stillFollowed, caseload.audit.teamReferralsView);
}

// ---------- the person's own view ----------

/** The person's appointments and referrals of this caseload, whatever the team, newest first (never the notes). */
export async function myCasework(ctx: RequestContext, caseload: Caseload) {
	const actor = ctx.require(caseload.actions.seeOwn);
	const [appointments, referrals] = await Promise.all([
		appointmentsWhere(ctx, caseload, eq(caseAppointment.personUserId, actor.userId)),
		referralsWhere(ctx, caseload, eq(caseReferral.personUserId, actor.userId))
	]);
	return { appointments, referrals };
}
