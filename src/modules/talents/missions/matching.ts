// The explained matching of a mission and a talent's profile. One definition, two forms: `explainMissionMatch`
// (what each result shows: one reason per criterion, their points adding up to the score) and `missionScoreSql`
// (the same score in the database, to rank many profiles without loading them). A test compares them on many
// pairs. The Jobs module has its own engine for offers and job seekers (different criteria); modules do not
// import each other, so the CEFR rule shared by both is written again here in six lines.
import { sql, type SQL } from 'drizzle-orm';
import { cefrLevels, type CefrLevel } from '../../../platform/i18n/spoken-languages.ts';
import { talentProfile, type TalentLanguage } from '../talents.table.ts';
import type { Contribution, MissionMode } from '../talents.model.ts';

/**
 * The weights, out of 100. Skills weigh most: a mission names at most six and asks for them first; the
 * trade (ISCO-08: same unit group, else minor, else sub-major group) and the languages the work is done in
 * come next; the sector, whether the talent can give the time the mission needs, and a tie to the region
 * served break near-ties. Every part is an integer so the SQL and the explanation give the same number.
 */
export const missionWeights = {
	/** times the share of the mission's skills the talent has (rounded down) */
	skills: 30,
	occupation: { unit: 20, minor: 14, subMajor: 8 },
	sector: 10,
	/** times the share of the required languages met (one CEFR level below counts half); nothing required: all */
	languages: 20,
	/** by the mission's mode: hours a month from abroad, and/or an offer of expert missions and windows to travel */
	availability: {
		remote: { enough: 10, some: 5 },
		on_site: { offers: 6, windows: 4 },
		hybrid: { enough: 5, some: 3, offers: 3, windows: 2 }
	},
	/** the talent's region of origin is the region the mission serves */
	origin: 10
} as const;

/** What the score reads from a mission. */
export interface MissionFacts {
	skills: string[];
	occupationCode: string | null;
	sector: string;
	languages: TalentLanguage[];
	mode: MissionMode;
	remoteHoursPerMonth: number | null;
	region: string;
}

/** What the score reads from a profile (all of it visible to institutions with the talent's consent). */
export interface TalentFacts {
	skills: string[];
	occupationCode: string | null;
	sectors: string[];
	languages: TalentLanguage[];
	remoteHoursPerMonth: number | null;
	missionWindows: string | null;
	contributions: Contribution[] | string[];
	originRegion: string | null;
}

/** One line of the explanation: a code (its text is `missions.reason_<code>`), its points, the values its text needs. */
export type MissionReason =
	| { code: 'skills_common'; points: number; values: { count: number; total: number; skills: string[] } }
	| { code: 'skills_none'; points: 0; values: { total: number } }
	| { code: 'occupation_unit' | 'occupation_minor' | 'occupation_sub_major'; points: number; values: { group: string } }
	| { code: 'occupation_other'; points: 0; values: { code: string } }
	| { code: 'sector_same' | 'sector_other'; points: number; values: { sector: string } }
	| { code: 'language_met' | 'language_partial'; points: number; values: { language: string; level: CefrLevel; required: CefrLevel } }
	| { code: 'language_missing'; points: 0; values: { language: string; level: CefrLevel | null; required: CefrLevel } }
	| { code: 'languages_none_required'; points: number; values: Record<string, never> }
	| { code: 'remote_enough' | 'remote_some' | 'remote_none'; points: number; values: { hours: number; needed: number | null } }
	| { code: 'on_site_offers' | 'on_site_windows' | 'on_site_unknown'; points: number; values: Record<string, never> }
	| { code: 'origin_same' | 'origin_other'; points: number; values: { region: string } };

export interface MissionMatch {
	score: number;
	reasons: MissionReason[];
}

const levelRank = (level: string | null | undefined): number => (level ? cefrLevels.indexOf(level as CefrLevel) + 1 : 0);

/** 2 when the talent's level meets the required one, 1 when it is one level below, else 0. */
function languageUnits(level: string | null | undefined, required: CefrLevel): 0 | 1 | 2 {
	const [have, want] = [levelRank(level), levelRank(required)];
	if (have > 0 && have >= want) return 2;
	if (have > 0 && have === want - 1) return 1;
	return 0;
}

/** Remote hours: enough for the mission (or some, when it names none), some, or none. */
function remoteFit(hours: number | null, needed: number | null): 'enough' | 'some' | 'none' {
	if (!hours) return 'none';
	return needed === null || hours >= needed ? 'enough' : 'some';
}

/** The score of a talent for a mission, with one reason per criterion (their points add up to the score). */
export function explainMissionMatch(mission: MissionFacts, talent: TalentFacts): MissionMatch {
	const w = missionWeights;
	const reasons: MissionReason[] = [];

	const wanted = [...new Set(mission.skills)];
	const have = new Set(talent.skills);
	const common = wanted.filter((skill) => have.has(skill));
	if (common.length) reasons.push({ code: 'skills_common', points: Math.floor((w.skills * common.length) / wanted.length), values: { count: common.length, total: wanted.length, skills: common } });
	else reasons.push({ code: 'skills_none', points: 0, values: { total: wanted.length } });

	if (mission.occupationCode) {
		const unit = mission.occupationCode;
		const code = talent.occupationCode ?? '';
		if (code === unit) reasons.push({ code: 'occupation_unit', points: w.occupation.unit, values: { group: unit } });
		else if (code.startsWith(unit.slice(0, 3))) reasons.push({ code: 'occupation_minor', points: w.occupation.minor, values: { group: unit.slice(0, 3) } });
		else if (code.startsWith(unit.slice(0, 2))) reasons.push({ code: 'occupation_sub_major', points: w.occupation.subMajor, values: { group: unit.slice(0, 2) } });
		else reasons.push({ code: 'occupation_other', points: 0, values: { code: unit } });
	}

	if (talent.sectors.includes(mission.sector)) reasons.push({ code: 'sector_same', points: w.sector, values: { sector: mission.sector } });
	else reasons.push({ code: 'sector_other', points: 0, values: { sector: mission.sector } });

	if (!mission.languages.length) reasons.push({ code: 'languages_none_required', points: w.languages, values: {} });
	else {
		// each language's points are its step in the running total, so they add up to floor(weight × units / (2 × n))
		const part = (units: number) => Math.floor((w.languages * units) / (2 * mission.languages.length));
		let cumulated = 0;
		for (const required of mission.languages) {
			const level = talent.languages.find((entry) => entry.language === required.language)?.level ?? null;
			const want = (required.level ?? 'A1') as CefrLevel;
			const units = languageUnits(level, want);
			const before = part(cumulated);
			cumulated += units;
			const points = part(cumulated) - before;
			if (units === 2) reasons.push({ code: 'language_met', points, values: { language: required.language, level: level as CefrLevel, required: want } });
			else if (units === 1) reasons.push({ code: 'language_partial', points, values: { language: required.language, level: level as CefrLevel, required: want } });
			else reasons.push({ code: 'language_missing', points: 0, values: { language: required.language, level: (level as CefrLevel | null) ?? null, required: want } });
		}
	}

	const hours = talent.remoteHoursPerMonth ?? 0;
	const remote = remoteFit(talent.remoteHoursPerMonth, mission.remoteHoursPerMonth);
	const offers = (talent.contributions as string[]).includes('expert_mission');
	const windows = Boolean(talent.missionWindows?.trim());
	const weights = mission.mode === 'hybrid' ? w.availability.hybrid : null;
	if (mission.mode !== 'on_site') {
		const table = weights ?? w.availability.remote;
		reasons.push({ code: `remote_${remote}`, points: remote === 'none' ? 0 : table[remote], values: { hours, needed: mission.remoteHoursPerMonth } });
	}
	if (mission.mode !== 'remote') {
		const table = weights ?? w.availability.on_site;
		if (offers) reasons.push({ code: 'on_site_offers', points: table.offers, values: {} });
		if (windows) reasons.push({ code: 'on_site_windows', points: table.windows, values: {} });
		if (!offers && !windows) reasons.push({ code: 'on_site_unknown', points: 0, values: {} });
	}

	if (talent.originRegion === mission.region) reasons.push({ code: 'origin_same', points: w.origin, values: { region: mission.region } });
	else reasons.push({ code: 'origin_other', points: 0, values: { region: mission.region } });

	return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

const text = (value: string) => sql`${value}::text`;
const textArray = (values: string[]) => (values.length ? sql`array[${sql.join(values.map(text), sql`, `)}]` : sql`'{}'::text[]`);
const rankOf = (level: SQL) => sql`coalesce(array_position(array['A1','A2','B1','B2','C1','C2']::text[], ${level}), 0)`;

/** The same score as `explainMissionMatch`, as an SQL expression over `talents.talent_profile`. */
export function missionScoreSql(mission: MissionFacts): SQL<number> {
	const w = missionWeights;
	const p = talentProfile;
	const parts: SQL[] = [];
	const wanted = [...new Set(mission.skills)];
	parts.push(sql`((${w.skills} * cardinality(array(select unnest(${p.skills}) intersect select unnest(${textArray(wanted)})))) / ${wanted.length})`);
	if (mission.occupationCode) {
		const unit = mission.occupationCode;
		parts.push(sql`(case when ${p.occupationCode} = ${text(unit)} then ${w.occupation.unit}
			when left(${p.occupationCode}, 3) = ${text(unit.slice(0, 3))} then ${w.occupation.minor}
			when left(${p.occupationCode}, 2) = ${text(unit.slice(0, 2))} then ${w.occupation.subMajor} else 0 end)`);
	}
	parts.push(sql`(case when ${text(mission.sector)} = any(${p.sectors}) then ${w.sector} else 0 end)`);
	if (!mission.languages.length) parts.push(sql`${w.languages}`);
	else {
		const units = mission.languages.map((required) => {
			const level = sql`(select e->>'level' from jsonb_array_elements(${p.languages}) e where e->>'language' = ${text(required.language)} limit 1)`;
			const [have, want] = [rankOf(level), levelRank(required.level ?? 'A1')];
			return sql`(case when ${have} > 0 and ${have} >= ${want} then 2 when ${have} > 0 and ${have} = ${want - 1} then 1 else 0 end)`;
		});
		parts.push(sql`((${w.languages} * (${sql.join(units, sql` + `)})) / ${2 * mission.languages.length})`);
	}
	const hours = sql`coalesce(${p.remoteHoursPerMonth}, 0)`;
	const needed = mission.remoteHoursPerMonth;
	const enough = needed === null ? sql`${hours} > 0` : sql`${hours} >= ${needed}`;
	const offers = sql`('expert_mission' = any(${p.contributions}))`;
	const windows = sql`(coalesce(btrim(${p.missionWindows}), '') <> '')`;
	const table = mission.mode === 'hybrid' ? w.availability.hybrid : null;
	if (mission.mode !== 'on_site') {
		const remote = table ?? w.availability.remote;
		parts.push(sql`(case when ${enough} then ${remote.enough} when ${hours} > 0 then ${remote.some} else 0 end)`);
	}
	if (mission.mode !== 'remote') {
		const onSite = table ?? w.availability.on_site;
		parts.push(sql`(case when ${offers} then ${onSite.offers} else 0 end) + (case when ${windows} then ${onSite.windows} else 0 end)`);
	}
	parts.push(sql`(case when ${p.originRegion} = ${text(mission.region)} then ${w.origin} else 0 end)`);
	return sql<number>`(${sql.join(parts, sql` + `)})::int`;
}
