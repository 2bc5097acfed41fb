import type { DbOrTx } from '../db/database.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { Action } from '../policy/policy.ts';
import type { DirectoryCollection } from '../directory/directory.service.ts';

/** The team that follows a person, as the module's rule found it. */
export interface FollowingTeam {
	teamId: string;
	teamName: string;
}

/**
 * A module's people followed by its teams (ADR 0010): the Jobs module's job seekers followed by their
 * ANAPEC agency today, Return's returnees by a regional office next. The module names it, says who
 * follows whom (its teams, its consents) and with which actions; the platform keeps the notes,
 * appointments and referrals, their e-mails, audit, export and erasure.
 */
export interface Caseload {
	/** `<module>.<name>`, stored with each row */
	key: string;
	/**
	 * The team following this person, when the actor is staff of it and the module's conditions hold
	 * (e.g. the person chose the agency and consented). Otherwise it throws: forbidden when the actor is
	 * no staff at all, not found when they may not see this person (nothing tells the person exists).
	 */
	followed(ctx: RequestContext, personId: string): Promise<FollowingTeam>;
	/** the same rule for many people in one go: each person the actor's teams follow → that team's id */
	followedAmong(ctx: RequestContext, personIds: readonly string[]): Promise<Map<string, string>>;
	/** the teams the actor is staff of (every list by team starts there); forbidden for someone who is no staff */
	staffTeams(ctx: RequestContext): Promise<{ id: string; name: string }[]>;
	/** the names of teams, for lists and the person's export */
	teamNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>>;
	/** a person's phone number for the entries they are referred to, when the module knows it */
	phones?(db: DbOrTx, personIds: readonly string[]): Promise<Map<string, string | null>>;
	actions: {
		writeNotes: Action;
		planAppointments: Action;
		refer: Action;
		/** the organisation of a directory entry answers the referrals sent to it */
		answerReferrals: Action;
		/** the person sees their own appointments and referrals */
		seeOwn: Action;
	};
	/** the directory whose active entries people are referred to */
	directory: DirectoryCollection;
	/**
	 * The audit trail's resource types (`<note>.create`, `<appointment>.status`, `<referral>.create`…),
	 * and the reads of people's contact details by staff and by the entries' organisations.
	 */
	audit: { note: string; appointment: string; referral: string; contact: string; teamReferralsView: string; entryReferralsView: string };
	/**
	 * The namespace of the e-mails' messages: `<emails>.email_appointment_planned`, `_appointment_cancelled`,
	 * `_referral_sent`, `_referral_status` (to the person), `_referral_new` (to the entry's organisation).
	 */
	emails: string;
	/** the pages' addresses after the language: the person's own view, the entries' organisations' list */
	paths: { person: string; entryReferrals: string };
	/** organisations that accompany people may refer them to the caseload's teams (see team-referrals.ts) */
	intake?: TeamIntake;
	/** the needs the teams work on with a person, when the caseload keeps some (see case-needs.ts) */
	needs?: CaseNeeds;
}

/**
 * The needs of a caseload's files (a language course, a diploma's recognition, documents…): the caseload
 * names its kinds; each is labelled `<messages>.need_kind_<kind>` in the module's messages. Staff write them
 * with the action `writeNotes`; the person sees their own with `seeOwn`.
 */
export interface CaseNeeds {
	kinds: readonly string[];
	/** the namespace of the kinds' labels */
	messages: string;
	/** the audit trail's resource type (`<audit>.create`, `<audit>.update`) */
	audit: string;
}

/**
 * How people are referred to a caseload's teams by the organisations that accompany them (an association
 * to an ANAPEC agency): who is told, the audit's names, the e-mails and pages. Which teams take referrals
 * (an open agency) is the module's check before it calls `referToTeam`.
 */
export interface TeamIntake {
	/** the team's staff, told that a referral awaits */
	teamStaff(db: DbOrTx, teamId: string): Promise<string[]>;
	/** the action of sending one (the sender's organisations must also accompany people: not employers) */
	send: Action;
	/** the audit trail's resource type of a referral, and of the read of people's contacts by the team */
	audit: { referral: string; contact: string; view: string };
	/** the e-mails' message keys: to the person, to the team's staff, the answer to the person and to the sender */
	emails: { sent: string; new: string; status: string; statusToSender: string };
	/** the pages' addresses after the language */
	paths: { person: string; team: string; sender: string };
}
