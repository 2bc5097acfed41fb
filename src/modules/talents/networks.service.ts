import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { recordAudit, recordPersonalDataRead } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { delegatedHolders, delegateGrant, withdrawDelegatedGrant } from '../../platform/accounts/grant.service.ts';
import { network, networkLink, networkMember, talentProfile, type NetworkRecord } from './talents.table.ts';
import { mission, missionCandidate } from './missions/missions.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { NetworkInput } from './talents.schemas.ts';
import { SMALL_COUNT } from './talents.model.ts';

/** The grant that makes someone a coordinator of one network (scope: the network's slug). */
export const COORDINATOR = { module: 'talents', role: 'coordinator' } as const;

/** Public counts: a count under 5 could point at a person, so it is not shown (null). */
export const suppressed = (n: number): number | null => (n < SMALL_COUNT ? null : n);

const memberCount = sql<number>`(select count(*)::int from talents.network_member m where m.network_id = ${network.id} and m.status = 'member')`;

/** Every network with its number of members (suppressed under 5) and the slugs of its linked networks, territory networks first. */
export async function listNetworks(db: DbOrTx) {
	const [rows, links] = await Promise.all([
		db.select({ network, members: memberCount }).from(network).orderBy(asc(network.kind), asc(network.slug)),
		db.select().from(networkLink)
	]);
	const slugOf = new Map(rows.map((row) => [row.network.id, row.network.slug]));
	const linked = (id: string) =>
		links
			.flatMap((link) => (link.networkId === id ? [link.linkedNetworkId] : link.linkedNetworkId === id ? [link.networkId] : []))
			.map((other) => slugOf.get(other)!)
			.sort();
	return rows.map((row) => ({ ...networkView(row.network), members: suppressed(row.members), linked: linked(row.network.id) }));
}

/** The networks linked to one, by slug. */
export async function linkedNetworks(db: DbOrTx, networkId: string) {
	const rows = await db
		.select({ network })
		.from(networkLink)
		.innerJoin(network, or(and(eq(networkLink.networkId, networkId), eq(network.id, networkLink.linkedNetworkId)), and(eq(networkLink.linkedNetworkId, networkId), eq(network.id, networkLink.networkId))))
		.orderBy(asc(network.slug));
	return rows.map((row) => networkView(row.network));
}

/** A pair of networks in the order a link stores them. */
const pair = (a: string, b: string) => (a < b ? { networkId: a, linkedNetworkId: b } : { networkId: b, linkedNetworkId: a });

/**
 * Links a network to another (its coordinators, moderators): shown on both networks' pages and in the API.
 * Another network that does not exist, or the network itself, is a field error; linking twice changes nothing.
 */
export async function linkNetworks(ctx: RequestContext, slug: string, otherSlug: string): Promise<boolean> {
	const { row, other } = await networkPair(ctx.db, slug, otherSlug);
	if (!ctx.can('talents.coordinate', { scope: slug }) && !ctx.can('talents.moderate')) throw new AppError('forbidden');
	return ctx.transaction(async (tx) => {
		const inserted = await tx.db.insert(networkLink).values(pair(row.id, other.id)).onConflictDoNothing().returning();
		if (!inserted.length) return false;
		await recordAudit(tx.db, tx.audit, { action: 'network.link', resourceType: 'network', resourceId: row.id, after: { network: row.slug, linked: other.slug } });
		return true;
	});
}

/** Undoes a link (coordinators of either network, moderators). */
export async function unlinkNetworks(ctx: RequestContext, slug: string, otherSlug: string): Promise<boolean> {
	const { row, other } = await networkPair(ctx.db, slug, otherSlug);
	const allowed = ctx.can('talents.coordinate', { scope: slug }) || ctx.can('talents.coordinate', { scope: other.slug }) || ctx.can('talents.moderate');
	if (!allowed) throw new AppError('forbidden');
	const { networkId, linkedNetworkId } = pair(row.id, other.id);
	return ctx.transaction(async (tx) => {
		const removed = await tx.db
			.delete(networkLink)
			.where(and(eq(networkLink.networkId, networkId), eq(networkLink.linkedNetworkId, linkedNetworkId)))
			.returning();
		if (!removed.length) return false;
		await recordAudit(tx.db, tx.audit, { action: 'network.unlink', resourceType: 'network', resourceId: row.id, before: { network: row.slug, linked: other.slug } });
		return true;
	});
}

export function networkView(row: NetworkRecord) {
	return { id: row.id, slug: row.slug, kind: row.kind, name: row.name, aim: row.aim, country: row.country, area: row.area, skill: row.skill, joining: row.joining, sources: row.sources, isSample: row.isSample };
}

/** The network of the page (not found) and the other one chosen in its form (a field error: unknown, or itself). */
async function networkPair(db: DbOrTx, slug: string, otherSlug: string) {
	const row = await findNetwork(db, slug);
	const [other] = otherSlug && otherSlug !== slug ? await db.select().from(network).where(eq(network.slug, otherSlug)) : [];
	if (!other) throw new AppError('invalid_input', { fields: [{ path: 'network', messageKey: 'field_choice' }] });
	return { row, other };
}

async function findNetwork(db: DbOrTx, slug: string): Promise<NetworkRecord> {
	const [row] = await db.select().from(network).where(eq(network.slug, slug));
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * A network's public page: aim, coordinators, and counts of its members by skill and by host country,
 * each under 5 suppressed. A real network's counts leave the samples out.
 */
export async function getNetworkPage(db: DbOrTx, slug: string) {
	const row = await findNetwork(db, slug);
	const counted = and(eq(networkMember.networkId, row.id), eq(networkMember.status, 'member'), row.isSample ? undefined : eq(talentProfile.isSample, false));
	const [total] = await db.select({ n: count() }).from(networkMember).innerJoin(talentProfile, eq(talentProfile.userId, networkMember.userId)).where(counted);
	const bySkill = await db
		.select({ skill: sql<string>`unnest(${talentProfile.skills})`.as('skill'), n: count() })
		.from(networkMember)
		.innerJoin(talentProfile, eq(talentProfile.userId, networkMember.userId))
		.where(counted)
		.groupBy(sql`1`);
	const byCountry = await db
		.select({ country: talentProfile.hostCountry, n: count() })
		.from(networkMember)
		.innerJoin(talentProfile, eq(talentProfile.userId, networkMember.userId))
		.where(counted)
		.groupBy(talentProfile.hostCountry);
	const coordinators = await db
		.select({ name: user.name })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(eq(accessGrant.module, COORDINATOR.module), eq(accessGrant.role, COORDINATOR.role), eq(accessGrant.scope, row.slug)))
		.orderBy(asc(user.name));
	const visible = <T extends { n: number }>(list: T[]) => list.filter((entry) => entry.n >= SMALL_COUNT).sort((a, b) => b.n - a.n);
	const missions = await completedMissionsOfMembers(db, row);
	return {
		network: networkView(row),
		linked: await linkedNetworks(db, row.id),
		coordinators: coordinators.map((entry) => entry.name),
		members: suppressed(total.n),
		...missions,
		bySkill: visible(bySkill).map((entry) => ({ skill: entry.skill, members: entry.n })),
		byCountry: visible(byCountry).map((entry) => ({ country: entry.country, members: entry.n }))
	};
}

/**
 * The missions completed by the network's members (selected, mission completed): their number, whatever each
 * member's consent, suppressed under 5 like every public count (a real network's count leaves samples out);
 * and the list of those missions only through members whose public card shows their missions completed — a
 * mission is public, but "done by a member of this network" is about the person. The talents are never named.
 */
async function completedMissionsOfMembers(db: DbOrTx, row: NetworkRecord) {
	const done = and(
		eq(networkMember.networkId, row.id),
		eq(networkMember.status, 'member'),
		eq(missionCandidate.selected, true),
		eq(mission.status, 'completed'),
		row.isSample ? undefined : and(eq(talentProfile.isSample, false), eq(mission.isSample, false))
	);
	const [total] = await db
		.select({ n: sql<number>`count(distinct ${mission.id})::int` })
		.from(networkMember)
		.innerJoin(talentProfile, eq(talentProfile.userId, networkMember.userId))
		.innerJoin(missionCandidate, eq(missionCandidate.talentUserId, networkMember.userId))
		.innerJoin(mission, eq(mission.id, missionCandidate.missionId))
		.where(done);
	const shown = await db
		.selectDistinct({ slug: mission.slug, title: mission.title, region: mission.region, completedAt: mission.statusAt, isSample: mission.isSample, organisation: organisation.name })
		.from(networkMember)
		.innerJoin(talentProfile, eq(talentProfile.userId, networkMember.userId))
		.innerJoin(missionCandidate, eq(missionCandidate.talentUserId, networkMember.userId))
		.innerJoin(mission, eq(mission.id, missionCandidate.missionId))
		.innerJoin(organisation, eq(organisation.id, mission.organisationId))
		.where(and(done, eq(talentProfile.consentLevel, 'public'), sql`'missions' = any(${talentProfile.cardFields})`))
		.orderBy(sql`${mission.statusAt} desc`, asc(mission.slug))
		.limit(20);
	return { completedMissions: suppressed(total.n), missionsShown: shown.map((entry) => ({ ...entry, completedAt: entry.completedAt.toISOString() })) };
}

/** The caller's standing in a network: null (not a member), pending, member or refused. */
export async function membershipOf(ctx: RequestContext, slug: string) {
	if (!ctx.actor) return null;
	const row = await findNetwork(ctx.db, slug);
	const [found] = await ctx.db.select({ status: networkMember.status }).from(networkMember).where(and(eq(networkMember.networkId, row.id), eq(networkMember.userId, ctx.actor.userId)));
	return found?.status ?? null;
}

/** Whether the caller receives the network's announcements (null: not a member). */
export async function receivesAnnouncements(ctx: RequestContext, slug: string): Promise<boolean | null> {
	if (!ctx.actor) return null;
	const [found] = await ctx.db
		.select({ announcements: networkMember.announcements })
		.from(networkMember)
		.innerJoin(network, eq(network.id, networkMember.networkId))
		.where(and(eq(network.slug, slug), eq(networkMember.userId, ctx.actor.userId), eq(networkMember.status, 'member')));
	return found?.announcements ?? null;
}

/** Joins an open network at once, or asks to join one on request; a talent profile is needed first. */
export async function joinNetwork(ctx: RequestContext, slug: string) {
	const talent = ctx.require('talents.profile.manage_own');
	return ctx.transaction(async (tx) => {
		const row = await findNetwork(tx.db, slug);
		const [profile] = await tx.db.select({ userId: talentProfile.userId }).from(talentProfile).where(eq(talentProfile.userId, talent.userId));
		if (!profile) throw new AppError('conflict', { extra: { reason: 'profile_missing' } });
		const [before] = await tx.db.select().from(networkMember).where(and(eq(networkMember.networkId, row.id), eq(networkMember.userId, talent.userId))).for('update');
		if (before && before.status !== 'refused') return before.status;
		if (before?.status === 'refused') throw new AppError('conflict', { extra: { reason: 'refused' } });
		const status = row.joining === 'open' ? 'member' : 'pending';
		const now = tx.now();
		await tx.db.insert(networkMember).values({ networkId: row.id, userId: talent.userId, status, requestedAt: now, decidedAt: status === 'member' ? now : null });
		await recordAudit(tx.db, tx.audit, { action: status === 'member' ? 'network_member.join' : 'network_member.request', resourceType: 'network', resourceId: row.id, after: { userId: talent.userId, status } });
		return status;
	});
}

export async function leaveNetwork(ctx: RequestContext, slug: string) {
	const talent = ctx.require('talents.profile.manage_own');
	return ctx.transaction(async (tx) => {
		const row = await findNetwork(tx.db, slug);
		const removed = await tx.db
			.delete(networkMember)
			.where(and(eq(networkMember.networkId, row.id), eq(networkMember.userId, talent.userId), inArray(networkMember.status, ['member', 'pending'])))
			.returning();
		if (removed.length) await recordAudit(tx.db, tx.audit, { action: 'network_member.leave', resourceType: 'network', resourceId: row.id, before: { userId: talent.userId, status: removed[0].status } });
	});
}

/** Requests waiting in a network, for its coordinators: the name and host country the talent shared by asking. */
export async function pendingRequests(ctx: RequestContext, slug: string) {
	ctx.require('talents.coordinate', { scope: slug });
	const row = await findNetwork(ctx.db, slug);
	const waiting = await ctx.db
		.select({ userId: networkMember.userId, name: user.name, hostCountry: talentProfile.hostCountry, hostCity: talentProfile.hostCity, requestedAt: networkMember.requestedAt })
		.from(networkMember)
		.innerJoin(user, eq(user.id, networkMember.userId))
		.innerJoin(talentProfile, eq(talentProfile.userId, networkMember.userId))
		.where(and(eq(networkMember.networkId, row.id), eq(networkMember.status, 'pending')))
		.orderBy(asc(networkMember.requestedAt));
	// a coordinator reading who asked to join leaves a trace, like any staff read of people's data
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'talent_profile', ids: waiting.map((entry) => entry.userId), view: `network_requests:${slug}` });
	return waiting;
}

/** A coordinator of the network (or an administrator) accepts or refuses a request to join. */
export async function decideRequest(ctx: RequestContext, slug: string, userId: string, accept: boolean) {
	const coordinator = ctx.require('talents.coordinate', { scope: slug });
	return ctx.transaction(async (tx) => {
		const row = await findNetwork(tx.db, slug);
		const [updated] = await tx.db
			.update(networkMember)
			.set({ status: accept ? 'member' : 'refused', decidedAt: tx.now(), decidedBy: coordinator.userId })
			.where(and(eq(networkMember.networkId, row.id), eq(networkMember.userId, userId), eq(networkMember.status, 'pending')))
			.returning();
		if (!updated) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, { action: accept ? 'network_member.accept' : 'network_member.refuse', resourceType: 'network', resourceId: row.id, after: { userId, status: updated.status } });
		return updated.status;
	});
}

/** The networks the caller belongs to or asked to join. */
export async function myNetworks(ctx: RequestContext) {
	const talent = ctx.require('talents.profile.manage_own');
	const rows = await ctx.db
		.select({ network, status: networkMember.status })
		.from(networkMember)
		.innerJoin(network, eq(network.id, networkMember.networkId))
		.where(eq(networkMember.userId, talent.userId))
		.orderBy(asc(network.slug));
	return rows.map((row) => ({ ...networkView(row.network), status: row.status }));
}

/** The networks the caller coordinates (by grant; administrators: all) with the number of requests waiting. */
export async function coordinatedNetworks(ctx: RequestContext) {
	const actor = ctx.actor;
	if (!actor) return [];
	const scopes = (actor.grants ?? []).filter((grant) => grant.module === COORDINATOR.module && grant.role === COORDINATOR.role).map((grant) => grant.scope);
	const all = ctx.can('talents.coordinate') ;
	if (!all && !scopes.length) return [];
	const pending = sql<number>`(select count(*)::int from talents.network_member m where m.network_id = ${network.id} and m.status = 'pending')`;
	const rows = await ctx.db
		.select({ network, pending })
		.from(network)
		.where(all || scopes.includes(null) ? undefined : inArray(network.slug, scopes.filter((scope): scope is string => scope !== null)))
		.orderBy(asc(network.slug));
	return rows.map((row) => ({ ...networkView(row.network), pending: row.pending }));
}

/** Creates a network (reference and demo data, administrators' command). */
export async function createNetwork(ctx: RequestContext, raw: unknown, options: { isSample?: boolean } = {}) {
	const input = parseOrThrow(NetworkInput, raw);
	return ctx.transaction(async (tx) => {
		const [created] = await tx.db.insert(network).values({ ...input, isSample: options.isSample ?? false }).onConflictDoNothing().returning();
		if (!created) throw new AppError('conflict', { extra: { reason: 'slug_taken' } });
		await recordAudit(tx.db, tx.audit, { action: 'network.create', resourceType: 'network', resourceId: created.id, after: { slug: created.slug, isSample: created.isSample } });
		return created;
	});
}

/** The person's memberships, for the export. */
export async function membershipsForExport(db: DbOrTx, userId: string) {
	return db
		.select({ network: network.slug, status: networkMember.status, requestedAt: networkMember.requestedAt, decidedAt: networkMember.decidedAt })
		.from(networkMember)
		.innerJoin(network, eq(network.id, networkMember.networkId))
		.where(eq(networkMember.userId, userId));
}

const COORDINATOR_KEY = `${COORDINATOR.module}:${COORDINATOR.role}`;

/**
 * A network's coordinators and the members a coordinator may appoint as co-coordinators (the platform's
 * delegation of a scoped grant: its holders, and administrators).
 */
export async function networkCoordinators(ctx: RequestContext, slug: string) {
	const row = await findNetwork(ctx.db, slug);
	const coordinators = await delegatedHolders(ctx, COORDINATOR_KEY, row.slug);
	const members = await ctx.db
		.select({ userId: user.id, name: user.name })
		.from(networkMember)
		.innerJoin(user, eq(user.id, networkMember.userId))
		.where(and(eq(networkMember.networkId, row.id), eq(networkMember.status, 'member')))
		.orderBy(asc(user.name));
	const held = new Set(coordinators.map((entry) => entry.userId));
	await recordPersonalDataRead(ctx.db, ctx.audit, { resourceType: 'user', ids: members.map((entry) => entry.userId), view: 'network.coordinators' });
	return { coordinators, candidates: members.filter((entry) => !held.has(entry.userId)) };
}

/** A coordinator appoints a member of the network as co-coordinator (audited `grant.delegate`). */
export async function appointCoordinator(ctx: RequestContext, slug: string, userId: string) {
	const row = await findNetwork(ctx.db, slug);
	await delegateGrant(ctx, COORDINATOR_KEY, row.slug, userId, async (candidate) => {
		const [member] = await ctx.db
			.select({ status: networkMember.status })
			.from(networkMember)
			.where(and(eq(networkMember.networkId, row.id), eq(networkMember.userId, candidate)));
		return member?.status === 'member';
	});
}

/** A coordinator takes the role back from a co-coordinator (never from the last one). */
export async function removeCoordinator(ctx: RequestContext, slug: string, grantId: string) {
	const row = await findNetwork(ctx.db, slug);
	await withdrawDelegatedGrant(ctx, COORDINATOR_KEY, row.slug, grantId);
}
