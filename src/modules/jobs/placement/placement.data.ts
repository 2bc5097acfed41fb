// The cooperations the seeds document (real, with their source); found again by slug at every start,
// never overwritten once the division has edited them.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { grantRoleByEmail } from '../../../platform/accounts/grant.service.ts';
import { recordAudit, systemContext } from '../../../platform/audit/audit.service.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { platformDay } from '../../../platform/time-zone.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { jobEmployer, jobOffer, occupation } from '../job-offer.table.ts';
import { searchSource } from '../jobs.service.ts';
import { placementAgreement, placementOffer } from './placement.table.ts';
import { loadCampaignsDemoData, loadSampleProfiles } from './campaigns.data.ts';
import { loadShortlistDemoData } from './shortlist.data.ts';

const source002 =
	'Sharaka, rapport de l’événement de clôture (seed 002), annexe 3.4, composante 3B « Placement à l’International des travailleurs marocains »';
const source001 = 'Sharaka, fiche projet (seed 001), partenaires : Suède, Service national pour l’emploi « Arbetsförmedlingen »';

export const seededAgreements = [
	{
		slug: 'anapec-arbetsformedlingen-2016',
		kind: 'cooperation' as const,
		partnerName: 'Arbetsförmedlingen (service public de l’emploi suédois)',
		sector: 'public' as const,
		hostCountry: 'SE',
		title: 'Visite d’étude de l’ANAPEC à Arbetsförmedlingen, Stockholm',
		lang: 'fr',
		summary: 'Visite d’étude de l’ANAPEC à Arbetsförmedlingen, service public de l’emploi suédois, à Stockholm du 30 mai au 3 juin 2016.',
		startsOn: '2016-05-30',
		endsOn: '2016-06-03',
		status: 'ended' as const,
		published: true,
		source: `${source002} ; ${source001}`
	},
	{
		slug: 'anapec-ba-zav-2016',
		kind: 'cooperation' as const,
		partnerName: 'Bundesagentur für Arbeit (BA) et Zentrale Auslands- und Fachvermittlung (ZAV)',
		sector: 'public' as const,
		hostCountry: 'DE',
		title: 'Visite d’étude de l’ANAPEC à la BA et à la ZAV, Bonn',
		lang: 'fr',
		summary:
			'Visite d’étude de l’ANAPEC à l’Agence fédérale pour l’emploi (BA) et à l’Agence centrale de placement pour le travail spécialisé et à l’étranger (ZAV) à Bonn, du 26 au 29 septembre 2016.',
		startsOn: '2016-09-26',
		endsOn: '2016-09-29',
		status: 'ended' as const,
		published: true,
		source: source002
	}
];

export async function ensurePlacementReferenceData(db: DbOrTx) {
	for (const row of seededAgreements) await db.insert(placementAgreement).values(row).onConflictDoNothing({ target: placementAgreement.slug });
}

/** The fictional agreements of the demo, badged "sample" wherever they show (nothing here is a real agreement). */
const sampleAgreements = [
	{
		slug: 'sample-seasonal-agreement',
		kind: 'agreement' as const,
		partnerName: 'Exemple : agence d’emploi partenaire',
		sector: 'private' as const,
		hostCountry: 'ES',
		title: 'Exemple : accord de recrutement saisonnier',
		lang: 'fr',
		summary: 'Accord fictif pour la démonstration.',
		startsOn: '2026-01-01',
		endsOn: '2027-12-31',
		economicSectors: ['A'],
		occupationCodes: ['9211'],
		quotas: [
			{ year: 2026, positions: 200 },
			{ year: 2027, positions: 250 }
		],
		status: 'active' as const,
		published: true,
		isSample: true
	},
	{
		slug: 'sample-nursing-agreement',
		kind: 'agreement' as const,
		partnerName: 'Exemple : réseau d’hôpitaux partenaire',
		sector: 'private' as const,
		hostCountry: 'DE',
		title: 'Exemple : programme de placement d’infirmiers et d’infirmières',
		lang: 'fr',
		summary: 'Programme fictif pour la démonstration : infirmiers diplômés, cours d’allemand jusqu’au niveau B2 et reconnaissance du diplôme avant le départ.',
		startsOn: '2026-06-01',
		endsOn: '2028-12-31',
		economicSectors: ['Q'],
		occupationCodes: ['2221', '3221'],
		quotas: [
			{ year: 2027, positions: 40 },
			{ year: 2028, positions: 60 }
		],
		status: 'active' as const,
		published: true,
		isSample: true
	}
];

/** Fictional employers abroad (organisations of type employer, badged as samples through jobs.job_employer). */
const sampleEmployers = [
	{ slug: 'exemple-cooperative-huelva', name: 'Exemple : coopérative de fruits rouges (Huelva)', type: 'employer' as const, country: 'ES' },
	{ slug: 'exemple-klinikum-stuttgart', name: 'Exemple : hôpital universitaire (Stuttgart)', type: 'employer' as const, country: 'DE' },
	{ slug: 'exemple-officine-milano', name: 'Exemple : atelier de construction métallique (Milan)', type: 'employer' as const, country: 'IT' },
	{ slug: 'exemple-construcao-lisboa', name: 'Exemple : entreprise de construction (Lisbonne)', type: 'employer' as const, country: 'PT' }
];

/** The demo's division member: the demo counsellor (ANAPEC) also works for the international placement division. */
export const DEMO_DIVISION_EMAIL = 'counsellor@demo.sharaka.ma';

/**
 * The demo's international placement: the fictional agreements, the demo counsellor given the division's grant,
 * and four sample offers abroad in several host countries and channels (a seasonal agricultural offer in Spain
 * split across agencies, a qualified nursing offer in Germany with German B1 then B2, individual offers in Italy,
 * mass recruitment in Portugal), all badged as samples.
 */
export async function loadPlacementDemoData(db: Db) {
	for (const row of sampleAgreements) await db.insert(placementAgreement).values(row).onConflictDoNothing({ target: placementAgreement.slug });
	await grantDivision(db);
	await loadSampleOffers(db);
	await loadCampaignsDemoData(db);
	await loadSampleProfiles(db);
	await loadShortlistDemoData(db);
}

async function grantDivision(db: Db) {
	const [present] = await db
		.select({ id: accessGrant.id })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(eq(user.email, DEMO_DIVISION_EMAIL), eq(accessGrant.module, 'jobs'), eq(accessGrant.role, 'placement_division')));
	if (present) return;
	try {
		await grantRoleByEmail(createContext({ db, actor: null, audit: systemContext() }), DEMO_DIVISION_EMAIL, { role: 'jobs:placement_division' });
	} catch (failure) {
		// a site without the demo accounts: nothing to grant
		if (!isAppError(failure)) throw failure;
	}
}

async function loadSampleOffers(db: Db) {
	const context = systemContext('system');
	const today = platformDay(new Date());
	const addDays = (days: number) => {
		const date = new Date(`${today}T12:00:00Z`);
		date.setUTCDate(date.getUTCDate() + days);
		return date.toISOString().slice(0, 10);
	};
	// next spring's strawberry season, whatever the day the demo is loaded
	const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 3 ? 1 : 0);
	await db.transaction(async (tx) => {
		const employers = await tx.insert(organisation).values(sampleEmployers).onConflictDoNothing({ target: organisation.slug }).returning();
		if (employers.length !== sampleEmployers.length) return; // already there
		await tx.insert(jobEmployer).values(employers.map((row) => ({ organisationId: row.id, isSample: true })));
		const bySlug = new Map(employers.map((row) => [row.slug, row]));
		const agreements = new Map((await tx.select({ id: placementAgreement.id, slug: placementAgreement.slug }).from(placementAgreement)).map((row) => [row.slug, row.id]));
		const agencies = await tx.select({ id: agency.id, slug: agency.slug }).from(agency).where(eq(agency.status, 'open')).orderBy(asc(agency.slug));
		const occupations = new Map((await tx.select().from(occupation)).map((row) => [row.code, row]));
		const [counsellor] = await tx.select({ id: user.id }).from(user).where(eq(user.email, DEMO_DIVISION_EMAIL));
		const offers = [
			{
				employer: 'exemple-cooperative-huelva',
				agreement: 'sample-seasonal-agreement',
				offer: {
					title: 'Cueillette de fraises et de fruits rouges en Andalousie',
					description:
						'Récolte, tri et conditionnement des fraises et fruits rouges en serre, près de Huelva. Travail en équipe, du lundi au samedi, formation sur place le premier jour. Retour au Maroc à la fin de la saison ; les travailleuses et travailleurs rentrés à temps peuvent être invités la saison suivante.',
					occupationCode: '9211',
					skills: ['récolte', 'tri', 'conditionnement'],
					hostCountry: 'ES',
					channel: 'seasonal' as const,
					city: 'Huelva',
					contractType: 'seasonal' as const,
					workingTime: 'full_time' as const,
					hoursPerWeek: 39,
					salaryMin: 1250,
					salaryMax: 1400,
					salaryPeriod: 'month' as const,
					salaryCurrency: 'EUR',
					languages: [{ language: 'es' as const, level: 'A1' as const }],
					positions: 120,
					closingDate: addDays(45),
					openToForeigners: false,
					noWorkerFees: true
				},
				terms: {
					contractMonths: 4,
					seasonStartsOn: `${year}-03-15`,
					seasonEndsOn: `${year}-07-15`,
					housing: 'Logement fourni gratuitement par l’employeur près des exploitations, quatre personnes par chambre au plus, cuisine équipée.',
					travel: 'Traversée Tanger – Algésiras et transport jusqu’à Huelva organisés et payés par l’employeur, à l’aller et au retour.',
					costs: { recruitment: 'public' as const, travel: 'employer' as const, visa: 'employer' as const, housing: 'employer' as const, medical: 'public' as const },
					handlingUnit: 'agencies' as const,
					agencyShares: agencies.slice(0, 5).map((row, index) => ({ agencyId: row.id, positions: [30, 30, 20, 20, 20][index] }))
				}
			},
			{
				employer: 'exemple-klinikum-stuttgart',
				agreement: 'sample-nursing-agreement',
				offer: {
					title: 'Infirmière / infirmier en soins généraux – hôpital universitaire',
					description:
						'Soins infirmiers en service de médecine et de chirurgie. Cours d’allemand jusqu’au niveau B2 avant et après l’arrivée, accompagnement de la reconnaissance du diplôme, intégration par un tuteur pendant six mois.',
					occupationCode: '2221',
					skills: ['soins infirmiers', 'dossier de soins', 'travail en équipe'],
					hostCountry: 'DE',
					channel: 'individual' as const,
					city: 'Stuttgart',
					contractType: 'cdi' as const,
					workingTime: 'full_time' as const,
					hoursPerWeek: 39,
					salaryMin: 3200,
					salaryMax: 3900,
					salaryPeriod: 'month' as const,
					salaryCurrency: 'EUR',
					languages: [
						{ language: 'de' as const, level: 'B1' as const },
						{ language: 'fr' as const, level: 'B2' as const }
					],
					education: 'bachelor' as const,
					experienceYears: 2,
					positions: 12,
					closingDate: addDays(60),
					openToForeigners: false,
					noWorkerFees: true
				},
				terms: {
					contractMonths: null,
					seasonStartsOn: null,
					seasonEndsOn: null,
					housing: 'Logement meublé trouvé par l’hôpital pour les six premiers mois, loyer à la charge du travailleur (environ 450 € par mois).',
					travel: 'Vol aller payé par l’employeur.',
					costs: { recruitment: 'employer' as const, travel: 'employer' as const, visa: 'employer' as const, training: 'employer' as const, housing: 'worker' as const },
					handlingUnit: counsellor ? ('counsellor' as const) : ('division' as const),
					counsellorUserId: counsellor?.id ?? null
				}
			},
			{
				employer: 'exemple-officine-milano',
				agreement: null,
				offer: {
					title: 'Soudeur qualifié TIG / MIG',
					description: 'Soudure de structures en acier et en inox dans un atelier de construction métallique. Essai de soudure à distance avec un conseiller de l’ANAPEC avant l’entretien.',
					occupationCode: '7212',
					skills: ['soudure TIG', 'soudure MIG', 'lecture de plans'],
					hostCountry: 'IT',
					channel: 'individual' as const,
					city: 'Milan',
					contractType: 'cdd' as const,
					workingTime: 'full_time' as const,
					hoursPerWeek: 40,
					salaryMin: 1700,
					salaryMax: 2100,
					salaryPeriod: 'month' as const,
					salaryCurrency: 'EUR',
					languages: [{ language: 'it' as const, level: 'A2' as const }],
					education: 'vocational' as const,
					experienceYears: 3,
					positions: 3,
					closingDate: addDays(30),
					openToForeigners: false,
					noWorkerFees: true
				},
				terms: {
					contractMonths: 12,
					seasonStartsOn: null,
					seasonEndsOn: null,
					housing: 'Aide à la recherche d’un logement ; le loyer est à la charge du travailleur.',
					travel: 'Voyage remboursé après la période d’essai.',
					costs: { recruitment: 'none' as const, travel: 'employer' as const, visa: 'employer' as const, housing: 'worker' as const },
					handlingUnit: 'division' as const
				}
			},
			{
				employer: 'exemple-construcao-lisboa',
				agreement: null,
				offer: {
					title: 'Ouvriers du bâtiment : maçons et coffreurs',
					description: 'Chantiers de logements dans la région de Lisbonne. Recrutement de masse avec présélection dans les agences de l’ANAPEC et essai pratique.',
					occupationCode: '7112',
					skills: ['maçonnerie', 'coffrage'],
					hostCountry: 'PT',
					channel: 'mass' as const,
					city: 'Lisbonne',
					contractType: 'cdd' as const,
					workingTime: 'full_time' as const,
					hoursPerWeek: 40,
					salaryMin: 950,
					salaryMax: 1200,
					salaryPeriod: 'month' as const,
					salaryCurrency: 'EUR',
					languages: [{ language: 'pt' as const, level: 'A1' as const }],
					experienceYears: 1,
					positions: 40,
					closingDate: addDays(40),
					openToForeigners: false,
					noWorkerFees: true
				},
				terms: {
					contractMonths: 18,
					seasonStartsOn: null,
					seasonEndsOn: null,
					housing: 'Logement collectif fourni par l’employeur, retenue de 100 € par mois sur le salaire.',
					travel: 'Aller payé par l’employeur.',
					costs: { recruitment: 'public' as const, travel: 'employer' as const, visa: 'employer' as const, housing: 'shared' as const },
					handlingUnit: 'agencies' as const,
					agencyShares: agencies.slice(0, 2).map((row) => ({ agencyId: row.id, positions: 20 }))
				}
			}
		];
		const now = new Date();
		for (const [index, entry] of offers.entries()) {
			const employer = bySlug.get(entry.employer)!;
			const occ = occupations.get(entry.offer.occupationCode)!;
			const publishedAt = new Date(now.getTime() - index * 86_400_000);
			const [created] = await tx
				.insert(jobOffer)
				.values({
					...entry.offer,
					organisationId: employer.id,
					regionCode: null,
					description: entry.offer.description,
					searchText: sql`search_normalise(${searchSource({ ...entry.offer, regionCode: null, provinceCode: null }, occ, employer.name)})`,
					status: 'published',
					publishedAt,
					validatedAt: publishedAt,
					isSample: true
				})
				.returning();
			await tx.insert(placementOffer).values({ ...entry.terms, offerId: created.id, agreementId: entry.agreement ? (agreements.get(entry.agreement) ?? null) : null });
			await recordAudit(tx, context, { action: 'job_offer.create', resourceType: 'job_offer', resourceId: created.id, after: { status: created.status, hostCountry: created.hostCountry, sample: true } });
		}
	});
}
