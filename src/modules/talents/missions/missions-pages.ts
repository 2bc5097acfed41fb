// What the missions' pages need around the services: the form's fields to a mission and back, refusals as
// messages by field, labels in the page's language, and the reasons of a match as sentences.
import { fail } from '@sveltejs/kit';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { pickText, textIn, type ShownText } from '../../../platform/i18n/content-language.ts';
import { regions } from '../../../platform/geo/morocco.ts';
import { placeNameIn } from '../../../platform/geo/place-choices.ts';
import { countryName } from '../../../platform/geo/countries.ts';
import { spokenLanguageLabel } from '../../../platform/i18n/spoken-languages.ts';
import { occupationTitles } from '../occupations.ts';
import type { CommonReason } from '../../../platform/matching/criteria.ts';
import { occupationGroupsOf, reasonLines as explainLines } from '../../../platform/matching/explain.ts';
import type { MissionMatch, MissionReason } from './matching.ts';
import { missionLanguageRows, type MissionData } from './missions.schemas.ts';
import { initiativeOf, type MissionDetailView, type MissionSummaryView } from './missions.service.ts';
import type { InstitutionTalentView } from './candidates.service.ts';

export type FormValues = Record<string, string | string[]>;
const textLanguages = ['fr', 'ar', 'en'] as const;

/** The mission form's fields, as typed (to show them again), and the mission read from them. */
export function missionFromForm(form: FormData): { values: FormValues; input: Record<string, unknown> } {
	const one = (name: string) => String(form.get(name) ?? '');
	const many = (name: string) => form.getAll(name).map(String).filter(Boolean);
	const values: FormValues = {};
	const single = ['organisationId', 'region', 'sector', 'occupationCode', 'mode', 'startsOn', 'endsOn', 'durationDays', 'remoteHoursPerMonth', 'travelCovered', 'stayCovered', 'comment', 'from', 'initiative'];
	for (const code of textLanguages) single.push(`title_${code}`, `context_${code}`, `conditions_${code}`);
	for (let row = 1; row <= missionLanguageRows; row++) single.push(`language_${row}`, `level_${row}`);
	for (const name of single) values[name] = one(name);
	values.skills = many('skills');
	const texts = (prefix: string) => Object.fromEntries(textLanguages.flatMap((code) => (one(`${prefix}_${code}`).trim() ? [[code, one(`${prefix}_${code}`)]] : [])));
	const languages = Array.from({ length: missionLanguageRows }, (_, index) => index + 1)
		.filter((row) => one(`language_${row}`))
		.map((row) => ({ language: one(`language_${row}`), level: one(`level_${row}`) || null }));
	const input: Record<string, unknown> = {
		organisationId: one('organisationId'),
		title: texts('title'),
		context: texts('context'),
		conditions: texts('conditions'),
		region: one('region'),
		sector: one('sector'),
		skills: many('skills'),
		occupationCode: one('occupationCode'),
		languages,
		mode: one('mode'),
		startsOn: one('startsOn'),
		endsOn: one('endsOn'),
		durationDays: one('durationDays'),
		remoteHoursPerMonth: one('remoteHoursPerMonth'),
		travelCovered: one('travelCovered') === 'yes',
		stayCovered: one('stayCovered') === 'yes',
		initiative: one('initiative')
	};
	return { values, input };
}

/** A stored mission (a returned proposal) as the form's values, to start again from it. */
export function formValuesOf(data: MissionData): FormValues {
	const values: FormValues = {
		organisationId: data.organisationId,
		region: data.region,
		sector: data.sector,
		occupationCode: data.occupationCode ?? '',
		mode: data.mode,
		startsOn: data.startsOn ?? '',
		endsOn: data.endsOn ?? '',
		durationDays: data.durationDays ? String(data.durationDays) : '',
		remoteHoursPerMonth: data.remoteHoursPerMonth ? String(data.remoteHoursPerMonth) : '',
		travelCovered: data.travelCovered ? 'yes' : 'no',
		stayCovered: data.stayCovered ? 'yes' : 'no',
		skills: [...data.skills],
		initiative: data.initiative ?? ''
	};
	for (const code of textLanguages) {
		values[`title_${code}`] = data.title[code] ?? '';
		values[`context_${code}`] = data.context[code] ?? '';
		values[`conditions_${code}`] = data.conditions?.[code] ?? '';
	}
	data.languages.forEach((entry, index) => {
		values[`language_${index + 1}`] = entry.language;
		values[`level_${index + 1}`] = entry.level ?? '';
	});
	return values;
}

/** The form's field that shows a problem at a service's path (`title.ar` → `title_ar`, `languages.1.level` → `level_2`). */
export function formFieldOf(path: string): string {
	const text = /^(title|context|conditions)\.(fr|ar|en)$/.exec(path);
	if (text) return `${text[1]}_${text[2]}`;
	const language = /^languages\.(\d+)\.(language|level)$/.exec(path);
	if (language) return `${language[2]}_${Number(language[1]) + 1}`;
	if (path.startsWith('languages')) return 'language_1';
	return path.split('.')[0];
}

/** The form's own words for a field refused whatever the reason (the summary then says which field). */
const fieldMessages: Record<string, string> = {
	region: 'missions.error_region',
	sector: 'missions.error_sector',
	skills: 'missions.error_skills',
	mode: 'missions.error_mode',
	occupationCode: 'missions.error_occupation',
	durationDays: 'missions.error_duration_days',
	remoteHoursPerMonth: 'missions.error_remote_hours',
	initiative: 'missions_more.error_initiative'
};

/** A refused mission: what was typed and one message per field, in the page's language (the form's own wording where it says more). */
export function missionFailure(language: Language, error: unknown, values: FormValues) {
	if (!isAppError(error)) throw error;
	if (error.code === 'forbidden') return fail(403, { values, errors: { organisationId: translate(language, 'missions.error_organisation') } });
	const errors: Record<string, string> = {};
	for (const field of error.fields) {
		const name = formFieldOf(field.path);
		const own =
			name === 'endsOn'
				? 'missions.error_ends_before'
				: field.messageKey === 'field_required' && /^(title|context)_/.test(name)
					? 'missions.error_text_whole'
					: (fieldMessages[name] ?? null);
		errors[name] ??= own ? translate(language, own) : translate(language, `errors.${field.messageKey}`, field.values);
	}
	if (!error.fields.length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values, errors });
}

export const regionName = (code: string, language: Language) => {
	const found = regions.find((region) => region.iso === code);
	return found ? placeNameIn(found, language) : code;
};

/** Occupation titles (any ISCO level) for the codes of these matches and profiles, in the page's language. */
export async function occupationNames(db: DbOrTx, codes: (string | null | undefined)[], language: Language) {
	return occupationTitles(db, [...new Set(codes.filter((code): code is string => Boolean(code)))], language);
}

/** Every occupation code a list of matches names (their groups), for `occupationNames`. */
export const groupsOf = (matches: MissionMatch[]) => occupationGroupsOf(matches);

/**
 * A match's reasons as sentences in the page's language, each with its points (they add up to the score): the
 * platform's words for the skills, the occupation and the languages, this module's for the others.
 */
export function reasonLines(language: Language, match: MissionMatch, occupations: Map<string, { title: string }>) {
	const t = (key: string, values: Record<string, string | number> = {}) => translate(language, `missions.reason_${key}`, values);
	const own = (reason: Exclude<MissionReason, CommonReason>): string => {
		switch (reason.code) {
			case 'sector_same':
			case 'sector_other':
				return t(reason.code, { sector: translate(language, `talents.sector_${reason.values.sector}`) });
			case 'remote_enough':
			case 'remote_some':
			case 'remote_none':
				return t(reason.code, { hours: reason.values.hours, needed: reason.values.needed ?? 0 });
			case 'origin_same':
			case 'origin_other':
				return t(reason.code, { region: regionName(reason.values.region, language) });
			default:
				return t(reason.code);
		}
	};
	const names = { occupation: (code: string) => occupations.get(code)?.title, skill: (skill: string) => translate(language, `talents.skill_${skill}`) };
	return { score: match.score, lines: explainLines(language, match.reasons, own, names) };
}
export type ReasonLines = ReturnType<typeof reasonLines>;

/** A mission's summary as a list shows it: its title in its own language, the places and labels in the page's. */
export function missionCard(language: Language, summary: MissionSummaryView) {
	return {
		slug: summary.slug,
		title: pickText(summary.title, language),
		organisation: summary.organisation.name,
		region: regionName(summary.region, language),
		sector: translate(language, `talents.sector_${summary.sector}`),
		skills: summary.skills.map((skill) => translate(language, `talents.skill_${skill}`)),
		mode: summary.mode,
		startsOn: summary.startsOn,
		endsOn: summary.endsOn,
		status: summary.status,
		isSample: summary.isSample
	};
}
export type MissionCard = ReturnType<typeof missionCard>;

/** The Atlas initiative as a page shows it: resolved already (a published mission), or a link still to resolve (a proposal). */
async function initiativeShown(db: DbOrTx, initiative: string | { slug: string; title: string; lang: string } | null, language: Language) {
	return typeof initiative === 'string' ? initiativeOf(db, initiative, language) : initiative;
}

/** A mission's full description as its page shows it. */
export async function missionPage(db: DbOrTx, language: Language, detail: MissionDetailView | (MissionData & { organisation: { name: string } | null; status?: string })) {
	const occupation = detail.occupationCode ? (await occupationNames(db, [detail.occupationCode], language)).get(detail.occupationCode) : undefined;
	const conditions = pickText(detail.conditions ?? {}, language);
	const report = 'report' in detail && detail.report ? detail.report : null;
	return {
		title: pickText(detail.title, language),
		context: pickText(detail.context, language),
		organisation: detail.organisation?.name ?? '',
		region: regionName(detail.region, language),
		regionCode: detail.region,
		sector: translate(language, `talents.sector_${detail.sector}`),
		skills: detail.skills.map((skill) => translate(language, `talents.skill_${skill}`)),
		occupation: occupation ? { ...occupation, code: detail.occupationCode } : null,
		languages: detail.languages.map((entry) => spokenLanguageLabel(entry.language, language) + (entry.level ? ` ${entry.level}` : '')),
		mode: detail.mode,
		startsOn: detail.startsOn,
		endsOn: detail.endsOn,
		durationDays: detail.durationDays,
		remoteHoursPerMonth: detail.remoteHoursPerMonth,
		travelCovered: detail.travelCovered,
		stayCovered: detail.stayCovered,
		conditions: conditions.text ? conditions : null,
		initiative: await initiativeShown(db, detail.initiative ?? null, language),
		report: report
			? {
					results: textIn(report.results, report.language, language),
					deliverables: report.deliverables ? textIn(report.deliverables, report.language, language) : null,
					followUp: report.followUp ? textIn(report.followUp, report.language, language) : null
				}
			: null
	};
}
export type MissionPage = Awaited<ReturnType<typeof missionPage>>;

/** A talent as the organisation's pages show them: labels in the page's language, only what the view carries. */
export function talentCard(language: Language, talent: InstitutionTalentView, occupations: Map<string, { title: string; lang?: string }>) {
	return {
		id: talent.id,
		label: talent.name ?? talent.pseudonym,
		named: talent.name !== null,
		email: talent.email,
		hostCountry: countryName(talent.hostCountry, language),
		hostCity: talent.hostCity,
		link: talent.link,
		originRegion: talent.originRegion ? regionName(talent.originRegion, language) : null,
		occupation: talent.occupationCode ? (occupations.get(talent.occupationCode) ?? { title: talent.occupationCode }) : null,
		skills: [...talent.skills.map((skill) => translate(language, `talents.skill_${skill}`)), ...talent.otherSkills],
		sectors: talent.sectors.map((sector) => translate(language, `talents.sector_${sector}`)),
		languages: talent.languages.map((entry) => spokenLanguageLabel(entry.language, language) + (entry.level ? ` ${entry.level}` : '')),
		experienceYears: talent.experienceYears,
		contributions: talent.contributions.map((entry) => translate(language, `talents.contribution_${entry}`)),
		remoteHoursPerMonth: talent.remoteHoursPerMonth,
		missionWindows: talent.missionWindows,
		completedMissions: talent.completedMissions,
		isSample: talent.isSample,
		standing: talent.standing
	};
}
export type TalentCard = ReturnType<typeof talentCard>;
export type { ShownText };
