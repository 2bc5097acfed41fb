// ANAPEC agencies and their counsellors: the editable list (moderators, administrators), the
// counsellors' own agencies, and the agency a job seeker chooses.
import { and, asc, eq, sql } from 'drizzle-orm';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { provinces } from '../../../platform/geo/morocco.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { AgencyInput, AgencyStatusInput, CounsellorEmailInput, SeekerAgencyInput } from './counsellors.schemas.ts';
import { agency, agencyCounsellor, seekerAgency, type AgencyRecord } from './counsellors.table.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What pages and the API show of an agency. */
export function agencyView(row: AgencyRecord) {
	return {
		id: row.id,
		name: row.name,
		city: row.city,
		regionCode: row.regionCode,
		provinceCode: row.provinceCode,
		address: row.address,
		phone: row.phone,
		email: row.email,
		status: row.status
	};
}
export type AgencyView = ReturnType<typeof agencyView>;

/** Every agency, by name; closed ones only when asked (the people who manage them). */
export async function listAgencies(ctx: RequestContext, options: { includeClosed?: boolean } = {}) {
	return ctx.db
		.select()
		.from(agency)
		.where(options.includeClosed ? undefined : eq(agency.status, 'open'))
		.orderBy(asc(sql`lower(${agency.name})`), asc(agency.id));
}

export async function getAgency(ctx: RequestContext, id: string): Promise<AgencyRecord> {
	ctx.require('counsellors.agency.manage');
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await ctx.db.select().from(agency).where(eq(agency.id, id));
	if (!row) throw new AppError('not_found');
	return row;
}

/** A province must lie in the agency's region. */
function checkPlace(input: AgencyInput) {
	if (input.provinceCode && provinces.find((province) => province.iso === input.provinceCode)?.regionIso !== input.regionCode) {
		throw new AppError('invalid_input', { fields: [{ path: 'provinceCode', messageKey: 'field_choice' }] });
	}
}

function slugOf(name: string): string {
	const base = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return base || 'agence';
}

export async function createAgency(ctx: RequestContext, raw: unknown) {
	ctx.require('counsellors.agency.manage');
	const input = parseOrThrow(AgencyInput, raw);
	checkPlace(input);
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const base = slugOf(input.name);
		const taken = new Set(
			(await tx.select({ slug: agency.slug }).from(agency).where(sql`${agency.slug} = ${base} or ${agency.slug} like ${`${base}-%`}`)).map((row) => row.slug)
		);
		let slug = base;
		for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
		const [created] = await tx.insert(agency).values({ ...input, slug }).returning();
		await recordAudit(tx, context, { action: 'agency.create', resourceType: 'agency', resourceId: created.id, after: agencyView(created) });
		return created;
	});
}

export async function updateAgency(ctx: RequestContext, id: string, raw: unknown) {
	ctx.require('counsellors.agency.manage');
	const input = parseOrThrow(AgencyInput, raw);
	checkPlace(input);
	await getAgency(ctx, id);
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const [before] = await tx.select().from(agency).where(eq(agency.id, id)).for('update');
		if (!before) throw new AppError('not_found');
		const [after] = await tx.update(agency).set({ ...input, updatedAt: new Date() }).where(eq(agency.id, id)).returning();
		const beforeView = agencyView(before) as Record<string, unknown>;
		const afterView = agencyView(after) as Record<string, unknown>;
		const changed = Object.keys(afterView).filter((key) => beforeView[key] !== afterView[key]);
		if (changed.length) {
			await recordAudit(tx, context, {
				action: 'agency.update',
				resourceType: 'agency',
				resourceId: id,
				before: Object.fromEntries(changed.map((key) => [key, beforeView[key]])),
				after: Object.fromEntries(changed.map((key) => [key, afterView[key]]))
			});
		}
		return after;
	});
}

/** Closes an agency (it takes no new seekers; its people and history stay) or opens it again. */
export async function setAgencyStatus(ctx: RequestContext, id: string, raw: unknown) {
	ctx.require('counsellors.agency.manage');
	const { status } = parseOrThrow(AgencyStatusInput, raw);
	const current = await getAgency(ctx, id);
	if (current.status === status) return current;
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const [after] = await tx.update(agency).set({ status, updatedAt: new Date() }).where(eq(agency.id, id)).returning();
		await recordAudit(tx, context, {
			action: status === 'closed' ? 'agency.close' : 'agency.reopen',
			resourceType: 'agency',
			resourceId: id,
			before: { status: current.status },
			after: { status }
		});
		return after;
	});
}

/** The counsellors of an agency, by name. */
export async function listAgencyCounsellors(ctx: RequestContext, agencyId: string) {
	ctx.require('counsellors.agency.manage');
	return ctx.db
		.select({ userId: user.id, name: user.name, email: user.email, since: agencyCounsellor.createdAt })
		.from(agencyCounsellor)
		.innerJoin(user, eq(user.id, agencyCounsellor.userId))
		.where(eq(agencyCounsellor.agencyId, agencyId))
		.orderBy(asc(sql`lower(${user.name})`), asc(user.id));
}

/** How many seekers chose each agency. */
export async function agencySeekerCounts(ctx: RequestContext): Promise<Map<string, number>> {
	ctx.require('counsellors.agency.manage');
	const rows = await ctx.db
		.select({ agencyId: seekerAgency.agencyId, count: sql<number>`count(*)::int` })
		.from(seekerAgency)
		.groupBy(seekerAgency.agencyId);
	return new Map(rows.map((row) => [row.agencyId, row.count]));
}

/** How many counsellors serve each agency. */
export async function agencyCounsellorCounts(ctx: RequestContext): Promise<Map<string, number>> {
	ctx.require('counsellors.agency.manage');
	const rows = await ctx.db
		.select({ agencyId: agencyCounsellor.agencyId, count: sql<number>`count(*)::int` })
		.from(agencyCounsellor)
		.groupBy(agencyCounsellor.agencyId);
	return new Map(rows.map((row) => [row.agencyId, row.count]));
}

/** Assigns a person with the counsellor role (found by e-mail) to an agency. */
export async function assignCounsellor(ctx: RequestContext, agencyId: string, raw: unknown) {
	ctx.require('counsellors.agency.manage');
	const { email } = parseOrThrow(CounsellorEmailInput, raw);
	await getAgency(ctx, agencyId);
	const [person] = await ctx.db.select({ id: user.id, role: user.role }).from(user).where(sql`lower(${user.email}) = ${email.toLowerCase()}`);
	if (!person) throw new AppError('invalid_input', { fields: [{ path: 'email', messageKey: 'field_invalid' }], extra: { reason: 'unknown_email' } });
	if (person.role !== 'counsellor') throw new AppError('invalid_input', { fields: [{ path: 'email', messageKey: 'field_invalid' }], extra: { reason: 'not_counsellor' } });
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const inserted = await tx.insert(agencyCounsellor).values({ agencyId, userId: person.id }).onConflictDoNothing().returning();
		if (inserted.length === 0) throw new AppError('conflict', { fields: [{ path: 'email', messageKey: 'field_invalid' }], extra: { reason: 'already_assigned' } });
		await recordAudit(tx, context, { action: 'agency.counsellor_add', resourceType: 'agency', resourceId: agencyId, after: { userId: person.id } });
		return person.id;
	});
}

export async function removeCounsellor(ctx: RequestContext, agencyId: string, userId: string) {
	ctx.require('counsellors.agency.manage');
	await getAgency(ctx, agencyId);
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const removed = await tx
			.delete(agencyCounsellor)
			.where(and(eq(agencyCounsellor.agencyId, agencyId), eq(agencyCounsellor.userId, userId)))
			.returning();
		if (removed.length === 0) throw new AppError('not_found');
		await recordAudit(tx, context, { action: 'agency.counsellor_remove', resourceType: 'agency', resourceId: agencyId, before: { userId } });
	});
}

/** The agencies a counsellor serves (closed ones included: their people are still followed). */
export async function counsellorAgencies(ctx: RequestContext): Promise<AgencyRecord[]> {
	const actor = ctx.require('counsellors.follow_up');
	const rows = await ctx.db
		.select({ agency })
		.from(agencyCounsellor)
		.innerJoin(agency, eq(agency.id, agencyCounsellor.agencyId))
		.where(eq(agencyCounsellor.userId, actor.userId))
		.orderBy(asc(sql`lower(${agency.name})`));
	return rows.map((row) => row.agency);
}

// ---------- the seeker's agency ----------

export async function getMyAgency(ctx: RequestContext) {
	const seeker = ctx.require('seekers.profile.manage_own');
	const [row] = await ctx.db
		.select({ agency, chosenAt: seekerAgency.chosenAt })
		.from(seekerAgency)
		.innerJoin(agency, eq(agency.id, seekerAgency.agencyId))
		.where(eq(seekerAgency.userId, seeker.userId));
	return row ?? null;
}

const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.trim();

/**
 * The agency to suggest from the person's profile: one in their city, else in a province they seek
 * work in, else in a region they seek (or the region of such a province).
 */
export function suggestAgency(agencies: readonly AgencyRecord[], profile: { city: string | null; placeCodes: readonly string[] } | null): AgencyRecord | null {
	if (!profile) return null;
	const open = agencies.filter((row) => row.status === 'open');
	if (profile.city) {
		const city = fold(profile.city);
		const found = open.find((row) => fold(row.city) === city);
		if (found) return found;
	}
	for (const code of profile.placeCodes) {
		const found = open.find((row) => row.provinceCode === code);
		if (found) return found;
	}
	for (const code of profile.placeCodes) {
		const region = provinces.find((province) => province.iso === code)?.regionIso ?? code;
		const found = open.find((row) => row.regionCode === region);
		if (found) return found;
	}
	return null;
}

/** The person's agency (if any), the open agencies to choose from, and the one suggested. */
export async function agencyChoice(ctx: RequestContext) {
	const seeker = ctx.require('seekers.profile.manage_own');
	const [current, agencies, [profile]] = await Promise.all([
		getMyAgency(ctx),
		listAgencies(ctx),
		ctx.db.select({ city: seekerProfile.city, placeCodes: seekerProfile.placeCodes }).from(seekerProfile).where(eq(seekerProfile.userId, seeker.userId))
	]);
	return { current, agencies, suggested: current ? null : suggestAgency(agencies, profile ?? null), hasProfile: Boolean(profile) };
}

/** The person chooses an (open) agency, or leaves theirs (null). */
export async function chooseAgency(ctx: RequestContext, raw: unknown) {
	const seeker = ctx.require('seekers.profile.manage_own');
	const { agencyId } = parseOrThrow(SeekerAgencyInput, raw);
	const now = ctx.now();
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const [before] = await tx.select().from(seekerAgency).where(eq(seekerAgency.userId, seeker.userId)).for('update');
		if ((before?.agencyId ?? null) === agencyId) return before ?? null;
		if (agencyId === null) {
			await tx.delete(seekerAgency).where(eq(seekerAgency.userId, seeker.userId));
			await recordAudit(tx, context, { action: 'seeker_agency.leave', resourceType: 'seeker_agency', resourceId: seeker.userId, before: { agencyId: before!.agencyId } });
			return null;
		}
		const [chosen] = await tx.select({ id: agency.id, status: agency.status }).from(agency).where(eq(agency.id, agencyId));
		if (!chosen || chosen.status !== 'open') throw new AppError('invalid_input', { fields: [{ path: 'agencyId', messageKey: 'field_choice' }] });
		const [after] = before
			? await tx.update(seekerAgency).set({ agencyId, chosenAt: now }).where(eq(seekerAgency.userId, seeker.userId)).returning()
			: await tx.insert(seekerAgency).values({ userId: seeker.userId, agencyId, chosenAt: now }).returning();
		await recordAudit(tx, context, {
			action: 'seeker_agency.choose',
			resourceType: 'seeker_agency',
			resourceId: seeker.userId,
			before: before ? { agencyId: before.agencyId } : null,
			after: { agencyId }
		});
		return after;
	});
}
