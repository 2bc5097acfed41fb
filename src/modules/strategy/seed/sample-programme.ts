// The texts of the SNIA's sample programme (demo mode only, every item badged "Exemple"): for each domain the seeds
// name, a programme 2015–2027 with its objectives and the kinds of action carried out in the regions. Fictional: no
// fact here comes from the seeds; the seeds' eight domains are the only real nodes it hangs from. Also the texts of
// the sample programme on Senegal's RECOSA plan (`senegalSample`).
export type SampleTexts = { fr: string; ar: string; en: string };
export type SampleDomain = {
	/** the seed domain's French title (seed/strategies.ts) */
	domain: string;
	/** the indicators' code prefix, e.g. EX-EDU-1 */
	code: string;
	programme: SampleTexts;
	objectives: SampleTexts[];
	actions: SampleTexts[];
	/** how many actions the programme holds */
	size: number;
	gcm: string[];
	sdg: string[];
};

export const employmentObjectives: SampleTexts[] = [
	{ fr: 'Exemple : orienter les migrants vers l’emploi', ar: 'مثال: توجيه المهاجرين نحو الشغل', en: 'Example: guiding migrants towards work' },
	{ fr: 'Exemple : former aux métiers en tension', ar: 'مثال: التكوين في المهن التي تعرف خصاصا', en: 'Example: training for jobs in short supply' },
	{ fr: 'Exemple : accompagner la création d’entreprise', ar: 'مثال: مواكبة إنشاء المقاولات', en: 'Example: supporting business creation' },
	{ fr: 'Exemple : faire reconnaître les compétences', ar: 'مثال: الاعتراف بالكفاءات', en: 'Example: recognising skills' },
	{ fr: 'Exemple : sensibiliser les employeurs', ar: 'مثال: تحسيس المشغلين', en: 'Example: informing employers' }
];

export const employmentActions: SampleTexts[] = [
	{ fr: 'Atelier d’orientation', ar: 'ورشة توجيه', en: 'Guidance workshop' },
	{ fr: 'Session de formation', ar: 'دورة تكوينية', en: 'Training session' },
	{ fr: 'Permanence d’accueil', ar: 'مداومة للاستقبال', en: 'Drop-in desk' },
	{ fr: 'Forum des employeurs', ar: 'منتدى المشغلين', en: 'Employers’ forum' },
	{ fr: 'Accompagnement individuel', ar: 'مواكبة فردية', en: 'One-to-one support' }
];

/** The eight domains' programmes; employment's keeps the objectives and actions the demo always had. */
export const sampleDomains: SampleDomain[] = [
	{
		domain: 'Éducation',
		code: 'EDU',
		programme: { fr: 'Exemple : programme d’éducation et de formation des migrants 2015–2027', ar: 'مثال: برنامج تربية وتكوين المهاجرين 2015–2027', en: 'Example: education and training programme for migrants 2015–2027' },
		objectives: [
			{ fr: 'Exemple : scolariser les enfants migrants', ar: 'مثال: تمدرس أطفال المهاجرين', en: 'Example: schooling migrant children' },
			{ fr: 'Exemple : enseigner l’arabe et la culture marocaine aux adultes', ar: 'مثال: تعليم اللغة العربية والثقافة المغربية للكبار', en: 'Example: teaching Arabic and Moroccan culture to adults' }
		],
		actions: [
			{ fr: 'Classes de mise à niveau', ar: 'أقسام الدعم والتأهيل', en: 'Catch-up classes' },
			{ fr: 'Cours d’arabe dialectal pour adultes', ar: 'دروس الدارجة للكبار', en: 'Moroccan Arabic classes for adults' },
			{ fr: 'Formation des enseignants à l’accueil', ar: 'تكوين المدرسين في مجال الاستقبال', en: 'Training teachers to welcome pupils' },
			{ fr: 'Bourses et fournitures scolaires', ar: 'منح ولوازم مدرسية', en: 'Grants and school supplies' }
		],
		size: 18,
		gcm: ['15', '16'],
		sdg: ['10.7']
	},
	{
		domain: 'Santé',
		code: 'SAN',
		programme: { fr: 'Exemple : programme d’accès des migrants à la santé 2015–2027', ar: 'مثال: برنامج ولوج المهاجرين إلى الصحة 2015–2027', en: 'Example: migrants’ access to health programme 2015–2027' },
		objectives: [
			{ fr: 'Exemple : ouvrir les soins de santé primaires aux migrants', ar: 'مثال: تيسير ولوج المهاجرين إلى الرعاية الصحية الأولية', en: 'Example: opening primary health care to migrants' },
			{ fr: 'Exemple : prévenir et accompagner en santé mentale', ar: 'مثال: الوقاية والمواكبة في مجال الصحة النفسية', en: 'Example: mental health prevention and support' }
		],
		actions: [
			{ fr: 'Médiateurs de santé dans les centres de soins', ar: 'وسطاء صحيون في المراكز الصحية', en: 'Health mediators in health centres' },
			{ fr: 'Campagne de vaccination', ar: 'حملة تلقيح', en: 'Vaccination campaign' },
			{ fr: 'Cellule d’écoute psychologique', ar: 'خلية للإنصات النفسي', en: 'Psychological support unit' },
			{ fr: 'Formation du personnel soignant', ar: 'تكوين الأطر الصحية', en: 'Training health staff' }
		],
		size: 18,
		gcm: ['15'],
		sdg: ['10.7']
	},
	{
		domain: 'Logement',
		code: 'LOG',
		programme: { fr: 'Exemple : programme d’accès des migrants au logement 2015–2027', ar: 'مثال: برنامج ولوج المهاجرين إلى السكن 2015–2027', en: 'Example: migrants’ access to housing programme 2015–2027' },
		objectives: [
			{ fr: 'Exemple : faciliter l’accès au logement', ar: 'مثال: تيسير الولوج إلى السكن', en: 'Example: easing access to housing' },
			{ fr: 'Exemple : héberger en urgence les personnes vulnérables', ar: 'مثال: الإيواء الاستعجالي للأشخاص في وضعية هشاشة', en: 'Example: emergency shelter for vulnerable people' }
		],
		actions: [
			{ fr: 'Aide au loyer', ar: 'دعم أداء الكراء', en: 'Rent support' },
			{ fr: 'Centre d’hébergement d’urgence', ar: 'مركز للإيواء الاستعجالي', en: 'Emergency shelter' },
			{ fr: 'Intermédiation locative', ar: 'الوساطة في الكراء', en: 'Rental intermediation' },
			{ fr: 'Information sur les droits des locataires', ar: 'الإخبار بحقوق المكترين', en: 'Information on tenants’ rights' }
		],
		size: 12,
		gcm: ['15', '7'],
		sdg: ['10.7']
	},
	{
		domain: 'Protection sociale',
		code: 'PRO',
		programme: { fr: 'Exemple : programme de protection sociale des migrants 2015–2027', ar: 'مثال: برنامج الحماية الاجتماعية للمهاجرين 2015–2027', en: 'Example: social protection programme for migrants 2015–2027' },
		objectives: [
			{ fr: 'Exemple : affilier les migrants à la couverture médicale', ar: 'مثال: انخراط المهاجرين في التغطية الصحية', en: 'Example: enrolling migrants in health insurance' },
			{ fr: 'Exemple : soutenir les familles et les enfants', ar: 'مثال: دعم الأسر والأطفال', en: 'Example: supporting families and children' }
		],
		actions: [
			{ fr: 'Guichet d’affiliation', ar: 'شباك للانخراط', en: 'Enrolment desk' },
			{ fr: 'Aide sociale aux familles', ar: 'مساعدة اجتماعية للأسر', en: 'Social assistance to families' },
			{ fr: 'Accompagnement des mineurs non accompagnés', ar: 'مواكبة القاصرين غير المصحوبين', en: 'Support for unaccompanied minors' },
			{ fr: 'Assistance aux personnes en situation de handicap', ar: 'مساعدة الأشخاص في وضعية إعاقة', en: 'Assistance to people with disabilities' }
		],
		size: 16,
		gcm: ['7', '22'],
		sdg: ['10.7']
	},
	{
		domain: 'Emploi',
		code: 'EMP',
		programme: { fr: 'Exemple : programme régional d’insertion professionnelle des migrants 2015–2027', ar: 'مثال: البرنامج الجهوي للإدماج المهني للمهاجرين 2015–2027', en: 'Example: regional programme for migrants’ access to work 2015–2027' },
		objectives: employmentObjectives,
		actions: employmentActions,
		size: 30,
		gcm: ['6', '16', '18'],
		sdg: ['8.8', '10.7']
	},
	{
		domain: 'Traite des êtres humains',
		code: 'TRA',
		programme: { fr: 'Exemple : programme de lutte contre la traite des êtres humains 2015–2027', ar: 'مثال: برنامج مكافحة الاتجار بالبشر 2015–2027', en: 'Example: programme against trafficking in human beings 2015–2027' },
		objectives: [
			{ fr: 'Exemple : identifier et protéger les victimes', ar: 'مثال: تحديد الضحايا وحمايتهم', en: 'Example: identifying and protecting victims' },
			{ fr: 'Exemple : former les acteurs de la lutte contre la traite', ar: 'مثال: تكوين المتدخلين في مكافحة الاتجار بالبشر', en: 'Example: training those who fight trafficking' }
		],
		actions: [
			{ fr: 'Cellule d’identification des victimes', ar: 'خلية لتحديد الضحايا', en: 'Victim identification unit' },
			{ fr: 'Formation des magistrats et des forces de l’ordre', ar: 'تكوين القضاة والمكلفين بإنفاذ القانون', en: 'Training judges and law enforcement' },
			{ fr: 'Campagne de sensibilisation', ar: 'حملة تحسيسية', en: 'Awareness campaign' },
			{ fr: 'Accueil des victimes dans un centre spécialisé', ar: 'استقبال الضحايا في مركز متخصص', en: 'Victims received in a specialised centre' }
		],
		size: 14,
		gcm: ['10'],
		sdg: ['16.2']
	},
	{
		domain: 'Coopération internationale',
		code: 'COO',
		programme: { fr: 'Exemple : programme de coopération internationale en matière de migration 2015–2027', ar: 'مثال: برنامج التعاون الدولي في مجال الهجرة 2015–2027', en: 'Example: international cooperation programme on migration 2015–2027' },
		objectives: [
			{ fr: 'Exemple : échanger avec les pays partenaires', ar: 'مثال: تبادل الخبرات مع البلدان الشريكة', en: 'Example: exchanges with partner countries' },
			{ fr: 'Exemple : accompagner les retours volontaires', ar: 'مثال: مواكبة العودة الطوعية', en: 'Example: supporting voluntary returns' }
		],
		actions: [
			{ fr: 'Mission d’échange d’expériences', ar: 'بعثة لتبادل التجارب', en: 'Experience-sharing mission' },
			{ fr: 'Aide à la réinsertion des personnes de retour', ar: 'دعم إعادة إدماج العائدين', en: 'Reintegration support for returnees' },
			{ fr: 'Atelier régional de coopération', ar: 'ورشة جهوية للتعاون', en: 'Regional cooperation workshop' },
			{ fr: 'Jumelage entre collectivités', ar: 'توأمة بين الجماعات الترابية', en: 'Twinning of local authorities' }
		],
		size: 20,
		gcm: ['21', '23'],
		sdg: ['10.7', '17.18']
	},
	{
		domain: 'Gouvernance',
		code: 'GOV',
		programme: { fr: 'Exemple : programme de gouvernance et de suivi de la stratégie 2015–2027', ar: 'مثال: برنامج الحكامة وتتبع الاستراتيجية 2015–2027', en: 'Example: governance and monitoring programme of the strategy 2015–2027' },
		objectives: [
			{ fr: 'Exemple : suivre la stratégie en région', ar: 'مثال: تتبع الاستراتيجية على المستوى الجهوي', en: 'Example: monitoring the strategy in the regions' },
			{ fr: 'Exemple : produire des données sur les migrations', ar: 'مثال: إنتاج معطيات حول الهجرة', en: 'Example: producing data on migration' }
		],
		actions: [
			{ fr: 'Comité régional de suivi', ar: 'لجنة جهوية للتتبع', en: 'Regional monitoring committee' },
			{ fr: 'Enquête régionale', ar: 'بحث جهوي', en: 'Regional survey' },
			{ fr: 'Formation des agents des collectivités', ar: 'تكوين أطر الجماعات الترابية', en: 'Training local government staff' },
			{ fr: 'Observatoire régional des migrations', ar: 'مرصد جهوي للهجرة', en: 'Regional migration observatory' }
		],
		size: 22,
		gcm: ['1', '23'],
		sdg: ['17.18', '10.7']
	}
];

/** The sample funding sources (badged with the lines): what each pays and in which currency. */
export const SAMPLE_STATE_BUDGET = 'Exemple : budget de l’État';
export const SAMPLE_EU_BUDGET = 'Exemple : appui budgétaire de l’UE';
export const SAMPLE_REGION_BUDGET = 'Exemple : conseil régional';
export const SAMPLE_DONOR = 'Exemple : bailleur de fonds';

/** The sample action plan of one RECOSA country (Senegal): its texts (fictional, badged). */
export const senegalSample = {
	domain: { fr: 'Exemple : mobilité et diaspora', ar: 'مثال: التنقل والجالية', en: 'Example: mobility and diaspora' },
	programme: { fr: 'Exemple : programme de coopération Sud-Sud 2019–2024', ar: 'مثال: برنامج التعاون جنوب-جنوب 2019–2024', en: 'Example: South–South cooperation programme 2019–2024' },
	objectives: [
		{ fr: 'Exemple : accueillir et orienter les Sénégalais de retour', ar: 'مثال: استقبال وتوجيه السنغاليين العائدين', en: 'Example: welcoming and guiding returning Senegalese' },
		{ fr: 'Exemple : mobiliser la diaspora pour le développement local', ar: 'مثال: تعبئة الجالية من أجل التنمية المحلية', en: 'Example: mobilising the diaspora for local development' }
	],
	actions: [
		{ fr: 'Guichet d’information sur la mobilité', ar: 'شباك للإخبار حول التنقل', en: 'Mobility information desk' },
		{ fr: 'Forum régional de la diaspora', ar: 'منتدى جهوي للجالية', en: 'Regional diaspora forum' },
		{ fr: 'Accompagnement de projets de la diaspora', ar: 'مواكبة مشاريع الجالية', en: 'Support for diaspora projects' }
	]
};
