import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation, organisationMember, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, recordPersonalDataRead } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { can, type Actor } from '../../../platform/policy/policy.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { mailUser } from '../../../platform/mail/mail-user.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { defaultLanguage, type Language } from '../../../platform/i18n/languages.ts';
import { takesCefrLevel } from '../../../platform/i18n/spoken-languages.ts';
import { jobOffer, occupation } from '../job-offer.table.ts';
import { employerOrganisationsOf, getPublicOffer, occupationTitle, placeName } from '../jobs.service.ts';
import { ApplicationInput, ConsentInput, ProfileInput, StatusInput, type Profile } from './seekers.schemas.ts';
import {
	jobApplication,
	jobApplicationEvent,
	jobSavedSearch,
	seekerConsentEvent,
	seekerProfile,
	type JobApplicationRecord,
	type SeekerProfileRecord
} from './seekers.table.ts';
import type { ApplicationStatus, ConsentScope } from './seekers.model.ts';
import { readCvFile, removeCvFile, writeCv } from './cv-storage.ts';
import type { FileStore } from '../../../platform/storage/file-store.ts';
import { deleteSavedOffersOf, savedOffersForExport } from '../saved-offers/saved-offers.service.ts';
import { exportFollowUp, removeFollowUpOf } from '../counsellors/follow-up.rights.ts';
import { agency, agencyCounsellor } from '../counsellors/counsellors.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the services need besides the database: the file store (CVs), how to mail, the public address. */
export interface SeekerEnv {
	files: FileStore;
	mailer?: Mailer;
	publicUrl?: string;
}

function requireSeeker(actor: Actor | null | undefined): Actor {
	if (!actor || !can(actor, 'seekers.profile.manage_own')) throw new AppError('forbidden');
	return actor;
}

const profileFields = [
	'phone',
	'city',
	'nationality',
	'residenceStatus',
	'languages',
	'education',
	'educationDetails',
	'experienceYears',
	'experience',
	'skills',
	'occupationCodes',
	'placeCodes',
	'availability',
	'availableFrom'
] as const satisfies readonly (keyof Profile)[];

// ---------- profile ----------

export async function getOwnProfile(ctx: RequestContext): Promise<SeekerProfileRecord | null> {
	const { db, actor } = ctx;
	const seeker = requireSeeker(actor);
	const [row] = await db.select().from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId));
	return row ?? null;
}

/** The profile as the API shows it (never the stored file name). */
export function profileView(row: SeekerProfileRecord) {
	return {
		...Object.fromEntries(profileFields.map((field) => [field, row[field]])),
		consent: { scope: row.consentScope, at: row.consentAt?.toISOString() ?? null },
		cv: row.cvFile && row.cvSize !== null && row.cvUploadedAt ? { size: row.cvSize, uploadedAt: row.cvUploadedAt.toISOString() } : null,
		updatedAt: row.updatedAt.toISOString()
	} as Profile & { consent: { scope: ConsentScope | null; at: string | null }; cv: { size: number; uploadedAt: string } | null; updatedAt: string };
}

async function checkProfile(db: DbOrTx, raw: unknown): Promise<Profile> {
	const input = parseOrThrow(ProfileInput, raw);
	const problems: FieldProblem[] = [];
	if (input.occupationCodes.length) {
		const found = await db
			.select({ code: occupation.code })
			.from(occupation)
			.where(and(inArray(occupation.code, input.occupationCodes), eq(occupation.level, 4)));
		if (found.length !== new Set(input.occupationCodes).size) problems.push({ path: 'occupationCodes', messageKey: 'field_choice' });
	}
	if (new Set(input.languages.map((entry) => entry.language)).size !== input.languages.length) {
		problems.push({ path: 'languages', messageKey: 'field_invalid' });
	}
	input.languages.forEach((entry, index) => {
		if (takesCefrLevel(entry.language) && !entry.level) problems.push({ path: `languages.${index}.level`, messageKey: 'field_required' });
	});
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	// a spoken language has no CEFR level: one given by mistake is not kept
	const languages = input.languages.map((entry) => (takesCefrLevel(entry.language) ? entry : { ...entry, level: null }));
	return { ...input, languages, occupationCodes: [...new Set(input.occupationCodes)], placeCodes: [...new Set(input.placeCodes)], skills: [...new Set(input.skills)] };
}

/** Creates or replaces the caller's profile. The audit trail keeps which fields changed, never their content. */
export async function saveProfile(ctx: RequestContext, raw: unknown) {
	const { db, audit: context, actor } = ctx;
	const seeker = requireSeeker(actor);
	const input = await checkProfile(db, raw);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId)).for('update');
		const now = new Date();
		const [after] = before
			? await tx.update(seekerProfile).set({ ...input, updatedAt: now }).where(eq(seekerProfile.userId, seeker.userId)).returning()
			: await tx.insert(seekerProfile).values({ ...input, userId: seeker.userId }).returning();
		const changed = profileFields.filter((field) => !before || JSON.stringify(before[field]) !== JSON.stringify(after[field]));
		await recordAudit(tx, context, {
			action: before ? 'seeker_profile.update' : 'seeker_profile.create',
			resourceType: 'seeker_profile',
			resourceId: seeker.userId,
			after: { fields: changed }
		});
		return after;
	});
}

/** Gives, changes or withdraws (null) consent; each choice is kept with its date. */
export async function setConsent(ctx: RequestContext, raw: unknown) {
	const { db, audit: context, actor } = ctx;
	const now = ctx.now();
	const seeker = requireSeeker(actor);
	const { scope } = parseOrThrow(ConsentInput, raw);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId)).for('update');
		if (!before) throw new AppError('conflict', { extra: { reason: 'profile_missing' } });
		if (before.consentScope === scope) return before;
		const [after] = await tx
			.update(seekerProfile)
			.set({ consentScope: scope, consentAt: scope ? now : null, updatedAt: now })
			.where(eq(seekerProfile.userId, seeker.userId))
			.returning();
		await tx.insert(seekerConsentEvent).values({ userId: seeker.userId, scope, at: now });
		await recordAudit(tx, context, {
			action: scope ? 'seeker_profile.consent' : 'seeker_profile.consent_withdraw',
			resourceType: 'seeker_profile',
			resourceId: seeker.userId,
			before: { scope: before.consentScope },
			after: { scope }
		});
		return after;
	});
}

export async function consentHistory(db: DbOrTx, userId: string) {
	return db
		.select({ scope: seekerConsentEvent.scope, at: seekerConsentEvent.at })
		.from(seekerConsentEvent)
		.where(eq(seekerConsentEvent.userId, userId))
		.orderBy(asc(seekerConsentEvent.at), asc(seekerConsentEvent.id));
}

// ---------- CV ----------

/**
 * Stores the caller's CV (checked by content: a PDF of at most 5 MB), replacing the previous one.
 * A refused file leaves nothing on disk or in the database.
 */
export async function uploadCv(ctx: RequestContext, bytes: Uint8Array) {
	const env = seekerEnv(ctx);
	const { db, audit: context, actor } = ctx;
	const seeker = requireSeeker(actor);
	const [existing] = await db.select({ userId: seekerProfile.userId }).from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId));
	if (!existing) throw new AppError('conflict', { extra: { reason: 'profile_missing' } });
	const name = await writeCv(env.files, bytes);
	let previous: string | null = null;
	try {
		await db.transaction(async (tx) => {
			const [before] = await tx.select({ cvFile: seekerProfile.cvFile }).from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId)).for('update');
			if (!before) throw new AppError('conflict', { extra: { reason: 'profile_missing' } });
			previous = before.cvFile;
			await tx
				.update(seekerProfile)
				.set({ cvFile: name, cvSize: bytes.byteLength, cvUploadedAt: new Date(), updatedAt: new Date() })
				.where(eq(seekerProfile.userId, seeker.userId));
			await recordAudit(tx, context, {
				action: 'seeker_profile.cv_upload',
				resourceType: 'seeker_profile',
				resourceId: seeker.userId,
				after: { fields: ['cv'], size: bytes.byteLength }
			});
		});
	} catch (error) {
		await removeCvFile(env.files, name);
		throw error;
	}
	await removeCvFile(env.files, previous);
	return { size: bytes.byteLength };
}

export async function removeCv(ctx: RequestContext) {
	const env = seekerEnv(ctx);
	const { db, audit: context, actor } = ctx;
	const seeker = requireSeeker(actor);
	const removed = await db.transaction(async (tx) => {
		const [before] = await tx.select({ cvFile: seekerProfile.cvFile }).from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId)).for('update');
		if (!before?.cvFile) throw new AppError('not_found');
		await tx.update(seekerProfile).set({ cvFile: null, cvSize: null, cvUploadedAt: null, updatedAt: new Date() }).where(eq(seekerProfile.userId, seeker.userId));
		await recordAudit(tx, context, { action: 'seeker_profile.cv_remove', resourceType: 'seeker_profile', resourceId: seeker.userId, after: { fields: ['cv'] } });
		return before.cvFile;
	});
	await removeCvFile(env.files, removed);
}

export async function readOwnCv(ctx: RequestContext): Promise<Buffer> {
	const env = seekerEnv(ctx);
	const { db, actor } = ctx;
	const profile = await getOwnProfile(ctx);
	if (!profile?.cvFile) throw new AppError('not_found');
	return readCvFile(env.files, profile.cvFile);
}

// ---------- who may see a profile ----------

/**
 * Whether the actor may read this person's profile outside an application: the person; counsellors
 * when the person consented (to counsellors or more); employers only when the person consented to employers.
 */
export function profileVisibleTo(actor: Actor | null | undefined, profile: Pick<SeekerProfileRecord, 'userId' | 'consentScope'>): boolean {
	if (!actor) return false;
	if (actor.userId === profile.userId) return true;
	if (can(actor, 'seekers.profile.read') && profile.consentScope !== null) return true;
	if (can(actor, 'seekers.application.manage') && profile.consentScope === 'employers') return true;
	return false;
}

/** A counsellor opens a consenting person's profile: the read is written to the audit trail. */
export async function getProfileForCounsellor(ctx: RequestContext, userId: string) {
	const { db, audit: context, actor } = ctx;
	if (!can(actor, 'seekers.profile.read')) throw new AppError('forbidden');
	const [row] = await db.select().from(seekerProfile).where(eq(seekerProfile.userId, userId));
	if (!row || !profileVisibleTo(actor, row)) throw new AppError('not_found');
	await recordPersonalDataRead(db, context, { resourceType: 'seeker_profile', ids: [userId], view: 'counsellor_profile' });
	return profileView(row);
}

/** A counsellor downloads a consenting person's CV (for the counsellors' space); the read is audited. */
export async function readCvForCounsellor(ctx: RequestContext, userId: string): Promise<Buffer> {
	const env = seekerEnv(ctx);
	const { db, audit: context, actor } = ctx;
	if (!can(actor, 'seekers.profile.read')) throw new AppError('forbidden');
	const [row] = await db.select().from(seekerProfile).where(eq(seekerProfile.userId, userId));
	if (!row || !profileVisibleTo(actor, row) || !row.cvFile) throw new AppError('not_found');
	const bytes = await readCvFile(env.files, row.cvFile);
	await recordPersonalDataRead(db, context, { resourceType: 'seeker_cv', ids: [userId], view: 'counsellor_profile' });
	return bytes;
}

// ---------- applications: the seeker ----------

async function addEvent(tx: DbOrTx, applicationId: string, status: ApplicationStatus, at: Date) {
	await tx.insert(jobApplicationEvent).values({ applicationId, status, at });
}

/** A person's application to an offer, whatever its status (one per person and offer). */
async function applicationTo(db: DbOrTx, userId: string, offerId: string): Promise<{ id: string } | undefined> {
	const [row] = await db
		.select({ id: jobApplication.id })
		.from(jobApplication)
		.where(and(eq(jobApplication.offerId, offerId), eq(jobApplication.userId, userId)));
	return row;
}

/** Whether the person already applied to the offer (a withdrawn application counts: they cannot apply again). */
export async function hasApplied(ctx: RequestContext, offerId: string): Promise<boolean> {
	const { db, actor } = ctx;
	const seeker = requireSeeker(actor);
	return Boolean(await applicationTo(db, seeker.userId, offerId));
}

/** Applies to a public offer with the profile, the CV and a message; the person agrees the employer sees them. */
export async function applyToOffer(ctx: RequestContext, offerId: string, raw: unknown) {
	const env = seekerEnv(ctx);
	const { db, audit: context, actor } = ctx;
	const now = ctx.now();
	const seeker = requireSeeker(actor);
	const input = parseOrThrow(ApplicationInput, raw);
	const offer = await getPublicOffer(db, offerId, defaultLanguage, now);
	// an offer abroad: candidates go through ANAPEC's international placement, not to the employer directly
	if (offer.abroad) throw new AppError('conflict', { extra: { reason: 'offer_abroad' } });
	const application = await db.transaction(async (tx) => {
		const [profile] = await tx.select({ userId: seekerProfile.userId }).from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId));
		if (!profile) throw new AppError('conflict', { extra: { reason: 'profile_missing' } });
		const existing = await applicationTo(tx, seeker.userId, offer.id);
		if (existing) throw new AppError('conflict', { extra: { reason: 'already_applied', applicationId: existing.id } });
		const [created] = await tx
			.insert(jobApplication)
			.values({ offerId: offer.id, userId: seeker.userId, message: input.message, sharedAt: now, status: 'submitted', statusChangedAt: now, createdAt: now })
			.returning();
		await addEvent(tx, created.id, 'submitted', now);
		await recordAudit(tx, context, {
			action: 'job_application.create',
			resourceType: 'job_application',
			resourceId: created.id,
			after: { offerId: offer.id, status: 'submitted', fields: ['message', 'profile', 'cv'] }
		});
		return created;
	});
	await notify(db, env, application, offer.title);
	return application;
}

async function historyOf(db: DbOrTx, ids: string[]) {
	if (ids.length === 0) return new Map<string, { status: ApplicationStatus; at: string }[]>();
	const rows = await db
		.select()
		.from(jobApplicationEvent)
		.where(inArray(jobApplicationEvent.applicationId, ids))
		.orderBy(asc(jobApplicationEvent.at), asc(jobApplicationEvent.id));
	const byApplication = new Map<string, { status: ApplicationStatus; at: string }[]>();
	for (const row of rows) {
		const list = byApplication.get(row.applicationId) ?? [];
		list.push({ status: row.status, at: row.at.toISOString() });
		byApplication.set(row.applicationId, list);
	}
	return byApplication;
}

/** The caller's applications, newest first, each with its status history. */
export async function listMyApplications(ctx: RequestContext) {
	return applicationsOf(ctx.db, requireSeeker(ctx.actor).userId);
}

/** A person's applications, newest first, each with its history (their list, their export). */
async function applicationsOf(db: DbOrTx, userId: string) {
	const rows = await db
		.select({ application: jobApplication, offerTitle: jobOffer.title, employer: organisation.name })
		.from(jobApplication)
		.innerJoin(jobOffer, eq(jobOffer.id, jobApplication.offerId))
		.innerJoin(organisation, eq(organisation.id, jobOffer.organisationId))
		.where(eq(jobApplication.userId, userId))
		.orderBy(desc(jobApplication.createdAt), asc(jobApplication.id));
	const history = await historyOf(db, rows.map((row) => row.application.id));
	return rows.map(({ application, offerTitle, employer }) => ({
		id: application.id,
		offer: { id: application.offerId, title: offerTitle, employer },
		status: application.status,
		message: application.message,
		createdAt: application.createdAt.toISOString(),
		statusChangedAt: application.statusChangedAt.toISOString(),
		history: history.get(application.id) ?? []
	}));
}

const finalStatuses: ApplicationStatus[] = ['withdrawn', 'hired', 'rejected'];

/** The person withdraws an application: the employer no longer sees their profile or CV. */
export async function withdrawApplication(ctx: RequestContext, id: string) {
	const { db, audit: context, actor } = ctx;
	const now = ctx.now();
	const seeker = requireSeeker(actor);
	if (!UUID.test(id)) throw new AppError('not_found');
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(jobApplication).where(and(eq(jobApplication.id, id), eq(jobApplication.userId, seeker.userId))).for('update');
		if (!before) throw new AppError('not_found');
		if (finalStatuses.includes(before.status)) throw new AppError('conflict', { extra: { reason: 'application_final', status: before.status } });
		const [after] = await tx.update(jobApplication).set({ status: 'withdrawn', statusChangedAt: now }).where(eq(jobApplication.id, id)).returning();
		await addEvent(tx, id, 'withdrawn', now);
		await recordAudit(tx, context, { action: 'job_application.withdraw', resourceType: 'job_application', resourceId: id, before: { status: before.status }, after: { status: 'withdrawn' } });
		return after;
	});
}

// ---------- applications: the employer ----------

async function employerOrganisationIds(db: DbOrTx, actor: Actor | null | undefined): Promise<string[]> {
	if (!can(actor, 'seekers.application.manage')) throw new AppError('forbidden');
	return (await employerOrganisationsOf(db, actor)).map((row) => row.id);
}

/** Applications to the offers of the actor's employer organisations (optionally one offer), newest first. */
export async function listEmployerApplications(ctx: RequestContext, filter: { offerId?: string } = {}) {
	const { db, actor } = ctx;
	const organisationIds = await employerOrganisationIds(db, actor);
	if (filter.offerId !== undefined && (!UUID.test(filter.offerId) || organisationIds.length === 0)) throw new AppError('not_found');
	if (organisationIds.length === 0) return [];
	const conditions = [inArray(jobOffer.organisationId, organisationIds)];
	if (filter.offerId) {
		const [own] = await db.select({ id: jobOffer.id }).from(jobOffer).where(and(eq(jobOffer.id, filter.offerId), inArray(jobOffer.organisationId, organisationIds)));
		if (!own) throw new AppError('not_found');
		conditions.push(eq(jobOffer.id, filter.offerId));
	}
	const rows = await db
		.select({ application: jobApplication, offerTitle: jobOffer.title, name: user.name, email: user.email })
		.from(jobApplication)
		.innerJoin(jobOffer, eq(jobOffer.id, jobApplication.offerId))
		.leftJoin(user, eq(user.id, jobApplication.userId))
		.where(and(...conditions))
		.orderBy(desc(jobApplication.createdAt), asc(jobApplication.id));
	return rows.map(({ application, offerTitle, name, email }) => ({
		id: application.id,
		offer: { id: application.offerId, title: offerTitle },
		status: application.status,
		createdAt: application.createdAt.toISOString(),
		// a withdrawn application keeps only its status for the employer
		applicant: name && email && application.status !== 'withdrawn' ? { name, email } : null
	}));
}

/** An application to one of the actor's offers (locked); not_found for anyone else's. */
async function employerApplication(tx: DbOrTx, actor: Actor | null | undefined, id: string, forUpdate = false) {
	const organisationIds = await employerOrganisationIds(tx, actor);
	if (!UUID.test(id) || organisationIds.length === 0) throw new AppError('not_found');
	// The application alone is locked (not its offer): drizzle would qualify `FOR UPDATE OF` with the
	// module's schema, which PostgreSQL refuses, so the lock is its own statement.
	if (forUpdate) await tx.select({ id: jobApplication.id }).from(jobApplication).where(eq(jobApplication.id, id)).for('update');
	const [row] = await tx
		.select({ application: jobApplication, offer: { id: jobOffer.id, title: jobOffer.title, organisationId: jobOffer.organisationId } })
		.from(jobApplication)
		.innerJoin(jobOffer, eq(jobOffer.id, jobApplication.offerId))
		.where(and(eq(jobApplication.id, id), inArray(jobOffer.organisationId, organisationIds)));
	if (!row) throw new AppError('not_found');
	return row;
}

const sharedWithEmployer = (application: JobApplicationRecord) => application.sharedAt !== null && application.userId !== null && application.status !== 'withdrawn';

/**
 * The employer opens an application: the first opening marks it viewed (and tells the person), and the
 * read of their personal data is written to the audit trail. The profile and CV are there only when
 * the person shared them for this application and has not withdrawn it.
 */
export async function openApplication(ctx: RequestContext, id: string) {
	const env = seekerEnv(ctx);
	const { db, audit: context, actor, language } = ctx;
	const now = ctx.now();
	const { application, offer, changed } = await db.transaction(async (tx) => {
		const row = await employerApplication(tx, actor, id, true);
		let current = row.application;
		let changed = false;
		if (current.status === 'submitted') {
			[current] = await tx.update(jobApplication).set({ status: 'viewed', statusChangedAt: now }).where(eq(jobApplication.id, id)).returning();
			await addEvent(tx, id, 'viewed', now);
			await recordAudit(tx, context, { action: 'job_application.status', resourceType: 'job_application', resourceId: id, before: { status: 'submitted' }, after: { status: 'viewed' } });
			changed = true;
		}
		if (sharedWithEmployer(current)) {
			await recordPersonalDataRead(tx, context, { resourceType: 'seeker_profile', ids: [current.userId!], view: `job_application:${id}` });
		}
		return { application: current, offer: row.offer, changed };
	});
	if (changed) await notify(db, env, application, offer.title);
	let applicant: { name: string; email: string } | null = null;
	let profile: ReturnType<typeof profileView> | null = null;
	if (sharedWithEmployer(application)) {
		const [person] = await db.select({ name: user.name, email: user.email }).from(user).where(eq(user.id, application.userId!));
		applicant = person ?? null;
		const [row] = await db.select().from(seekerProfile).where(eq(seekerProfile.userId, application.userId!));
		profile = row ? profileView(row) : null;
	}
	const history = (await historyOf(db, [id])).get(id) ?? [];
	return {
		id,
		offer: { id: offer.id, title: offer.title },
		status: application.status,
		createdAt: application.createdAt.toISOString(),
		message: sharedWithEmployer(application) ? application.message : null,
		shared: sharedWithEmployer(application),
		applicant,
		profile: profile ? await describeProfile(db, profile, language) : null,
		history
	};
}

/** Names for a profile's codes, in a language (occupations and places). */
export async function describeProfile(db: DbOrTx, profile: ReturnType<typeof profileView>, language: Language) {
	const occupations = profile.occupationCodes.length
		? await db.select().from(occupation).where(inArray(occupation.code, profile.occupationCodes)).orderBy(asc(occupation.code))
		: [];
	return {
		...profile,
		occupations: occupations.map((row) => ({ code: row.code, title: occupationTitle(row, language).title })),
		places: profile.placeCodes.map((code) => ({ code, name: placeName(code, language) }))
	};
}

/** The employer's CV download for an application: only when shared with them; the read is audited. */
export async function readApplicationCv(ctx: RequestContext, id: string): Promise<Buffer> {
	const env = seekerEnv(ctx);
	const { db, audit: context, actor } = ctx;
	const { application } = await employerApplication(db, actor, id);
	if (!sharedWithEmployer(application)) throw new AppError('not_found');
	const [profile] = await db.select({ cvFile: seekerProfile.cvFile }).from(seekerProfile).where(eq(seekerProfile.userId, application.userId!));
	if (!profile?.cvFile) throw new AppError('not_found');
	const bytes = await readCvFile(env.files, profile.cvFile);
	await recordPersonalDataRead(db, context, { resourceType: 'seeker_cv', ids: [application.userId!], view: `job_application:${id}` });
	return bytes;
}

/** The employer moves an application on (viewed, shortlisted, interview, rejected, hired); the person is e-mailed. */
export async function setApplicationStatus(ctx: RequestContext, id: string, raw: unknown) {
	const env = seekerEnv(ctx);
	const { db, audit: context, actor } = ctx;
	const now = ctx.now();
	const { status } = parseOrThrow(StatusInput, raw);
	const { application, offerTitle } = await db.transaction(async (tx) => {
		const row = await employerApplication(tx, actor, id, true);
		const before = row.application;
		if (before.status === 'withdrawn' || before.userId === null) throw new AppError('conflict', { extra: { reason: 'application_withdrawn' } });
		if (before.status === status) return { application: null, offerTitle: row.offer.title };
		const [after] = await tx.update(jobApplication).set({ status, statusChangedAt: now }).where(eq(jobApplication.id, id)).returning();
		await addEvent(tx, id, status, now);
		await recordAudit(tx, context, { action: 'job_application.status', resourceType: 'job_application', resourceId: id, before: { status: before.status }, after: { status } });
		return { application: after, offerTitle: row.offer.title };
	});
	if (application) await notify(db, env, application, offerTitle);
	return application;
}

// ---------- e-mails ----------

/** Tells the person their application's status, after the change is committed (a mail failure changes nothing). */
async function notify(db: DbOrTx, env: SeekerEnv, application: JobApplicationRecord, offerTitle: string): Promise<boolean> {
	if (!application.userId) return false;
	const key = application.status === 'submitted' ? 'seekers.email_submitted' : 'seekers.email_status';
	return mailUser({ db, ...env }, application.userId, key, (language) => ({ offer: offerTitle, status: translate(language, `seekers.status_${application.status}`) }), '/jobs/applications');
}

// ---------- the person's data (the module's personal-data hooks, see personal-data.ts) ----------

/** The job-seeker part of a person's export. */
export async function exportSeekerData(db: DbOrTx, actor: Actor) {
	const userId = actor.userId;
	const [profile, consent, searches, agenciesServed] = await Promise.all([
		db.select().from(seekerProfile).where(eq(seekerProfile.userId, userId)),
		consentHistory(db, userId),
		db
			.select({ query: jobSavedSearch.query, alert: jobSavedSearch.alert, createdAt: jobSavedSearch.createdAt })
			.from(jobSavedSearch)
			.where(eq(jobSavedSearch.userId, userId)),
		// a counsellor's own side: the agencies they serve
		db
			.select({ name: agency.name, city: agency.city, since: agencyCounsellor.createdAt })
			.from(agencyCounsellor)
			.innerJoin(agency, eq(agency.id, agencyCounsellor.agencyId))
			.where(eq(agencyCounsellor.userId, userId))
	]);
	const applications = can(actor, 'seekers.profile.manage_own') ? await applicationsOf(db, userId) : [];
	return {
		profile: profile[0] ? profileView(profile[0]) : null,
		consentHistory: consent.map((entry) => ({ scope: entry.scope, at: entry.at.toISOString() })),
		applications,
		savedSearches: searches,
		savedOffers: await savedOffersForExport(db, userId),
		followUp: await exportFollowUp(db, userId),
		agenciesServed
	};
}

/**
 * Inside the account deletion: the profile, CV file (once committed), consent history, saved searches
 * and offers, follow-up; applications stay for the employer's history as status and dates only.
 */
export async function eraseSeekerData(tx: DbOrTx, userId: string, now: Date, host: { files: FileStore }) {
	const [profile] = await tx.select({ cvFile: seekerProfile.cvFile }).from(seekerProfile).where(eq(seekerProfile.userId, userId));
	const anonymised = await tx
		.update(jobApplication)
		.set({
			userId: null,
			message: null,
			sharedAt: null,
			anonymisedAt: now,
			status: sql`case when ${jobApplication.status} in ('hired', 'rejected', 'withdrawn') then ${jobApplication.status} else 'withdrawn' end`,
			statusChangedAt: now
		})
		.where(eq(jobApplication.userId, userId))
		.returning({ id: jobApplication.id });
	await tx.delete(seekerProfile).where(eq(seekerProfile.userId, userId));
	await tx.delete(seekerConsentEvent).where(eq(seekerConsentEvent.userId, userId));
	await tx.delete(jobSavedSearch).where(eq(jobSavedSearch.userId, userId));
	await deleteSavedOffersOf(tx, userId);
	await removeFollowUpOf(tx, userId);
	const cvFile = profile?.cvFile ?? null;
	return {
		removed: ['profile', 'cv', 'consent_history', 'saved_searches', 'saved_offers', 'follow_up'],
		audit: { anonymisedApplications: anonymised.map((row) => row.id) },
		afterCommit: () => removeCvFile(host.files, cvFile)
	};
}

/** What the deletion page and the API say is kept. */
export const keptAfterDeletion = ['audit_trail', 'applications_anonymised'] as const;

export type { ApplicationStatus };
export { readCvFile };

/** The file store and mail of the request (CVs, e-mails to applicants). */
function seekerEnv(ctx: RequestContext): SeekerEnv {
	return {
		// asked for only when a file is read or written, after the access checks
		get files() {
			if (!ctx.files) throw new Error('CVs need the file store: build the context with the app’s files');
			return ctx.files;
		},
		mailer: ctx.mailer ?? undefined,
		publicUrl: ctx.publicUrl
	};
}
