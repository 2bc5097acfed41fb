// The reasons of a match in words. The platform words the criteria it writes (`match.reason_<code>`: the
// occupation, the skills, the languages), so they read the same in every module; a module words its own
// criteria (a place, an availability, a sector…) with its own messages.
import { createTranslator, type MessageValues } from '../i18n/translator.ts';
import { spokenLanguageName } from '../i18n/spoken-languages.ts';
import type { Language } from '../i18n/languages.ts';
import { isCommonReason, type CommonReason, type Explained, type Reason } from './criteria.ts';

/** What the words of the common reasons need from the module: the names of occupation groups and of skills. */
export interface ReasonNames {
	/** the title of an ISCO-08 group (any level) in the page's language; its code is shown when there is none */
	occupation?: (code: string) => string | undefined;
	/** the words a skill is shown in (default: as the reason holds it) */
	skill?: (skill: string) => string;
}

/** One reason in words, with its code and points (the points of the lines add up to the score). */
export interface ReasonLine {
	code: string;
	points: number;
	text: string;
}

/** The words of one of the platform's reasons. */
export function commonReasonText(language: Language, reason: CommonReason, names: ReasonNames = {}): string {
	const { t, list } = createTranslator(language);
	const say = (values: MessageValues = {}) => t(`match.reason_${reason.code}`, values);
	switch (reason.code) {
		case 'occupation_unit':
		case 'occupation_minor':
		case 'occupation_sub_major':
			return say({ group: reason.values.group, title: names.occupation?.(reason.values.group) ?? reason.values.group });
		case 'occupation_other':
			return say({ code: reason.values.code });
		case 'skills_common':
			return say({ count: reason.values.count, total: reason.values.total, skills: list(reason.values.skills.map(names.skill ?? ((skill) => skill))) });
		case 'skills_none':
			return say({ total: reason.values.total });
		case 'language_met':
		case 'language_partial':
		case 'language_missing':
			return say({ language: spokenLanguageName(reason.values.language, language), level: reason.values.level ?? 'none', required: reason.values.required });
		case 'languages_none_required':
			return say();
	}
}

/**
 * A match's reasons as lines in the page's language: the platform's reasons in its words, the module's own
 * through `ownText`.
 */
export function reasonLines<R extends Reason>(language: Language, reasons: readonly R[], ownText: (reason: Exclude<R, CommonReason>) => string, names: ReasonNames = {}): ReasonLine[] {
	return reasons.map((reason) => ({
		code: reason.code,
		points: reason.points,
		text: isCommonReason(reason) ? commonReasonText(language, reason, names) : ownText(reason as Exclude<R, CommonReason>)
	}));
}

/** The occupation groups the reasons of these matches name, to look their titles up in one read. */
export function occupationGroupsOf(matches: readonly Explained<Reason>[] | readonly { reasons: readonly Reason[] }[]): string[] {
	return [
		...new Set(
			matches.flatMap((match) =>
				match.reasons.flatMap((reason) =>
					reason.code === 'occupation_unit' || reason.code === 'occupation_minor' || reason.code === 'occupation_sub_major' ? [(reason as CommonReason & { values: { group: string } }).values.group] : []
				)
			)
		)
	];
}
