// Amounts as the pages, the review and the import's conflicts say them: in the language's format, with the
// source's second figure beside the first (issue #17 rule 5), and the amounts per year.
import { createTranslator, translate } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';

export type Figure = { amount: number; currency: string };

/** "1 000 000 €", in the language's format (a currency Intl does not know: "1 000 000 XYZ"). */
export function moneyText(language: Language, amount: number, currency: string): string {
	try {
		return createTranslator(language).currency(amount, currency);
	} catch {
		return `${createTranslator(language).number(amount)} ${currency}`;
	}
}

/** An amount, with the second figure the source gives beside it: "1 000 000 € (soit 10 900 000 MAD selon la source)". */
export function figureText(language: Language, first: Figure, second?: Figure | null): string {
	const text = moneyText(language, first.amount, first.currency);
	return second ? translate(language, 'atlas_entry.second_figure', { first: text, second: moneyText(language, second.amount, second.currency) }) : text;
}

/** Each amount of a year: "2021 : 250 000 € — GIZ" (the funder by name when known, else as given), the initiative's own budget without a name. */
export function yearlyLines(language: Language, amounts: readonly { organisation?: string | null; year: number; amount: number; currency: string }[], names: ReadonlyMap<string, string> = new Map()): string[] {
	return [...amounts]
		.sort((a, b) => a.year - b.year)
		.map((entry) => {
			const text = `${entry.year} : ${moneyText(language, entry.amount, entry.currency)}`.replace(' : ', language === 'fr' ? '\u00a0: ' : ': ');
			return entry.organisation ? `${text} — ${names.get(entry.organisation) ?? entry.organisation}` : `${text} — ${translate(language, 'atlas_entry.yearly_own_budget')}`;
		});
}
