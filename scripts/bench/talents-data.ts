// The matching benchmark's side of `bench:talents` (issue #11: one mission ranked against 100,000 talent profiles):
// an organisation based in Morocco, a member of it who signs in (the ranking is the mission's organisation's page),
// and M published missions, each different (skills, ISCO occupation, sector, languages and levels, mode and hours,
// region), so that every request ranks the profiles for a mission never asked before. Deterministic: the same
// missions on every run.
import type { Db } from '../../src/platform/db/database.ts';
import { organisation, organisationMember } from '../../src/platform/accounts/accounts.table.ts';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createUserAccount } from '../../src/platform/cli/users.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { regions } from '../../src/platform/geo/morocco.ts';
import { insertMission } from '../../src/modules/talents/missions/missions.service.ts';
import type { MissionData } from '../../src/modules/talents/missions/missions.schemas.ts';
import { missionModes, sectors, skills } from '../../src/modules/talents/talents.model.ts';

export const BENCH_INSTITUTION = { email: 'conseil@bench.sharaka.invalid', password: 'bench-talents-2026' };
const occupations = ['2211', '2212', '2142', '2144', '2151', '2512', '2511', '2131', '2310', '2411', '2611', '2132', '2421', '1120', '2166', '2635', '2161'];
const languages = [
	{ language: 'fr', level: 'B2' },
	{ language: 'ar', level: 'B1' },
	{ language: 'en', level: 'C1' },
	{ language: 'es', level: 'B2' },
	{ language: 'de', level: 'B1' }
] as const;
const pick = <T>(list: readonly T[], index: number, salt: number): T => list[Math.abs((index * 2654435761 + salt * 40503) | 0) % list.length];

/** The n-th bench mission: one to three skills, an occupation three times in four, zero to two languages. */
export function benchMission(index: number, organisationId: string): MissionData {
	const mode = pick(missionModes, index, 1);
	return {
		organisationId,
		title: { fr: `Mission de mesure ${index}` },
		context: { fr: 'Une mission générée pour mesurer le classement des talents.' },
		region: pick(regions, index, 2).iso,
		sector: pick(sectors, index, 3),
		skills: [...new Set(Array.from({ length: 1 + (index % 3) }, (_, n) => pick(skills, index, 4 + n)))],
		occupationCode: index % 4 === 3 ? null : pick(occupations, index, 8),
		languages: [...new Map(Array.from({ length: index % 3 }, (_, n) => pick(languages, index, 9 + n)).map((entry) => [entry.language, { ...entry }])).values()],
		mode,
		startsOn: null,
		endsOn: null,
		durationDays: mode === 'remote' ? null : 5 + (index % 10),
		remoteHoursPerMonth: mode === 'on_site' ? null : 2 + (index % 8),
		travelCovered: true,
		stayCovered: index % 2 === 0,
		conditions: {},
		initiative: null
	};
}

/** The organisation, its member who signs in (a partner, as institutions are), and `count` open missions of it. */
export async function fillBenchMissions(db: Db, count: number): Promise<{ organisationId: string; clerkId: string; slugs: string[] }> {
	const cli = systemContext('cli');
	const [owner] = await db.insert(organisation).values({ slug: 'conseil-mesure', name: 'Conseil régional (mesure)', type: 'local_authority', country: 'MA' }).returning();
	const clerk = await createUserAccount(db, cli, { email: BENCH_INSTITUTION.email, name: 'Institution (mesure)', role: 'partner', password: BENCH_INSTITUTION.password });
	await db.insert(organisationMember).values({ organisationId: owner.id, userId: clerk.id });
	const ctx = createContext({ db, actor: null, audit: cli });
	const slugs: string[] = [];
	for (let index = 0; index < count; index++) {
		const created = await insertMission(ctx, benchMission(index, owner.id), { userId: clerk.id, organisationId: owner.id, comment: null }, { isSample: true });
		slugs.push(created.slug);
	}
	return { organisationId: owner.id, clerkId: clerk.id, slugs };
}
