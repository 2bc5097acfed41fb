import type { Role } from '../../platform/accounts/accounts.model.ts';

/**
 * This module's actions and the platform roles granted each by default (administrators only): the
 * people who run a strategy get them through grants limited to that strategy (scope = its slug).
 */
export const strategyActions = {
	/** Change a strategy's own details (title, period, status, publication). */
	'strategy.manage': ['administrator'],
	/** Add, edit, move and remove the domains, programmes, objectives and actions of a strategy. */
	'strategy.plan': ['administrator'],
	/** Enter the actual values of a strategy's indicators (reporters of the responsible bodies). */
	'strategy.report': ['administrator'],
	/** Approve the reported values, or return them to their reporter with the reason (the strategy's owner). */
	'strategy.review': ['administrator'],
	/** Approve a programme version the planners submitted (it is then numbered and never changes), or return it with the reason (the strategy's owner). */
	'strategy.approve_programme': ['administrator'],
	/** Propose an Atlas initiative for an action of a published strategy (partners' contributors; the planners decide). */
	'strategy.propose_initiatives': ['partner', 'moderator', 'administrator'],
	/** Enter the recommendations of studies and deliverables and follow them up to completion (the ministry's moderators). */
	'strategy.track_recommendations': ['moderator', 'administrator'],
	/**
	 * Create and edit the regional concertation bodies: terms of reference, member organisations and their roles.
	 * Morocco's: moderators and administrators; a partner country's: also the owners and reporters of its strategies
	 * (their grants, limited to a strategy, carry it for the bodies of the strategy's country: concertation-access.ts).
	 */
	'strategy.manage_concertation': ['moderator', 'administrator'],
	/**
	 * Run a concertation body's space (announcements, meetings, minutes and attendance, answers to contributions)
	 * and record and follow its decisions: the body's secretariat, through a grant limited to the body (scope = its slug);
	 * for a body in a partner country, also the owners and reporters of that country's strategies.
	 */
	'strategy.concertation_secretariat': ['administrator']
} as const satisfies Record<string, readonly Role[]>;
