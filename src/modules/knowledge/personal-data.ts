import { eq } from 'drizzle-orm';
import type { PersonalDataHooks } from '../../platform/kernel/manifest.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import { event, eventRegistration } from './events/event.table.ts';
import { surveyInvitation, surveyRespondent, surveyResponse } from './surveys/survey.table.ts';
import { eraseSurveyDataOf, surveyDataOf } from './surveys/survey.service.ts';
import { deleteSubscriptionOf, subscriptionOf } from './newsletters/newsletter.service.ts';
import { eraseResearcherOf, researcherDataOf } from './research/research.service.ts';
import { researcher } from './research/research.table.ts';

/**
 * What Knowledge holds about a person: their registrations for events made while signed in (those made
 * without an account are reached by their personal link, and erased by cancelling); in surveys, the
 * personal links sent to them, the surveys they answered and, when a survey is not anonymous, their
 * answers. Exported with `/api/v1/me/export`; on account deletion registrations are cancelled and stripped
 * of the person (the counts by category stay, as for a cancellation), links lose their address, answers
 * who gave them (and their free texts). The newsletter subscription of the account's address is exported,
 * and deleted with the account; so is their researcher profile.
 */
export const knowledgePersonalData: PersonalDataHooks = {
	tables: [
		{ table: eventRegistration, userColumn: eventRegistration.userId, exportKey: 'eventRegistrations' },
		{ table: surveyInvitation, userColumn: surveyInvitation.userId, exportKey: 'surveys' },
		{ table: surveyRespondent, userColumn: surveyRespondent.userId, exportKey: 'surveys' },
		{ table: surveyResponse, userColumn: surveyResponse.userId, exportKey: 'surveys' },
		{ table: researcher, userColumn: researcher.userId, exportKey: 'researcherProfile' }
	],
	async export(db, actor) {
		const rows = await db
			.select({ registration: eventRegistration, slug: event.slug, title: event.title, startsAt: event.startsAt })
			.from(eventRegistration)
			.innerJoin(event, eq(event.id, eventRegistration.eventId))
			.where(eq(eventRegistration.userId, actor.userId));
		const email = await emailOf(db, actor.userId);
		const surveys = await surveyDataOf(db, actor.userId, email);
		return {
			// the newsletter is subscribed by address: the subscription of the account's address
			newsletterSubscription: await subscriptionOf(db, email),
			researcherProfile: await researcherDataOf(db, actor.userId),
			surveys: surveys.invitations.length || surveys.answered.length || surveys.responses.length ? surveys : null,
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
		const surveys = await surveyDataOf(tx, userId, await emailOf(tx, userId));
		const inSurveys = surveys.invitations.length + surveys.answered.length + surveys.responses.length > 0;
		if (inSurveys) await eraseSurveyDataOf(tx, userId, await emailOf(tx, userId));
		const unsubscribed = await deleteSubscriptionOf(tx, await emailOf(tx, userId));
		const profileGone = await eraseResearcherOf(tx, userId);
		const removed = [...(stripped.length ? ['eventRegistrations'] : []), ...(inSurveys ? ['surveys'] : []), ...(unsubscribed ? ['newsletterSubscription'] : []), ...(profileGone ? ['researcherProfile'] : [])];
		return { removed, audit: stripped.length ? { eventRegistrationsCancelled: stripped.map((row) => row.id) } : undefined };
	}
};

async function emailOf(db: Parameters<PersonalDataHooks['export']>[0], userId: string): Promise<string> {
	const [found] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId));
	return found?.email ?? '';
}
