// The Return module's words: who is coming back (profiles), what the guide covers (topics), and when
// a step of the personal checklist happens (phases).

/** Who the guide speaks to (seed 001, component 4: families, retirees, investors; seed 002 §2.7: vulnerable people). */
export const returnProfiles = ['family', 'retiree', 'investor', 'student', 'vulnerable'] as const;
export type ReturnProfile = (typeof returnProfiles)[number];

/** The guide's topics, in the order the guide shows them; one page per topic, its slug is the topic. */
export const guideTopics = [
	'documents',
	'customs',
	'schooling',
	'health',
	'pensions',
	'taxation',
	'housing',
	'investing',
	'employment'
] as const;
export type GuideTopic = (typeof guideTopics)[number];

/** Which topics matter to whom: the guide's home filters by profile with this (an editorial choice, not a legal fact). */
export const topicProfiles: Record<GuideTopic, readonly ReturnProfile[]> = {
	documents: returnProfiles,
	customs: ['family', 'retiree', 'investor', 'student', 'vulnerable'],
	schooling: ['family', 'student'],
	health: returnProfiles,
	pensions: ['retiree', 'family', 'vulnerable'],
	taxation: ['family', 'retiree', 'investor'],
	housing: ['family', 'retiree', 'investor', 'vulnerable'],
	investing: ['investor'],
	employment: ['family', 'student', 'vulnerable', 'investor']
};

export const isReturnProfile = (value: unknown): value is ReturnProfile => typeof value === 'string' && (returnProfiles as readonly string[]).includes(value);
export const isGuideTopic = (value: unknown): value is GuideTopic => typeof value === 'string' && (guideTopics as readonly string[]).includes(value);

/** The personal checklist's three phases. */
export const checklistPhases = ['before', 'arrival', 'first_months'] as const;
export type ChecklistPhase = (typeof checklistPhases)[number];

/**
 * The sentence a guide page carries while a fact is missing (seeds and cited sources say nothing yet).
 * A page whose current text holds it in any language is listed for moderators as "to be completed".
 */
export const toBeCompletedMarker = {
	fr: 'À compléter par le réseau',
	ar: 'يُستكمل من طرف الشبكة',
	en: 'To be completed by the network'
} as const;

/** The stages at which a network member helps (seed 002 §2.7: "à toutes les étapes … des pays d’accueil à la réintégration … économique et social"); the directory's services. */
export const networkStages = ['before_departure', 'arrival', 'administrative', 'economic', 'social', 'psychosocial'] as const;
export type NetworkStage = (typeof networkStages)[number];

/** The needs assessment's three dimensions (IOM's integrated approach to reintegration: economic, social, psychosocial). */
export const needDimensions = ['economic', 'social', 'psychosocial'] as const;
export type NeedDimension = (typeof needDimensions)[number];

/** How pressing a dimension's needs are, as the case worker assessed them. */
export const needLevels = ['none', 'low', 'medium', 'high'] as const;
export type NeedLevel = (typeof needLevels)[number];

/** A reintegration plan's action: planned, under way, done, or dropped. */
export const planActionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type PlanActionStatus = (typeof planActionStatuses)[number];

/** Why a followed reintegration ended: the plan carried out, the person moved or left again, stopped the follow-up, or was lost from sight. */
export const caseCloseReasons = ['plan_completed', 'moved_away', 'left_again', 'consent_withdrawn', 'lost_contact'] as const;
export type CaseCloseReason = (typeof caseCloseReasons)[number];
