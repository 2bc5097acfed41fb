import { desc, eq } from 'drizzle-orm';
import { account, apiToken, organisation, organisationMember, session, user, verification } from './accounts.table.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { accessGrant } from './access-grant.table.ts';
import { grantsForExport } from './grant.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { can } from '../policy/policy.ts';
import { fromModules } from '../kernel/modules.ts';
import { contactMessagesFrom, eraseContactMessagesFrom } from '../site/site.service.ts';
import { moderationPersonalData } from '../moderation/moderation.service.ts';
import { discussionPersonalData } from '../discussion/discussion.service.ts';
import type { ErasedData, ModuleManifest, PersonalDataHooks, PersonalTable } from '../kernel/manifest.ts';
import type { FileStore } from '../storage/file-store.ts';
import type { RequestContext } from '../kernel/context.ts';
import { caseworkPersonalTables, eraseCasework, exportCasework } from '../casework/casework.personal-data.ts';

/**
 * A person's data across the platform and every module: the export (`/api/v1/me/export`) and the
 * closing of one's account. The platform holds the account, memberships, sessions, tokens and
 * activity; each module adds its part through the personal-data hooks of its manifest.
 */

/** The platform's shared capabilities holding people's rows for every module (given once, whichever modules use them). */
const platformCapabilities: (PersonalDataHooks & { slug: string })[] = [
	{ slug: 'platform moderation', ...moderationPersonalData },
	{ slug: 'platform discussion', ...discussionPersonalData }
];

/** The hooks of the platform's capabilities, then every installed module's. */
const hooks = fromModules((manifests) => [
	...platformCapabilities,
	...manifests.flatMap((manifest: ModuleManifest) => (manifest.personalData ? [{ slug: manifest.slug, ...manifest.personalData }] : []))
]);

/** The platform's tables holding a person's rows (the modules declare theirs in their manifest). */
export const platformPersonalTables: PersonalTable[] = [
	{ table: user, userColumn: user.id, exportKey: 'account' },
	{ table: organisationMember, userColumn: organisationMember.userId, exportKey: 'organisations' },
	{ table: session, userColumn: session.userId, exportKey: 'sessions' },
	{ table: apiToken, userColumn: apiToken.userId, exportKey: 'apiTokens' },
	{ table: account, userColumn: account.userId, exportKey: 'account' },
	{ table: accessGrant, userColumn: accessGrant.userId, exportKey: 'grants' },
	...caseworkPersonalTables
];

/** Every table holding a person's rows: the platform's and every installed module's. */
export function personalTables(): { owner: string; tables: PersonalTable[] }[] {
	return [{ owner: 'platform', tables: platformPersonalTables }, ...hooks().map((entry) => ({ owner: entry.slug, tables: entry.tables }))];
}

/** Everything the platform holds about the caller, as one JSON document. */
export async function exportMyData(ctx: RequestContext) {
	const { db, audit: context, actor } = ctx;
	if (!actor || !can(actor, 'account.manage_own')) throw new AppError('forbidden');
	const userId = actor.userId;
	const [person] = await db.select().from(user).where(eq(user.id, userId));
	if (!person) throw new AppError('not_found');
	const [memberships, grants, casework, sessions, tokens, activity, ...moduleParts] = await Promise.all([
		db
			.select({ id: organisation.id, name: organisation.name, since: organisationMember.createdAt })
			.from(organisationMember)
			.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
			.where(eq(organisationMember.userId, userId)),
		grantsForExport({ db }, userId),
		exportCasework(db, userId),
		db
			.select({ createdAt: session.createdAt, expiresAt: session.expiresAt, ipAddress: session.ipAddress, userAgent: session.userAgent })
			.from(session)
			.where(eq(session.userId, userId)),
		db
			.select({ name: apiToken.name, prefix: apiToken.prefix, createdAt: apiToken.createdAt, lastUsedAt: apiToken.lastUsedAt, revokedAt: apiToken.revokedAt })
			.from(apiToken)
			.where(eq(apiToken.userId, userId)),
		db
			.select({ occurredAt: auditEvent.occurredAt, action: auditEvent.action, resourceType: auditEvent.resourceType, resourceId: auditEvent.resourceId, channel: auditEvent.channel })
			.from(auditEvent)
			.where(eq(auditEvent.actorUserId, userId))
			.orderBy(desc(auditEvent.occurredAt))
			.limit(5000),
		...hooks().map((entry) => entry.export(db, actor))
	]);
	const contactMessages = await contactMessagesFrom(db, person.email);
	await recordAudit(db, context, { action: 'account.export', resourceType: 'user', resourceId: userId });
	const platformKeys = ['exportedAt', 'account', 'organisations', 'grants', 'casework', 'sessions', 'apiTokens', 'activity', 'contactMessages'];
	const fromModulesParts: Record<string, unknown> = {};
	moduleParts.forEach((part, index) => {
		for (const [key, value] of Object.entries(part)) {
			if (platformKeys.includes(key) || key in fromModulesParts) throw new Error(`Export key "${key}" of module ${hooks()[index].slug} is already used`);
			fromModulesParts[key] = value;
		}
	});
	return {
		exportedAt: new Date().toISOString(),
		account: {
			id: person.id,
			name: person.name,
			email: person.email,
			emailVerified: person.emailVerified,
			role: person.role,
			locale: person.locale,
			createdAt: person.createdAt.toISOString()
		},
		organisations: memberships,
		grants,
		casework,
		...fromModulesParts,
		sessions,
		apiTokens: tokens,
		contactMessages,
		activity
	};
}

/** Roles whose accounts only an administrator closes (they carry duties others rely on). */
const staffRoles = ['counsellor', 'moderator', 'administrator'];

export function isStaffRole(role: string | null | undefined): boolean {
	return staffRoles.includes(role ?? '');
}

/**
 * Deletes the caller's account and personal data: every module's part (its hook, in one transaction),
 * then sessions, API tokens, memberships and the account. The audit trail is kept (append-only, as the
 * law asks); it holds ids, field names and the account's e-mail as author, never profile content.
 */
export async function deleteMyAccount(ctx: RequestContext, host: { files: FileStore }): Promise<void> {
	const { db, audit: context, actor } = ctx;
	const now = ctx.now();
	if (!actor || !can(actor, 'account.manage_own')) throw new AppError('forbidden');
	const userId = actor.userId;
	const erased = await db.transaction(async (tx) => {
		const [person] = await tx.select({ id: user.id, role: user.role, email: user.email }).from(user).where(eq(user.id, userId)).for('update');
		if (!person) throw new AppError('not_found');
		if (isStaffRole(person.role)) throw new AppError('conflict', { extra: { reason: 'staff_account' } });
		const parts: ErasedData[] = [];
		for (const entry of hooks() as (PersonalDataHooks & { slug: string })[]) parts.push(await entry.erase(tx, userId, now, host));
		// casework rows (notes, appointments, referrals, documents) of every module's caseloads
		const casework = await eraseCasework(tx, userId);
		parts.push({
			removed: [],
			afterCommit: async () => {
				for (const key of casework.documentFiles) await host.files.delete(key);
			}
		});
		await tx.delete(session).where(eq(session.userId, userId));
		await tx.delete(apiToken).where(eq(apiToken.userId, userId));
		await tx.delete(account).where(eq(account.userId, userId));
		await tx.delete(organisationMember).where(eq(organisationMember.userId, userId));
		await tx.delete(accessGrant).where(eq(accessGrant.userId, userId));
		await tx.delete(verification).where(eq(verification.identifier, person.email));
		const contactMessages = await eraseContactMessagesFrom(tx, person.email);
		await tx.delete(user).where(eq(user.id, userId));
		await recordAudit(tx, context, {
			action: 'account.delete',
			resourceType: 'user',
			resourceId: userId,
			after: {
				removed: ['account', ...parts.flatMap((part) => part.removed), 'casework', 'sessions', 'api_tokens', 'memberships', 'grants', ...(contactMessages ? ['contact_messages'] : [])],
				...Object.assign({}, ...parts.map((part) => part.audit ?? {}))
			}
		});
		return parts;
	});
	for (const part of erased) await part.afterCommit?.();
}
