// The Knowledge module's research mapping (issue #14, item 3; seed 002 §2.11).

/** What a study says: a finding, a recommendation, or what is to be done next. */
export const findingKinds = ['finding', 'recommendation', 'next_step'] as const;
export type FindingKind = (typeof findingKinds)[number];

/** The periods of the mapping over time: before the study, the study's own (2010–2016), after it. */
export const researchPeriods = [
	{ key: 'before_2010', from: null, to: 2009 },
	{ key: 'y2010_2016', from: 2010, to: 2016 },
	{ key: 'since_2017', from: 2017, to: null }
] as const;

/** The kinds of library document that count as research works in the mapping. */
export const researchTypes = ['study', 'report', 'synthesis'] as const;

/** The seeds' study of Moroccan research on migration (2010–2016), in the library (seed 002 §2.11). */
export const RESEARCH_STUDY = 'tendances-recherche-marocaine-migrations';
