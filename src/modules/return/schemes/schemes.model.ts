// The assisted-return schemes catalogue (issue 12, item 5): the European schemes that help people come
// back (country, operator, eligibility, support in cash or in kind, contact), kept by their operators.

/** What a scheme gives. */
export const supportKinds = ['cash', 'in_kind', 'business', 'training', 'housing', 'medical', 'counselling'] as const;
export type SupportKind = (typeof supportKinds)[number];

/**
 * The countries whose schemes the joint reintegration platform pools (seed 002 §2.7: the OFII Tunis
 * platform "mutualise les dispositifs de retour de 4 pays européens (Allemagne, Belgique, France et
 * Suisse)"). Their rows start with nothing but that: every detail is to be completed by the operators.
 */
export const seededSchemeCountries = ['DE', 'BE', 'FR', 'CH'] as const;
