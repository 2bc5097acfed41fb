// The networks the seeds name (real, each with its source) and the sample networks of the demo (badged).
import type { NetworkInput } from '../talents.schemas.ts';

const S002 = {
	citation: 'Synthèse de l’événement final de SHARAKA, 15 et 16 novembre 2017, Bibliothèque nationale de Rabat (Expertise France, MDCMREAM, DUE au Maroc)',
	url: 'http://www.sharaka.ma/'
};
const section = (where: string) => ({ ...S002, citation: `${S002.citation} — ${where}` });

/** Real networks: only what the seeds say of them (name, country), with the passage that says it. */
export const realNetworks: (NetworkInput & { slug: string })[] = [
	{
		slug: 'reseau-competences-dmk-allemagne',
		kind: 'territory',
		name: { fr: 'Réseau de compétences DMK (Allemagne)', ar: 'شبكة الكفاءات DMK (ألمانيا)', en: 'DMK skills network (Germany)' },
		aim: {
			fr: 'Réseau de compétences de Marocains en Allemagne, participant à l’événement final de SHARAKA.',
			ar: 'شبكة كفاءات المغاربة في ألمانيا، شاركت في الحدث الختامي لمشروع شراكة.',
			en: 'A skills network of Moroccans in Germany, which took part in SHARAKA’s final event.'
		},
		country: 'DE',
		joining: 'on_request',
		sources: [section('annexe 3.2, « Liste des participants », Organismes d’autres pays de l’Union Européenne : « Allemagne : Réseau de compétences DMK »')]
	},
	{
		slug: 'maroc-entrepreneurs',
		kind: 'skill',
		name: { fr: 'Maroc Entrepreneurs', ar: 'Maroc Entrepreneurs', en: 'Maroc Entrepreneurs' },
		aim: {
			fr: 'Association partenaire de SHARAKA, en France ; elle a conduit avec Red Mangrove une étude sur les pratiques de mobilisation des compétences des diasporas.',
			ar: 'جمعية شريكة لمشروع شراكة في فرنسا؛ أنجزت مع Red Mangrove دراسة حول ممارسات تعبئة كفاءات الجاليات.',
			en: 'A SHARAKA partner association in France; with Red Mangrove it conducted a study of the practices of mobilising diaspora skills.'
		},
		country: 'FR',
		skill: 'entrepreneurship',
		joining: 'on_request',
		sources: [
			section('annexe 3.2, « Liste des participants » : « Maroc Entrepreneurs (partenaire) » ; France : « l’association Maroc Entrepreneurs »'),
			{ citation: 'SHARAKA — Lettre d’information n°10, novembre 2017, Expertise France — Composante 2 : « L’étude récente conduite par Red Mangrove et Maroc Entrepreneur sur les pratiques de mobilisation des compétences »', url: 'http://www.sharaka.ma/' }
		]
	}
];

const SAMPLE = [{ citation: 'Échantillon fictif' }];
const territory = (slug: string, country: string, fr: string, ar: string, en: string, area: string | null = null, joining: 'open' | 'on_request' = 'open') => ({
	slug,
	kind: 'territory' as const,
	name: { fr: `Exemple : ${fr}`, ar: `مثال: ${ar}`, en: `Sample: ${en}` },
	aim: { fr: 'Réseau fictif pour la démonstration.', ar: 'شبكة وهمية للعرض.', en: 'A fictional network for the demonstration.' },
	country,
	area,
	joining,
	sources: SAMPLE
});
const skill = (slug: string, key: NetworkInput['skill'], fr: string, ar: string, en: string, joining: 'open' | 'on_request' = 'open') => ({
	slug,
	kind: 'skill' as const,
	name: { fr: `Exemple : ${fr}`, ar: `مثال: ${ar}`, en: `Sample: ${en}` },
	aim: { fr: 'Réseau fictif pour la démonstration.', ar: 'شبكة وهمية للعرض.', en: 'A fictional network for the demonstration.' },
	skill: key,
	joining,
	sources: SAMPLE
});

/** 13 fictional networks: with the two real ones, the 15 of the demo. */
export const sampleNetworks: (NetworkInput & { slug: string })[] = [
	territory('exemple-talents-ile-de-france', 'FR', 'talents d’Île-de-France', 'كفاءات إيل دو فرانس', 'talents of Île-de-France', 'Île-de-France'),
	territory('exemple-talents-belgique', 'BE', 'talents en Belgique', 'الكفاءات في بلجيكا', 'talents in Belgium', null, 'on_request'),
	territory('exemple-talents-espagne', 'ES', 'talents en Espagne', 'الكفاءات في إسبانيا', 'talents in Spain'),
	territory('exemple-talents-italie', 'IT', 'talents en Italie', 'الكفاءات في إيطاليا', 'talents in Italy'),
	territory('exemple-talents-pays-bas', 'NL', 'talents aux Pays-Bas', 'الكفاءات في هولندا', 'talents in the Netherlands'),
	territory('exemple-talents-canada', 'CA', 'talents au Canada', 'الكفاءات في كندا', 'talents in Canada', null, 'on_request'),
	territory('exemple-talents-golfe', 'AE', 'talents aux Émirats arabes unis', 'الكفاءات في الإمارات العربية المتحدة', 'talents in the United Arab Emirates'),
	skill('exemple-sante', 'health', 'santé', 'الصحة', 'health', 'on_request'),
	skill('exemple-ingenierie', 'engineering', 'ingénierie', 'الهندسة', 'engineering'),
	skill('exemple-numerique', 'digital', 'numérique', 'الرقمي', 'digital'),
	skill('exemple-recherche', 'research', 'recherche et enseignement supérieur', 'البحث والتعليم العالي', 'research and higher education'),
	skill('exemple-agriculture', 'agriculture', 'agriculture et eau', 'الفلاحة والماء', 'agriculture and water'),
	skill('exemple-finance', 'finance', 'finance et investissement', 'المالية والاستثمار', 'finance and investment', 'on_request')
];
