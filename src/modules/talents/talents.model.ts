// The controlled lists of the Talents module (tables, forms, pages and API share them).

/**
 * Who may see a talent's profile besides the talent, from the widest to the narrowest; each level
 * includes the narrower ones (a public card is also visible to institutions and to the MDCMRE).
 * null: nobody but the talent.
 */
export const consentLevels = ['public', 'institutions', 'mdcmre'] as const;
export type ConsentLevel = (typeof consentLevels)[number];

/** The fields a talent may show on a public card, each chosen one by one. */
export const cardFields = ['name', 'hostCountry', 'hostCity', 'occupation', 'skills', 'sectors', 'languages', 'experienceYears', 'contributions', 'generation', 'originRegion', 'link', 'missions'] as const;
export type CardField = (typeof cardFields)[number];

/** The controlled list of skills (networks by skill use the same keys); free additions wait for a moderator. */
export const skills = [
	'health',
	'engineering',
	'digital',
	'research',
	'teaching',
	'finance',
	'law',
	'agriculture',
	'energy_environment',
	'management',
	'entrepreneurship',
	'culture',
	'social_work',
	'architecture_urbanism'
] as const;
export type Skill = (typeof skills)[number];

export const sectors = ['health', 'education', 'agriculture', 'industry', 'digital_economy', 'tourism', 'energy', 'water', 'finance', 'public_administration', 'culture', 'social'] as const;
export type Sector = (typeof sectors)[number];

/** The kinds of contribution the issue names. */
export const contributions = ['expert_mission', 'remote_mentoring', 'teaching', 'investment', 'business_creation', 'network_building'] as const;
export type Contribution = (typeof contributions)[number];

export const generations = ['born_in_morocco', 'born_abroad'] as const;
export type Generation = (typeof generations)[number];

export const educationLevels = ['secondary', 'vocational', 'bachelor', 'master', 'doctorate'] as const;
export type EducationLevel = (typeof educationLevels)[number];

/** A network gathers talents of one host territory (a country, maybe a city) or of one skill. */
export const networkKinds = ['territory', 'skill'] as const;
export type NetworkKind = (typeof networkKinds)[number];
/** open: anyone joins at once; on_request: a coordinator approves. */
export const joiningRules = ['open', 'on_request'] as const;
export type JoiningRule = (typeof joiningRules)[number];
export const membershipStatuses = ['pending', 'member', 'refused'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
export const suggestionStatuses = ['pending', 'accepted', 'rejected'] as const;

/** Public counts below this are not shown (they could point at a person). */
export const SMALL_COUNT = 5;

// ── Missions (requests for expertise) ───────────────────────────────────────

/** Where the work is done: in Morocco, from the host country, or both. */
export const missionModes = ['on_site', 'remote', 'hybrid'] as const;
export type MissionMode = (typeof missionModes)[number];

/** A published mission's life: open to interest → a talent selected → under way → completed, or cancelled. */
export const missionStatuses = ['open', 'matched', 'ongoing', 'completed', 'cancelled'] as const;
export type MissionStatus = (typeof missionStatuses)[number];

/**
 * The moves the owning organisation may make by hand (`matched` comes from selecting a talent, and goes
 * back to `open` when no talent is left selected). Completing needs a report; cancelling a reason.
 */
export const missionMoves = { start: ['matched'], complete: ['ongoing'], cancel: ['open', 'matched', 'ongoing'] } as const satisfies Record<string, readonly MissionStatus[]>;
export type MissionMove = keyof typeof missionMoves;

/** A contact through the platform: the institution asks, the talent accepts (e-mail addresses then shown to both) or declines. */
export const contactStatuses = ['requested', 'accepted', 'declined'] as const;
export type ContactStatus = (typeof contactStatuses)[number];

/** The levels a talent's consent must reach for institutions to find them in a mission's ranking (never `mdcmre`). */
export const institutionLevels = ['public', 'institutions'] as const satisfies readonly ConsentLevel[];

// ── Mentoring (young generations, issue #11 item 6) ─────────────────────────

/** A mentoring offer is listed and takes requests while open; closed, it takes no new request (those under way go on). */
export const mentoringOfferStatuses = ['open', 'closed'] as const;
export type MentoringOfferStatus = (typeof mentoringOfferStatuses)[number];

/**
 * A request for mentoring: asked by a member → accepted or declined by the talent (a reason may be given);
 * withdrawn by the member before the answer; ended by either side once accepted.
 */
export const mentoringStatuses = ['requested', 'accepted', 'declined', 'withdrawn', 'ended'] as const;
export type MentoringStatus = (typeof mentoringStatuses)[number];
/** The statuses in which a request is still alive (one per member and talent at a time; accepted ones fill the capacity). */
export const liveMentoringStatuses = ['requested', 'accepted'] as const satisfies readonly MentoringStatus[];
export const mentoringSides = ['mentor', 'mentee'] as const;
export type MentoringSide = (typeof mentoringSides)[number];
/** The languages a mentoring offer's own text may be written in (it carries its language). */
export const mentoringTextLanguages = ['fr', 'ar', 'en'] as const;
