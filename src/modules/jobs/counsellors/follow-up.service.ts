// The follow-up of a job seeker by their agency: the counsellors' list of the agency's seekers, the
// seeker's file (profile read-only, private notes, appointments, referrals), referrals to support
// programmes and their answer by the programme's organisation, and the person's own view.
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { searchWords } from '../../../platform/db/search-words.ts';
import { organisation, organisationMember, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, recordPersonalDataRead, type AuditContext } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { formatInPlatformZone, localDateTimeToInstant } from '../../../platform/time-zone.ts';
import { can, type Actor } from '../../../platform/policy/policy.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { occupation } from '../job-offer.table.ts';
import { occupationTitle } from '../jobs.service.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { supportProgrammes } from '../programmes.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';
import { describeProfile, getProfileForCounsellor, readCvForCounsellor } from '../seekers/seekers.service.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { counsellorAgencies, UUID } from './agencies.service.ts';
import { mailPerson, type FollowUpEnv } from './counsellors.email.ts';
import { AppointmentInput, AppointmentStatusInput, NoteInput, ReferralInput, ReferralStatusInput, type SeekerListQuery } from './counsellors.schemas.ts';
import { agency, agencyCounsellor, appointment, followUpNote, referral, referralEvent, seekerAgency, type ReferralRecord } from './counsellors.table.ts';
import type { ReferralSide, ReferralStatus } from './counsellors.model.ts';

export type { FollowUpEnv };

// ---------- who follows whom ----------

const openStatuses: ReferralStatus[] = ['sent', 'accepted'];

/**
 * The person as their counsellor may see them: they chose one of the counsellor's agencies and consented
 * to counsellors. Anyone else, or without consent: not found (nothing tells the person exists).
 */
async function followedSeeker(db: DbOrTx, actor: Actor | null | undefined, seekerId: string) {
	const agencies = await counsellorAgencies(db, actor);
	if (agencies.length === 0 || !seekerId || seekerId.length > 100) throw new AppError('not_found');
	const [row] = await db
		.select({ agencyId: seekerAgency.agencyId, agencyName: agency.name, name: user.name, email: user.email, consentScope: seekerProfile.consentScope, phone: seekerProfile.phone })
		.from(seekerAgency)
		.innerJoin(agency, eq(agency.id, seekerAgency.agencyId))
		.innerJoin(user, eq(user.id, seekerAgency.userId))
		.innerJoin(seekerProfile, eq(seekerProfile.userId, seekerAgency.userId))
		.where(
			and(
				eq(seekerAgency.userId, seekerId),
				inArray(
					seekerAgency.agencyId,
					agencies.map((row) => row.id)
				),
				isNotNull(seekerProfile.consentScope)
			)
		);
	if (!row) throw new AppError('not_found');
	return { ...row, seekerId, actor: actor! };
}

function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const PAGE_SIZE = 50;

/**
 * The job seekers of the counsellor's agencies who consented to counsellors: search by name, e-mail
 * or occupation, filters. The names shown are a read of personal data: the audit trail records it.
 */
export async function listAgencySeekers(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, query: SeekerListQuery, now: Date = new Date()) {
	const agencies = await counsellorAgencies(db, actor);
	const empty = { agencies, total: 0, page: query.page, pageSize: PAGE_SIZE, items: [] };
	if (agencies.length === 0) return empty;
	if (query.agency && !agencies.some((row) => row.id === query.agency)) {
		throw new AppError('invalid_input', { fields: [{ path: 'agency', messageKey: 'field_choice' }] });
	}
	const scope = query.agency ? [query.agency] : agencies.map((row) => row.id);
	const conditions: SQL[] = [inArray(seekerAgency.agencyId, scope), isNotNull(seekerProfile.consentScope)];
	for (const word of searchWords(query.q, 6)) {
		const pattern = likePattern(word);
		conditions.push(
			or(
				sql`search_normalise(${user.name} || ' ' || ${user.email}) like search_normalise(${pattern})`,
				sql`exists (select 1 from ${occupation} where ${occupation.code} = any(${seekerProfile.occupationCodes}) and search_normalise(coalesce(${occupation.titleFr}, '') || ' ' || ${occupation.titleEn} || ' ' || coalesce(${occupation.titleAr}, '')) like search_normalise(${pattern}))`
			)!
		);
	}
	if (query.occupation) {
		conditions.push(sql`exists (select 1 from unnest(${seekerProfile.occupationCodes}) as c(code) where c.code like ${`${query.occupation}%`})`);
	}
	if (query.residence) conditions.push(eq(seekerProfile.residenceStatus, query.residence));
	if (query.cv === 'yes') conditions.push(isNotNull(seekerProfile.cvFile));
	if (query.cv === 'no') conditions.push(isNull(seekerProfile.cvFile));
	const where = and(...conditions);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: user.id,
				name: user.name,
				agencyId: seekerAgency.agencyId,
				agencyName: agency.name,
				city: seekerProfile.city,
				occupationCodes: seekerProfile.occupationCodes,
				residenceStatus: seekerProfile.residenceStatus,
				hasCv: sql<boolean>`${seekerProfile.cvFile} is not null`,
				updatedAt: seekerProfile.updatedAt,
				openReferrals: sql<number>`(select count(*)::int from ${referral} where ${referral.seekerUserId} = ${user.id} and ${referral.agencyId} = ${seekerAgency.agencyId} and ${referral.status} in ('sent', 'accepted'))`,
				nextAppointment: sql<string | null>`(select min(${appointment.startsAt}) from ${appointment} where ${appointment.seekerUserId} = ${user.id} and ${appointment.agencyId} = ${seekerAgency.agencyId} and ${appointment.status} = 'planned' and ${appointment.startsAt} >= ${now.toISOString()})`
			})
			.from(seekerAgency)
			.innerJoin(agency, eq(agency.id, seekerAgency.agencyId))
			.innerJoin(user, eq(user.id, seekerAgency.userId))
			.innerJoin(seekerProfile, eq(seekerProfile.userId, seekerAgency.userId))
			.where(where)
			.orderBy(asc(sql`lower(${user.name})`), asc(user.id))
			.limit(PAGE_SIZE)
			.offset((query.page - 1) * PAGE_SIZE),
		db
			.select({ total: sql<number>`count(*)::int` })
			.from(seekerAgency)
			.innerJoin(user, eq(user.id, seekerAgency.userId))
			.innerJoin(seekerProfile, eq(seekerProfile.userId, seekerAgency.userId))
			.where(where)
	]);
	await recordPersonalDataRead(db, context, { resourceType: 'seeker_profile', ids: rows.map((row) => row.id), view: 'counsellor_seekers' });
	return {
		agencies,
		total,
		page: query.page,
		pageSize: PAGE_SIZE,
		items: rows.map((row) => ({
			id: row.id,
			name: row.name,
			agency: { id: row.agencyId, name: row.agencyName },
			city: row.city,
			occupationCodes: row.occupationCodes,
			residenceStatus: row.residenceStatus,
			hasCv: Boolean(row.hasCv),
			openReferrals: Number(row.openReferrals),
			nextAppointment: row.nextAppointment ? new Date(row.nextAppointment).toISOString() : null,
			updatedAt: row.updatedAt.toISOString()
		}))
	};
}

// ---------- the seeker's file ----------

async function referralsWhere(db: DbOrTx, where: SQL | undefined, language: Language) {
	const rows = await db
		.select({
			referral,
			programmeName: directoryEntry.name,
			organisationId: organisation.id,
			organisationName: organisation.name,
			agencyName: agency.name
		})
		.from(referral)
		.innerJoin(directoryEntry, eq(directoryEntry.id, referral.programmeId))
		.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
		.innerJoin(agency, eq(agency.id, referral.agencyId))
		.where(where)
		.orderBy(desc(referral.createdAt), asc(referral.id));
	const ids = rows.map((row) => row.referral.id);
	const events = ids.length
		? await db.select().from(referralEvent).where(inArray(referralEvent.referralId, ids)).orderBy(asc(referralEvent.at), asc(referralEvent.id))
		: [];
	return rows.map((row) => ({
		id: row.referral.id,
		seekerUserId: row.referral.seekerUserId,
		status: row.referral.status,
		programme: { id: row.referral.programmeId, name: pickText(row.programmeName, language).text, organisation: row.organisationName, organisationId: row.organisationId },
		agency: { id: row.referral.agencyId, name: row.agencyName },
		counsellor: row.referral.counsellorLabel,
		counsellorUserId: row.referral.counsellorUserId,
		message: row.referral.message,
		agreedAt: row.referral.agreedAt.toISOString(),
		isSample: row.referral.isSample,
		createdAt: row.referral.createdAt.toISOString(),
		statusChangedAt: row.referral.statusChangedAt.toISOString(),
		history: events.filter((event) => event.referralId === row.referral.id).map((event) => ({ status: event.status, side: event.side, at: event.at.toISOString() }))
	}));
}

async function appointmentsWhere(db: DbOrTx, where: SQL | undefined) {
	const rows = await db
		.select({ appointment, agencyName: agency.name })
		.from(appointment)
		.innerJoin(agency, eq(agency.id, appointment.agencyId))
		.where(where)
		.orderBy(desc(appointment.startsAt), asc(appointment.id));
	return rows.map(({ appointment: row, agencyName }) => ({
		id: row.id,
		startsAt: row.startsAt.toISOString(),
		mode: row.mode,
		purpose: row.purpose,
		status: row.status,
		counsellor: row.counsellorLabel,
		agency: agencyName,
		isSample: row.isSample
	}));
}

/**
 * A counsellor opens a person's follow-up file: the profile read-only (the read is audited by the
 * seekers' service), the notes, appointments and referrals of the agency.
 */
export async function openFollowUp(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, seekerId: string, language: Language) {
	const seeker = await followedSeeker(db, actor, seekerId);
	const profile = await getProfileForCounsellor(db, context, actor, seekerId);
	const [notes, appointments, referrals] = await Promise.all([
		db
			.select()
			.from(followUpNote)
			.where(and(eq(followUpNote.seekerUserId, seekerId), eq(followUpNote.agencyId, seeker.agencyId)))
			.orderBy(desc(followUpNote.createdAt), asc(followUpNote.id)),
		appointmentsWhere(db, and(eq(appointment.seekerUserId, seekerId), eq(appointment.agencyId, seeker.agencyId))),
		referralsWhere(db, and(eq(referral.seekerUserId, seekerId), eq(referral.agencyId, seeker.agencyId)), language)
	]);
	return {
		person: { id: seekerId, name: seeker.name, email: seeker.email },
		agency: { id: seeker.agencyId, name: seeker.agencyName },
		profile: await describeProfile(db, profile, language),
		notes: notes.map((note) => ({
			id: note.id,
			body: note.body,
			author: note.authorLabel,
			mine: note.authorUserId === seeker.actor.userId,
			isSample: note.isSample,
			createdAt: note.createdAt.toISOString()
		})),
		appointments,
		referrals
	};
}

/** The person's CV for their counsellor; the read is audited. */
export async function readFollowedSeekerCv(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, env: FollowUpEnv, seekerId: string) {
	await followedSeeker(db, actor, seekerId);
	return readCvForCounsellor(db, context, actor, env, seekerId);
}

/** The person's name for pages that need it (the referral form); not found outside the counsellor's agencies. */
export async function followedSeekerName(db: DbOrTx, actor: Actor | null | undefined, seekerId: string) {
	const seeker = await followedSeeker(db, actor, seekerId);
	return { id: seekerId, name: seeker.name, agency: { id: seeker.agencyId, name: seeker.agencyName } };
}

// ---------- notes ----------

/** A private note; the audit trail records that it was written, never its text. */
export async function addNote(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, seekerId: string, raw: unknown, now: Date = new Date()) {
	const seeker = await followedSeeker(db, actor, seekerId);
	const { body } = parseOrThrow(NoteInput, raw);
	const [author] = await db.select({ name: user.name }).from(user).where(eq(user.id, seeker.actor.userId));
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(followUpNote)
			.values({ seekerUserId: seekerId, agencyId: seeker.agencyId, authorUserId: seeker.actor.userId, authorLabel: author?.name ?? '', body, createdAt: now })
			.returning();
		await recordAudit(tx, context, { action: 'follow_up_note.create', resourceType: 'follow_up_note', resourceId: created.id, after: { seekerId, agencyId: seeker.agencyId, fields: ['body'] } });
		return created;
	});
}

/** Its author removes a note (written by mistake, or about the wrong person). */
export async function deleteNote(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, seekerId: string, noteId: string) {
	const seeker = await followedSeeker(db, actor, seekerId);
	if (!UUID.test(noteId)) throw new AppError('not_found');
	return db.transaction(async (tx) => {
		const removed = await tx
			.delete(followUpNote)
			.where(
				and(
					eq(followUpNote.id, noteId),
					eq(followUpNote.seekerUserId, seekerId),
					eq(followUpNote.agencyId, seeker.agencyId),
					eq(followUpNote.authorUserId, seeker.actor.userId)
				)
			)
			.returning({ id: followUpNote.id });
		if (removed.length === 0) throw new AppError('not_found');
		await recordAudit(tx, context, { action: 'follow_up_note.delete', resourceType: 'follow_up_note', resourceId: noteId, before: { seekerId } });
	});
}

// ---------- appointments ----------

function appointmentValues(language: Language, row: { startsAt: Date; mode: string; purpose: string }, agencyName: string) {
	return {
		when: formatInPlatformZone(language === 'ar' ? 'ar-MA' : language === 'en' ? 'en-GB' : 'fr-MA', row.startsAt, { dateStyle: 'full', timeStyle: 'short' }),
		mode: translate(language, `counsellors.mode_${row.mode}`),
		purpose: row.purpose,
		agency: agencyName
	};
}

/** Plans an appointment with the person; they are e-mailed. */
export async function planAppointment(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, env: FollowUpEnv, seekerId: string, raw: unknown, now: Date = new Date()) {
	const seeker = await followedSeeker(db, actor, seekerId);
	const input = parseOrThrow(AppointmentInput, raw);
	const startsAt = localDateTimeToInstant(input.startsAt);
	// an appointment is planned ahead; one a few hours back is still accepted (recorded after the fact)
	if (startsAt.getTime() < now.getTime() - 24 * 3600_000) throw new AppError('invalid_input', { fields: [{ path: 'startsAt', messageKey: 'field_invalid' }], extra: { reason: 'in_the_past' } });
	const [counsellor] = await db.select({ name: user.name }).from(user).where(eq(user.id, seeker.actor.userId));
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(appointment)
			.values({
				seekerUserId: seekerId,
				agencyId: seeker.agencyId,
				counsellorUserId: seeker.actor.userId,
				counsellorLabel: counsellor?.name ?? '',
				startsAt,
				mode: input.mode,
				purpose: input.purpose,
				status: 'planned',
				createdAt: now,
				updatedAt: now
			})
			.returning();
		await recordAudit(tx, context, {
			action: 'appointment.create',
			resourceType: 'appointment',
			resourceId: row.id,
			after: { seekerId, agencyId: seeker.agencyId, startsAt: startsAt.toISOString(), mode: input.mode, status: 'planned' }
		});
		return row;
	});
	await mailPerson(db, env, seekerId, 'appointment_planned', (language) => appointmentValues(language, created, seeker.agencyName), '/jobs/profile/follow-up');
	return created;
}

/** Records how an appointment went (held, missed) or cancels it; a cancellation is e-mailed to the person. */
export async function setAppointmentStatus(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, env: FollowUpEnv, seekerId: string, appointmentId: string, raw: unknown) {
	const seeker = await followedSeeker(db, actor, seekerId);
	const { status } = parseOrThrow(AppointmentStatusInput, raw);
	if (!UUID.test(appointmentId)) throw new AppError('not_found');
	const changed = await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(appointment)
			.where(and(eq(appointment.id, appointmentId), eq(appointment.seekerUserId, seekerId), eq(appointment.agencyId, seeker.agencyId)))
			.for('update');
		if (!before) throw new AppError('not_found');
		if (before.status === status) return null;
		const [after] = await tx.update(appointment).set({ status, updatedAt: new Date() }).where(eq(appointment.id, appointmentId)).returning();
		await recordAudit(tx, context, { action: 'appointment.status', resourceType: 'appointment', resourceId: appointmentId, before: { status: before.status }, after: { status } });
		return after;
	});
	if (changed?.status === 'cancelled') {
		await mailPerson(db, env, seekerId, 'appointment_cancelled', (language) => appointmentValues(language, changed, seeker.agencyName), '/jobs/profile/follow-up');
	}
	return changed;
}

// ---------- referrals ----------

/** The moves a referral may make: the programme answers a new referral, then says when it is done. */
const transitions: Record<ReferralStatus, ReferralStatus[]> = {
	sent: ['accepted', 'declined'],
	accepted: ['completed'],
	declined: [],
	completed: []
};

export function nextReferralStatuses(status: ReferralStatus): ReferralStatus[] {
	return transitions[status];
}

function referralMailValues(language: Language, programmeName: Parameters<typeof pickText>[0], status: ReferralStatus) {
	return { programme: pickText(programmeName, language).text, status: translate(language, `counsellors.referral_status_${status}`) };
}

/**
 * The counsellor refers the person to an active programme of the directory, with their agreement. The
 * person is e-mailed, and the programme's organisation is told a referral awaits (without personal data).
 */
export async function referToProgramme(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, env: FollowUpEnv, raw: unknown, now: Date = new Date()) {
	const input = parseOrThrow(ReferralInput, raw);
	const seeker = await followedSeeker(db, actor, input.seekerId);
	const [programme] = await db.select().from(directoryEntry).where(eq(directoryEntry.id, input.programmeId));
	if (!programme || programme.collection !== supportProgrammes.key || programme.status !== 'active') throw new AppError('invalid_input', { fields: [{ path: 'programmeId', messageKey: 'field_choice' }] });
	const [counsellor] = await db.select({ name: user.name }).from(user).where(eq(user.id, seeker.actor.userId));
	const created = await db.transaction(async (tx) => {
		const [open] = await tx
			.select({ id: referral.id })
			.from(referral)
			.where(and(eq(referral.seekerUserId, input.seekerId), eq(referral.programmeId, programme.id), inArray(referral.status, openStatuses)));
		if (open) throw new AppError('conflict', { extra: { reason: 'already_referred', referralId: open.id } });
		const [row] = await tx
			.insert(referral)
			.values({
				seekerUserId: input.seekerId,
				programmeId: programme.id,
				agencyId: seeker.agencyId,
				counsellorUserId: seeker.actor.userId,
				counsellorLabel: counsellor?.name ?? '',
				message: input.message,
				agreedAt: now,
				status: 'sent',
				statusChangedAt: now,
				createdAt: now
			})
			.returning();
		await tx.insert(referralEvent).values({ referralId: row.id, status: 'sent', side: 'counsellor', at: now });
		await recordAudit(tx, context, {
			action: 'referral.create',
			resourceType: 'referral',
			resourceId: row.id,
			after: { seekerId: input.seekerId, programmeId: programme.id, agencyId: seeker.agencyId, status: 'sent', agreedAt: now.toISOString(), fields: ['message'] }
		});
		return row;
	});
	await mailPerson(db, env, input.seekerId, 'referral_sent', (language) => referralMailValues(language, programme.name, 'sent'), '/jobs/profile/follow-up');
	const partners = await db
		.select({ userId: user.id })
		.from(organisationMember)
		.innerJoin(user, eq(user.id, organisationMember.userId))
		.where(and(eq(organisationMember.organisationId, programme.organisationId), eq(user.role, 'partner')));
	for (const partner of partners) {
		await mailPerson(db, env, partner.userId, 'referral_new', (language) => ({ programme: pickText(programme.name, language).text }), '/jobs/programmes/referrals');
	}
	return created;
}

/** Which side the actor acts from on this referral, or null: the agency's counsellor, or the programme's organisation. */
async function sideOf(db: DbOrTx, actor: Actor | null | undefined, row: ReferralRecord, programmeOrganisationId: string): Promise<ReferralSide | null> {
	if (!actor) return null;
	if (can(actor, 'counsellors.follow_up')) {
		const [assigned] = await db
			.select({ userId: agencyCounsellor.userId })
			.from(agencyCounsellor)
			.where(and(eq(agencyCounsellor.agencyId, row.agencyId), eq(agencyCounsellor.userId, actor.userId)));
		if (!assigned) return null;
		// the person's consent and agency still rule what the counsellor may do
		try {
			await followedSeeker(db, actor, row.seekerUserId);
		} catch {
			return null;
		}
		return 'counsellor';
	}
	if (can(actor, 'counsellors.referral.respond') && actor.organisationIds.includes(programmeOrganisationId)) return 'programme';
	return null;
}

/**
 * Moves a referral on (sent → accepted or declined → completed), from the programme's side or the
 * agency's; anyone else gets not found. The person is e-mailed in their language; the change is audited.
 */
export async function setReferralStatus(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, env: FollowUpEnv, referralId: string, raw: unknown, now: Date = new Date()) {
	const { status } = parseOrThrow(ReferralStatusInput, raw);
	if (!UUID.test(referralId)) throw new AppError('not_found');
	const [found] = await db
		.select({ referral, programmeName: directoryEntry.name, organisationId: directoryEntry.organisationId })
		.from(referral)
		.innerJoin(directoryEntry, eq(directoryEntry.id, referral.programmeId))
		.where(eq(referral.id, referralId));
	if (!found) throw new AppError('not_found');
	const side = await sideOf(db, actor, found.referral, found.organisationId);
	if (!side) throw new AppError('not_found');
	const changed = await db.transaction(async (tx) => {
		const [before] = await tx.select().from(referral).where(eq(referral.id, referralId)).for('update');
		if (!before) throw new AppError('not_found');
		if (before.status === status) return null;
		if (!transitions[before.status].includes(status)) throw new AppError('conflict', { extra: { reason: 'referral_transition', status: before.status } });
		const [after] = await tx.update(referral).set({ status, statusChangedAt: now }).where(eq(referral.id, referralId)).returning();
		await tx.insert(referralEvent).values({ referralId, status, side, at: now });
		await recordAudit(tx, context, { action: 'referral.status', resourceType: 'referral', resourceId: referralId, before: { status: before.status }, after: { status, side } });
		return after;
	});
	if (changed) {
		await mailPerson(db, env, changed.seekerUserId, 'referral_status', (language) => referralMailValues(language, found.programmeName, status), '/jobs/profile/follow-up');
	}
	return changed;
}

/**
 * The referrals to the programmes of the actor's organisations (partners), newest first, with the person's
 * name and contact details: the read of those is written to the audit trail.
 */
export async function listProgrammeReferrals(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, language: Language, filter: { status?: ReferralStatus } = {}) {
	if (!actor || !can(actor, 'counsellors.referral.respond')) throw new AppError('forbidden');
	if (actor.organisationIds.length === 0) return [];
	const conditions: SQL[] = [inArray(directoryEntry.organisationId, [...actor.organisationIds])];
	if (filter.status) conditions.push(eq(referral.status, filter.status));
	const items = await referralsWhere(db, and(...conditions), language);
	const people = await contactsOf(db, items.map((item) => item.seekerUserId));
	await recordPersonalDataRead(db, context, { resourceType: 'seeker_contact', ids: [...new Set(items.map((item) => item.seekerUserId))], view: 'programme_referrals' });
	return items.map((item) => ({ ...item, person: people.get(item.seekerUserId) ?? null, next: nextReferralStatuses(item.status) }));
}

async function contactsOf(db: DbOrTx, ids: string[]) {
	if (ids.length === 0) return new Map<string, { id: string; name: string; email: string; phone: string | null }>();
	const rows = await db
		.select({ id: user.id, name: user.name, email: user.email, phone: seekerProfile.phone })
		.from(user)
		.leftJoin(seekerProfile, eq(seekerProfile.userId, user.id))
		.where(inArray(user.id, [...new Set(ids)]));
	return new Map(rows.map((row) => [row.id, row]));
}

/** The referrals of the counsellor's agencies (people who still consent), newest first (the API's list). */
export async function listAgencyReferrals(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, language: Language, filter: { status?: ReferralStatus } = {}) {
	const agencies = await counsellorAgencies(db, actor);
	if (agencies.length === 0) return [];
	const conditions: SQL[] = [
		inArray(
			referral.agencyId,
			agencies.map((row) => row.id)
		),
		sql`exists (select 1 from ${seekerAgency} join ${seekerProfile} on ${seekerProfile.userId} = ${seekerAgency.userId} where ${seekerAgency.userId} = ${referral.seekerUserId} and ${seekerAgency.agencyId} = ${referral.agencyId} and ${seekerProfile.consentScope} is not null)`
	];
	if (filter.status) conditions.push(eq(referral.status, filter.status));
	const items = await referralsWhere(db, and(...conditions), language);
	const people = await contactsOf(db, items.map((item) => item.seekerUserId));
	await recordPersonalDataRead(db, context, { resourceType: 'seeker_contact', ids: [...new Set(items.map((item) => item.seekerUserId))], view: 'counsellor_referrals' });
	return items.map((item) => ({ ...item, person: people.get(item.seekerUserId) ?? null, next: nextReferralStatuses(item.status) }));
}

/** Any referral the actor may see (counsellor of its agency or partner of its programme), for the API. */
export async function listReferralsFor(db: DbOrTx, context: AuditContext, actor: Actor | null | undefined, language: Language, filter: { status?: ReferralStatus } = {}) {
	if (can(actor, 'counsellors.follow_up')) return listAgencyReferrals(db, context, actor, language, filter);
	return listProgrammeReferrals(db, context, actor, language, filter);
}

// ---------- the person's own view ----------

function requireSeeker(actor: Actor | null | undefined): Actor {
	if (!actor || !can(actor, 'seekers.profile.manage_own')) throw new AppError('forbidden');
	return actor;
}

/** The person's appointments and referrals, whatever the agency, newest first. */
export async function myFollowUp(db: DbOrTx, actor: Actor | null | undefined, language: Language) {
	const seeker = requireSeeker(actor);
	const [appointments, referrals] = await Promise.all([
		appointmentsWhere(db, eq(appointment.seekerUserId, seeker.userId)),
		referralsWhere(db, eq(referral.seekerUserId, seeker.userId), language)
	]);
	return { appointments, referrals };
}

/** Occupation titles (ISCO-08 codes → title in the language), for lists. */
export async function occupationTitles(db: DbOrTx, codes: readonly string[], language: Language): Promise<Record<string, string>> {
	const unique = [...new Set(codes)];
	if (unique.length === 0) return {};
	const rows = await db.select().from(occupation).where(inArray(occupation.code, unique));
	return Object.fromEntries(rows.map((row) => [row.code, occupationTitle(row, language).title]));
}
