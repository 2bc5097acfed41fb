// The one test builder of people: an account of a role in the database, member of organisations,
// and the Actor the services take. Every test that needs someone makes them here.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { organisation, organisationMember, user } from '../accounts/accounts.table.ts';
import type { Role } from '../accounts/accounts.model.ts';
import type { Language } from '../i18n/languages.ts';
import type { Actor } from '../policy/policy.ts';
import { createContext, type ContextParts, type RequestContext } from '../kernel/context.ts';
import { systemContext } from '../audit/audit.service.ts';

export interface PersonInit {
	/** the platform role; a member unless given */
	role?: Role;
	/** organisations the person is a member of, by id */
	organisationIds?: readonly string[];
	/** … or by slug (they must exist) */
	organisationSlugs?: readonly string[];
	/** `<id>@example.ma` unless given */
	email?: string;
	/** `Person <role> <part of the id>` unless given */
	name?: string;
	/** French unless given */
	locale?: Language;
	/** a random UUID unless given */
	id?: string;
	/** verified unless given */
	emailVerified?: boolean;
}

export interface Person {
	actor: Actor;
	/** the account's row */
	user: typeof user.$inferSelect;
	/** the account's address (so that a Person is also an API test's `Caller`) */
	email: string;
}

/** A new account of `role` (verified, French), member of the organisations given. */
export async function aPerson(db: DbOrTx, init: PersonInit = {}): Promise<Person> {
	const id = init.id ?? crypto.randomUUID();
	const role = init.role ?? 'member';
	const organisationIds = [...(init.organisationIds ?? [])];
	if (init.organisationSlugs?.length) {
		const found = await db.select({ id: organisation.id, slug: organisation.slug }).from(organisation).where(inArray(organisation.slug, [...init.organisationSlugs]));
		for (const slug of init.organisationSlugs) {
			const match = found.find((row) => row.slug === slug);
			if (!match) throw new Error(`aPerson: no organisation '${slug}'`);
			organisationIds.push(match.id);
		}
	}
	const [row] = await db
		.insert(user)
		.values({
			id,
			email: init.email ?? `${id}@example.ma`,
			name: init.name ?? `Person ${role} ${id.slice(0, 4)}`,
			role,
			locale: init.locale ?? 'fr',
			emailVerified: init.emailVerified ?? true
		})
		.returning();
	for (const organisationId of organisationIds) await db.insert(organisationMember).values({ organisationId, userId: id });
	return { actor: { userId: id, role, organisationIds }, user: row, email: row.email };
}

/**
 * The request context a service sees when this person (or nobody) acts on the web: their actor, an
 * audit context naming them, and whatever else the test gives (mailer, clock, language).
 */
export function contextFor(db: DbOrTx, who: Person | Actor | null, parts: Partial<Omit<ContextParts, 'db' | 'actor'>> = {}): RequestContext {
	const actor = who && 'actor' in who ? who.actor : who;
	return createContext({ db, actor, audit: { ...systemContext(), actorUserId: actor?.userId ?? null, channel: 'web' }, ...parts });
}
