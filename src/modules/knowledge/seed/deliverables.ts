// The real documents of the library: the 32 deliverables of annex 3.4 of the final event's synthesis
// (seed 002, "3.4 Liste des livrables produits"), the documentary film (002 §2.8), newsletter n°10 (seed 001)
// and the synthesis itself (seed 002). Metadata only, as the seeds give it: no file the project does not
// have, no date the seeds do not state. Links are the component pages the annex gives. Each deliverable
// links to the Atlas initiative of its component (the annex lists them by component, and the Atlas's
// SHARAKA components list the same deliverables); the project's own publications to SHARAKA itself.
import type { DocumentInput } from '../knowledge.schemas.ts';

const annex = 'Synthèse de l’événement de clôture de SHARAKA (15–16 novembre 2017), annexe 3.4 « Liste des livrables produits »';
const c1 = 'http://www.sharaka.ma/thematiques/migration-et-developpement/';
const c2 = 'http://www.sharaka.ma/thematiques/mobilisation-des-competences-des-mre/';
const c3a = 'http://www.sharaka.ma/thematiques/integration-professionnelle-des-immigres-regularises-au-maroc/';
const c3b = 'http://www.sharaka.ma/thematiques/placement-a-linternational-des-travailleurs-marocains/';
const c4 = 'http://www.sharaka.ma/thematiques/reintegration-des-marocains/';
const research = 'http://www.sharaka.ma/thematiques/valorisation-de-la-recherche-marocaine-sur-les-migrations/';

type Entry = DocumentInput & { slug: string };

const C1 = 'Composante 1 : Migration et Développement';
const C2 = 'Composante 2 : Mobilisation des compétences des Marocains Résidant à l’Etranger';
const C3A = 'Composante 3A : Intégration professionnelle des immigrés régularisés au Maroc';
const C3B = 'Composante 3B : Placement à l’international des travailleurs marocains';
const C4 = 'Composante 4 : Réintégration des Marocains de retour au Maroc';
const R = 'Valorisation de la recherche marocaine sur les migrations';

/** The Atlas initiative of each part of the annex (links written as links: the Atlas may be absent). */
const initiative = (slug: string) => `atlas.initiative:${slug}`;
const SHARAKA = initiative('sharaka');
const componentInitiative: Record<string, string> = {
	[C1]: initiative('sharaka-composante-1-migration-developpement'),
	[C2]: initiative('sharaka-composante-2-mobilisation-competences-mre'),
	[C3A]: initiative('sharaka-composante-3a-insertion-immigres-regularises'),
	[C3B]: initiative('sharaka-composante-3b-placement-international'),
	[C4]: initiative('sharaka-composante-4-reintegration-mre'),
	// the research study is a deliverable of the project itself in the Atlas
	[R]: SHARAKA
};

const deliverable = (slug: string, type: DocumentInput['type'], title: string, component: string, theme: NonNullable<DocumentInput['themes']>[number], link: string, more: Partial<Entry> = {}): Entry => ({
	slug,
	type,
	title: { fr: title },
	status: 'published',
	languages: ['fr'],
	themes: [theme],
	externalUrl: link,
	sources: [{ citation: `${annex}, ${component}` }],
	links: [componentInitiative[component]!],
	...more
});

export const realDocuments: Entry[] = [
	deliverable('evaluation-actions-md-maroc', 'report', 'Rapport d’évaluation des actions M&D au Maroc', C1, 'migration_development', c1),
	deliverable('analyse-preliminaire-projets-md', 'report', 'Rapport d’analyse préliminaire des projets M&D', C1, 'migration_development', c1),
	deliverable('recensement-projets-md', 'report', 'Rapport de recensement des projets M&D', C1, 'migration_development', c1),
	deliverable('outil-cartographique-mre-initiatives', 'tool', 'Version publique de l’outil cartographique : www.mre-initiatives.gov.ma', C1, 'migration_development', 'http://mre-initiatives.gov.ma/'),
	deliverable('plan-redeploiement-strategie-oriental', 'report', 'Plan de redéploiement de la Stratégie Nationale auprès des MRE dans l’Oriental', C1, 'migration_development', c1, { regions: ['MA-02'] }),
	deliverable('fiches-projets-oriental', 'tool', 'Les 4 fiches-projets à redéployer dans l’Oriental', C1, 'migration_development', c1, { regions: ['MA-02'] }),
	// PRIMO is a pilot of component 1 in the Atlas: the report capitalises it
	deliverable('capitalisation-projet-primo', 'report', 'Rapport de capitalisation du projet PRIMO par Migration & Développement', C1, 'migration_development', c1, {
		links: [componentInitiative[C1]!, initiative('primo-oriental')]
	}),
	deliverable('etude-maisons-marocains-du-monde', 'study', 'Étude portant sur l’état des lieux du fonctionnement des maisons des marocains du monde et des affaires de la migration', C2, 'skills_mobilisation', c2),
	deliverable('synthese-maisons-marocains-du-monde', 'synthesis', 'Synthèse - Situation et perspective des maisons des marocains du monde et des affaires de la migration', C2, 'skills_mobilisation', c2),
	deliverable('ocde-talents-a-l-etranger', 'study', 'Cartographie de l’OCDE : Talents à l’Etranger, une revue des émigrés marocains', C2, 'skills_mobilisation', c2, { authors: ['OCDE'], organisations: ['ocde'] }),
	deliverable('etude-competences-jeunes-generations-mre', 'study', 'Étude portant sur la mobilisation des compétences des jeunes générations de MRE', C2, 'skills_mobilisation', c2),
	deliverable('synthese-jeunes-generations-mre-entrepreneuriat', 'synthesis', 'Synthèse - Mobilisation des jeunes générations de MRE dans l’entreprenariat et l’investissement au Maroc', C2, 'skills_mobilisation', c2),
	deliverable('etude-pratiques-mobilisation-competences-mre', 'study', 'Étude portant sur l’état des lieux et diagnostic des pratiques de mobilisation des compétences des MRE et de leurs associations', C2, 'skills_mobilisation', c2),
	deliverable('plateforme-maghribcom', 'tool', 'Plate-forme numérique Maghribcom dédiée à la mobilisation des compétences des MRE', C2, 'skills_mobilisation', c2, {
		status: 'forthcoming',
		externalUrl: undefined,
		sources: [{ citation: `${annex}, ${C2} (« prochaine mise en ligne par le Ministère »)` }]
	}),
	deliverable('diagnostic-anapec-insertion-migrants-regularises', 'study', 'Diagnostic sur les capacités de l’ANAPEC à insérer les migrants régularisés dans le marché du travail marocain', C3A, 'immigrant_integration', c3a),
	deliverable('offre-provisoire-prestations-anapec-migrants', 'presentation', 'Document de présentation de l’offre provisoire des prestations ANAPEC au profit des migrants régularisés', C3A, 'immigrant_integration', c3a),
	deliverable('etude-juridique-integration-migrants-regularises', 'study', 'Étude juridique pour l’intégration des migrants régularisés au Maroc', C3A, 'immigrant_integration', c3a),
	deliverable('restitution-phase-pilote-anapec-migrants', 'report', 'Rapport de restitution de la phase pilote d’ouverture des prestations ANAPEC aux migrants régularisés', C3A, 'immigrant_integration', c3a),
	deliverable('application-welcome-anapec', 'tool', 'Application GSM « Welcome Anapec » adressée aux chercheurs d’emploi immigrés régularisés', C3A, 'immigrant_integration', c3a),
	deliverable('etude-insertion-migrants-creation-entreprise', 'study', 'Étude sur l’insertion professionnelle des migrants régularisés dans le marché du travail marocain à travers la création d’entreprise', C3A, 'immigrant_integration', c3a, {
		status: 'forthcoming',
		externalUrl: undefined,
		sources: [{ citation: `${annex}, ${C3A} (« à venir sur le site Sharaka »)` }]
	}),
	deliverable('diagnostic-anapec-placement-international', 'study', 'Diagnostic sur les capacités de l’ANAPEC à gérer le placement à l’international', C3B, 'international_placement', c3b),
	deliverable('visite-etude-arbetsformedlingen-stockholm', 'report', 'Rapport de la visite d’étude de l’ANAPEC à ARBETSFORMEDLINGEN, service public de l’emploi suédois, à Stockholm du 30 mai au 3 juin 2016', C3B, 'international_placement', c3b, { countries: ['SE'] }),
	deliverable('visite-etude-ba-zav-bonn', 'report', 'Rapport de la visite d’étude de l’ANAPEC à l’Agence fédérale pour l’emploi (BA – Bundesagentur für Arbeit) et à l’Agence Centrale de Placement pour le travail spécialisé et à l’étranger (ZAV – Zentrale Auslands- und Fachvermittlung) à Bonn, du 26 au 29 septembre 2016', C3B, 'international_placement', c3b, { countries: ['DE'] }),
	deliverable('traitement-offres-emploi-international-anapec', 'report', 'Rapport sur l’appui à l’organisation de l’activité de traitement des offres d’emploi à l’international et de la circulation d’information de l’ANAPEC', C3B, 'international_placement', c3b),
	deliverable('accompagnement-anapec-placement-international', 'report', 'Rapport d’accompagnement de l’ANAPEC dans l’organisation du placement à l’International', C3B, 'international_placement', c3b, {
		sources: [{ citation: `${annex}, ${C3B}` }, { citation: 'Lettre d’information SHARAKA n°10, novembre 2017, « Retrouvez toutes les nouvelles publications du projet »' }]
	}),
	deliverable('synthese-rencontres-anapec-chambres-commerce', 'synthesis', 'Synthèse des rencontres ANAPEC – Chambres de commerce européennes du Maroc – Partenariat public-privé', C3B, 'international_placement', c3b),
	deliverable('analyse-comparee-aide-au-retour', 'study', 'Analyse comparée des dispositifs européens d’aide au retour et à la réintégration au Maroc', C4, 'return_reintegration', c4),
	deliverable('retour-urgence-mre-crise', 'report', 'Rapport portant sur le retour d’urgence des Marocains Résidant à l’Etranger en cas de crise', C4, 'return_reintegration', c4),
	deliverable('guide-intervenant-retour-urgence', 'guide', 'Guide de l’intervenant : plan de retour d’urgence des MRE', C4, 'return_reintegration', c4),
	deliverable('synthese-ramre-reintegration-mre', 'synthesis', 'Synthèse des travaux des membres du RAMre : La réintégration des MRE au Maroc', C4, 'return_reintegration', c4),
	deliverable('synthese-portabilite-droits-retraites-mre', 'synthesis', 'Synthèse portant sur la portabilité des droits des retraités MRE au Maroc', C4, 'return_reintegration', c4, {
		sources: [{ citation: `${annex}, ${C4}` }, { citation: 'Lettre d’information SHARAKA n°10, novembre 2017, « Retrouvez toutes les nouvelles publications du projet »' }]
	}),
	deliverable('tendances-recherche-marocaine-migrations', 'study', 'Étude sur les tendances récentes de la recherche marocaine sur les migrations', R, 'migration_research', research, {
		authors: ['Mohamed Berriane'],
		organisations: ['universite-mohammed-v-rabat'],
		summary: {
			fr: 'Étude réalisée par Mohamed Berriane (Université Mohammed V de Rabat) comme support de discussion d’une table ronde sur la recherche sur les migrations au Maroc ; sur la période 2010–2016, elle recense les principaux acteurs, les principales thématiques de recherche au Maroc et les modalités de soutien à cette recherche.'
		},
		recommendations: [{ text: 'Favoriser l’émergence d’une communauté scientifique marocaine autonome autour des migrations, à même d’intervenir dans le débat public.', horizon: 'long' }],
		sources: [{ citation: `${annex}, ${R}` }, { citation: 'Synthèse de l’événement de clôture de SHARAKA, §2.11 « Valorisation de la recherche marocaine sur les migrations »' }]
	}),
	// the project's other publications the seeds name
	{
		slug: 'film-mon-pays-c-est-toi',
		type: 'film',
		title: { fr: 'Mon pays, c’est toi…' },
		summary: { fr: 'Film documentaire de 52 minutes produit par le projet SHARAKA, en vue d’une diffusion sur la chaîne 2M, qui montre le « vivre ensemble » d’une société marocaine ouverte vers l’Afrique et enrichie des échanges avec les populations étrangères installées au Maroc.' },
		status: 'forthcoming',
		themes: ['immigrant_integration'],
		links: [SHARAKA],
		sources: [{ citation: 'Synthèse de l’événement de clôture de SHARAKA, §2.8 « L’insertion professionnelle des migrants régularisés » (Société inclusive)' }]
	},
	{
		slug: 'lettre-information-sharaka-10',
		type: 'newsletter',
		title: { fr: 'Lettre d’information SHARAKA n°10 — Novembre 2017' },
		summary: { fr: 'Bulletin d’information publié par Expertise France à destination des partenaires européens du projet SHARAKA.' },
		status: 'published',
		year: 2017,
		authors: ['Expertise France'],
		languages: ['fr'],
		themes: [],
		links: [SHARAKA],
		sources: [{ citation: 'Lettre d’information SHARAKA n°10, novembre 2017 (en-tête)' }]
	},
	{
		slug: 'synthese-evenement-cloture-sharaka-2017',
		type: 'synthesis',
		title: { fr: 'Synthèse de l’événement de clôture du projet SHARAKA, 15 et 16 novembre 2017, Bibliothèque nationale, Rabat' },
		summary: { fr: 'Aperçu synthétique, par le texte et l’image, des deux jours de débats de l’événement de clôture organisé par Expertise France en partenariat avec le MDCMREAM et la DUE au Maroc ; en annexe, la liste des livrables produits.' },
		status: 'published',
		year: 2017,
		languages: ['fr'],
		themes: ['migration_development', 'skills_mobilisation', 'immigrant_integration', 'international_placement', 'return_reintegration', 'migration_research'],
		links: [SHARAKA],
		sources: [{ citation: 'Synthèse de l’événement de clôture de SHARAKA, I. Introduction' }]
	}
];
