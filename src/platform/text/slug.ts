/**
 * A URL slug from a title, a name or an acronym: letters without their accents, digits and single hyphens,
 * at most 80 characters, never starting or ending on a hyphen ("Délégation de l’UE" → "delegation-de-l-ue",
 * "M&D" → "m-d"). Empty when nothing is left (an Arabic title alone): the caller says what to use then.
 */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
}

/**
 * The n-th slug for a base (1: the base itself): the base is cut so that "-n" fits in 80 characters and never
 * ends on a hyphen, so a cut on a hyphen cannot give "…--2" (issue 17, rule 12).
 */
export function slugWithSuffix(base: string, n: number | string): string {
	if (n === 1) return base;
	const suffix = `-${n}`;
	return `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`;
}
