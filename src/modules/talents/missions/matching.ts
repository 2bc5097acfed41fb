// The explained matching of a mission and a talent's profile. One definition, two forms: `explainMissionMatch`
// (what each result shows: one reason per criterion, their points adding up to the score) and `missionScoreSql`
// (the same score in the database, to rank many profiles without loading them). A test compares them on many
// pairs. The skills, the occupation and the languages are the platform's matching criteria
// (src/platform/matching/, also the Jobs module's for offers and job seekers) with this module's weights; the
// sector, the availability and the region of origin are its own.
import { sql, type SQL } from 'drizzle-orm';
import { cefrLevels } from '../../../platform/i18n/spoken-languages.ts';
import { explained, languageReasons, languageUnitsByRank, occupationReason, skillsReason, type CommonReason } from '../../../platform/matching/criteria.ts';
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

/**
 * One line of the explanation: a code, its points, the values its text needs. The skills, occupation and
 * languages are the platform's criteria (worded `match.reason_<code>`), the others this module's
 * (`missions.reason_<code>`).
 */
export type MissionReason =
	| CommonReason
	| { code: 'sector_same' | 'sector_other'; points: number; values: { sector: string } }
	| { code: 'remote_enough' | 'remote_some' | 'remote_none'; points: number; values: { hours: number; needed: number | null } }
	| { code: 'on_site_offers' | 'on_site_windows' | 'on_site_unknown'; points: number; values: Record<string, never> }
	| { code: 'origin_same' | 'origin_other'; points: number; values: { region: string } };

export interface MissionMatch {
	score: number;
	reasons: MissionReason[];
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

	const skills = skillsReason(mission.skills, talent.skills, w.skills);
	if (skills) reasons.push(skills);

	if (mission.occupationCode) reasons.push(occupationReason(mission.occupationCode, talent.occupationCode ? [talent.occupationCode] : [], w.occupation));

	if (talent.sectors.includes(mission.sector)) reasons.push({ code: 'sector_same', points: w.sector, values: { sector: mission.sector } });
	else reasons.push({ code: 'sector_other', points: 0, values: { sector: mission.sector } });

	reasons.push(...languageReasons(mission.languages.map(({ language, level }) => ({ language, level: level ?? 'A1' })), talent.languages, w.languages));

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

	return explained(reasons);
}

const text = (value: string) => sql`${value}::text`;
const textArray = (values: string[]) => (values.length ? sql`array[${sql.join(values.map(text), sql`, `)}]` : sql`'{}'::text[]`);
const levelsArray = sql.raw(`array[${cefrLevels.map((level) => `'${level}'`).join(',')}]::text[]`);

/**
 * The same score as `explainMissionMatch`, as an SQL expression over `talents.talent_profile`. Written to cost
 * little per profile (the ranking scores many): plain array and text comparisons, and one JSON path lookup per
 * language the mission requires (the first entry of that language, as the explanation reads it).
 */
export function missionScoreSql(mission: MissionFacts): SQL<number> {
	const w = missionWeights;
	const p = talentProfile;
	const parts: SQL[] = [];
	const wanted = [...new Set(mission.skills)];
	const common = wanted.map((skill) => sql`(case when ${text(skill)} = any(${p.skills}) then 1 else 0 end)`);
	parts.push(sql`((${w.skills} * (${sql.join(common, sql` + `)})) / ${wanted.length})`);
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
			const level = sql`(jsonb_path_query_first(${p.languages}, '$[*] ? (@.language == $l)', jsonb_build_object('l', ${text(required.language)})) ->> 'level')`;
			// the units (0, 1 or 2) for each level the talent may have, none first: one lookup instead of comparisons
			const byRank = languageUnitsByRank(required.level ?? 'A1');
			return sql`(${sql.raw(`array[${byRank.join(',')}]`)})[1 + coalesce(array_position(${levelsArray}, ${level}), 0)]`;
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

// ── Ranking many profiles: what cannot reach the page is left out before it is scored ──────────────────────
//
// A profile's points for the skills, the occupation, the sector and the region of origin are cheap to read;
// with the most the languages and the availability can add, they bound its score. `mayScoreAtLeast(mission, x)`
// is met by every profile whose bound reaches x: the skills and the occupation in a form their indexes answer
// (a few index scans), the whole bound as a plain filter on what they find. A profile it leaves out scores less
// than x for sure. (Putting every criterion in the indexes' form was tried: dozens of index scans cost more
// than the scoring they save.)

/** One criterion's levels, best first: the points a profile at that level gets at most, and the condition of being at that level or better (null: any profile). */
type Level = { points: number; condition: SQL | null };

/** Subsets of `wanted` of `size` elements (at most 6 skills: at most 20 subsets). */
function subsets(wanted: string[], size: number): string[][] {
	if (size === 0) return [[]];
	if (wanted.length < size) return [];
	const [first, ...rest] = wanted;
	return [...subsets(rest, size - 1).map((subset) => [first, ...subset]), ...subsets(rest, size)];
}

/** Having `count` or more of the skills: all of them, at least one (the skills' GIN index), or one of a few subsets. */
function withSkills(wanted: string[], count: number): SQL | null {
	if (count <= 0) return null;
	if (count === 1) return sql`${talentProfile.skills} && ${textArray(wanted)}`;
	const all = subsets(wanted, count);
	// more than six subsets would make the condition long: one skill fewer is asked (a wider condition, still sound)
	if (all.length > 6) return withSkills(wanted, count - 1);
	return sql`(${sql.join(
		all.map((subset) => sql`${talentProfile.skills} @> ${textArray(subset)}`),
		sql` or `
	)})`;
}

/** The skills' and the occupation's levels, as the indexes answer them. */
function indexedCriteria(mission: MissionFacts): Level[][] {
	const w = missionWeights;
	const wanted = [...new Set(mission.skills)];
	const skillLevels: Level[] = Array.from({ length: wanted.length + 1 }, (_, index) => {
		const common = wanted.length - index;
		return { points: Math.floor((w.skills * common) / wanted.length), condition: withSkills(wanted, common) };
	});
	const unit = mission.occupationCode;
	const occupationLevels: Level[] = unit
		? [
				{ points: w.occupation.unit, condition: sql`${talentProfile.occupationCode} = ${text(unit)}` },
				{ points: w.occupation.minor, condition: sql`${talentProfile.occupationCode} like ${`${unit.slice(0, 3)}%`}` },
				{ points: w.occupation.subMajor, condition: sql`${talentProfile.occupationCode} like ${`${unit.slice(0, 2)}%`}` },
				{ points: 0, condition: null }
			]
		: [{ points: 0, condition: null }];
	return [skillLevels, occupationLevels];
}

/** The most the languages and the availability can give (all required languages met, the mode's whole availability). */
function languagesAndAvailabilityAtMost(mission: MissionFacts): number {
	const w = missionWeights.availability;
	const availability = mission.mode === 'remote' ? w.remote.enough : mission.mode === 'on_site' ? w.on_site.offers + w.on_site.windows : w.hybrid.enough + w.hybrid.offers + w.hybrid.windows;
	return missionWeights.languages + availability;
}

/** The score's cheap parts (skills, occupation, sector, origin) plus the most the others can give: never below the score. */
function scoreBoundSql(mission: MissionFacts): SQL {
	const w = missionWeights;
	const p = talentProfile;
	const wanted = [...new Set(mission.skills)];
	const common = wanted.map((skill) => sql`(case when ${text(skill)} = any(${p.skills}) then 1 else 0 end)`);
	const parts = [sql`((${w.skills} * (${sql.join(common, sql` + `)})) / ${wanted.length})`];
	const unit = mission.occupationCode;
	if (unit) {
		parts.push(sql`(case when ${p.occupationCode} = ${text(unit)} then ${w.occupation.unit}
			when left(${p.occupationCode}, 3) = ${text(unit.slice(0, 3))} then ${w.occupation.minor}
			when left(${p.occupationCode}, 2) = ${text(unit.slice(0, 2))} then ${w.occupation.subMajor} else 0 end)`);
	}
	parts.push(sql`(case when ${text(mission.sector)} = any(${p.sectors}) then ${w.sector} else 0 end)`);
	parts.push(sql`(case when ${p.originRegion} = ${text(mission.region)} then ${w.origin} else 0 end)`);
	parts.push(sql`${languagesAndAvailabilityAtMost(mission)}`);
	return sql`(${sql.join(parts, sql` + `)})`;
}

/** Every choice of one level per criterion (level indexes, best first). */
function choices(sizes: number[]): number[][] {
	return sizes.reduce<number[][]>((all, size) => all.flatMap((chosen) => Array.from({ length: size }, (_, index) => [...chosen, index])), [[]]);
}

/**
 * The profiles that may score `floor` or more; null when every profile may. A profile left out scores less than
 * `floor` for sure, so a page whose last place scores `floor` or more is the same with or without them.
 */
export function mayScoreAtLeast(mission: MissionFacts, floor: number): SQL | null {
	const levels = indexedCriteria(mission);
	// sector and origin count at their most here; the filter below reads them
	const others = missionWeights.sector + missionWeights.origin + languagesAndAvailabilityAtMost(mission);
	const reaching = choices(levels.map((criterion) => criterion.length)).filter((chosen) => chosen.reduce((sum, index, criterion) => sum + levels[criterion][index].points, others) >= floor);
	if (!reaching.length) return sql`false`;
	// only the widest choices: a choice at least as good in every criterion as another reaching one adds nobody
	const widest = reaching.filter((chosen) => !reaching.some((other) => other !== chosen && other.every((index, criterion) => index >= chosen[criterion])));
	const branches: SQL[] = [];
	for (const chosen of widest) {
		const parts = chosen.map((index, criterion) => levels[criterion][index].condition).filter((part): part is SQL => part !== null);
		if (!parts.length) {
			branches.length = 0;
			break;
		}
		branches.push(parts.length === 1 ? parts[0] : sql`(${sql.join(parts, sql` and `)})`);
	}
	const bound = floor > languagesAndAvailabilityAtMost(mission) ? sql`${scoreBoundSql(mission)} >= ${floor}` : null;
	const indexed = branches.length ? sql`(${sql.join(branches, sql` or `)})` : null;
	return indexed && bound ? sql`(${indexed} and ${bound})` : (indexed ?? bound);
}

/** The scores at which the ranking looks for a full page among the profiles that may reach them, high first (a few: each try costs a query). */
export const rankingFloors = [80, 70, 60, 50] as const;
