// The Atlas's real initial data: the initiatives the seed documents describe, with only the facts
// they give. Reviewed by hand; loaded once by slug (ensureAtlasReferenceData). Unknown fields stay empty.
//
// Seed documents cited as sources:
//  S000 — « Clôture de SHARAKA : retour sur un modèle de coopération en matière de migration et de mobilité », 04/12/2017 (source: expertisefrance.fr)
//  S001 — SHARAKA, Lettre d'information n°10, novembre 2017 (Expertise France)
//  S002 — « Synthèse de l'événement final de SHARAKA », 15 et 16 novembre 2017, Bibliothèque nationale de Rabat
//  S003 — GIZ, « Action de Coopération Sud-Sud en matière de migration (projet RECOSA) », fiche projet
//  S004 — OIM, « Maroc - la Migration au Service du Développement Durable », page programme
//
// Editorial choices, stated here so a reviewer can check them:
//  - Where the seeds give only a year or a month, no day is invented: startYear/endYear hold the year
//    and the description quotes the seed (e.g. SHARAKA "depuis avril 2014").
//  - Status is required by the model; it is read from the seeds' wording (e.g. "encore en mise en œuvre" → ongoing,
//    a closed project → completed, "2018 à 2021" → completed).
//  - SHARAKA's total budget is not stated: only the three funders' contributions are recorded (S001);
//    the EUR total shown is their sum.
//  - The project contacts named in S001 are people's personal addresses: not copied into the public contact field.
import type { OrganisationType } from '../../../platform/accounts/accounts.model.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';

/** Organisations the seeds name; created when missing (same slugs as the demo organisations). */
export const seedOrganisations: { slug: string; name: string; acronym: string | null; type: OrganisationType; country: string; website?: string }[] = [
	{ slug: 'mdcmre', name: 'Ministère délégué chargé des Marocains résidant à l’étranger', acronym: 'MDCMRE', type: 'ministry', country: 'MA' },
	{ slug: 'anapec', name: 'Agence nationale de promotion de l’emploi et des compétences', acronym: 'ANAPEC', type: 'public_agency', country: 'MA', website: 'https://www.anapec.org' },
	{ slug: 'expertise-france', name: 'Expertise France', acronym: 'EF', type: 'cooperation_agency', country: 'FR', website: 'https://www.expertisefrance.fr' },
	{ slug: 'giz', name: 'Deutsche Gesellschaft für Internationale Zusammenarbeit', acronym: 'GIZ', type: 'cooperation_agency', country: 'DE', website: 'https://www.giz.de' },
	{ slug: 'oim', name: 'Organisation internationale pour les migrations', acronym: 'OIM', type: 'un_agency', country: 'MA', website: 'https://morocco.iom.int' },
	{ slug: 'migration-et-developpement', name: 'Migration et Développement', acronym: 'M&D', type: 'ngo', country: 'MA' },
	{ slug: 'union-europeenne', name: 'Union européenne', acronym: 'UE', type: 'other', country: 'BE' },
	{ slug: 'mae-france', name: 'Ministère de l’Europe et des Affaires étrangères (France)', acronym: 'MEAE', type: 'ministry', country: 'FR' },
	{ slug: 'mae-pays-bas', name: 'Ministère des Affaires étrangères des Pays-Bas', acronym: null, type: 'ministry', country: 'NL' },
	{ slug: 'bmz', name: 'Ministère fédéral allemand de la Coopération économique et du Développement', acronym: 'BMZ', type: 'ministry', country: 'DE' },
	{ slug: 'ofii', name: 'Office français de l’immigration et de l’intégration', acronym: 'OFII', type: 'public_agency', country: 'FR' },
	{ slug: 'arbetsformedlingen', name: 'Arbetsförmedlingen — Service public suédois pour l’emploi', acronym: null, type: 'public_agency', country: 'SE' },
	{ slug: 'region-oriental', name: 'Conseil de la Région de l’Oriental', acronym: null, type: 'local_authority', country: 'MA' },
	{ slug: 'wilaya-oriental', name: 'Wilaya de la Région de l’Oriental', acronym: null, type: 'public_agency', country: 'MA' },
	{ slug: 'region-kayes', name: 'Région de Kayes', acronym: null, type: 'local_authority', country: 'ML' },
	{ slug: 'tunisie-affaires-sociales', name: 'Ministère des Affaires sociales (Tunisie)', acronym: null, type: 'ministry', country: 'TN' }
];

const S000 = {
	citation: '« Clôture de SHARAKA : retour sur un modèle de coopération en matière de migration et de mobilité », publié le 04/12/2017 (source : Expertise France)',
	url: 'https://www.expertisefrance.fr',
	date: '2017-12-04'
};
const S001 = {
	citation: 'SHARAKA — Promouvoir la mobilité des compétences et des personnes, Lettre d’information n°10, novembre 2017, Expertise France',
	url: 'http://www.sharaka.ma/'
};
const S002 = {
	citation: 'Synthèse de l’événement final de SHARAKA, 15 et 16 novembre 2017, Bibliothèque nationale de Rabat (Expertise France, MDCMREAM, DUE au Maroc)',
	url: 'http://www.sharaka.ma/'
};
const S003 = { citation: 'GIZ — « Action de Coopération Sud-Sud en matière de migration (projet RECOSA) », description succincte du projet' };
const S004 = { citation: 'OIM — « Maroc - la Migration au Service du Développement Durable », présentation du programme au Maroc' };

const sharakaPartners: InitiativeInput['organisations'] = [
	{ organisation: 'expertise-france', role: 'implementer' },
	{ organisation: 'mdcmre', role: 'beneficiary' },
	{ organisation: 'anapec', role: 'beneficiary' }
];

export const seedInitiatives: InitiativeInput[] = [
	{
		slug: 'sharaka',
		title: {
			fr: 'SHARAKA — Promouvoir la mobilité des compétences et des personnes',
			ar: 'شراكة — تشجيع تنقل الكفاءات و الأشخاص'
		},
		summary: {
			fr: 'Mis en œuvre dans le cadre du Partenariat Union européenne/Maroc pour la mobilité (signé en juin 2013), le projet SHARAKA a accompagné le Maroc depuis avril 2014 dans la mise en œuvre de sa Nouvelle Politique Migratoire, en mobilisant l’expertise publique de 7 États membres de l’UE (Suède, Pays-Bas, Belgique, Allemagne, France, Italie, Espagne).'
		},
		description: {
			fr: 'Quatre thématiques : mobilisation des compétences des Marocains résidant à l’étranger (MRE) pour le développement du Maroc ; intégration professionnelle des immigrés régularisés au Maroc ; soutien à la migration légale des travailleurs marocains en Europe ; accompagnement à la réintégration des citoyens marocains de retour au Maroc. Institutions marocaines partenaires : MDCMREAM et ANAPEC. Un projet financé par le programme « Migration et asile » de l’Union européenne à hauteur de 5 millions d’euros, et cofinancé par les ministères français et néerlandais des affaires étrangères, respectivement à hauteur de 146 000 et 125 000 euros. Événement de clôture les 15 et 16 novembre 2017 à la Bibliothèque nationale de Rabat ; évaluation finale par le cabinet COTA.'
		},
		status: 'completed',
		startYear: 2014,
		endYear: 2017,
		nationalScope: true,
		countries: ['SE', 'NL', 'BE', 'DE', 'FR', 'IT', 'ES'],
		themes: ['migration_development', 'diaspora_skills', 'immigrant_integration', 'legal_migration', 'returnee_reintegration', 'research_data', 'migration_governance'],
		targetGroups: ['moroccans_abroad', 'returning_migrants', 'regularised_immigrants', 'public_institutions'],
		organisations: [
			{ organisation: 'union-europeenne', role: 'funder', amount: 5_000_000, currency: 'EUR' },
			{ organisation: 'mae-france', role: 'funder', amount: 146_000, currency: 'EUR' },
			{ organisation: 'mae-pays-bas', role: 'funder', amount: 125_000, currency: 'EUR' },
			...sharakaPartners,
			{ organisation: 'giz', role: 'partner' },
			{ organisation: 'ofii', role: 'partner' },
			{ organisation: 'arbetsformedlingen', role: 'partner' }
		],
		deliverables: [
			{ title: 'Film documentaire « Mon pays, c’est toi… » (52 mn)' },
			{ title: 'Outil de programmation/budgétisation de la politique migratoire du MDCMREAM' }
		],
		website: 'http://www.sharaka.ma/',
		sources: [S001, S000, S002]
	},
	{
		slug: 'sharaka-composante-1-migration-developpement',
		title: { fr: 'SHARAKA, composante 1 — Capitaliser sur les pratiques de migration et développement au Maroc et redéployer les plus performantes' },
		summary: {
			fr: 'Composante du projet SHARAKA : 119 projets Migration et Développement réalisés depuis 2004 au Maroc ont été recensés, analysés et présentés sur une plateforme Internet, source d’information de référence et outil d’aide à la décision.'
		},
		status: 'completed',
		nationalScope: true,
		themes: ['migration_development', 'research_data', 'migration_governance'],
		targetGroups: ['public_institutions'],
		organisations: sharakaPartners.slice(0, 2),
		deliverables: [
			{ title: 'Rapport d’évaluation des actions M&D au Maroc' },
			{ title: 'Rapport d’analyse préliminaire des projets M&D' },
			{ title: 'Rapport de recensement des projets M&D' },
			{ title: 'Version publique de l’outil cartographique : www.mre-initiatives.gov.ma', url: 'http://mre-initiatives.gov.ma/' },
			{ title: 'Plan de redéploiement de la Stratégie Nationale auprès des MRE dans l’Oriental' },
			{ title: 'Les 4 fiches-projets à redéployer dans l’Oriental' },
			{ title: 'Rapport de capitalisation du projet PRIMO par Migration & Développement' }
		],
		website: 'http://www.sharaka.ma/thematiques/migration-et-developpement/',
		sources: [S002, S001]
	},
	{
		slug: 'sharaka-composante-2-mobilisation-competences-mre',
		title: { fr: 'SHARAKA, composante 2 — Mobilisation des compétences des Marocains résidant à l’étranger' },
		summary: {
			fr: 'Renforcer les capacités du Gouvernement du Maroc dans la mobilisation des Marocains résidant en Europe : études, cartographie de l’OCDE des émigrés marocains et refonte du portail Maghribcom du MDCMREAM.'
		},
		status: 'completed',
		nationalScope: true,
		themes: ['diaspora_skills', 'research_data'],
		targetGroups: ['moroccans_abroad'],
		organisations: sharakaPartners.slice(0, 2),
		deliverables: [
			{ title: 'Étude portant sur l’état des lieux du fonctionnement des maisons des Marocains du monde et des affaires de la migration' },
			{ title: 'Cartographie de l’OCDE : Talents à l’étranger, une revue des émigrés marocains' },
			{ title: 'Étude portant sur la mobilisation des compétences des jeunes générations de MRE' },
			{ title: 'Étude portant sur l’état des lieux et diagnostic des pratiques de mobilisation des compétences des MRE et de leurs associations' },
			{ title: 'Plate-forme numérique Maghribcom dédiée à la mobilisation des compétences des MRE' }
		],
		website: 'http://www.sharaka.ma/thematiques/mobilisation-des-competences-des-mre/',
		sources: [S002, S001]
	},
	{
		slug: 'sharaka-composante-3a-insertion-immigres-regularises',
		title: { fr: 'SHARAKA, composante 3A — Intégration professionnelle des immigrés régularisés au Maroc' },
		summary: {
			fr: 'Accompagner l’ANAPEC pour adapter ses compétences et son offre de service aux migrants régularisés : phase pilote en 2015 dans 5 agences ANAPEC, partenariats avec les associations, application GSM « Welcome Anapec » développée avec l’aide de l’Agence suédoise pour l’emploi.'
		},
		status: 'completed',
		nationalScope: true,
		themes: ['immigrant_integration'],
		targetGroups: ['regularised_immigrants', 'civil_society'],
		organisations: [...sharakaPartners.slice(0, 1), { organisation: 'anapec', role: 'beneficiary' }, { organisation: 'arbetsformedlingen', role: 'partner' }],
		deliverables: [
			{ title: 'Diagnostic sur les capacités de l’ANAPEC à insérer les migrants régularisés dans le marché du travail marocain' },
			{ title: 'Étude juridique pour l’intégration des migrants régularisés au Maroc' },
			{ title: 'Rapport de restitution de la phase pilote d’ouverture des prestations ANAPEC aux migrants régularisés' },
			{ title: 'Application GSM « Welcome Anapec » adressée aux chercheurs d’emploi immigrés régularisés' }
		],
		website: 'http://www.sharaka.ma/thematiques/integration-professionnelle-des-immigres-regularises-au-maroc/',
		sources: [S002, S001]
	},
	{
		slug: 'sharaka-composante-3b-placement-international',
		title: { fr: 'SHARAKA, composante 3B — Placement à l’international des travailleurs marocains' },
		summary: {
			fr: 'Accompagner l’ANAPEC dans la réforme organisationnelle de sa division du placement à l’international ; visites d’étude auprès d’Arbetsförmedlingen (Stockholm, 30 mai–3 juin 2016) et de la Bundesagentur für Arbeit (Bonn, 26–29 septembre 2016).'
		},
		status: 'completed',
		nationalScope: true,
		countries: ['SE', 'DE'],
		themes: ['legal_migration'],
		targetGroups: ['public_institutions'],
		organisations: [...sharakaPartners.slice(0, 1), { organisation: 'anapec', role: 'beneficiary' }, { organisation: 'arbetsformedlingen', role: 'partner' }],
		deliverables: [
			{ title: 'Diagnostic sur les capacités de l’ANAPEC à gérer le placement à l’international' },
			{ title: 'Rapport d’accompagnement de l’ANAPEC dans l’organisation du placement à l’international' },
			{ title: 'Synthèse des rencontres ANAPEC – Chambres de commerce européennes du Maroc – Partenariat public-privé' }
		],
		website: 'http://www.sharaka.ma/thematiques/placement-a-linternational-des-travailleurs-marocains/',
		sources: [S002, S001]
	},
	{
		slug: 'sharaka-composante-4-reintegration-mre',
		title: { fr: 'SHARAKA, composante 4 — Réintégration des Marocains de retour au Maroc' },
		summary: {
			fr: 'Appuyer les institutions et organisations de la société civile marocaines dans la réintégration des Marocains de retour : groupe de réflexion devenu Réseau d’appui aux MRE, guide d’accompagnement et d’information en français et en arabe.'
		},
		status: 'completed',
		nationalScope: true,
		themes: ['returnee_reintegration'],
		targetGroups: ['returning_migrants', 'civil_society'],
		organisations: sharakaPartners.slice(0, 2),
		deliverables: [
			{ title: 'Analyse comparée des dispositifs européens d’aide au retour et à la réintégration au Maroc' },
			{ title: 'Guide de l’intervenant : plan de retour d’urgence des MRE' },
			{ title: 'Synthèse portant sur la portabilité des droits des retraités MRE au Maroc' },
			{ title: 'Guide d’accompagnement et d’information au profit des MRE (français et arabe)' }
		],
		website: 'http://www.sharaka.ma/thematiques/reintegration-des-marocains/',
		sources: [S002, S001]
	},
	{
		slug: 'primo-oriental',
		title: { fr: 'PRIMO — Régionalisation de la politique migratoire dans l’Oriental' },
		summary: {
			fr: 'Projet pilote de SHARAKA dans la région de l’Oriental, région historique d’émigration : intégration concertée de la migration dans les plans de développement régionaux, à partir d’une convention cadre entre le MDCMREAM, le Conseil de la Région et la Wilaya de l’Oriental, et mise en place d’un Espace régional de concertation sur les migrations.'
		},
		description: {
			fr: 'PRIMO a impliqué la société civile, les services techniques régionaux et les élus dans le pilotage du projet. Sa capitalisation a été réalisée par l’association Migration et Développement. Il a inspiré une initiative similaire en Tunisie dans le cadre du projet Lemma, et impulsé une coopération décentralisée Sud-Sud avec la région de Kayes (Mali).'
		},
		status: 'completed',
		regions: ['MA-02'],
		themes: ['migration_governance', 'migration_development', 'diaspora_skills'],
		targetGroups: ['local_authorities', 'civil_society', 'moroccans_abroad'],
		organisations: [
			{ organisation: 'expertise-france', role: 'implementer' },
			{ organisation: 'mdcmre', role: 'partner' },
			{ organisation: 'region-oriental', role: 'partner' },
			{ organisation: 'wilaya-oriental', role: 'partner' },
			{ organisation: 'migration-et-developpement', role: 'partner' }
		],
		deliverables: [
			{ title: 'Plan de redéploiement de la Stratégie Nationale auprès des MRE dans l’Oriental' },
			{ title: 'Les 4 fiches-projets à redéployer dans l’Oriental' },
			{ title: 'Rapport de capitalisation du projet PRIMO par Migration & Développement' }
		],
		sources: [S002, S001, S000]
	},
	{
		slug: 'convention-oriental-kayes',
		title: { fr: 'Convention cadre de coopération entre la Région de l’Oriental et la Région de Kayes (Mali)' },
		summary: {
			fr: 'À la suite d’une mission des élus de l’Oriental à Kayes en avril 2017, la Région de l’Oriental a invité la Région de Kayes à Oujda du 10 au 21 octobre 2017 pour signer une convention cadre de coopération et échanger sur les outils de gouvernance de la migration. En octobre 2017, la Région de l’Oriental a signé des conventions de partenariat avec 4 régions d’Afrique de l’Ouest, dont celle de Kayes.'
		},
		status: 'ongoing',
		startYear: 2017,
		regions: ['MA-02'],
		provinces: ['MA-OUJ'],
		countries: ['ML'],
		themes: ['south_south', 'migration_governance'],
		targetGroups: ['local_authorities'],
		organisations: [
			{ organisation: 'region-oriental', role: 'partner' },
			{ organisation: 'region-kayes', role: 'partner' }
		],
		sources: [S001, S002]
	},
	{
		slug: 'recosa-cooperation-sud-sud',
		title: { fr: 'Action de Coopération Sud-Sud en matière de migration (projet RECOSA)' },
		summary: {
			fr: 'Partage d’expériences et de bonnes pratiques de gestion des migrations entre le Maroc, la Côte d’Ivoire, le Mali et le Sénégal : migration et développement, protection des droits des migrant·e·s, mobilité Sud-Sud des jeunes professionnels, étudiant·e·s et stagiaires.'
		},
		description: {
			fr: 'Co-financée par le BMZ et l’Union européenne à travers le Fonds fiduciaire d’urgence pour l’Afrique (FFU) ; mise en œuvre conjointement par la GIZ et Expertise France ; organisme de tutelle : MDCMRE. En juin 2019, les quatre pays ont adopté les plans d’action pour la coopération Sud-Sud. Un Bureau d’accueil des Sénégalais de l’extérieur a été inauguré à Casablanca.'
		},
		status: 'completed',
		startYear: 2018,
		endYear: 2021,
		nationalScope: true,
		provinces: ['MA-CAS'],
		countries: ['CI', 'ML', 'SN'],
		themes: ['south_south', 'migration_development', 'migrant_rights', 'legal_migration', 'migration_governance'],
		targetGroups: ['youth', 'students', 'public_institutions', 'local_authorities'],
		organisations: [
			{ organisation: 'bmz', role: 'funder' },
			{ organisation: 'union-europeenne', role: 'funder' },
			{ organisation: 'giz', role: 'implementer' },
			{ organisation: 'expertise-france', role: 'implementer' },
			{ organisation: 'mdcmre', role: 'beneficiary' }
		],
		sources: [S003, S002]
	},
	{
		slug: 'lemma-tunisie',
		title: { fr: 'Lemma — Partenariat UE/Tunisie pour la mobilité' },
		summary: {
			fr: 'Projet mis en œuvre depuis 2016 en Tunisie par délégation de l’Union européenne à Expertise France, en partenariat avec l’OFII, dans le cadre du partenariat UE/Tunisie pour la mobilité ; il s’interroge sur le renforcement du lien entre les Tunisiens installés en Europe et les autorités publiques tunisiennes. Une visite d’échange avec SHARAKA a eu lieu du 3 au 7 octobre 2017.'
		},
		status: 'ongoing',
		startYear: 2016,
		countries: ['TN'],
		themes: ['diaspora_skills', 'immigrant_integration', 'south_south'],
		targetGroups: ['public_institutions', 'civil_society'],
		organisations: [
			{ organisation: 'union-europeenne', role: 'funder' },
			{ organisation: 'expertise-france', role: 'implementer' },
			{ organisation: 'ofii', role: 'partner' }
		],
		sources: [S000, S002, S001]
	},
	{
		slug: 'oim-migration-developpement-durable',
		title: { fr: 'Maroc — la Migration au Service du Développement Durable' },
		summary: {
			fr: 'Programme de l’OIM : à Tanger-Tétouan-Al Hoceïma, opportunités d’emploi et de moyens de subsistance pour les jeunes entrepreneurs ; dans l’Oriental, à Oujda et Berkane, services psychosociaux et sanitaires pour les migrants, en particulier les femmes migrantes et leurs familles ; assistance technique au suivi de la Stratégie nationale d’immigration et d’asile (SNIA).'
		},
		description: {
			fr: 'Au niveau régional, les groupes de travail multipartites en matière de migration et de développement développés dans le cadre d’INDIMAJ sont davantage opérationnalisés. Le programme appuie le rôle de coordination du MDCMRE et le réseau interrégional existant ; le Maroc partage ses expériences avec les 10 autres pays du programme mondial.'
		},
		status: 'ongoing',
		regions: ['MA-01', 'MA-02'],
		provinces: ['MA-OUJ', 'MA-BER'],
		communes: 'Oujda, Berkane',
		themes: ['migration_development', 'immigrant_integration', 'migration_governance', 'research_data', 'diaspora_skills'],
		targetGroups: ['youth', 'entrepreneurs_investors', 'women', 'local_authorities', 'civil_society', 'public_institutions'],
		organisations: [
			{ organisation: 'oim', role: 'implementer' },
			{ organisation: 'mdcmre', role: 'partner' }
		],
		sources: [S004]
	},
	{
		slug: 'plateforme-reinsertion-tunisie',
		title: { fr: 'Plateforme commune de réinsertion des migrants de retour en Tunisie' },
		summary: {
			fr: 'Présentée par l’OFII Tunis en partenariat avec le Ministère tunisien des Affaires sociales, la plateforme, en cours de mise en œuvre dans le cadre du FFU, mutualise les dispositifs de retour de 4 pays européens (Allemagne, Belgique, France et Suisse) pour soutenir la Tunisie dans sa stratégie migratoire.'
		},
		status: 'ongoing',
		countries: ['TN', 'DE', 'BE', 'FR', 'CH'],
		themes: ['returnee_reintegration', 'migration_governance'],
		targetGroups: ['returning_migrants', 'public_institutions'],
		organisations: [
			{ organisation: 'union-europeenne', role: 'funder' },
			{ organisation: 'ofii', role: 'implementer' },
			{ organisation: 'tunisie-affaires-sociales', role: 'partner' }
		],
		sources: [S002]
	}
];

/**
 * Yearly exchange rates (units for one euro), APPROXIMATE: rounded annual averages, written from
 * general knowledge of the EUR/MAD and EUR/USD rates (Bank Al-Maghrib and ECB publish the exact
 * figures), to be checked and corrected by moderators.
 */
export const seedRates: { currency: string; year: number; perEur: number }[] = [
	...Object.entries({
		2004: 11.02, 2005: 11.05, 2006: 11.05, 2007: 11.22, 2008: 11.35, 2009: 11.25, 2010: 11.15, 2011: 11.26,
		2012: 11.09, 2013: 11.16, 2014: 11.16, 2015: 10.82, 2016: 10.85, 2017: 10.95, 2018: 11.08, 2019: 10.77,
		2020: 10.82, 2021: 10.63, 2022: 10.68, 2023: 11.0, 2024: 10.75, 2025: 10.6, 2026: 10.6
	}).map(([year, perEur]) => ({ currency: 'MAD', year: Number(year), perEur })),
	...Object.entries({
		2004: 1.24, 2005: 1.24, 2006: 1.26, 2007: 1.37, 2008: 1.47, 2009: 1.39, 2010: 1.33, 2011: 1.39,
		2012: 1.29, 2013: 1.33, 2014: 1.33, 2015: 1.11, 2016: 1.11, 2017: 1.13, 2018: 1.18, 2019: 1.12,
		2020: 1.14, 2021: 1.18, 2022: 1.05, 2023: 1.08, 2024: 1.08, 2025: 1.13, 2026: 1.15
	}).map(([year, perEur]) => ({ currency: 'USD', year: Number(year), perEur }))
];
export const RATE_NOTE = 'approximate annual average, to be checked';
