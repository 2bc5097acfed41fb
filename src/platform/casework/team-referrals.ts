// Referrals to a team (ADR 0010): an organisation that accompanies a person (an association, a public body)
// refers them to a team of a module's caseload — an ANAPEC agency, a reintegration operator — with the
// person's agreement. The other way of the staff's referrals to directory entries (casework.service.ts),
// with the same statuses (sent → accepted or declined → completed) and e-mails in each person's language.
// The module checks its own input (who the person is, which team takes referrals) and calls `referToTeam`.
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { organisation, user } from '../accounts/accounts.table.ts';
import { recordAudit, recordPersonalDataRead } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { parseOrThrow } from '../http/validation.ts';
import type { Language } from '../i18n/languages.ts';
import { translate } from '../i18n/translator.ts';
import type { RequestContext } from '../kernel/context.ts';
import { mailUser } from '../mail/mail-user.ts';
import { isCaseworkId } from './casework.access.ts';
import type { Caseload, TeamIntake } from './caseload.ts';
import type { ReferralKind, ReferralStatus } from './casework.model.ts';
import { ReferralStatusInput } from './casework.schemas.ts';
import { nextReferralStatuses } from './casework.service.ts';
import { caseTeamReferral, caseTeamReferralEvent } from './casework.table.ts';

const openStatuses: ReferralStatus[] = ['sent', 'accepted'];

function intakeOf(caseload: Caseload): TeamIntake {
	if (!caseload.intake) throw new Error(`the caseload ${caseload.key} takes no referrals to its teams`);
	return caseload.intake;
}

/**
 * The organisations the actor may refer people on behalf of: their own that accompany people
 * (associations, public bodies, international organisations), by name — an employer's staff refer nobody.
 */
export async function senderOrganisations(ctx: RequestContext, caseload: Caseload) {
	const actor = ctx.require(intakeOf(caseload).send);
	if (actor.organisationIds.length === 0) return [];
	return ctx.db
		.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym })
		.from(organisation)
		.where(and(inArray(organisation.id, [...actor.organisationIds]), ne(organisation.type, 'employer')))
		.orderBy(asc(sql`lower(${organisation.name})`));
}

export interface TeamReferralRequest {
	personId: string;
	/** a team that takes referrals, as the module found it */
	team: { id: string; name: string };
	/** one of `senderOrganisations` */
	sender: { id: string; name: string };
	kind: ReferralKind;
	message: string;
}

/**
 * Records the referral (one open referral of a person to a team at a time: else a conflict), then e-mails the
 * person and the team's staff in their languages.
 */
export async function referToTeam(ctx: RequestContext, caseload: Caseload, request: TeamReferralRequest) {
	const intake = intakeOf(caseload);
	const actor = ctx.require(intake.send);
	const [sender] = await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, actor.userId));
	const now = ctx.now();
	const created = await ctx.transaction(async ({ db, audit }) => {
		const [open] = await db
			.select({ id: caseTeamReferral.id })
			.from(caseTeamReferral)
			.where(
				and(
					eq(caseTeamReferral.caseload, caseload.key),
					eq(caseTeamReferral.personUserId, request.personId),
					eq(caseTeamReferral.teamId, request.team.id),
					inArray(caseTeamReferral.status, openStatuses)
				)
			);
		if (open) throw new AppError('conflict', { extra: { reason: 'already_referred', referralId: open.id } });
		const [row] = await db
			.insert(caseTeamReferral)
			.values({
				caseload: caseload.key,
				teamId: request.team.id,
				personUserId: request.personId,
				senderOrganisationId: request.sender.id,
				staffUserId: actor.userId,
				staffLabel: sender?.name ?? '',
				kind: request.kind,
				message: request.message,
				agreedAt: now,
				status: 'sent',
				statusChangedAt: now,
				createdAt: now
			})
			.returning();
		await db.insert(caseTeamReferralEvent).values({ referralId: row.id, status: 'sent', side: 'sender', at: now });
		await recordAudit(db, audit, {
			action: `${intake.audit.referral}.create`,
			resourceType: intake.audit.referral,
			resourceId: row.id,
			after: { personId: request.personId, teamId: request.team.id, organisationId: request.sender.id, kind: request.kind, status: 'sent', agreedAt: now.toISOString(), fields: ['message'] }
		});
		return row;
	});
	const values = (language: Language) => ({ organisation: request.sender.name, team: request.team.name, kind: translate(language, `casework.kind_${request.kind}`) });
	await mailUser(ctx, request.personId, intake.emails.sent, values, intake.paths.person);
	for (const staff of await intake.teamStaff(ctx.db, request.team.id)) await mailUser(ctx, staff, intake.emails.new, values, intake.paths.team);
	return created;
}

async function referralsWhere(ctx: RequestContext, caseload: Caseload, where: SQL | undefined) {
	const rows = await ctx.db
		.select({ referral: caseTeamReferral, organisationName: organisation.name })
		.from(caseTeamReferral)
		.innerJoin(organisation, eq(organisation.id, caseTeamReferral.senderOrganisationId))
		.where(and(eq(caseTeamReferral.caseload, caseload.key), where))
		.orderBy(desc(caseTeamReferral.createdAt), asc(caseTeamReferral.id));
	const ids = rows.map((row) => row.referral.id);
	const [events, teams] = await Promise.all([
		ids.length
			? ctx.db.select().from(caseTeamReferralEvent).where(inArray(caseTeamReferralEvent.referralId, ids)).orderBy(asc(caseTeamReferralEvent.at), asc(caseTeamReferralEvent.id))
			: [],
		caseload.teamNames(ctx.db, [...new Set(rows.map((row) => row.referral.teamId))])
	]);
	return rows.map(({ referral: row, organisationName }) => ({
		id: row.id,
		personId: row.personUserId,
		team: { id: row.teamId, name: teams.get(row.teamId) ?? '' },
		organisation: { id: row.senderOrganisationId, name: organisationName },
		staff: row.staffLabel,
		staffUserId: row.staffUserId,
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
export type TeamReferral = Awaited<ReturnType<typeof referralsWhere>>[number];

async function withPeople(ctx: RequestContext, items: TeamReferral[]) {
	const ids = [...new Set(items.map((item) => item.personId))];
	const people = ids.length ? await ctx.db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(inArray(user.id, ids)) : [];
	const byId = new Map(people.map((row) => [row.id, row]));
	return items.map((item) => ({ ...item, person: byId.get(item.personId) ?? null }));
}

/** The referrals the actor's teams received, newest first, with the people's contacts (an audited read). */
export async function listTeamReferralsReceived(ctx: RequestContext, caseload: Caseload, filter: { status?: ReferralStatus } = {}) {
	const intake = intakeOf(caseload);
	const teams = await caseload.staffTeams(ctx);
	if (teams.length === 0) return [];
	const conditions = [inArray(caseTeamReferral.teamId, teams.map((team) => team.id))];
	if (filter.status) conditions.push(eq(caseTeamReferral.status, filter.status));
	const items = await withPeople(ctx, await referralsWhere(ctx, caseload, and(...conditions)));
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: intake.audit.contact, ids: [...new Set(items.map((item) => item.personId))], view: intake.audit.view });
	return items;
}

/** The referrals the actor's organisations sent, newest first (the people are those they accompany). */
export async function listTeamReferralsSent(ctx: RequestContext, caseload: Caseload, filter: { status?: ReferralStatus } = {}) {
	const actor = ctx.require(intakeOf(caseload).send);
	if (actor.organisationIds.length === 0) return [];
	const conditions = [inArray(caseTeamReferral.senderOrganisationId, [...actor.organisationIds])];
	if (filter.status) conditions.push(eq(caseTeamReferral.status, filter.status));
	return withPeople(ctx, await referralsWhere(ctx, caseload, and(...conditions)));
}

/** The person's own referrals to the caseload's teams. */
export async function myTeamReferrals(ctx: RequestContext, caseload: Caseload) {
	const actor = ctx.require(caseload.actions.seeOwn);
	return referralsWhere(ctx, caseload, eq(caseTeamReferral.personUserId, actor.userId));
}

/** How many referrals wait for an answer in the actor's teams (my space). */
export async function teamReferralsWaiting(ctx: RequestContext, caseload: Caseload): Promise<number> {
	const teams = await caseload.staffTeams(ctx);
	if (teams.length === 0) return 0;
	const [row] = await ctx.db
		.select({ n: count() })
		.from(caseTeamReferral)
		.where(and(eq(caseTeamReferral.caseload, caseload.key), inArray(caseTeamReferral.teamId, teams.map((team) => team.id)), eq(caseTeamReferral.status, 'sent')));
	return row.n;
}

/** How many of the actor's organisations' referrals are still open (sent or accepted: my space). */
export async function teamReferralsOpenSent(ctx: RequestContext, caseload: Caseload): Promise<number> {
	const actor = ctx.require(intakeOf(caseload).send);
	if (actor.organisationIds.length === 0) return 0;
	const [row] = await ctx.db
		.select({ n: count() })
		.from(caseTeamReferral)
		.where(and(eq(caseTeamReferral.caseload, caseload.key), inArray(caseTeamReferral.senderOrganisationId, [...actor.organisationIds]), inArray(caseTeamReferral.status, openStatuses)));
	return row.n;
}

/**
 * The team's staff move a referral on (sent → accepted or declined → completed); anyone else gets not
 * found. The person and the sender are e-mailed in their language; the change is audited.
 */
export async function answerTeamReferral(ctx: RequestContext, caseload: Caseload, referralId: string, raw: unknown) {
	const intake = intakeOf(caseload);
	const { status } = parseOrThrow(ReferralStatusInput, raw);
	const teams = await caseload.staffTeams(ctx);
	if (!isCaseworkId(referralId)) throw new AppError('not_found');
	const [found] = await ctx.db
		.select({ referral: caseTeamReferral, organisationName: organisation.name })
		.from(caseTeamReferral)
		.innerJoin(organisation, eq(organisation.id, caseTeamReferral.senderOrganisationId))
		.where(and(eq(caseTeamReferral.id, referralId), eq(caseTeamReferral.caseload, caseload.key)));
	const team = found && teams.find((each) => each.id === found.referral.teamId);
	if (!found || !team) throw new AppError('not_found');
	const now = ctx.now();
	const changed = await ctx.transaction(async ({ db, audit }) => {
		const [before] = await db.select().from(caseTeamReferral).where(eq(caseTeamReferral.id, referralId)).for('update');
		if (!before) throw new AppError('not_found');
		if (before.status === status) return null;
		if (!nextReferralStatuses(before.status).includes(status)) throw new AppError('conflict', { extra: { reason: 'referral_transition', status: before.status } });
		const [after] = await db.update(caseTeamReferral).set({ status, statusChangedAt: now }).where(eq(caseTeamReferral.id, referralId)).returning();
		await db.insert(caseTeamReferralEvent).values({ referralId, status, side: 'team', at: now });
		await recordAudit(db, audit, { action: `${intake.audit.referral}.status`, resourceType: intake.audit.referral, resourceId: referralId, before: { status: before.status }, after: { status, side: 'team' } });
		return after;
	});
	if (changed) {
		const values = (language: Language) => ({ organisation: found.organisationName, team: team.name, status: translate(language, `casework.referral_status_${status}`) });
		await mailUser(ctx, changed.personUserId, intake.emails.status, values, intake.paths.person);
		if (changed.staffUserId) await mailUser(ctx, changed.staffUserId, intake.emails.statusToSender, values, intake.paths.sender);
	}
	return changed;
}
