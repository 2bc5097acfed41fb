import type { Role } from '../../platform/accounts/accounts.model.ts';

/** This module's actions and the roles granted each; the Knowledge editor grant gives them alone. */
export const knowledgeActions = {
	/** Propose a document for the library (a reviewer's own document is published at once). */
	'knowledge.propose': ['partner', 'moderator', 'administrator'],
	/** Review proposed documents: approve (maybe after editing), reject, ask for changes. */
	'knowledge.moderate': ['moderator', 'administrator'],
	/** Read and write a document's private discussion with the editors. */
	'knowledge.discuss': ['partner', 'moderator', 'administrator'],
	/** Create and edit events (drafts included), publish and cancel them. */
	'knowledge.edit_events': ['moderator', 'administrator'],
	/** Build surveys, send their personal links, read every result and export the raw answers. */
	'knowledge.edit_surveys': ['moderator', 'administrator'],
	/** Compose and send the newsletter's issues; see how many subscribe (never who). */
	'knowledge.edit_newsletter': ['moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;
