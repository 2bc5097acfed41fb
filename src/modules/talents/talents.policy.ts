import type { Role } from '../../platform/accounts/accounts.model.ts';

/** This module's actions and the roles granted each; the coordinator grant gives `talents.coordinate` for one network. */
export const talentsActions = {
	/** Keep one's own talent profile and consent; join networks. Every account may. */
	'talents.profile.manage_own': ['member', 'partner', 'counsellor', 'moderator', 'administrator'],
	/**
	 * Propose a new entry of the directories of the diaspora (a house of Moroccans of the world, an MRE desk, an
	 * association) or a correction of one: it waits for a moderator (`talents.moderate`), who publishes it. Every account may.
	 */
	'talents.directory.propose': ['member', 'partner', 'counsellor', 'moderator', 'administrator'],
	/** Approve or refuse requests to join a network, see its members (a coordinator grant limits it to one network). */
	'talents.coordinate': ['administrator'],
	/**
	 * Post missions (requests for expertise) for an organisation based in Morocco one is a member of, and manage
	 * them: the explained ranking, shortlist, contact, selection, report (the service checks the organisation;
	 * an `institution` grant limited to one organisation gives it to a member of that organisation).
	 */
	'talents.mission.manage': ['partner', 'moderator', 'administrator'],
	/**
	 * Moderate a network's discussion: hide and show posts, lock and pin threads, read the members' reports
	 * (the coordinator grant gives it for its network; the ministry's moderators for every network).
	 */
	'talents.discussion.moderate': ['moderator', 'administrator'],
	/** Review free skills; see profiles whose consent reaches the MDCMRE; publish or return missions and the directories' proposals. */
	'talents.moderate': ['moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;
