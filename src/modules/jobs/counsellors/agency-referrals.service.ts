// Associations refer the people they accompany to an ANAPEC agency (issue 16, item 12): the other way of
// the counsellors' referrals to programmes (the platform's casework), with the same statuses, sides and
// e-mails. The association records the person's agreement; the agency answers; the person follows it.
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, recordPersonalDataRead } from '../../../platform/audit/audit.service.ts';
import { referralKinds, referralStatuses, type ReferralStatus } from '../../../platform/casework/casework.model.ts';
import { nextReferralStatuses } from '../../../platform/casework/casework.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { defaultLanguage, isLanguage, type Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import { counsellorAgencies } from './agencies.service.ts';
import { agency, agencyCounsellor, agencyReferral, agencyReferralEvent } from './counsellors.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the association sends: who (their account's e-mail), to which agency, for what, and the agreement. */
export const AgencyReferralInput = z
	.object({
		email: z.email().max(254).describe('the e-mail address of the person’s Sharaka account'),
		agencyId: z.uuid(),
		organisationId: z.uuid().describe('the referring organisation (one of the sender’s)'),
		kind: z.enum(referralKinds).default('employment'),
		message: z.string().trim().min(1).max(2000).describe('what the agency should know; the person sees it too'),
		agreed: z.literal(true).describe('the person agreed to be referred and to share their name and contact details with the agency')
	})
	.meta({ id: 'AgencyReferralInput' });

export const AgencyReferralStatusInput = z.object({ status: z.enum(referralStatuses) }).meta({ id: 'AgencyReferralStatusInput' });

const SIDE_OF_SENDER = 'association';

async function mailTo(ctx: RequestContext, userId: string, key: string, values: (language: Language) => Record<string, string | number>, path: string) {
	if (!ctx.mailer) return;
	const [person] = await ctx.db.select({ email: user.email, name: user.name, locale: user.locale }).from(user).where(eq(user.id, userId));
	if (!person) return;
	const language: Language = isLanguage(person.locale) ? person.locale : defaultLanguage;
	try {
		await ctx.mailer.send(composeEmail(language, person.email, `counsellors.${key}`, { name: person.name, ...values(language), link: `${ctx.publicUrl}/${language}${path}` }));
	} catch {
		// the referral stands; everyone sees it on their page
	}
}

/** An association's staff member refers a person who has an account to an open agency. */
export async function referToAgency(ctx: RequestContext, raw: unknown) {
	const actor = ctx.require('counsellors.agency_referral.send');
	const input = parseOrThrow(AgencyReferralInput, raw);
	if (!(await senderOrganisations(ctx)).some((row) => row.id === input.organisationId)) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
	const [person] = await ctx.db.select({ id: user.id }).from(user).where(sql`lower(${user.email}) = ${input.email.toLowerCase()}`);
	if (!person) throw new AppError('invalid_input', { fields: [{ path: 'email', messageKey: 'field_no_account' }] });
	const [target] = await ctx.db.select().from(agency).where(eq(agency.id, input.agencyId));
	if (!target || target.status !== 'open') throw new AppError('invalid_input', { fields: [{ path: 'agencyId', messageKey: 'field_choice' }] });
	const [sender] = await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, actor.userId));
	const [association] = await ctx.db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, input.organisationId));
	const now = ctx.now();
	const created = await ctx.transaction(async ({ db, audit }) => {
		const [open] = await db
			.select({ id: agencyReferral.id })
			.from(agencyReferral)
			.where(and(eq(agencyReferral.personUserId, person.id), eq(agencyReferral.agencyId, target.id), inArray(agencyReferral.status, ['sent', 'accepted'])));
		if (open) throw new AppError('conflict', { extra: { reason: 'already_referred', referralId: open.id } });
		const [row] = await db
			.insert(agencyReferral)
			.values({
				personUserId: person.id,
				agencyId: target.id,
				organisationId: input.organisationId,
				staffUserId: actor.userId,
				staffLabel: sender?.name ?? '',
				kind: input.kind,
				message: input.message,
				agreedAt: now,
				status: 'sent',
				statusChangedAt: now,
				createdAt: now
			})
			.returning();
		await db.insert(agencyReferralEvent).values({ referralId: row.id, status: 'sent', side: SIDE_OF_SENDER, at: now });
		await recordAudit(db, audit, {
			action: 'agency_referral.create',
			resourceType: 'agency_referral',
			resourceId: row.id,
			after: { personId: person.id, agencyId: target.id, organisationId: input.organisationId, kind: input.kind, status: 'sent', agreedAt: now.toISOString(), fields: ['message'] }
		});
		return row;
	});
	const values = (language: Language) => ({ organisation: association?.name ?? '', agency: target.name, kind: translate(language, `casework.kind_${input.kind}`) });
	await mailTo(ctx, person.id, 'email_agency_referral_sent', values, '/jobs/profile/follow-up');
	const counsellors = await ctx.db.select({ userId: agencyCounsellor.userId }).from(agencyCounsellor).where(eq(agencyCounsellor.agencyId, target.id));
	for (const counsellor of counsellors) await mailTo(ctx, counsellor.userId, 'email_agency_referral_new', values, '/jobs/counsellor/referrals');
	return created;
}

async function referralsWhere(ctx: RequestContext, where: SQL) {
	const rows = await ctx.db
		.select({ referral: agencyReferral, agencyName: agency.name, agencyCity: agency.city, organisationName: organisation.name })
		.from(agencyReferral)
		.innerJoin(agency, eq(agency.id, agencyReferral.agencyId))
		.innerJoin(organisation, eq(organisation.id, agencyReferral.organisationId))
		.where(where)
		.orderBy(desc(agencyReferral.createdAt), asc(agencyReferral.id));
	const ids = rows.map((row) => row.referral.id);
	const events = ids.length
		? await ctx.db.select().from(agencyReferralEvent).where(inArray(agencyReferralEvent.referralId, ids)).orderBy(asc(agencyReferralEvent.at), asc(agencyReferralEvent.id))
		: [];
	return rows.map(({ referral: row, agencyName, agencyCity, organisationName }) => ({
		id: row.id,
		personId: row.personUserId,
		agency: { id: row.agencyId, name: agencyName, city: agencyCity },
		organisation: { id: row.organisationId, name: organisationName },
		staff: row.staffLabel,
		kind: row.kind,
		message: row.message,
		status: row.status,
		agreedAt: row.agreedAt.toISOString(),
		createdAt: row.createdAt.toISOString(),
		statusChangedAt: row.statusChangedAt.toISOString(),
		isSample: row.isSample,
		history: events.filter((event) => event.referralId === row.id).map((event) => ({ status: event.status, side: event.side, at: event.at.toISOString() })),
		next: nextReferralStatuses(row.status)
	}));
}
export type AgencyReferral = Awaited<ReturnType<typeof referralsWhere>>[number];

async function withPeople(ctx: RequestContext, items: AgencyReferral[]) {
	const ids = [...new Set(items.map((item) => item.personId))];
	const people = ids.length ? await ctx.db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, ids)) : [];
	const byId = new Map(people.map((row) => [row.id, row]));
	return items.map((item) => ({ ...item, person: byId.get(item.personId) ?? null }));
}

/** The referrals the actor's agencies received, newest first, with the people's contacts (an audited read). */
export async function listAgencyReferralsReceived(ctx: RequestContext, filter: { status?: ReferralStatus } = {}) {
	const agencies = await counsellorAgencies(ctx);
	if (agencies.length === 0) return [];
	const conditions = [inArray(agencyReferral.agencyId, agencies.map((row) => row.id))];
	if (filter.status) conditions.push(eq(agencyReferral.status, filter.status));
	const items = await withPeople(ctx, await referralsWhere(ctx, and(...conditions)!));
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'seeker_contact', ids: [...new Set(items.map((item) => item.personId))], view: 'agency_referrals' });
	return items;
}

/** The referrals the actor's organisations sent, newest first (the people are those they accompany). */
export async function listAgencyReferralsSent(ctx: RequestContext, filter: { status?: ReferralStatus } = {}) {
	const actor = ctx.require('counsellors.agency_referral.send');
	if (actor.organisationIds.length === 0) return [];
	const conditions = [inArray(agencyReferral.organisationId, [...actor.organisationIds])];
	if (filter.status) conditions.push(eq(agencyReferral.status, filter.status));
	return withPeople(ctx, await referralsWhere(ctx, and(...conditions)!));
}

/** The person's own referrals to agencies. */
export async function myAgencyReferrals(ctx: RequestContext) {
	const actor = ctx.require('seekers.profile.manage_own');
	return referralsWhere(ctx, eq(agencyReferral.personUserId, actor.userId));
}

/** How many referrals wait for an answer in the actor's agencies (my space). */
export async function agencyReferralsWaiting(ctx: RequestContext): Promise<number> {
	const agencies = await counsellorAgencies(ctx);
	if (agencies.length === 0) return 0;
	const [{ count }] = await ctx.db
		.select({ count: sql<number>`count(*)::int` })
		.from(agencyReferral)
		.where(and(inArray(agencyReferral.agencyId, agencies.map((row) => row.id)), eq(agencyReferral.status, 'sent')));
	return count;
}

/**
 * A counsellor of the agency moves a referral on (sent → accepted or declined → completed); anyone else
 * gets not found. The person and the sender are e-mailed in their language; the change is audited.
 */
export async function answerAgencyReferral(ctx: RequestContext, referralId: string, raw: unknown) {
	const { status } = parseOrThrow(AgencyReferralStatusInput, raw);
	const agencies = await counsellorAgencies(ctx);
	if (!UUID.test(referralId)) throw new AppError('not_found');
	const [found] = await ctx.db
		.select({ referral: agencyReferral, agencyName: agency.name, organisationName: organisation.name })
		.from(agencyReferral)
		.innerJoin(agency, eq(agency.id, agencyReferral.agencyId))
		.innerJoin(organisation, eq(organisation.id, agencyReferral.organisationId))
		.where(eq(agencyReferral.id, referralId));
	if (!found || !agencies.some((row) => row.id === found.referral.agencyId)) throw new AppError('not_found');
	const now = ctx.now();
	const changed = await ctx.transaction(async ({ db, audit }) => {
		const [before] = await db.select().from(agencyReferral).where(eq(agencyReferral.id, referralId)).for('update');
		if (!before) throw new AppError('not_found');
		if (before.status === status) return null;
		if (!nextReferralStatuses(before.status).includes(status)) throw new AppError('conflict', { extra: { reason: 'referral_transition', status: before.status } });
		const [after] = await db.update(agencyReferral).set({ status, statusChangedAt: now }).where(eq(agencyReferral.id, referralId)).returning();
		await db.insert(agencyReferralEvent).values({ referralId, status, side: 'agency', at: now });
		await recordAudit(db, audit, { action: 'agency_referral.status', resourceType: 'agency_referral', resourceId: referralId, before: { status: before.status }, after: { status, side: 'agency' } });
		return after;
	});
	if (changed) {
		const values = (language: Language) => ({
			organisation: found.organisationName,
			agency: found.agencyName,
			status: translate(language, `casework.referral_status_${status}`)
		});
		await mailTo(ctx, changed.personUserId, 'email_agency_referral_status', values, '/jobs/profile/follow-up');
		if (changed.staffUserId) await mailTo(ctx, changed.staffUserId, 'email_agency_referral_status_sender', values, '/jobs/agency-referrals');
	}
	return changed;
}

/**
 * The organisations a sender may refer on behalf of: their own that accompany people (associations, public
 * bodies, international organisations), by name — an employer's staff refer nobody.
 */
export async function senderOrganisations(ctx: RequestContext) {
	const actor = ctx.require('counsellors.agency_referral.send');
	if (actor.organisationIds.length === 0) return [];
	return ctx.db
		.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym })
		.from(organisation)
		.where(and(inArray(organisation.id, [...actor.organisationIds]), ne(organisation.type, 'employer')))
		.orderBy(asc(sql`lower(${organisation.name})`));
}

/** A referral to an agency as the API gives it. */
export const AgencyReferralView = z
	.object({
		id: z.string(),
		person: z.object({ name: z.string(), email: z.string() }).nullable(),
		agency: z.object({ id: z.string(), name: z.string(), city: z.string() }),
		organisation: z.object({ id: z.string(), name: z.string() }).describe('the referring association'),
		staff: z.string().describe('who sent it'),
		kind: z.enum(referralKinds),
		message: z.string(),
		status: z.enum(referralStatuses),
		createdAt: z.string(),
		statusChangedAt: z.string(),
		history: z.array(z.object({ status: z.enum(referralStatuses), side: z.enum(['association', 'agency']), at: z.string() })),
		next: z.array(z.enum(referralStatuses)).describe('the moves the agency may make now'),
		isSample: z.boolean()
	})
	.meta({ id: 'AgencyReferral' });

export function agencyReferralApiView(item: AgencyReferral & { person: { name: string; email: string } | null }): z.infer<typeof AgencyReferralView> {
	return {
		id: item.id,
		person: item.person ? { name: item.person.name, email: item.person.email } : null,
		agency: item.agency,
		organisation: item.organisation,
		staff: item.staff,
		kind: item.kind,
		message: item.message,
		status: item.status,
		createdAt: item.createdAt,
		statusChangedAt: item.statusChangedAt,
		history: item.history as z.infer<typeof AgencyReferralView>['history'],
		next: item.next,
		isSample: item.isSample
	};
}
