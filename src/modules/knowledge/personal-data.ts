import { eq } from 'drizzle-orm';
import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { event, eventRegistration } from './events/event.table.ts';

/**
 * What Knowledge holds about a person: their registrations for events made while signed in (those made
 * without an account are reached by their personal link, and erased by cancelling). Exported with
 * `/api/v1/me/export`; on account deletion they are cancelled and stripped of the person (the counts by
 * category stay, as for a cancellation).
 */
export const knowledgePersonalData: PersonalDataHooks = {
	tables: [{ table: eventRegistration, userColumn: eventRegistration.userId, exportKey: 'eventRegistrations' }],
	async export(db, actor) {
		const rows = await db
			.select({ registration: eventRegistration, slug: event.slug, title: event.title, startsAt: event.startsAt })
			.from(eventRegistration)
			.innerJoin(event, eq(event.id, eventRegistration.eventId))
			.where(eq(eventRegistration.userId, actor.userId));
		return {
			eventRegistrations: rows.map(({ registration, slug, title, startsAt }) => ({
				event: { slug, title, startsAt: startsAt.toISOString() },
				name: registration.name,
				email: registration.email,
				organisationName: registration.organisationName,
				category: registration.category,
				status: registration.status,
				checkedInAt: registration.checkedInAt?.toISOString() ?? null,
				consentAt: registration.consentAt.toISOString(),
				registeredAt: registration.createdAt.toISOString()
			}))
		};
	},
	async erase(tx, userId, now) {
		const stripped = await tx
			.update(eventRegistration)
			// a place freed this way is not offered on by e-mail: the organisers see it on their list
			.set({ status: 'cancelled', name: null, email: null, organisationName: null, userId: null, tokenHash: null, updatedAt: now })
			.where(eq(eventRegistration.userId, userId))
			.returning({ id: eventRegistration.id });
		return { removed: stripped.length ? ['eventRegistrations'] : [], audit: stripped.length ? { eventRegistrationsCancelled: stripped.map((row) => row.id) } : undefined };
	}
};
