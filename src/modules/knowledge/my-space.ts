import { and, count, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { ownProposalCounts } from '../../platform/moderation/moderation.service.ts';
import { moderationProposal } from '../../platform/moderation/moderation.table.ts';
import { documentsCollection } from './knowledge.model.ts';
import { event, eventRegistration } from './events/event.table.ts';
import { survey, surveyRespondent } from './surveys/survey.table.ts';
import { newsletterIssue } from './newsletters/newsletter.table.ts';
import { researcher } from './research/research.table.ts';

/** The Knowledge places of one person, with what waits there (my space). */
export async function knowledgeSpace(ctx: RequestContext): Promise<SpaceLink[]> {
	const links: SpaceLink[] = [];
	const actor = ctx.actor;
	if (!actor) return links;
	if (ctx.can('knowledge.moderate')) {
		const [pending] = await ctx.db
			.select({ n: count() })
			.from(moderationProposal)
			.where(and(eq(moderationProposal.collection, documentsCollection), eq(moderationProposal.status, 'pending')));
		links.push({ path: '/knowledge/moderation', titleKey: 'knowledge.space_moderation', textKey: 'knowledge.space_moderation_text', waiting: { count: pending.n, key: 'knowledge.space_waiting' } });
	}
	if (ctx.can('knowledge.propose')) {
		const [changes] = await ctx.db
			.select({ n: count() })
			.from(moderationProposal)
			.where(
				and(
					eq(moderationProposal.collection, documentsCollection),
					eq(moderationProposal.status, 'changes_requested'),
					actor.organisationIds.length ? inArray(moderationProposal.proposerOrganisationId, [...actor.organisationIds]) : eq(moderationProposal.proposerUserId, actor.userId)
				)
			);
		links.push({ path: '/knowledge/propose', titleKey: 'knowledge.space_propose', textKey: 'knowledge.space_propose_text', waiting: { count: changes.n, key: 'knowledge.space_changes_requested' } });
		// one's own proposals, once one has sent some: those waiting, to follow or withdraw
		const sent = await ownProposalCounts(ctx.db, { key: documentsCollection }, actor.userId);
		if (sent.all > 0) links.push({ path: '/knowledge/proposals', titleKey: 'library_work.space_mine', textKey: 'library_work.space_mine_text', waiting: { count: sent.waiting, key: 'library_work.space_mine_waiting' } });
	}
	if (ctx.can('knowledge.edit_events')) {
		const [registered] = await ctx.db
			.select({ n: count() })
			.from(eventRegistration)
			.innerJoin(event, eq(event.id, eventRegistration.eventId))
			.where(and(ne(eventRegistration.status, 'cancelled'), gte(event.endsAt, ctx.now())));
		links.push({ path: '/knowledge/events', titleKey: 'events.space_organise', textKey: 'events.space_organise_text', waiting: { count: registered.n, key: 'events.space_organise_waiting' } });
	}
	if (ctx.can('knowledge.edit_surveys')) {
		const [open] = await ctx.db
			.select({ n: count() })
			.from(survey)
			.where(and(eq(survey.status, 'published'), sql`(${survey.opensAt} is null or ${survey.opensAt} <= ${ctx.now().toISOString()})`, sql`(${survey.closesAt} is null or ${survey.closesAt} > ${ctx.now().toISOString()})`));
		links.push({ path: '/knowledge/surveys', titleKey: 'surveys.space_edit', textKey: 'surveys.space_edit_text', waiting: { count: open.n, key: 'surveys.space_edit_open' } });
	}
	if (ctx.can('knowledge.edit_newsletter')) {
		const [drafts] = await ctx.db.select({ n: count() }).from(newsletterIssue).where(eq(newsletterIssue.status, 'draft'));
		links.push({ path: '/knowledge/newsletters', titleKey: 'newsletters.space_edit', textKey: 'newsletters.space_edit_text', waiting: { count: drafts.n, key: 'newsletters.space_drafts' } });
	}
	// surveys open to members on their page that this person has not answered
	const [toAnswer] = await ctx.db
		.select({ n: count() })
		.from(survey)
		.where(
			and(
				eq(survey.status, 'published'),
				eq(survey.publicLink, true),
				sql`(${survey.opensAt} is null or ${survey.opensAt} <= ${ctx.now().toISOString()})`,
				sql`(${survey.closesAt} is null or ${survey.closesAt} > ${ctx.now().toISOString()})`,
				sql`not exists (select 1 from ${surveyRespondent} where ${surveyRespondent.surveyId} = ${survey.id} and ${surveyRespondent.userId} = ${actor.userId})`
			)
		);
	if (toAnswer.n > 0) links.push({ path: '/knowledge/surveys', titleKey: 'surveys.space_answer', textKey: 'surveys.space_answer_text', waiting: { count: toAnswer.n, key: 'surveys.space_answer_waiting' } });
	// one's researcher profile, when they made one
	const [profile] = await ctx.db.select({ id: researcher.id }).from(researcher).where(eq(researcher.userId, actor.userId));
	if (profile) links.push({ path: '/knowledge/research/profile', titleKey: 'research.space_profile', textKey: 'research.space_profile_text' });
	// one's own registrations, when there are some for events to come
	const [mine] = await ctx.db
		.select({ n: count() })
		.from(eventRegistration)
		.innerJoin(event, eq(event.id, eventRegistration.eventId))
		.where(and(eq(eventRegistration.userId, actor.userId), ne(eventRegistration.status, 'cancelled'), gte(event.endsAt, ctx.now())));
	if (mine.n > 0) links.push({ path: '/knowledge/events/mine', titleKey: 'events.space_mine', textKey: 'events.space_mine_text', waiting: { count: mine.n, key: 'events.space_mine_waiting' } });
	return links;
}
