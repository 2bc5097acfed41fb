// The cooperations the seeds document (real, with their source); found again by slug at every start,
// never overwritten once the division has edited them.
import type { DbOrTx } from '../../../platform/db/database.ts';
import { placementAgreement } from './placement.table.ts';

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

/** A fictional agreement for the demo, badged "sample" wherever it shows. */
export async function loadPlacementDemoData(db: DbOrTx) {
	await db
		.insert(placementAgreement)
		.values({
			slug: 'sample-seasonal-agreement',
			kind: 'agreement',
			partnerName: 'Exemple : agence d’emploi partenaire',
			sector: 'private',
			hostCountry: 'ES',
			title: 'Exemple : accord de recrutement saisonnier',
			lang: 'fr',
			summary: 'Accord fictif pour la démonstration.',
			startsOn: '2026-01-01',
			endsOn: '2027-12-31',
			occupationCodes: ['9211'],
			quotas: [
				{ year: 2026, positions: 200 },
				{ year: 2027, positions: 250 }
			],
			status: 'active',
			published: true,
			isSample: true
		})
		.onConflictDoNothing({ target: placementAgreement.slug });
}
