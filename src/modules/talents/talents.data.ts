// Reference data (the networks the seeds name) and demo data (sample networks and talents, badged).
import { eq, inArray, sql } from 'drizzle-orm';
import { user } from '../../platform/accounts/accounts.table.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { network, networkLink, networkMember, skillSuggestion, talentConsentEvent, talentProfile } from './talents.table.ts';
import { createNetwork } from './networks.service.ts';
import { generateTalents } from './generate.ts';
import { realNetworks, sampleNetworks } from './seed/networks.ts';
import { loadMissionsDemoData } from './missions/missions.demo.ts';
import { loadMentoringDemoData } from './mentoring/mentoring.demo.ts';
import { loadYoungDemoData } from './young/young.demo.ts';
import { loadDirectoriesDemoData } from './directories/directories.demo.ts';
import { loadDiscussionDemoData } from './discussion.demo.ts';
import { loadNewsDemoData } from './news.demo.ts';
import type { DemoDataOptions } from '../../platform/kernel/manifest.ts';
import type { NetworkInput } from './talents.schemas.ts';

async function insertMissing(db: Db, entries: (NetworkInput & { slug: string })[], isSample: boolean) {
	const present = new Set((await db.select({ slug: network.slug }).from(network).where(inArray(network.slug, entries.map((entry) => entry.slug)))).map((row) => row.slug));
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	for (const entry of entries.filter((candidate) => !present.has(candidate.slug))) await createNetwork(ctx, entry, { isSample });
}

/** The networks the seeds name, added once. */
export const ensureTalentsReferenceData = (db: Db) => insertMissing(db, realNetworks, false);

export const DEMO_TALENTS = 300;

/**
 * 13 sample networks, 300 sample talents in them, a profile for the demo member (in Germany, with a
 * public card, a free skill awaiting review, a request to join the real German network), then the sample
 * missions (missions.demo.ts) mentoring (mentoring.demo.ts), support schemes (young.demo.ts), the directories' houses, desks and associations (directories.demo.ts), the networks' discussions (discussion.demo.ts) and news (news.demo.ts). Each part does nothing when its samples exist already.
 */
export async function loadTalentsDemoData(db: Db, options: DemoDataOptions = {}): Promise<void> {
	await loadTalentSamples(db);
	await loadMissionsDemoData(db);
	await loadMentoringDemoData(db);
	await loadYoungDemoData(db);
	await loadDirectoriesDemoData(db);
	await loadDiscussionDemoData(db);
	await loadNewsDemoData(db, options);
}

async function loadTalentSamples(db: Db): Promise<void> {
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(talentProfile).where(eq(talentProfile.isSample, true));
	if (n > 0) return;
	await insertMissing(db, sampleNetworks, true);
	await linkSampleNetworks(db);
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	await generateTalents(ctx, DEMO_TALENTS, { prefix: 'demo', start: 0 });
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	if (!member) return;
	const at = new Date(Date.now() - 5 * 86_400_000);
	await db.transaction(async (tx) => {
		await tx.insert(talentProfile).values({
			userId: member.id,
			hostCountry: 'DE',
			hostCity: 'Köln',
			nationalities: ['MA', 'DE'],
			originRegion: 'MA-02',
			occupationCode: '2512',
			skills: ['digital', 'teaching'],
			sectors: ['digital_economy', 'education'],
			languages: [
				{ language: 'de', level: 'C2' },
				{ language: 'ary', level: 'B2' },
				{ language: 'fr', level: 'B2' }
			],
			experienceYears: 8,
			generation: 'born_abroad',
			contributions: ['remote_mentoring', 'teaching'],
			remoteHoursPerMonth: 4,
			consentLevel: 'public',
			cardFields: ['name', 'hostCountry', 'occupation', 'skills', 'languages'],
			consentAt: at,
			isSample: true
		});
		await tx.insert(talentConsentEvent).values({ userId: member.id, level: 'public', cardFields: ['name', 'hostCountry', 'occupation', 'skills', 'languages'], at });
		await tx.insert(skillSuggestion).values({ userId: member.id, label: 'pédagogie numérique' });
		const [german] = await tx.select({ id: network.id }).from(network).where(eq(network.slug, 'reseau-competences-dmk-allemagne'));
		if (german) await tx.insert(networkMember).values({ networkId: german.id, userId: member.id, status: 'pending', requestedAt: at }).onConflictDoNothing();
	});
}

/** Sample skill networks working with sample chapters (the health network in France and Belgium, the digital one in Canada). */
async function linkSampleNetworks(db: Db) {
	const links = [
		['exemple-sante', 'exemple-talents-ile-de-france'],
		['exemple-sante', 'exemple-talents-belgique'],
		['exemple-numerique', 'exemple-talents-canada']
	];
	const rows = await db.select({ id: network.id, slug: network.slug }).from(network).where(inArray(network.slug, links.flat()));
	const idOf = new Map(rows.map((row) => [row.slug, row.id]));
	const values = links.flatMap(([a, b]) => {
		const [x, y] = [idOf.get(a), idOf.get(b)];
		if (!x || !y) return [];
		return [x < y ? { networkId: x, linkedNetworkId: y } : { networkId: y, linkedNetworkId: x }];
	});
	if (values.length) await db.insert(networkLink).values(values).onConflictDoNothing();
}
