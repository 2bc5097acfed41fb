import type { ContentSource } from '../../platform/content/content.table.ts';
import type { InitialContentPage } from '../../platform/content/content-pages.service.ts';
import { guideTopics, toBeCompletedMarker, type GuideTopic } from './return.model.ts';

/**
 * The first version of each return-guide page. The seeds say who the guide is for and who writes it
 * (the RAMre network's members, from their practice), name the studies behind it, and little else: no
 * rule, amount or address is stated here that the seeds do not give. Each page says what remains "to be
 * completed by the network"; moderators see those pages in a list and publish new versions with sources.
 */
const reviewedOn = '2026-12-04';

export const newsletterGuide: ContentSource = {
	name: 'Lettre d’information SHARAKA n°10, novembre 2017, « Composante 4 : Accompagner les citoyens de retour par un guide pratique »'
};
export const closingReintegration: ContentSource = {
	name: 'Synthèse de l’événement de clôture de SHARAKA (15–16 novembre 2017), §2.7 « La réintégration des citoyens marocains de retour au Maroc »'
};
export const closingAnnexReturn: ContentSource = {
	name: 'Synthèse de l’événement de clôture de SHARAKA, annexe 3.4 « Liste des livrables produits », composante 4 « Réintégration des Marocains de retour au Maroc »'
};
export const closingAnnexDiaspora: ContentSource = {
	name: 'Synthèse de l’événement de clôture de SHARAKA, annexe 3.4, « Synthèse — Mobilisation des jeunes générations de MRE dans l’entreprenariat et l’investissement au Maroc »'
};
export const iomMorocco: ContentSource = { name: 'OIM Maroc, « Maroc — la migration au service du développement durable » (page du programme)' };

const titles: Record<GuideTopic, { fr: string; ar: string; en: string }> = {
	documents: { fr: 'Documents et état civil', ar: 'الوثائق والحالة المدنية', en: 'Documents and civil status' },
	customs: { fr: 'Franchises douanières : effets personnels et véhicule', ar: 'الإعفاءات الجمركية: الأمتعة الشخصية والسيارة', en: 'Customs allowances: household goods and vehicle' },
	schooling: { fr: 'Scolarité des enfants et reconnaissance des diplômes', ar: 'تمدرس الأطفال ومعادلة الشهادات', en: 'Schooling and recognition of diplomas' },
	health: { fr: 'Couverture santé', ar: 'التغطية الصحية', en: 'Health coverage' },
	pensions: { fr: 'Retraites et sécurité sociale', ar: 'المعاشات والضمان الاجتماعي', en: 'Pensions and social security' },
	taxation: { fr: 'Fiscalité', ar: 'الضرائب', en: 'Taxation' },
	housing: { fr: 'Logement', ar: 'السكن', en: 'Housing' },
	investing: { fr: 'Investir et centres régionaux d’investissement', ar: 'الاستثمار والمراكز الجهوية للاستثمار', en: 'Investing and regional investment centres' },
	employment: { fr: 'Emploi', ar: 'الشغل', en: 'Employment' }
};

/** What the seeds say about the guide itself: opens every page. */
const aboutTheGuide = {
	fr: 'Ce guide s’adresse aux familles, aux retraités et aux investisseurs qui souhaitent revenir vivre au Maroc. Il réunit des informations pratiques et des conseils issus de la pratique des membres du Réseau d’appui aux MRE de retour (RAMre), constitué avec l’appui de SHARAKA.',
	ar: 'يتوجه هذا الدليل إلى الأسر والمتقاعدين والمستثمرين الراغبين في العودة للعيش في المغرب. ويجمع معلومات عملية ونصائح مستقاة من تجربة أعضاء شبكة دعم المغاربة العائدين (RAMre)، التي تأسست بدعم من مشروع شراكة.',
	en: 'This guide is for families, retirees and investors who want to come back to live in Morocco. It brings together practical information and advice from the practice of the members of the support network for returning Moroccans (RAMre), set up with SHARAKA’s support.'
};

const missing = {
	fr: `${toBeCompletedMarker.fr}\u00a0: les démarches, pièces, montants et adresses de cette rubrique ne figurent pas encore dans les sources de la plateforme. Les membres du réseau les ajouteront avec leurs sources. En attendant, adressez-vous à un membre du réseau (annuaire du retour).`,
	ar: `${toBeCompletedMarker.ar}: الإجراءات والوثائق والمبالغ والعناوين الخاصة بهذا الباب غير واردة بعد في مصادر المنصة. سيضيفها أعضاء الشبكة مع مصادرها. في انتظار ذلك، توجهوا إلى أحد أعضاء الشبكة (دليل العودة).`,
	en: `${toBeCompletedMarker.en}: the procedures, documents, amounts and addresses of this topic are not yet in the platform’s sources. The network’s members will add them with their sources. Meanwhile, ask a member of the network (return directory).`
};

/** What the seeds do say on a topic, when they say something; it comes before the "to be completed" paragraph. */
const known: Partial<Record<GuideTopic, { text: { fr: string; ar: string; en: string }; sources: ContentSource[] }>> = {
	pensions: {
		text: {
			fr: 'SHARAKA a produit une synthèse sur la portabilité des droits des retraités MRE au Maroc. Le tableau des accords de sécurité sociale par pays d’accueil, tenu par les modérateurs avec ses sources, indique pour chaque pays ce qui est déjà documenté.',
			ar: 'أعد مشروع شراكة خلاصة حول قابلية نقل حقوق المتقاعدين المغاربة المقيمين بالخارج إلى المغرب. ويبين جدول اتفاقيات الضمان الاجتماعي حسب بلد الإقامة، الذي يحينه المشرفون مع مصادره، ما هو موثق لكل بلد.',
			en: 'SHARAKA produced a synthesis on the portability of the rights of Moroccan retirees abroad who return to Morocco. The table of social security agreements by host country, kept by moderators with its sources, shows what is already documented for each country.'
		},
		sources: [closingAnnexReturn, closingReintegration]
	},
	investing: {
		text: {
			fr: 'SHARAKA a consacré une synthèse à la mobilisation des jeunes générations de MRE dans l’entreprenariat et l’investissement au Maroc. Le réseau d’intervenants de retour veut accompagner les MRE jusqu’à leur réintégration économique et sociale.',
			ar: 'خصص مشروع شراكة خلاصة لتعبئة الأجيال الشابة من المغاربة المقيمين بالخارج في ريادة الأعمال والاستثمار بالمغرب. وتسعى شبكة المتدخلين في مجال العودة إلى مواكبة العائدين حتى إعادة إدماجهم الاقتصادي والاجتماعي.',
			en: 'SHARAKA devoted a synthesis to involving young generations of Moroccans abroad in entrepreneurship and investment in Morocco. The network of return actors wants to accompany returnees up to their economic and social reintegration.'
		},
		sources: [closingAnnexDiaspora, closingReintegration]
	},
	health: {
		text: {
			fr: 'Pendant la pandémie de COVID-19, le Maroc a accueilli de nombreux migrants de retour ayant des besoins particuliers de réintégration, avec les associations, l’OIM et leurs partenaires.',
			ar: 'خلال جائحة كوفيد-19، استقبل المغرب عددا كبيرا من المهاجرين العائدين ذوي الاحتياجات الخاصة في مجال إعادة الإدماج، بتنسيق مع الجمعيات والمنظمة الدولية للهجرة وشركائهما.',
			en: 'During the COVID-19 pandemic, Morocco received many returning migrants with particular reintegration needs, working with associations, IOM and their partners.'
		},
		sources: [iomMorocco]
	}
};

const paragraphs = (...texts: string[]) => texts.join('\n\n');

export const initialGuidePages: InitialContentPage<GuideTopic>[] = guideTopics.map((topic, index) => {
	const fact = known[topic];
	const pick = (language: 'fr' | 'ar' | 'en') =>
		fact ? paragraphs(aboutTheGuide[language], fact.text[language], missing[language]) : paragraphs(aboutTheGuide[language], missing[language]);
	return {
		slug: topic,
		topic,
		position: index + 1,
		reviewedOn,
		title: titles[topic],
		summary: {
			fr: `${titles[topic].fr}\u00a0: ce que le réseau sait déjà et ce qui reste à compléter.`,
			ar: `${titles[topic].ar}: ما تعرفه الشبكة وما يبقى استكماله.`,
			en: `${titles[topic].en}: what the network already knows and what remains to be completed.`
		},
		body: { fr: pick('fr'), ar: pick('ar'), en: pick('en') },
		steps: {},
		sources: [newsletterGuide, ...(fact?.sources ?? [])]
	};
});
