import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { accessGrant } from './access-grant.table.ts';
import { organisation, user } from './accounts.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { parseOrThrow } from '../http/validation.ts';
import { grantRoles } from '../policy/policy.ts';
import type { RequestContext } from '../kernel/context.ts';

/** A module role given to one person, as pages and the API show it. */
export interface GrantView {
	id: string;
	module: string;
	role: string;
	/** `module:role`, the key of the role in the modules' manifests */
	key: string;
	titleKey: string;
	organisation: { id: string; name: string; acronym: string | null } | null;
	scope: string | null;
	/** the scope's name when its role lists its scopes (an agency's name), else null */
	scopeLabel: string | null;
	createdAt: Date;
}

export const GrantInput = z.object({
	/** `module:role`, e.g. `atlas:moderator` */
	role: z.string().trim().min(3).max(80),
	organisationId: z.uuid().optional(),
	scope: z.string().trim().min(1).max(120).optional()
});

/**
 * The roles that can be granted, for pickers: key, title, what they may be limited to and, for a role limited to
 * a scope, whether its scopes can be picked (`scopePicker`: the module lists them).
 */
export function grantableRoles() {
	return Object.entries(grantRoles()).map(([key, role]) => ({ key, module: role.module, role: role.role, titleKey: role.titleKey, limit: role.limit, scopePicker: !!role.scopes }));
}

/** The scopes each role limited to a scope may be given for, by role key (the roles whose module lists them), named in `language`. */
export async function scopeChoices(ctx: Pick<RequestContext, 'db' | 'language'>): Promise<Record<string, { value: string; label: string }[]>> {
	const result: Record<string, { value: string; label: string }[]> = {};
	for (const [key, role] of Object.entries(grantRoles())) if (role.scopes) result[key] = await role.scopes(ctx.db, ctx.language);
	return result;
}

export async function listGrants(ctx: RequestContext, userId: string): Promise<GrantView[]> {
	ctx.require('user.manage');
	return grantsOf(ctx, userId);
}

async function grantsOf(ctx: Pick<RequestContext, 'db'> & Partial<Pick<RequestContext, 'language'>>, userId: string): Promise<GrantView[]> {
	const rows = await ctx.db
		.select({ grant: accessGrant, organisationName: organisation.name, organisationAcronym: organisation.acronym })
		.from(accessGrant)
		.leftJoin(organisation, eq(organisation.id, accessGrant.organisationId))
		.where(eq(accessGrant.userId, userId))
		.orderBy(asc(accessGrant.module), asc(accessGrant.role), asc(accessGrant.createdAt));
	const roles = grantRoles();
	// the names of the scopes whose role lists them (an agency's name rather than its id)
	const labels = new Map<string, string>();
	for (const key of new Set(rows.filter(({ grant }) => grant.scope).map(({ grant }) => `${grant.module}:${grant.role}`))) {
		const scopes = roles[key]?.scopes;
		if (scopes) for (const choice of await scopes(ctx.db, ctx.language ?? 'fr')) labels.set(`${key} ${choice.value}`, choice.label);
	}
	return rows.map(({ grant, organisationName, organisationAcronym }) => {
		const key = `${grant.module}:${grant.role}`;
		return {
			id: grant.id,
			module: grant.module,
			role: grant.role,
			key,
			// a role no module declares any more still shows, under its key, until it is revoked
			titleKey: roles[key]?.titleKey ?? key,
			organisation: grant.organisationId ? { id: grant.organisationId, name: organisationName ?? '', acronym: organisationAcronym } : null,
			scope: grant.scope,
			scopeLabel: grant.scope ? (labels.get(`${key} ${grant.scope}`) ?? null) : null,
			createdAt: grant.createdAt
		};
	});
}

/** For the person's own data export. */
export async function grantsForExport(ctx: Pick<RequestContext, 'db'>, userId: string) {
	return (await grantsOf(ctx, userId)).map(({ key, organisation, scope, createdAt }) => ({ role: key, organisation: organisation?.name ?? null, scope, createdAt }));
}

/** Gives a person a module role (administrators), limited as the role allows; recorded in the audit trail. */
export async function grantRole(ctx: RequestContext, userId: string, input: unknown): Promise<GrantView> {
	const actor = ctx.require('user.manage');
	return addGrant(ctx, userId, input, actor.userId);
}

/**
 * The same from the administration CLI (`npm run admin -- grant`): whoever runs commands on the server
 * is trusted as for `set-role`; the audit trail names the command and the system user.
 */
export async function grantRoleByEmail(ctx: RequestContext, email: string, input: unknown): Promise<GrantView> {
	const [person] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, email));
	if (!person) throw new AppError('not_found', { extra: { reason: 'unknown_email' } });
	return addGrant(ctx, person.id, input, null);
}

async function addGrant(ctx: RequestContext, userId: string, input: unknown, grantedBy: string | null): Promise<GrantView> {
	const data = parseOrThrow(GrantInput, input);
	const role = grantRoles()[data.role];
	if (!role) throw new AppError('invalid_input', { fields: [{ path: 'role', messageKey: 'field_choice' }] });
	const limit = role.limit;
	if (limit !== 'organisation' && data.organisationId) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'grant_not_limited' }] });
	if (limit !== 'scope' && data.scope) throw new AppError('invalid_input', { fields: [{ path: 'scope', messageKey: 'grant_not_limited' }] });
	if (limit === 'organisation' && !data.organisationId) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_required' }] });
	if (limit === 'scope' && !data.scope) throw new AppError('invalid_input', { fields: [{ path: 'scope', messageKey: 'field_required' }] });
	// a role whose module lists its scopes is given for one of them only
	if (limit === 'scope' && role.scopes && !(await role.scopes(ctx.db, ctx.language)).some((choice) => choice.value === data.scope)) {
		throw new AppError('invalid_input', { fields: [{ path: 'scope', messageKey: 'field_choice' }] });
	}
	return ctx.transaction(async (tx) => {
		const [person] = await tx.db.select({ id: user.id }).from(user).where(eq(user.id, userId));
		if (!person) throw new AppError('not_found');
		if (data.organisationId) {
			const [found] = await tx.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, data.organisationId));
			if (!found) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
		}
		const [created] = await tx.db
			.insert(accessGrant)
			.values({ userId, module: role.module, role: role.role, organisationId: data.organisationId ?? null, scope: data.scope ?? null, grantedBy })
			.onConflictDoNothing()
			.returning();
		if (!created) throw new AppError('conflict', { extra: { reason: 'grant_exists' } });
		await recordAudit(tx.db, tx.audit, {
			action: 'grant.create',
			resourceType: 'user',
			resourceId: userId,
			after: { role: data.role, organisationId: created.organisationId, scope: created.scope }
		});
		return (await grantsOf(tx, userId)).find((grant) => grant.id === created.id)!;
	});
}

/** Takes a module role back (administrators). */
export async function revokeGrant(ctx: RequestContext, userId: string, grantId: string): Promise<void> {
	ctx.require('user.manage');
	if (!z.uuid().safeParse(grantId).success) throw new AppError('not_found');
	await ctx.transaction(async (tx) => {
		const [removed] = await tx.db.delete(accessGrant).where(and(eq(accessGrant.id, grantId), eq(accessGrant.userId, userId))).returning();
		if (!removed) throw new AppError('not_found');
		await recordAudit(tx.db, tx.audit, {
			action: 'grant.delete',
			resourceType: 'user',
			resourceId: userId,
			before: { role: `${removed.module}:${removed.role}`, organisationId: removed.organisationId, scope: removed.scope }
		});
	});
}

// ── Delegation: a scoped role its holders pass on (co-coordinators) ─────────

export interface DelegatedHolder {
	grantId: string;
	userId: string;
	name: string;
	grantedBy: string | null;
	createdAt: Date;
}

/** The role, if it is delegable, and whether the caller may hand it on for this scope (a holder of it, or an administrator). */
function delegation(ctx: RequestContext, key: string, scope: string) {
	const role = grantRoles()[key];
	if (!role?.delegable) throw new AppError('not_found');
	const actor = ctx.actor;
	if (!actor) throw new AppError('unauthenticated');
	const holds = (actor.grants ?? []).some((grant) => grant.module === role.module && grant.role === role.role && grant.scope === scope);
	if (!holds && !ctx.can('user.manage')) throw new AppError('forbidden');
	return role;
}

/** Who holds a delegable role for one scope (its holders and administrators may see it). */
export async function delegatedHolders(ctx: RequestContext, key: string, scope: string): Promise<DelegatedHolder[]> {
	const role = delegation(ctx, key, scope);
	const rows = await ctx.db
		.select({ grantId: accessGrant.id, userId: accessGrant.userId, name: user.name, grantedBy: accessGrant.grantedBy, createdAt: accessGrant.createdAt })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(eq(accessGrant.module, role.module), eq(accessGrant.role, role.role), eq(accessGrant.scope, scope)))
		.orderBy(asc(user.name));
	return rows;
}

/**
 * A holder of a delegable role gives it, for the same scope, to another person (`eligible` says who may
 * receive it: e.g. the network's members); audited `grant.delegate`. Someone who holds it already: 409.
 */
export async function delegateGrant(ctx: RequestContext, key: string, scope: string, userId: string, eligible: (userId: string) => Promise<boolean>): Promise<void> {
	const role = delegation(ctx, key, scope);
	if (!userId || !(await eligible(userId))) throw new AppError('invalid_input', { fields: [{ path: 'person', messageKey: 'field_choice' }] });
	await ctx.transaction(async (tx) => {
		const [created] = await tx.db
			.insert(accessGrant)
			.values({ userId, module: role.module, role: role.role, organisationId: null, scope, grantedBy: ctx.actor!.userId })
			.onConflictDoNothing()
			.returning();
		if (!created) throw new AppError('conflict', { extra: { reason: 'grant_exists' } });
		await recordAudit(tx.db, tx.audit, { action: 'grant.delegate', resourceType: 'user', resourceId: userId, after: { role: key, scope } });
	});
}

/** A holder takes a delegated role back from another holder of the same scope (never the last one); audited `grant.delete`. */
export async function withdrawDelegatedGrant(ctx: RequestContext, key: string, scope: string, grantId: string): Promise<void> {
	const role = delegation(ctx, key, scope);
	if (!z.uuid().safeParse(grantId).success) throw new AppError('not_found');
	await ctx.transaction(async (tx) => {
		const holders = await tx.db
			.select({ id: accessGrant.id, userId: accessGrant.userId })
			.from(accessGrant)
			.where(and(eq(accessGrant.module, role.module), eq(accessGrant.role, role.role), eq(accessGrant.scope, scope)));
		const target = holders.find((holder) => holder.id === grantId);
		if (!target) throw new AppError('not_found');
		if (holders.length === 1 && !ctx.can('user.manage')) throw new AppError('conflict', { extra: { reason: 'last_holder' } });
		await tx.db.delete(accessGrant).where(eq(accessGrant.id, grantId));
		await recordAudit(tx.db, tx.audit, { action: 'grant.delete', resourceType: 'user', resourceId: target.userId, before: { role: key, scope } });
	});
}
