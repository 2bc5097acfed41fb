// The RAMre network: member organisations (membership asked by the organisation, decided by the
// secretariat) and the services they give per stage of return, kept in the platform's directory (ADR 0009).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import {
	createDirectoryEntry,
	publicDirectoryEntry,
	searchDirectory,
	type DirectoryCollection,
	type DirectoryEntryInput
} from '../../platform/directory/directory.service.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { networkStages, type NetworkStage } from './return.model.ts';
import { networkMember } from './return.table.ts';

export const returnServices: DirectoryCollection<NetworkStage> = {
	key: 'return.services',
	services: networkStages,
	manageAction: 'return.secretariat',
	contributeAction: 'return.network.contribute',
	auditResource: 'return_service'
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function membershipOf(db: DbOrTx, organisationId: string) {
	if (!UUID.test(organisationId)) return null;
	const [row] = await db.select().from(networkMember).where(eq(networkMember.organisationId, organisationId)).limit(1);
	return row ?? null;
}

/**
 * One of the organisation's people asks for it to join. Asking again while a request waits, or for an
 * organisation already a member, is a conflict; after a refusal it may ask again.
 */
export async function requestMembership(ctx: RequestContext, input: { organisationId: string; motivation: string }) {
	const actor = ctx.require('return.network.contribute');
	if (!actor.organisationIds.includes(input.organisationId)) throw new AppError('forbidden');
	const motivation = input.motivation.trim();
	if (motivation.length < 10 || motivation.length > 2000) {
		throw new AppError('invalid_input', { fields: [{ path: 'motivation', messageKey: motivation.length < 10 ? 'field_too_short' : 'field_too_long', values: motivation.length < 10 ? { min: 10 } : { max: 2000 } }] });
	}
	return ctx.transaction(async ({ db, audit }) => {
		const [current] = await db.select().from(networkMember).where(eq(networkMember.organisationId, input.organisationId)).for('update');
		if (current && current.status !== 'refused') throw new AppError('conflict', { extra: { reason: current.status === 'member' ? 'already_member' : 'already_requested' } });
		const values = { status: 'requested' as const, motivation, requestedBy: actor.userId, requestedAt: ctx.now(), decidedBy: null, decidedAt: null };
		await db
			.insert(networkMember)
			.values({ organisationId: input.organisationId, ...values })
			.onConflictDoUpdate({ target: networkMember.organisationId, set: values });
		await recordAudit(db, audit, { action: 'return_network_member.request', resourceType: 'return_network_member', resourceId: input.organisationId, before: current ? { status: current.status } : undefined, after: { status: 'requested' } });
	});
}

/** The secretariat approves or refuses a waiting request. */
export async function decideMembership(ctx: RequestContext, organisationId: string, decision: 'approve' | 'refuse') {
	const actor = ctx.require('return.secretariat');
	return ctx.transaction(async ({ db, audit }) => {
		const [current] = UUID.test(organisationId) ? await db.select().from(networkMember).where(eq(networkMember.organisationId, organisationId)).for('update') : [];
		if (!current) throw new AppError('not_found');
		if (current.status !== 'requested') throw new AppError('conflict', { extra: { reason: 'not_waiting' } });
		const status = decision === 'approve' ? ('member' as const) : ('refused' as const);
		await db.update(networkMember).set({ status, decidedBy: actor.userId, decidedAt: ctx.now() }).where(eq(networkMember.organisationId, organisationId));
		await recordAudit(db, audit, { action: `return_network_member.${decision}`, resourceType: 'return_network_member', resourceId: organisationId, before: { status: current.status }, after: { status } });
		return status;
	});
}

/** The requests waiting for the secretariat, oldest first. */
export async function waitingRequests(db: DbOrTx) {
	return db
		.select({ organisationId: networkMember.organisationId, name: organisation.name, acronym: organisation.acronym, motivation: networkMember.motivation, requestedAt: networkMember.requestedAt })
		.from(networkMember)
		.innerJoin(organisation, eq(organisation.id, networkMember.organisationId))
		.where(eq(networkMember.status, 'requested'))
		.orderBy(asc(networkMember.requestedAt));
}

/** The actor's organisations with their place in the network (for the membership page). */
export async function myOrganisations(ctx: RequestContext) {
	const ids = ctx.actor?.organisationIds ?? [];
	if (ids.length === 0) return [];
	const rows = await ctx.db
		.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym, status: networkMember.status })
		.from(organisation)
		.leftJoin(networkMember, eq(networkMember.organisationId, organisation.id))
		.where(inArray(organisation.id, [...ids]))
		.orderBy(asc(organisation.name));
	return rows;
}

/** A member organisation adds a service (the secretariat for any member); an organisation not (yet) a member may not. */
export async function addNetworkService(ctx: RequestContext, input: DirectoryEntryInput) {
	const membership = await membershipOf(ctx.db, input.organisationId);
	if (membership?.status !== 'member') throw new AppError('conflict', { extra: { reason: 'not_a_member' } });
	return createDirectoryEntry(ctx, returnServices, input);
}

export interface ServiceQuery {
	region?: string;
	stage?: NetworkStage;
	q?: string;
	page: number;
	pageSize: number;
}

/** The organisations a person may add services for: their own member organisations (the secretariat: every member). */
export async function serviceOwners(ctx: RequestContext) {
	const everyMember = ctx.can('return.secretariat');
	const ids = ctx.actor?.organisationIds ?? [];
	if (!everyMember && ids.length === 0) return [];
	return ctx.db
		.select({ value: organisation.id, label: organisation.name })
		.from(networkMember)
		.innerJoin(organisation, eq(organisation.id, networkMember.organisationId))
		.where(everyMember ? eq(networkMember.status, 'member') : and(eq(networkMember.status, 'member'), inArray(networkMember.organisationId, [...ids])))
		.orderBy(asc(organisation.name));
}

/** The service finder: members' services by region and stage of return (need). */
export async function findServices(db: DbOrTx, query: ServiceQuery, language: Language) {
	const result = await searchDirectory(db, returnServices, { region: query.region, service: query.stage, q: query.q, page: query.page, pageSize: query.pageSize }, language);
	return { ...result, items: result.items.map(publicDirectoryEntry) };
}

/** How many member organisations the network has (samples apart when asked). */
export async function memberCount(db: DbOrTx, withSamples = true) {
	const rows = await db
		.select({ id: networkMember.organisationId })
		.from(networkMember)
		.where(withSamples ? eq(networkMember.status, 'member') : and(eq(networkMember.status, 'member'), eq(networkMember.isSample, false)));
	return rows.length;
}
