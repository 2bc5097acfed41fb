import type { Role } from '../../platform/accounts/accounts.model.ts';

/** The Return module's actions and the roles granted each; the grants below give them alone. */
export const returnActions = {
	/** Publish a new version of a return-guide page; see the pages still to be completed. */
	'return.guide.edit': ['moderator', 'administrator'],
	/** Keep the pension portability table (agreements by host country, with sources). */
	'return.pension.manage': ['moderator', 'administrator'],
	/** Save one's own return checklist and tick its steps. */
	/** The RAMre network's secretariat: approve or refuse membership requests, edit any member's services. */
	'return.secretariat': ['moderator', 'administrator'],
	/** Ask for one's organisation to join the network; keep the services of one's own member organisation. */
	'return.network.contribute': ['partner', 'moderator', 'administrator'],
	'return.checklist.keep': ['member', 'partner', 'counsellor', 'moderator', 'administrator'],
	/**
	 * Follow returnees' reintegration cases of one RAMre operator: no platform role has it, only the
	 * `return:caseworker` grant limited to the operator organisation (each operator sees its own cases).
	 */
	'return.case.work': [],
	/** MDCMRE's crisis cell: open and close crises, see every registration, assign them to relays, export them. */
	'return.crisis.manage': ['moderator', 'administrator'],
	/**
	 * A relay in a crisis (a consulate, a network coordinator, an association): follows the registrations
	 * assigned to its organisation (the `return:crisis_relay` grant limited to it); the cell has it too.
	 */
	'return.crisis.relay': ['moderator', 'administrator']
} as const satisfies Record<string, readonly Role[]>;
