// Sample talents (fictional, badged): the demo's 300 and `talents:generate` for larger numbers.
import { forgetModeratedSubjects } from '../../platform/moderation/moderation.service.ts';
import { mission } from './missions/missions.table.ts';
import { MISSIONS_COLLECTION } from './missions/missions.service.ts';
import { mentoringOffer, mentoringRequest } from './mentoring/mentoring.table.ts';
import { directoryEntry } from '../../platform/directory/directory.table.ts';
import { supportSchemes } from './young/support-schemes.ts';
import { associations, houses, mreDesks } from './directories/directories.ts';
import { DIRECTORY_PROPOSALS } from './directories/directory-proposals.ts';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { user } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { removeDiscussions } from '../../platform/discussion/discussion.service.ts';
import { NETWORK_DISCUSSION } from './network-discussion.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { network, networkMember, talentConsentEvent, talentProfile } from './talents.table.ts';
import { cardFields, contributions, generations, sectors, skills, type CardField, type ConsentLevel } from './talents.model.ts';

/** Sample people get addresses on a reserved domain (they cannot sign in) and are removed by it. */
export const SAMPLE_TALENT_DOMAIN = 'talents.sample.sharaka.invalid';

const firstNames = ['Amina', 'Youssef', 'Salma', 'Karim', 'Nadia', 'Omar', 'Leïla', 'Hicham', 'Imane', 'Rachid', 'Sanaa', 'Mehdi', 'Fatima Zahra', 'Anas', 'Houda', 'Reda', 'Khadija', 'Ilyas', 'Meryem', 'Hamza'];
const lastNames = ['Benali', 'El Idrissi', 'Alaoui', 'Bennani', 'Tazi', 'Chraibi', 'El Amrani', 'Ouazzani', 'Berrada', 'Fassi', 'Ait Lahcen', 'Amziane', 'Bouzid', 'Lahlou', 'Naciri', 'Zeroual', 'Haddad', 'Kettani'];
/** 30 host countries, the most frequent first (samples are spread unevenly, like people). */
const countries = ['FR', 'ES', 'IT', 'BE', 'NL', 'DE', 'CA', 'US', 'AE', 'GB', 'SE', 'CH', 'QA', 'SA', 'PT', 'NO', 'DK', 'AT', 'IE', 'LU', 'TR', 'SN', 'CI', 'TN', 'EG', 'JP', 'CN', 'AU', 'BR', 'MX'];
const cities: Record<string, string> = { FR: 'Paris', ES: 'Madrid', IT: 'Milan', BE: 'Bruxelles', NL: 'Rotterdam', DE: 'Düsseldorf', CA: 'Montréal', US: 'New York', AE: 'Dubaï', GB: 'London' };
const occupations: Record<string, string[]> = {
	health: ['2211', '2212', '2221'],
	engineering: ['2142', '2144', '2151', '3112'],
	digital: ['2512', '2511', '2166'],
	research: ['2131', '2310'],
	teaching: ['2310', '2320'],
	finance: ['2411', '1120'],
	law: ['2611'],
	agriculture: ['2132'],
	energy_environment: ['2151'],
	management: ['2421', '1120'],
	entrepreneurship: ['1120'],
	culture: ['2166'],
	social_work: ['2635'],
	architecture_urbanism: ['2161']
};
const languageSets = [
	[{ language: 'fr', level: 'C2' }, { language: 'ary', level: 'C1' }, { language: 'en', level: 'B2' }],
	[{ language: 'es', level: 'C2' }, { language: 'ary', level: 'B2' }],
	[{ language: 'de', level: 'C2' }, { language: 'ar', level: 'B1' }, { language: 'fr', level: 'B2' }],
	[{ language: 'nl', level: 'C2' }, { language: 'zgh', level: 'B1' }, { language: 'en', level: 'C1' }],
	[{ language: 'en', level: 'C2' }, { language: 'ar', level: 'C1' }]
] as const;

/** A deterministic spread: the n-th item of a list by a simple hash of the index and a salt. */
const pick = <T>(list: readonly T[], index: number, salt: number): T => list[Math.abs((index * 2654435761 + salt * 40503) | 0) % list.length];
/** Skewed towards the start of the list: the first countries hold most samples. */
const skewed = <T>(list: readonly T[], index: number): T => list[Math.floor(list.length * Math.pow(((index * 7919) % 1000) / 1000, 2.2))];

export function sampleTalent(index: number) {
	const skill = pick(skills, index, 1);
	const second = pick(skills, index, 2);
	const hostCountry = skewed(countries, index);
	const level: ConsentLevel | null = index % 10 < 6 ? 'public' : index % 10 < 8 ? 'institutions' : index % 10 < 9 ? 'mdcmre' : null;
	const shown: CardField[] = level === 'public' ? cardFields.filter((field, position) => field === 'hostCountry' || field === 'skills' || (index + position) % 3 !== 0) : [];
	return {
		name: `${pick(firstNames, index, 3)} ${pick(lastNames, index, 4)} (exemple)`,
		profile: {
			hostCountry,
			hostCity: cities[hostCountry] ?? null,
			nationalities: index % 3 === 0 ? ['MA'] : ['MA', hostCountry],
			originRegion: pick(regions, index, 5).iso,
			occupationCode: pick(occupations[skill], index, 6),
			skills: [...new Set([skill, second])],
			sectors: [pick(sectors, index, 7)],
			languages: languageSets[index % languageSets.length].map((entry) => ({ ...entry })),
			experienceYears: 2 + (index % 25),
			generation: pick(generations, index, 8),
			contributions: [...new Set([pick(contributions, index, 9), pick(contributions, index, 10)])],
			remoteHoursPerMonth: index % 4 === 0 ? null : 2 + (index % 10),
			consentLevel: level,
			cardFields: shown,
			isSample: true
		}
	};
}

/**
 * Inserts `count` sample talents (accounts without credentials on the reserved domain, profiles, consent
 * history) and puts them in the sample networks that fit their country or skills; the first member of
 * each sample network coordinates it. One audit event for the whole batch.
 */
export async function generateTalents(ctx: RequestContext, count: number, options: { prefix?: string; start?: number } = {}) {
	const prefix = options.prefix ?? 'talent';
	const start = options.start ?? (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(talentProfile).where(eq(talentProfile.isSample, true)))[0].n;
	const networks = await ctx.db.select().from(network).where(eq(network.isSample, true));
	const now = ctx.now().getTime();
	await ctx.transaction(async (tx) => {
		for (let first = 0; first < count; first += 500) {
			const batch = Array.from({ length: Math.min(500, count - first) }, (_, offset) => start + first + offset).map((index) => ({ index, id: crypto.randomUUID(), ...sampleTalent(index) }));
			await tx.db.insert(user).values(batch.map((entry) => ({ id: entry.id, email: `${prefix}-${entry.index}@${SAMPLE_TALENT_DOMAIN}`, name: entry.name, role: 'member' as const, emailVerified: false, locale: (['fr', 'fr', 'ar', 'en'] as const)[entry.index % 4] })));
			await tx.db.insert(talentProfile).values(
				batch.map((entry) => ({ ...entry.profile, userId: entry.id, consentAt: entry.profile.consentLevel ? new Date(now - (entry.index % 60) * 86_400_000) : null, updatedAt: new Date(now - (entry.index % 90) * 86_400_000) }))
			);
			const consented = batch.filter((entry) => entry.profile.consentLevel);
			if (consented.length) await tx.db.insert(talentConsentEvent).values(consented.map((entry) => ({ userId: entry.id, level: entry.profile.consentLevel, cardFields: entry.profile.cardFields, at: new Date(now - (entry.index % 60) * 86_400_000) })));
			const memberships = batch.flatMap((entry) =>
				networks
					.filter((candidate) => (candidate.kind === 'territory' ? candidate.country === entry.profile.hostCountry : entry.profile.skills.includes(candidate.skill as never)))
					.map((candidate) => ({ networkId: candidate.id, userId: entry.id, status: (entry.index % 17 === 0 && candidate.joining === 'on_request' ? 'pending' : 'member') as 'pending' | 'member', requestedAt: new Date(now - (entry.index % 40) * 86_400_000) }))
			);
			if (memberships.length) await tx.db.insert(networkMember).values(memberships).onConflictDoNothing();
		}
		// a network without coordinators has nobody to approve requests: its first sample member takes it
		const coordinated = new Set((await tx.db.select({ scope: accessGrant.scope }).from(accessGrant).where(eq(accessGrant.module, 'talents'))).map((row) => row.scope));
		for (const candidate of networks.filter((entry) => !coordinated.has(entry.slug))) {
			const [first] = await tx.db
				.select({ userId: networkMember.userId })
				.from(networkMember)
				.innerJoin(user, eq(user.id, networkMember.userId))
				.where(sql`${networkMember.networkId} = ${candidate.id} and ${networkMember.status} = 'member' and ${user.email} like ${`%@${SAMPLE_TALENT_DOMAIN}`}`)
				.orderBy(networkMember.requestedAt, networkMember.userId)
				.limit(1);
			if (first) await tx.db.insert(accessGrant).values({ userId: first.userId, module: 'talents', role: 'coordinator', scope: candidate.slug });
		}
		await recordAudit(tx.db, tx.audit, { action: 'talent_profile.generate', resourceType: 'talent_profile', resourceId: null, after: { count, sample: true } });
	});
}

/** Removes every sample talent (their accounts on the reserved domain) and every sample network. */
export async function removeSampleTalents(ctx: RequestContext) {
	return ctx.transaction(async (tx) => {
		// the sample mentoring (the sample young people's accounts go with the domain below)
		await tx.db.delete(mentoringRequest).where(eq(mentoringRequest.isSample, true));
		await tx.db.delete(mentoringOffer).where(eq(mentoringOffer.isSample, true));
		const entries = await tx.db
			.delete(directoryEntry)
			.where(and(inArray(directoryEntry.collection, [supportSchemes.key, houses.key, mreDesks.key, associations.key]), eq(directoryEntry.isSample, true)))
			.returning({ id: directoryEntry.id });
		// the proposals and messages about the sample houses, desks and associations go with them
		await forgetModeratedSubjects(tx.db, DIRECTORY_PROPOSALS, entries.map((entry) => entry.id));
		const people = await tx.db.delete(user).where(like(user.email, `%@${SAMPLE_TALENT_DOMAIN}`)).returning({ id: user.id });
		const networks = await tx.db.delete(network).where(eq(network.isSample, true)).returning({ slug: network.slug });
		if (networks.length) await tx.db.delete(accessGrant).where(and(eq(accessGrant.module, 'talents'), inArray(accessGrant.scope, networks.map((entry) => entry.slug))));
		// their discussions (the platform keeps them by the network's slug)
		await removeDiscussions(tx.db, NETWORK_DISCUSSION, networks.map((entry) => entry.slug));
		// the demo accounts' own sample profiles
		await tx.db.delete(talentProfile).where(eq(talentProfile.isSample, true));
		// the sample missions, with their talents' part and their proposals and messages in moderation
		const missions = await tx.db.delete(mission).where(eq(mission.isSample, true)).returning({ id: mission.id });
		await forgetModeratedSubjects(tx.db, MISSIONS_COLLECTION, missions.map((entry) => entry.id));
		await recordAudit(tx.db, tx.audit, { action: 'talent_profile.remove_samples', resourceType: 'talent_profile', resourceId: null, after: { people: people.length, networks: networks.length, missions: missions.length } });
		return { people: people.length, networks: networks.length, missions: missions.length };
	});
}
