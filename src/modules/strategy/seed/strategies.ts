// The strategies the seeds name, with what the seeds say of them and nothing more; each fact cites its
// place in /work/shared/seeds. The seeds give no period end, budget or action for any of them.
import type { z } from 'zod';
import type { NewStrategy } from '../strategy.schemas.ts';
import type { Source } from '../strategy.table.ts';

const S002 = 'Seed 002 (SHARAKA, rapport : annexe « Composante 1 : Migration et Développement », livrables)';
const S003 = 'Seed 003 (Action de Coopération Sud-Sud en matière de migration, projet RECOSA)';
const S004 = 'Seed 004 (OIM Maroc, « la Migration au Service du Développement Durable »)';

export type SeedNode = { title: { fr: string; ar?: string; en?: string }; description?: { fr?: string; ar?: string; en?: string }; kind: 'domain' | 'programme' | 'objective' | 'action'; regions?: string[]; sources: Source[]; children?: SeedNode[] };
export type SeedStrategy = z.input<typeof NewStrategy> & { nodes: SeedNode[]; ownerSlug?: string };

const sniaDomain = (fr: string, ar: string, en: string): SeedNode => ({
	kind: 'domain',
	title: { fr, ar, en },
	sources: [{ citation: `${S004}, §1 : « 11 domaines prioritaires (dont l’éducation, la santé, le logement, la protection sociale, l’emploi, la traite des êtres humains, la coopération internationale, la gouvernance...) »` }]
});

/** The RECOSA countries (seed 003, header « Pays ») and the year of their memorandum with Morocco (seed 003, §Contexte). */
const recosa: { country: 'MA' | 'CI' | 'ML' | 'SN'; slug: string; name: { fr: string; ar: string; en: string }; memorandum: number | null; result?: { fr: string; ar: string; en: string } }[] = [
	{ country: 'MA', slug: 'recosa-plan-action-maroc', name: { fr: 'Maroc', ar: 'المغرب', en: 'Morocco' }, memorandum: null },
	{
		country: 'CI',
		slug: 'recosa-plan-action-cote-d-ivoire',
		name: { fr: 'Côte d’Ivoire', ar: 'كوت ديفوار', en: 'Côte d’Ivoire' },
		memorandum: 2015,
		result: { fr: 'Résultat cité : une stratégie de mobilisation de la diaspora a été développée.', ar: 'نتيجة مذكورة: تم إعداد استراتيجية لتعبئة الجالية.', en: 'Result named: a diaspora mobilisation strategy was developed.' }
	},
	{
		country: 'ML',
		slug: 'recosa-plan-action-mali',
		name: { fr: 'Mali', ar: 'مالي', en: 'Mali' },
		memorandum: 2019,
		result: { fr: 'Résultat cité : une évaluation de la politique migratoire nationale a été réalisée.', ar: 'نتيجة مذكورة: تم إنجاز تقييم للسياسة الوطنية للهجرة.', en: 'Result named: an evaluation of the national migration policy was carried out.' }
	},
	{
		country: 'SN',
		slug: 'recosa-plan-action-senegal',
		name: { fr: 'Sénégal', ar: 'السنغال', en: 'Senegal' },
		memorandum: 2013,
		result: {
			fr: 'Résultats cités : un Bureau d’accueil des Sénégalais de l’extérieur a été inauguré à Casablanca ; un guichet unique «\u00a0mobilité\u00a0» est planifié au Sénégal.',
			ar: 'نتائج مذكورة: افتتاح مكتب لاستقبال السنغاليين بالخارج في الدار البيضاء؛ ومن المقرر إنشاء شباك وحيد «للتنقل» في السنغال.',
			en: 'Results named: a reception office for Senegalese abroad opened in Casablanca; a one-stop “mobility” desk is planned in Senegal.'
		}
	}
];

export const realStrategies: SeedStrategy[] = [
	{
		slug: 'snia',
		title: { fr: 'Stratégie nationale d’immigration et d’asile (SNIA)', ar: 'الاستراتيجية الوطنية للهجرة واللجوء', en: 'National Immigration and Asylum Strategy (SNIA)' },
		summary: {
			fr: 'Adoptée par le gouvernement en décembre 2014, avec 11 domaines prioritaires ; le suivi et la collecte de données ont été décentralisés vers les régions cibles du programme de l’OIM, le MDCMRE assurant la coordination. Les sources nomment huit des onze domaines.',
			ar: 'اعتمدتها الحكومة في دجنبر 2014 بأحد عشر مجالا ذا أولوية؛ وتمت لا مركزة التتبع وجمع المعطيات نحو الجهات المستهدفة ببرنامج المنظمة الدولية للهجرة، مع تنسيق الوزارة المكلفة بالمغاربة المقيمين بالخارج. تذكر المصادر ثمانية من المجالات الأحد عشر.',
			en: 'Adopted by the government in December 2014, with 11 priority domains; monitoring and data collection were decentralised to the target regions of the IOM programme, coordinated by the MDCMRE. The sources name eight of the eleven domains.'
		},
		country: 'MA',
		periodStart: 2014,
		status: 'active',
		published: true,
		sources: [
			{ citation: `${S004}, §1 : « En décembre 2014, le gouvernement a adopté la première Stratégie Nationale d’Immigration et d’Asile (SNIA) avec 11 domaines prioritaires »` },
			{ citation: `${S004}, §2 : suivi et collecte de données sur la SNIA, « décentralisée vers les régions cibles du Programme » ; rôle de coordination du MDCMRE` }
		],
		nodes: [
			sniaDomain('Éducation', 'التربية والتعليم', 'Education'),
			sniaDomain('Santé', 'الصحة', 'Health'),
			sniaDomain('Logement', 'السكن', 'Housing'),
			sniaDomain('Protection sociale', 'الحماية الاجتماعية', 'Social protection'),
			sniaDomain('Emploi', 'التشغيل', 'Employment'),
			sniaDomain('Traite des êtres humains', 'الاتجار بالبشر', 'Trafficking in human beings'),
			sniaDomain('Coopération internationale', 'التعاون الدولي', 'International cooperation'),
			sniaDomain('Gouvernance', 'الحكامة', 'Governance')
		]
	},
	{
		slug: 'strategie-mre',
		title: { fr: 'Stratégie nationale en faveur des Marocains résidant à l’étranger (MRE)', ar: 'الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج', en: 'National strategy for Moroccans living abroad (MRE)' },
		summary: { fr: 'Une stratégie pour traiter les questions liées à la diaspora marocaine.', ar: 'استراتيجية لمعالجة القضايا المتعلقة بالجالية المغربية.', en: 'A strategy dealing with the Moroccan diaspora.' },
		country: 'MA',
		status: 'active',
		published: true,
		sources: [{ citation: `${S004}, §1 : « Une Stratégie pour les Marocains Résidant à l’Étranger (MRE) est également disponible pour traiter les questions liées à la diaspora marocaine »` }],
		nodes: []
	},
	{
		slug: 'redeploiement-mre-oriental',
		title: { fr: 'Plan de redéploiement de la Stratégie nationale auprès des MRE dans l’Oriental', ar: 'مخطط إعادة انتشار الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج في جهة الشرق', en: 'Redeployment plan of the national MRE strategy in the Oriental region' },
		summary: {
			fr: 'Livrable de la composante « Migration et Développement » de SHARAKA, avec quatre fiches-projets à redéployer dans l’Oriental. Les sources n’en donnent que les titres.',
			ar: 'من مخرجات مكون «الهجرة والتنمية» لمشروع شراكة، مع أربع بطاقات مشاريع لإعادة انتشارها في جهة الشرق. لا تذكر المصادر سوى عناوينها.',
			en: 'A deliverable of SHARAKA’s “Migration and Development” component, with four project sheets to redeploy in the Oriental. The sources give their titles only.'
		},
		country: 'MA',
		status: 'active',
		published: true,
		sources: [{ citation: `${S002}, lignes 915–917 : « Plan de redéploiement de la Stratégie Nationale auprès des MRE dans l’Oriental » ; « Les 4 fiches-projets à redéployer dans l’Oriental »` }],
		nodes: [
			{
				kind: 'domain',
				title: { fr: 'Les 4 fiches-projets à redéployer dans l’Oriental', ar: 'بطاقات المشاريع الأربع لإعادة انتشارها في جهة الشرق', en: 'The 4 project sheets to redeploy in the Oriental' },
				regions: ['MA-02'],
				sources: [{ citation: `${S002}, ligne 917` }],
				children: [1, 2, 3, 4].map((n) => ({
					kind: 'programme' as const,
					title: { fr: `Fiche-projet ${n}`, ar: `بطاقة المشروع ${n}`, en: `Project sheet ${n}` },
					description: { fr: 'Contenu non décrit par les sources.', ar: 'لا تصف المصادر محتواها.', en: 'Content not described by the sources.' },
					regions: ['MA-02'],
					sources: [{ citation: `${S002}, ligne 917 (« Les 4 fiches-projets »)` }]
				}))
			}
		]
	},
	...recosa.map(
		(entry): SeedStrategy => ({
			slug: entry.slug,
			title: {
				fr: `Plan d’action de coopération Sud-Sud en matière de migration — ${entry.name.fr}`,
				ar: `خطة عمل التعاون جنوب-جنوب في مجال الهجرة — ${entry.name.ar}`,
				en: `South–South cooperation action plan on migration — ${entry.name.en}`
			},
			summary: {
				fr: [
					'Adopté officiellement en juin 2019, avec ceux du Maroc, de la Côte d’Ivoire, du Mali et du Sénégal, après des ateliers de planification dans les quatre pays (action RECOSA).',
					entry.memorandum ? `Mémorandum d’entente avec le Maroc signé en ${entry.memorandum}.` : '',
					entry.result?.fr ?? ''
				]
					.filter(Boolean)
					.join(' '),
				ar: [
					'اعتُمدت رسميا في يونيو 2019، إلى جانب خطط المغرب وكوت ديفوار ومالي والسنغال، بعد ورشات تخطيط في البلدان الأربعة (مشروع RECOSA).',
					entry.memorandum ? `مذكرة تفاهم مع المغرب موقعة سنة ${entry.memorandum}.` : '',
					entry.result?.ar ?? ''
				]
					.filter(Boolean)
					.join(' '),
				en: [
					'Officially adopted in June 2019, with those of Morocco, Côte d’Ivoire, Mali and Senegal, after planning workshops in the four countries (RECOSA action).',
					entry.memorandum ? `Memorandum of understanding with Morocco signed in ${entry.memorandum}.` : '',
					entry.result?.en ?? ''
				]
					.filter(Boolean)
					.join(' ')
			},
			country: entry.country,
			periodStart: 2019,
			status: 'active',
			published: true,
			sources: [
				{ citation: `${S003}, en-tête « Pays » : Maroc, Côte d’Ivoire, Mali, Sénégal` },
				{ citation: `${S003}, §Résultats : « En juin 2019, le Maroc, la Côte d’Ivoire, le Mali et le Sénégal ont officiellement adopté les plans d’action pour la coopération Sud-Sud »` },
				...(entry.memorandum ? [{ citation: `${S003}, §Contexte : « des mémorandums d’entente ont été signés avec le Sénégal (2013), la Côte d’Ivoire (2015) et le Mali (2019) »` }] : []),
				...(entry.result ? [{ citation: `${S003}, §Résultats (résultats cités)` }] : [])
			],
			nodes: []
		})
	)
];
