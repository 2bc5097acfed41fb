/**
 * The words of a search as people type them, ready for `search_normalise(column) like '%word%'`.
 * Arabic words are brought to a light stem (in the manner of Larkey's light10): the conjunction و, the
 * article ال and the prepositions fused with it (بال، كال، فال، لل) go, then one common ending (plural
 * -ون/-ين/-ات, dual -ان, -ية, attached pronouns -ها/-هم…), keeping at least three letters. A stem is a
 * part of every form it came from, so "المهاجرين" finds "مهاجرون" and "والإدماج" finds "إدماج", as the
 * French and English words find theirs through accent folding.
 */
const arabicLetter = /[\u0621-\u064A]/;
const diacritics = /[\u064B-\u065F\u0670\u0640]/g;
const prefixes = ['وبال', 'وكال', 'وال', 'بال', 'كال', 'فال', 'ولل', 'لل', 'ال'];
const suffixes = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'نا', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
const MIN_STEM = 3;

/** The same letter folding as SQL `search_normalise` for Arabic (hamza/alef forms, ى, ة, ؤ, ئ). */
function foldArabic(word: string): string {
	return word.replace(diacritics, '').replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي');
}

/** An Arabic word's light stem (the word itself when stripping would leave fewer than three letters). */
export function arabicLightStem(word: string): string {
	let stem = foldArabic(word);
	const prefix = prefixes.find((candidate) => stem.startsWith(candidate) && stem.length - candidate.length >= MIN_STEM);
	if (prefix) stem = stem.slice(prefix.length);
	else if (stem.startsWith('و') && stem.length - 1 > MIN_STEM) stem = stem.slice(1);
	const suffix = suffixes.find((candidate) => stem.endsWith(candidate) && stem.length - candidate.length >= MIN_STEM);
	if (suffix) stem = stem.slice(0, -suffix.length);
	return stem;
}

/** The search words of a query: split on spaces, punctuation trimmed, Arabic words stemmed, at most `max`. */
export function searchWords(query: string | null | undefined, max = 10): string[] {
	return (query ?? '')
		.split(/\s+/)
		.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((word) => word.length > 0)
		.map((word) => (arabicLetter.test(word) ? arabicLightStem(word) : word))
		.slice(0, max);
}
