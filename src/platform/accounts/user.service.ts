import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/database.ts';
import { organisation, organisationMember, user } from './accounts.table.ts';
import { roles, type Role } from './accounts.model.ts';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import type { RequestContext } from '../kernel/context.ts';
import { AppError } from '../http/app-error.ts';
import type { Mailer } from '../mail/mailer.ts';
import { mailRecipient } from '../mail/mail-user.ts';
import { translate } from '../i18n/translator.ts';
import { likePattern } from './organisation.service.ts';

export interface UserFilters {
	/** words in the name or e-mail address */
	q?: string;
	role?: Role;
	page: number;
	pageSize: number;
}

export interface UserSummary {
	id: string;
	name: string;
	email: string;
	role: Role;
	locale: string;
	emailVerified: boolean;
	createdAt: Date;
	organisations: { id: string; slug: string; name: string; acronym: string | null }[];
}

const summaryColumns = {
	id: user.id,
	name: user.name,
	email: user.email,
	role: user.role,
	locale: user.locale,
	emailVerified: user.emailVerified,
	createdAt: user.createdAt
};

async function withOrganisations(db: DbOrTx, people: Omit<UserSummary, 'organisations'>[]): Promise<UserSummary[]> {
	if (people.length === 0) return [];
	const memberships = await db
		.select({
			userId: organisationMember.userId,
			id: organisation.id,
			slug: organisation.slug,
			name: organisation.name,
			acronym: organisation.acronym
		})
		.from(organisationMember)
		.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
		.where(inArray(organisationMember.userId, people.map((person) => person.id)))
		.orderBy(asc(organisation.name));
	return people.map((person) => ({
		...person,
		organisations: memberships
			.filter((row) => row.userId === person.id)
			.map(({ id, slug, name, acronym }) => ({ id, slug, name, acronym }))
	}));
}

/** People, newest accounts last, filtered by words in the name or e-mail and by role. */
export async function listUsers(db: DbOrTx, filters: UserFilters) {
	const conditions: SQL[] = [];
	if (filters.role) conditions.push(eq(user.role, filters.role));
	if (filters.q) {
		const pattern = likePattern(filters.q);
		conditions.push(
			or(
				ilike(user.email, pattern),
				ilike(user.name, pattern),
				sql`immutable_unaccent(${user.name}) ilike immutable_unaccent(${pattern})`
			)!
		);
	}
	const where = conditions.length ? and(...conditions) : undefined;
	const [rows, [{ total }]] = await Promise.all([
		db
			.select(summaryColumns)
			.from(user)
			.where(where)
			.orderBy(asc(sql`lower(${user.name})`), asc(user.id))
			.limit(filters.pageSize)
			.offset((filters.page - 1) * filters.pageSize),
		db.select({ total: sql<number>`count(*)::int` }).from(user).where(where)
	]);
	return { total, page: filters.page, pageSize: filters.pageSize, items: await withOrganisations(db, rows) };
}

export async function getUser(db: DbOrTx, userId: string): Promise<UserSummary> {
	const [found] = await db.select(summaryColumns).from(user).where(eq(user.id, userId)).limit(1);
	if (!found) throw new AppError('not_found');
	const [withOrgs] = await withOrganisations(db, [found]);
	return withOrgs;
}

export interface RoleChange {
	user: { id: string; name: string; email: string; role: Role };
	previousRole: Role;
	/** false when the person already had this role (nothing recorded, no e-mail) */
	changed: boolean;
	/** whether the e-mail telling the person was sent */
	notified: boolean;
}

export interface RoleChangeOptions {
	/** tells the person by e-mail when given (the web app and API pass `app.mailer`) */
	mailer?: Mailer;
}

async function applyRole(
	db: DbOrTx,
	context: AuditContext,
	which: SQL,
	role: Role,
	options: RoleChangeOptions
): Promise<RoleChange> {
	if (!(roles as readonly string[]).includes(role)) {
		throw new AppError('invalid_input', { fields: [{ path: 'role', messageKey: 'field_choice' }] });
	}
	const result = await db.transaction(async (tx) => {
		const [person] = await tx
			.select({ id: user.id, name: user.name, email: user.email, role: user.role, locale: user.locale })
			.from(user)
			.where(which)
			.for('update');
		if (!person) throw new AppError('not_found');
		if (person.role === role) return { person, changed: false };
		if (person.role === 'administrator') {
			// The platform always keeps one administrator (rows locked so two demotions cannot race).
			const administrators = await tx.select({ id: user.id }).from(user).where(eq(user.role, 'administrator')).for('update');
			if (administrators.length <= 1) {
				throw new AppError('conflict', { fields: [{ path: 'role', messageKey: 'conflict' }], extra: { reason: 'last_administrator' } });
			}
		}
		await tx.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, person.id));
		await recordAudit(tx, context, {
			action: 'user.set_role',
			resourceType: 'user',
			resourceId: person.id,
			before: { role: person.role },
			after: { role }
		});
		return { person, changed: true };
	});
	const { person, changed } = result;
	// After the commit: the change stands even if the mail server is down.
	const notified = changed && (await mailRecipient(options, person, 'email.role_changed', (language) => ({ role: translate(language, `common.role_${role}`) })));
	return {
		user: { id: person.id, name: person.name, email: person.email, role },
		previousRole: person.role,
		changed,
		notified
	};
}

/**
 * Gives a person another platform role and tells them by e-mail (through `ctx.mailer`). Only for actors
 * who may manage users; the last administrator cannot be demoted (conflict, `details.reason = 'last_administrator'`).
 */
export async function setUserRole(ctx: RequestContext, userId: string, role: Role): Promise<RoleChange> {
	ctx.require('user.manage');
	return applyRole(ctx.db, ctx.audit, eq(user.id, userId), role, { mailer: ctx.mailer ?? undefined });
}

/** The same, by e-mail address and without an actor: for the trusted command line. */
export async function setUserRoleByEmail(
	db: Db,
	context: AuditContext,
	email: string,
	role: Role,
	options: RoleChangeOptions = {}
): Promise<RoleChange> {
	return applyRole(db, context, sql`lower(${user.email}) = ${email.trim().toLowerCase()}`, role, options);
}

/** The API shape of a person (`UserSummary` in the OpenAPI document). */
export function userSummaryJson(person: UserSummary) {
	return { ...person, createdAt: person.createdAt.toISOString() };
}
