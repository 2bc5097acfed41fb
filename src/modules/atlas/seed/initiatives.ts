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
//  - Where the seeds give only a year or a month, no day is invented: startYear/endYear hold the year, a
//    month is a month-only date (SHARAKA "depuis avril 2014" → actual start 2014-04, S002 §2.1), and the
//    description quotes the seed.
//  - Status is required by the model; it is read from the seeds' wording (e.g. "encore en mise en œuvre" → ongoing,
//    a closed project → completed, "2018 à 2021" → completed).
//  - SHARAKA's total budget is not stated: only the three funders' contributions are recorded (S001);
//    the EUR total shown is their sum.
//  - The project contacts named in S001 are people's personal addresses: not copied into the public contact field.
//  - SHARAKA's four components have no dates of their own in the seeds: they carry SHARAKA's years (April 2014 –
//    end 2017, S002 §2.1 and S000), cited as such. PRIMO, the IOM programme and the Tunisian platform have no
//    year in the seeds: they stay unknown (filters and charts count them as "year unknown", never drop them).
//  - Programmes within programmes: the components are `partOf` SHARAKA, PRIMO is the pilot of component 1.
//  - Deliverables: each one of annex 3.4 (S002) once, on the initiative that produced it, with its type and
//    status ("forthcoming" where the seeds say "à venir", "prochaine mise en ligne" or "finalise actuellement").
//    The seeds say that most deliverables come with a short/medium/long-term action plan (§2.1, §2.12) but do
//    not give any: none is entered.
//  - Statuses of initiatives the seeds only announce (EU budget support "dès 2018", the four-region deployment)
//    are "planned": what the source says on its date, to be updated by moderators.
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
	{ slug: 'tunisie-affaires-sociales', name: 'Ministère des Affaires sociales (Tunisie)', acronym: null, type: 'ministry', country: 'TN' },
	// SHARAKA's partners (S001, « Les partenaires ») and the organisations marked « partenaire » in annex 3.2 (S002)
	{ slug: 'delegation-ue', name: 'Délégation de l’Union européenne au Maroc', acronym: 'DUE', type: 'cooperation_agency', country: 'MA' },
	{ slug: 'ministere-emploi-maroc', name: 'Ministère de l’Emploi et des Affaires sociales (Maroc)', acronym: null, type: 'ministry', country: 'MA' },
	{ slug: 'interieur-belgique', name: 'Ministère de l’Intérieur (Belgique)', acronym: null, type: 'ministry', country: 'BE' },
	{ slug: 'fedasil', name: 'Agence fédérale pour l’accueil des demandeurs d’asile', acronym: 'FEDASIL', type: 'public_agency', country: 'BE' },
	{ slug: 'emploi-espagne', name: 'Ministère de l’Emploi et de la Sécurité sociale (Espagne)', acronym: null, type: 'ministry', country: 'ES' },
	{ slug: 'interieur-france', name: 'Ministère de l’Intérieur (France)', acronym: null, type: 'ministry', country: 'FR' },
	{ slug: 'travail-italie', name: 'Ministère du Travail et des Politiques sociales (Italie)', acronym: null, type: 'ministry', country: 'IT' },
	{ slug: 'cefa', name: 'CEFA', acronym: 'CEFA', type: 'ngo', country: 'MA' },
	{ slug: 'fondation-banque-populaire', name: 'Fondation Banque Populaire', acronym: null, type: 'other', country: 'MA' },
	{ slug: 'fondation-orient-occident', name: 'Fondation Orient Occident', acronym: null, type: 'ngo', country: 'MA' },
	{ slug: 'intent-maroc', name: 'Intent Maroc', acronym: null, type: 'other', country: 'MA' },
	{ slug: 'cooptalis-maroc', name: 'Cooptalis Maroc', acronym: null, type: 'other', country: 'MA' },
	{ slug: 'maroc-entrepreneurs', name: 'Maroc Entrepreneurs', acronym: null, type: 'ngo', country: 'FR' },
	// the partner countries' ministries for their nationals abroad (S002 annex 3.2; RECOSA's countries, S003)
	{ slug: 'senegal-exterieur', name: 'Ministère sénégalais de l’Extérieur', acronym: null, type: 'ministry', country: 'SN' },
	{ slug: 'ivoiriens-exterieur', name: 'Ministère des Ivoiriens de l’Extérieur', acronym: null, type: 'ministry', country: 'CI' },
	{ slug: 'maliens-exterieur', name: 'Ministère des Maliens de l’Extérieur', acronym: null, type: 'ministry', country: 'ML' }
];

/**
 * IATI organisation identifiers (the IATI Standard's OrganisationRegistrationAgency scheme) of organisations
 * above, as their own publications and partners' files write them: IOM (XM-DAC-47066, DAC channel code of
 * the multilateral), GIZ (XM-DAC-5-7), BMZ (DE-1), and the European Commission's directorates-general that
 * fund the EU's migration cooperation (XI-IATI-EC_NEAR, XI-IATI-EC_INTPA and, before 2021, XI-IATI-EC_DEVCO),
 * which the Atlas groups under the European Union.
 */
export const seedOrganisationRefs: Record<string, string[]> = {
	oim: ['XM-DAC-47066'],
	giz: ['XM-DAC-5-7'],
	bmz: ['DE-1'],
	'union-europeenne': ['XI-IATI-EC_NEAR', 'XI-IATI-EC_INTPA', 'XI-IATI-EC_DEVCO']
};

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
const section = (source: { citation: string; url?: string; date?: string }, where: string) => ({ ...source, citation: `${source.citation} — ${where}` });
const DELIVERABLES = section(S002, 'annexe 3.4, « Liste des livrables produits »');
const PARTICIPANTS = section(S002, 'annexe 3.2, « Liste des participants »');
const SHARAKA_YEARS = section(S002, '§2.1 : « le projet SHARAKA a accompagné le Maroc depuis avril 2014 » ; clôture les 15 et 16 novembre 2017');
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
		// "le projet SHARAKA a accompagné le Maroc depuis avril 2014" (S002 §2.1): the month, no day
		actualStart: '2014-04',
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
			{ organisation: 'ministere-emploi-maroc', role: 'beneficiary' },
			{ organisation: 'delegation-ue', role: 'partner' },
			{ organisation: 'giz', role: 'partner' },
			{ organisation: 'interieur-belgique', role: 'partner' },
			{ organisation: 'fedasil', role: 'partner' },
			{ organisation: 'emploi-espagne', role: 'partner' },
			{ organisation: 'interieur-france', role: 'partner' },
			{ organisation: 'ofii', role: 'partner' },
			{ organisation: 'travail-italie', role: 'partner' },
			{ organisation: 'arbetsformedlingen', role: 'partner' },
			{ organisation: 'cefa', role: 'partner' },
			{ organisation: 'migration-et-developpement', role: 'partner' },
			{ organisation: 'fondation-banque-populaire', role: 'partner' },
			{ organisation: 'fondation-orient-occident', role: 'partner' },
			{ organisation: 'intent-maroc', role: 'partner' },
			{ organisation: 'cooptalis-maroc', role: 'partner' },
			{ organisation: 'maroc-entrepreneurs', role: 'partner' }
		],
		deliverables: [
			{ title: 'Film documentaire « Mon pays, c’est toi… » (52 mn)', type: 'film' },
			{ title: 'Outil de programmation/budgétisation de la politique migratoire du MDCMREAM', type: 'tool' },
			{ title: 'Étude sur les tendances récentes de la recherche marocaine sur les migrations (2010-2016), Mohamed Berriane, Université Mohammed V de Rabat', type: 'study', url: 'http://www.sharaka.ma/thematiques/valorisation-de-la-recherche-marocaine-sur-les-migrations/' }
		],
		website: 'http://www.sharaka.ma/',
		sources: [S001, S000, S002, SHARAKA_YEARS, section(S001, '« Les partenaires »'), PARTICIPANTS, DELIVERABLES]
	},
	{
		slug: 'sharaka-composante-1-migration-developpement',
		title: { fr: 'SHARAKA, composante 1 — Capitaliser sur les pratiques de migration et développement au Maroc et redéployer les plus performantes' },
		summary: {
			fr: 'Composante du projet SHARAKA : 119 projets Migration et Développement réalisés depuis 2004 au Maroc ont été recensés, analysés et présentés sur une plateforme Internet, source d’information de référence et outil d’aide à la décision.'
		},
		status: 'completed',
		startYear: 2014,
		endYear: 2017,
		partOf: { initiative: 'sharaka', relation: 'component' },
		nationalScope: true,
		themes: ['migration_development', 'research_data', 'migration_governance'],
		targetGroups: ['public_institutions'],
		organisations: sharakaPartners.slice(0, 2),
		deliverables: [
			{ title: 'Rapport d’évaluation des actions M&D au Maroc', type: 'report' },
			{ title: 'Rapport d’analyse préliminaire des projets M&D', type: 'report' },
			{ title: 'Rapport de recensement des projets M&D', type: 'report' },
			{ title: 'Version publique de l’outil cartographique : www.mre-initiatives.gov.ma', url: 'http://mre-initiatives.gov.ma/', type: 'tool' }
		],
		website: 'http://www.sharaka.ma/thematiques/migration-et-developpement/',
		sources: [S002, S001, SHARAKA_YEARS, DELIVERABLES]
	},
	{
		slug: 'sharaka-composante-2-mobilisation-competences-mre',
		title: { fr: 'SHARAKA, composante 2 — Mobilisation des compétences des Marocains résidant à l’étranger' },
		summary: {
			fr: 'Renforcer les capacités du Gouvernement du Maroc dans la mobilisation des Marocains résidant en Europe : études, cartographie de l’OCDE des émigrés marocains et refonte du portail Maghribcom du MDCMREAM.'
		},
		status: 'completed',
		startYear: 2014,
		endYear: 2017,
		partOf: { initiative: 'sharaka', relation: 'component' },
		nationalScope: true,
		themes: ['diaspora_skills', 'research_data'],
		targetGroups: ['moroccans_abroad'],
		organisations: sharakaPartners.slice(0, 2),
		deliverables: [
			{ title: 'Étude portant sur l’état des lieux du fonctionnement des maisons des Marocains du monde et des affaires de la migration', type: 'study' },
			{ title: 'Synthèse — Situation et perspective des maisons des Marocains du monde et des affaires de la migration', type: 'synthesis' },
			{ title: 'Cartographie de l’OCDE : Talents à l’étranger, une revue des émigrés marocains', type: 'study' },
			{ title: 'Étude portant sur la mobilisation des compétences des jeunes générations de MRE', type: 'study' },
			{ title: 'Synthèse — Mobilisation des jeunes générations de MRE dans l’entreprenariat et l’investissement au Maroc', type: 'synthesis' },
			{ title: 'Étude portant sur l’état des lieux et diagnostic des pratiques de mobilisation des compétences des MRE et de leurs associations', type: 'study' },
			{ title: 'Plate-forme numérique Maghribcom dédiée à la mobilisation des compétences des MRE', type: 'tool', status: 'forthcoming' }
		],
		website: 'http://www.sharaka.ma/thematiques/mobilisation-des-competences-des-mre/',
		sources: [S002, S001, SHARAKA_YEARS, DELIVERABLES]
	},
	{
		slug: 'sharaka-composante-3a-insertion-immigres-regularises',
		title: { fr: 'SHARAKA, composante 3A — Intégration professionnelle des immigrés régularisés au Maroc' },
		summary: {
			fr: 'Accompagner l’ANAPEC pour adapter ses compétences et son offre de service aux migrants régularisés : phase pilote en 2015 dans 5 agences ANAPEC, partenariats avec les associations, application GSM « Welcome Anapec » développée avec l’aide de l’Agence suédoise pour l’emploi.'
		},
		status: 'completed',
		startYear: 2014,
		endYear: 2017,
		partOf: { initiative: 'sharaka', relation: 'component' },
		nationalScope: true,
		themes: ['immigrant_integration'],
		targetGroups: ['regularised_immigrants', 'civil_society'],
		organisations: [...sharakaPartners.slice(0, 1), { organisation: 'anapec', role: 'beneficiary' }, { organisation: 'arbetsformedlingen', role: 'partner' }],
		deliverables: [
			{ title: 'Diagnostic sur les capacités de l’ANAPEC à insérer les migrants régularisés dans le marché du travail marocain', type: 'report' },
			{ title: 'Document de présentation de l’offre provisoire des prestations ANAPEC au profit des migrants régularisés', type: 'report' },
			{ title: 'Étude juridique pour l’intégration des migrants régularisés au Maroc', type: 'study' },
			{ title: 'Rapport de restitution de la phase pilote d’ouverture des prestations ANAPEC aux migrants régularisés', type: 'report' },
			{ title: 'Application GSM « Welcome Anapec » adressée aux chercheurs d’emploi immigrés régularisés', type: 'tool' },
			{ title: 'Étude sur l’insertion professionnelle des migrants régularisés dans le marché du travail marocain à travers la création d’entreprise', type: 'study', status: 'forthcoming' }
		],
		website: 'http://www.sharaka.ma/thematiques/integration-professionnelle-des-immigres-regularises-au-maroc/',
		sources: [S002, S001, SHARAKA_YEARS, DELIVERABLES]
	},
	{
		slug: 'sharaka-composante-3b-placement-international',
		title: { fr: 'SHARAKA, composante 3B — Placement à l’international des travailleurs marocains' },
		summary: {
			fr: 'Accompagner l’ANAPEC dans la réforme organisationnelle de sa division du placement à l’international ; visites d’étude auprès d’Arbetsförmedlingen (Stockholm, 30 mai–3 juin 2016) et de la Bundesagentur für Arbeit (Bonn, 26–29 septembre 2016).'
		},
		status: 'completed',
		startYear: 2014,
		endYear: 2017,
		partOf: { initiative: 'sharaka', relation: 'component' },
		nationalScope: true,
		countries: ['SE', 'DE'],
		themes: ['legal_migration'],
		targetGroups: ['public_institutions'],
		organisations: [...sharakaPartners.slice(0, 1), { organisation: 'anapec', role: 'beneficiary' }, { organisation: 'arbetsformedlingen', role: 'partner' }],
		deliverables: [
			{ title: 'Diagnostic sur les capacités de l’ANAPEC à gérer le placement à l’international', type: 'report' },
			{ title: 'Rapport de la visite d’étude de l’ANAPEC à Arbetsförmedlingen, service public de l’emploi suédois, à Stockholm du 30 mai au 3 juin 2016', type: 'report' },
			{ title: 'Rapport de la visite d’étude de l’ANAPEC à l’Agence fédérale pour l’emploi (BA) et à l’Agence centrale de placement pour le travail spécialisé et à l’étranger (ZAV) à Bonn, du 26 au 29 septembre 2016', type: 'report' },
			{ title: 'Rapport sur l’appui à l’organisation de l’activité de traitement des offres d’emploi à l’international et de la circulation d’information de l’ANAPEC', type: 'report' },
			{ title: 'Rapport d’accompagnement de l’ANAPEC dans l’organisation du placement à l’international', type: 'report' },
			{ title: 'Synthèse des rencontres ANAPEC – Chambres de commerce européennes du Maroc – Partenariat public-privé', type: 'synthesis' }
		],
		website: 'http://www.sharaka.ma/thematiques/placement-a-linternational-des-travailleurs-marocains/',
		sources: [S002, S001, SHARAKA_YEARS, DELIVERABLES]
	},
	{
		slug: 'sharaka-composante-4-reintegration-mre',
		title: { fr: 'SHARAKA, composante 4 — Réintégration des Marocains de retour au Maroc' },
		summary: {
			fr: 'Appuyer les institutions et organisations de la société civile marocaines dans la réintégration des Marocains de retour : groupe de réflexion devenu Réseau d’appui aux MRE, guide d’accompagnement et d’information en français et en arabe.'
		},
		status: 'completed',
		startYear: 2014,
		endYear: 2017,
		partOf: { initiative: 'sharaka', relation: 'component' },
		nationalScope: true,
		themes: ['returnee_reintegration'],
		targetGroups: ['returning_migrants', 'retirees', 'families', 'entrepreneurs_investors', 'vulnerable_people', 'civil_society'],
		organisations: sharakaPartners.slice(0, 2),
		deliverables: [
			{ title: 'Analyse comparée des dispositifs européens d’aide au retour et à la réintégration au Maroc', type: 'study' },
			{ title: 'Rapport portant sur le retour d’urgence des Marocains résidant à l’étranger en cas de crise', type: 'report' },
			{ title: 'Guide de l’intervenant : plan de retour d’urgence des MRE', type: 'guide' },
			{ title: 'Synthèse des travaux des membres du RAMre : la réintégration des MRE au Maroc', type: 'synthesis' },
			{ title: 'Synthèse portant sur la portabilité des droits des retraités MRE au Maroc', type: 'synthesis' },
			{ title: 'Guide d’accompagnement et d’information au profit des MRE (français et arabe)', type: 'guide', status: 'forthcoming' }
		],
		website: 'http://www.sharaka.ma/thematiques/reintegration-des-marocains/',
		sources: [S002, S001, SHARAKA_YEARS, DELIVERABLES]
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
		partOf: { initiative: 'sharaka-composante-1-migration-developpement', relation: 'pilot' },
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
		// listed under component 1 in annex 3.4: they are PRIMO's, whose page its component shows
		deliverables: [
			{ title: 'Plan de redéploiement de la Stratégie Nationale auprès des MRE dans l’Oriental', type: 'plan' },
			{ title: 'Les 4 fiches-projets à redéployer dans l’Oriental', type: 'plan' },
			{ title: 'Rapport de capitalisation du projet PRIMO par Migration & Développement', type: 'report' }
		],
		sources: [S002, S001, S000, DELIVERABLES]
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
		foreignPlaces: [{ country: 'ML', region: 'Région de Kayes' }],
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
			fr: 'Co-financée par le BMZ et l’Union européenne à travers le Fonds fiduciaire d’urgence pour l’Afrique (FFU) ; mise en œuvre conjointement par la GIZ et Expertise France ; organisme de tutelle : MDCMRE. Des mémorandums d’entente sur les questions migratoires ont été signés par le Maroc avec le Sénégal (2013), la Côte d’Ivoire (2015) et le Mali (2019). En juin 2019, les quatre pays ont adopté les plans d’action pour la coopération Sud-Sud. Un Bureau d’accueil des Sénégalais de l’extérieur a été inauguré à Casablanca. Le projet a initié une coopération entre trois régions ivoiriennes et leurs régions partenaires marocaines.'
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
			{ organisation: 'mdcmre', role: 'beneficiary' },
			{ organisation: 'senegal-exterieur', role: 'partner' },
			{ organisation: 'ivoiriens-exterieur', role: 'partner' },
			{ organisation: 'maliens-exterieur', role: 'partner' }
		],
		sources: [S003, S002, PARTICIPANTS]
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
		// Oujda and Berkane (HCP codes)
		communes: ['02.411.01.23', '02.113.01.09'],
		themes: ['migration_development', 'immigrant_integration', 'health', 'migration_governance', 'research_data', 'diaspora_skills'],
		targetGroups: ['youth', 'entrepreneurs_investors', 'women', 'families', 'interns_trainees', 'private_companies', 'diaspora_organisations', 'local_authorities', 'civil_society', 'public_institutions'],
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
	},
	{
		slug: 'indimaj',
		title: { fr: 'INDIMAJ — Groupes de travail régionaux multipartites en matière de migration et de développement' },
		summary: {
			fr: 'Cadre dans lequel ont été développés des groupes de travail régionaux multipartites en matière de migration et de développement, que le programme de l’OIM « Maroc — la Migration au Service du Développement Durable » opérationnalise davantage pour faciliter le dialogue entre acteurs et niveaux de gouvernance territoriale, y compris la société civile et les conseils régionaux.'
		},
		status: 'completed',
		themes: ['migration_governance', 'migration_development'],
		targetGroups: ['local_authorities', 'civil_society'],
		organisations: [{ organisation: 'oim', role: 'implementer' }],
		sources: [section(S004, '« Au niveau régional, les groupes de travail régionaux multipartites […] développés dans le cadre d’INDIMAJ »')]
	},
	{
		slug: 'appui-budgetaire-ue-politique-migratoire',
		title: { fr: 'Programme d’aide budgétaire de l’Union européenne à la Nouvelle politique migratoire marocaine' },
		summary: {
			fr: 'Annoncé lors de la clôture de SHARAKA (novembre 2017) : l’appui institutionnel apporté par SHARAKA au MDCMREAM « sera certainement poursuivi dans le cadre du programme d’aide budgétaire de l’UE à la Nouvelle politique migratoire marocaine dès 2018 ».'
		},
		status: 'planned',
		startYear: 2018,
		nationalScope: true,
		themes: ['migration_governance'],
		targetGroups: ['public_institutions'],
		organisations: [
			{ organisation: 'union-europeenne', role: 'funder' },
			{ organisation: 'mdcmre', role: 'beneficiary' }
		],
		sources: [section(S002, '§2.10 « Gouvernance de la migration »')]
	},
	{
		slug: 'deploiement-politiques-migratoires-quatre-regions',
		title: { fr: 'Déploiement des politiques migratoires dans le développement local dans quatre régions marocaines' },
		summary: {
			fr: 'Les propositions de SHARAKA en matière de déploiement régional « seront déclinées dans 4 régions marocaines », sur la base des résultats de l’étude commanditée par la Délégation de l’Union européenne et le MDCMREAM pour la formulation d’un projet de déploiement des politiques migratoires dans le développement local au Maroc. Les quatre régions ne sont pas nommées par la source.'
		},
		status: 'planned',
		themes: ['migration_governance', 'migration_development'],
		targetGroups: ['local_authorities', 'public_institutions'],
		organisations: [
			{ organisation: 'delegation-ue', role: 'funder' },
			{ organisation: 'mdcmre', role: 'partner' }
		],
		sources: [section(S002, '§2.10 « Gouvernance de la migration »')]
	},
	{
		slug: 'partenariat-germano-marocain-mobilite-professionnelle',
		title: { fr: 'Partenariat germano-marocain sur la mobilité professionnelle' },
		summary: {
			fr: 'Initiative bilatérale de migration légale de travail entre l’Allemagne et le Maroc, suivie par SHARAKA avec l’ANAPEC ; l’ANAPEC a visité l’Agence fédérale pour l’emploi (BA) et sa centrale de placement à l’étranger (ZAV) à Bonn du 26 au 29 septembre 2016.'
		},
		status: 'ongoing',
		// a partnership between the two countries: Morocco as a whole on its side
		nationalScope: true,
		countries: ['DE'],
		themes: ['legal_migration'],
		targetGroups: ['public_institutions'],
		organisations: [{ organisation: 'anapec', role: 'partner' }],
		sources: [section(S002, '§2.9 « Placement à l’international »'), DELIVERABLES]
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
