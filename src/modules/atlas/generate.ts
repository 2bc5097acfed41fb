// Fictional initiatives, deterministic (seeded pseudo-random), for the demo and for benchmarks.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { initiative } from './atlas.table.ts';
import { initiativeThemes, targetGroups } from './atlas.model.ts';
import type { InitiativeInput } from './atlas.schemas.ts';
import { createInitiatives } from './initiative.service.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fictional organisations used by the samples besides the existing ones (removed with the samples). */
export const sampleOrganisations = [
	{ slug: 'exemple-fondation-deux-rives', name: 'Fondation des Deux Rives (exemple)', type: 'ngo' as const, country: 'FR' },
	{ slug: 'exemple-agence-cooperation-nord', name: 'Agence de coopération du Nord (exemple)', type: 'cooperation_agency' as const, country: 'SE' },
	{ slug: 'exemple-reseau-atlas-solidaire', name: 'Réseau Atlas solidaire (exemple)', type: 'ngo' as const, country: 'MA' },
	{ slug: 'exemple-fonds-mobilite-sud', name: 'Fonds Mobilité Sud (exemple)', type: 'other' as const, country: 'SN' }
];

const actions = [
	{ fr: 'Appui à', ar: 'دعم', en: 'Support for' },
	{ fr: 'Programme pour', ar: 'برنامج من أجل', en: 'Programme for' },
	{ fr: 'Initiative pour', ar: 'مبادرة من أجل', en: 'Initiative for' },
	{ fr: 'Projet pilote pour', ar: 'مشروع نموذجي من أجل', en: 'Pilot project for' }
];
const topics: Record<string, { fr: string; ar: string; en: string }> = {
	migration_development: { fr: 'la migration au service du développement local', ar: 'الهجرة في خدمة التنمية المحلية', en: 'migration for local development' },
	diaspora_skills: { fr: 'la mobilisation des compétences de la diaspora', ar: 'تعبئة كفاءات مغاربة العالم', en: 'mobilising diaspora skills' },
	diaspora_investment: { fr: 'l’investissement productif des Marocains du monde', ar: 'الاستثمار المنتج لمغاربة العالم', en: 'productive investment by Moroccans abroad' },
	immigrant_integration: { fr: 'l’intégration des personnes immigrées', ar: 'إدماج المهاجرين', en: 'the integration of immigrants' },
	health: { fr: 'la santé et le soutien psychosocial des migrants', ar: 'صحة المهاجرين ودعمهم النفسي والاجتماعي', en: 'migrants’ health and psychosocial support' },
	returnee_reintegration: { fr: 'la réintégration des migrants de retour', ar: 'إعادة إدماج المهاجرين العائدين', en: 'the reintegration of returning migrants' },
	legal_migration: { fr: 'la mobilité professionnelle légale', ar: 'التنقل المهني القانوني', en: 'legal labour mobility' },
	migrant_rights: { fr: 'la protection des droits des migrants', ar: 'حماية حقوق المهاجرين', en: 'protecting migrants’ rights' },
	migration_governance: { fr: 'la gouvernance régionale des migrations', ar: 'الحكامة الجهوية للهجرة', en: 'regional migration governance' },
	research_data: { fr: 'la recherche et les données sur les migrations', ar: 'البحث والمعطيات حول الهجرة', en: 'migration research and data' },
	south_south: { fr: 'la coopération Sud-Sud', ar: 'التعاون جنوب-جنوب', en: 'South–South cooperation' }
};
const partnerCountries = ['SN', 'ML', 'CI', 'TN', 'FR', 'ES', 'BE', 'DE', 'IT', 'NL', 'SE', 'GN', 'NE'];

/** `count` fictional initiatives numbered from `offset`, slug `${prefix}-NNNNNN`. */
export function sampleInitiatives(count: number, options: { seed?: number; prefix?: string; offset?: number; funders: string[]; implementers: string[] }): InitiativeInput[] {
	const next = random(options.seed ?? 2026);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
	const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(list)))];
	const out: InitiativeInput[] = [];
	for (let index = 0; index < count; index++) {
		const number = (options.offset ?? 0) + index + 1;
		const themes = some(initiativeThemes, 3);
		// Samples lean towards a few regions so that the map and charts show contrast; this is not a fact about the real
		// inventory (the seeds do not say how the 119 initiatives are spread).
		const region = next() < 0.55 ? pick(['MA-02', 'MA-01', 'MA-04', 'MA-06', 'MA-09']) : pick(regions).iso;
		const regionProvinces = provinces.filter((province) => province.regionIso === region);
		const start = 2004 + Math.floor(next() * 22);
		const length = 1 + Math.floor(next() * 5);
		const end = start + length;
		const now = new Date().getFullYear();
		const status = next() < 0.05 ? 'suspended' : start > now ? 'planned' : end < now ? 'completed' : pick(['ongoing', 'ongoing', 'planned'] as const);
		const action = pick(actions);
		const topic = topics[themes[0]];
		const regionInfo = regions.find((candidate) => candidate.iso === region)!;
		const budget = Math.round((50_000 + next() * next() * 8_000_000) / 1000) * 1000;
		const currency = pick(['EUR', 'EUR', 'EUR', 'MAD', 'USD']);
		const funders = some(options.funders, 2);
		const title =
			next() < 0.25
				? { fr: `${action.fr} ${topic.fr} — ${regionInfo.nameFr}` }
				: { fr: `${action.fr} ${topic.fr} — ${regionInfo.nameFr}`, ar: `${action.ar} ${topic.ar} — ${regionInfo.nameAr}`, en: `${action.en} ${topic.en} — ${regionInfo.nameEn}` };
		const item: InitiativeInput = {
			slug: `${options.prefix ?? 'exemple'}-${String(number).padStart(6, '0')}`,
			title,
			summary: { fr: `Initiative fictive n° ${number}, donnée d’exemple pour la démonstration de l’Atlas.` },
			status,
			plannedStart: `${start}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-01`,
			plannedEnd: `${end}-12-31`,
			nationalScope: next() < 0.1,
			regions: [region],
			provinces: next() < 0.6 && regionProvinces.length ? [pick(regionProvinces).iso] : [],
			countries: next() < 0.4 ? some(partnerCountries, 2) : [],
			themes,
			targetGroups: some(targetGroups, 3),
			budget: next() < 0.85 ? { total: currency === 'MAD' ? budget * 10 : budget, currency } : null,
			organisations: [
				...funders.map((slug) => ({ organisation: slug, role: 'funder' as const })),
				{ organisation: pick(options.implementers), role: 'implementer' as const }
			],
			sources: [{ citation: 'Donnée d’exemple générée pour la démonstration (fictive)' }],
			isSample: true
		};
		// Issue #17 (rules 5 and 18), shown on samples without drawing more numbers (the samples stay the same):
		// one in seven known by its start month only; one in ten with its budget by year and, for a budget in
		// euros, the dirhams a source would give beside it (sample figures, as fictional as the rest)
		if (number % 7 === 0) item.plannedStart = item.plannedStart!.slice(0, 7);
		if (number % 10 === 0 && item.budget) {
			const years = Array.from({ length: end - start + 1 }, (_, index) => start + index);
			const share = Math.floor(item.budget.total / years.length / 1000) * 1000;
			item.yearlyAmounts = years.map((year, index) => ({
				organisation: null,
				year,
				amount: index === years.length - 1 ? item.budget!.total - share * (years.length - 1) : share,
				currency: item.budget!.currency
			}));
			if (item.budget.currency === 'EUR') item.budget = { ...item.budget, secondFigure: { amount: Math.round(item.budget.total * 10.9), currency: 'MAD' } };
		}
		out.push(item);
	}
	return out;
}

/** Makes sure the fictional organisations exist; returns the funder and implementer slugs to use. */
async function sampleActors(db: DbOrTx) {
	await db.insert(organisation).values(sampleOrganisations).onConflictDoNothing({ target: organisation.slug });
	const known = new Set((await db.select({ slug: organisation.slug }).from(organisation)).map((row) => row.slug));
	const funders = ['union-europeenne', 'giz', 'enabel', 'delegation-ue', 'bmz', 'mae-france', ...sampleOrganisations.map((o) => o.slug)].filter((slug) => known.has(slug));
	const implementers = ['expertise-france', 'giz', 'enabel', 'oim', 'anapec', 'migration-et-developpement', 'exemple-reseau-atlas-solidaire'].filter((slug) =>
		known.has(slug)
	);
	return { funders, implementers };
}

/** Inserts `count` generated initiatives (badged as samples) in batches; returns how many. */
export async function generateInitiatives(ctx: RequestContext, count: number, options: { prefix?: string; seed?: number; batch?: number } = {}): Promise<number> {
	const { db } = ctx;
	const prefix = options.prefix ?? 'genere';
	const actors = await sampleActors(db);
	const [{ existing }] = await db
		.select({ existing: sql<number>`count(*)::int` })
		.from(initiative)
		.where(sql`${initiative.slug} like ${prefix + '-%'}`);
	const batch = options.batch ?? 2000;
	for (let done = 0; done < count; done += batch) {
		const size = Math.min(batch, count - done);
		const inputs = sampleInitiatives(size, { ...actors, prefix, offset: existing + done, seed: (options.seed ?? 7) + existing + done });
		await createInitiatives(ctx, inputs, {
			bulkAudit: 'initiative.generate',
			comment: 'Donnée d’exemple générée'
		});
	}
	return count;
}
