import { z } from 'zod';
import { roles } from '../accounts/accounts.model.ts';

/** An empty form or query field means "not given". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const page = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1));
const pageSize = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50));

export const Role = z.enum(roles).meta({ id: 'Role', description: 'Platform role, from least to most trusted' });

// ── People ──────────────────────────────────────────────────────────────────

export const UserListQuery = z
	.object({
		q: optionalText(200).meta({ description: 'Words in the name or e-mail address' }),
		role: z.preprocess(blankToUndefined, Role.optional()),
		page,
		pageSize
	})
	.meta({ id: 'UserListQuery' });
export type UserListQuery = z.output<typeof UserListQuery>;

export const UserSummary = z
	.object({
		id: z.string(),
		name: z.string(),
		email: z.email(),
		role: Role,
		locale: z.string(),
		emailVerified: z.boolean(),
		createdAt: z.iso.datetime(),
		organisations: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), acronym: z.string().nullable() }))
	})
	.meta({ id: 'UserSummary' });

export const UserList = z
	.object({ total: z.int(), page: z.int(), pageSize: z.int(), items: z.array(UserSummary) })
	.meta({ id: 'UserList' });

export const UserRoleUpdate = z.object({ role: Role }).meta({ id: 'UserRoleUpdate' });

/** The role form of the staff page: one small form per person. */
export const UserRoleForm = z.object({ userId: z.string().trim().min(1).max(100), role: Role });

// ── Audit trail ─────────────────────────────────────────────────────────────

/** A calendar day (taken in the platform's time zone, see time-zone.ts) or an instant with its offset. */
const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const AuditEventQuery = z
	.object({
		actor: optionalText(254).meta({ description: 'The person who acted: user id or e-mail address' }),
		resourceType: optionalText(100).meta({ example: 'organisation' }),
		resourceId: optionalText(200),
		action: optionalText(100).meta({ example: 'user.set_role' }),
		from: z.preprocess(blankToUndefined, dayOrInstant.optional()).meta({
			description: 'From this day (YYYY-MM-DD, Casablanca time) or instant (ISO 8601), included'
		}),
		to: z.preprocess(blankToUndefined, dayOrInstant.optional()).meta({
			description: 'Up to this day (YYYY-MM-DD, Casablanca time, whole day included) or instant (ISO 8601), included'
		}),
		page,
		pageSize
	})
	.meta({ id: 'AuditEventQuery' });
export type AuditEventQuery = z.output<typeof AuditEventQuery>;

export const AuditEvent = z
	.object({
		id: z.int(),
		occurredAt: z.iso.datetime(),
		actorUserId: z.string().nullable(),
		actorLabel: z.string().nullable(),
		channel: z.enum(['web', 'api', 'cli', 'system']),
		action: z.string(),
		resourceType: z.string(),
		resourceId: z.string().nullable(),
		before: z.unknown().meta({ description: 'The resource (or the changed fields) before the action' }),
		after: z.unknown().meta({ description: 'The resource (or the changed fields) after the action' }),
		requestId: z.string().nullable(),
		ip: z.string().nullable()
	})
	.meta({ id: 'AuditEvent' });

export const AuditEventList = z
	.object({ total: z.int(), page: z.int(), pageSize: z.int(), items: z.array(AuditEvent) })
	.meta({ id: 'AuditEventList' });
