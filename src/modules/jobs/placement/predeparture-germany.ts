// The real pre-departure pages for Germany (issue 10, item 7): written only from the official public pages
// cited under each, read on 2026-12-07. Where those pages say nothing, the text says so and sends the reader
// to the ANAPEC agency or the orientation session. Latin names inside the Arabic text are isolated from the
// sentence's direction (`isolate`, the plain-text form of <bdi>, as the platform's other content does).
import { isolate } from '../../../platform/i18n/content-language.ts';
import { officialSource, paragraphs } from './predeparture-writing.ts';
import type { PredepartureSubject, RealPredeparturePage } from './predeparture-pages.ts';

const source = (title: string, publisher: string, url: string) => officialSource(title, publisher, url, '2026-12-07');

const makeItContract = source('Work contract', 'Make it in Germany, the Federal Government’s portal for skilled workers', 'https://www.make-it-in-germany.com/en/jobs/work-contract');
const hamburgContract = source('Employment contract', 'Hamburg Welcome Portal, Free and Hanseatic City of Hamburg', 'http://english.welcome.hamburg.de/job-search/4672936/employment-contract/');
const faireIntegration = source('About us', 'Faire Integration, funded by the Federal Ministry of Labour and Social Affairs (BMAS)', 'https://www.faire-integration.de/en/topic/44.about-us.html');
const bmasFaireIntegration = source(
	'Start des Beratungsangebots „Faire Integration“',
	'Bundesministerium für Arbeit und Soziales (BMAS)',
	'https://www.bmas.de/DE/Service/Presse/Meldungen/2026/start-des-beratungsangebots-faire-integration.html'
);
const minimumWage = source('Information about Rights & Duties of Hiring', 'Verwaltungsportal des Bundes (verwaltung.bund.de)', 'https://verwaltung.bund.de/leistungsverzeichnis/en/rechte-und-pflichten/102837994');
const registration = source('Register your place of residence', 'Verwaltungsportal des Bundes (verwaltung.bund.de)', 'https://verwaltung.bund.de/leistungsverzeichnis/en/leistung/RP/8967090');
const insurances = source(
	'Insurances',
	'Gleichbehandlungsstelle EU-Arbeitnehmer (Office for the Equal Treatment of EU Workers)',
	'https://www.eu-gleichbehandlungsstelle.de/eugs-en/eu-citizens/information/first-steps-in-germany/insurances'
);
const agreements = source('Social Security Agreement', 'Deutsche Rentenversicherung', 'https://www.deutsche-rentenversicherung.de/Allgemein/en/Navigation/04_international/sozialversicherungsabkommen_node.html');
const liaisonOffice = source(
	'Office de liaison de l’assurance pensions obligatoire en relation avec le Maroc',
	'Deutsche Rentenversicherung',
	'https://www.deutsche-rentenversicherung.de/DRV/DE/Rente/Ausland/Ansprechpartner-und-Verbindungsstellen/Marokko/Marokko_franz/Marokko_franz_node.html'
);
const refund = source(
	'Beitragserstattung',
	'Deutsche Rentenversicherung',
	'https://www.deutsche-rentenversicherung.de/Allgemein/de/Navigation/2_Rente_Reha/01_Rente/01_allgemeines/05_rente_und_ausland/beitragserstattung_node.html'
);

const FI = isolate('Faire Integration');
const DRV = isolate('Deutsche Rentenversicherung');
const DRV_SCHWABEN = isolate('Deutsche Rentenversicherung Schwaben');
const MAKE_IT = isolate('Make it in Germany');

const p = paragraphs;

export const germanyPages: Record<PredepartureSubject, RealPredeparturePage> = {
	rights: {
		title: { fr: 'Allemagne — Vos droits au travail', ar: 'ألمانيا — حقوقكم في العمل', en: 'Germany — Your rights at work' },
		summary: {
			fr: 'Le salaire minimum légal, les conventions collectives et un conseil gratuit en droit du travail pour les personnes venues de pays hors de l’Union européenne.',
			ar: 'الحد الأدنى القانوني للأجر، والاتفاقيات الجماعية، واستشارة مجانية في قانون الشغل للقادمين من بلدان خارج الاتحاد الأوروبي.',
			en: 'The legal minimum wage, collective agreements and free advice on labour law for people from countries outside the European Union.'
		},
		body: {
			fr: p(
				'En Allemagne, les salariés ont droit au salaire minimum légal prévu par la loi sur le salaire minimum (Mindestlohngesetz). Son montant est révisé à intervalles réguliers ; le montant en vigueur est publié par le ministère fédéral du Travail et des Affaires sociales (BMAS) et par l’administration des douanes, qui contrôle son respect. Une convention collective peut vous donner droit à une rémunération plus élevée.',
				'Le service « Faire Integration », financé par le BMAS, conseille les ressortissants de pays hors de l’Union européenne sur le droit du travail et le droit social liés à leur emploi : salaire, temps de travail, congés, licenciement, assurance maladie. Il aide à se protéger de l’exploitation et des discriminations. Le conseil est gratuit, en plusieurs langues, et s’adresse aussi aux personnes encore à l’étranger qui veulent travailler en Allemagne.',
				'Depuis le 1er janvier 2026, votre employeur en Allemagne doit vous informer de ce service de conseil (article 45c de la loi sur le séjour).'
			),
			ar: p(
				`في ألمانيا، يحق للأجراء الحصول على الحد الأدنى القانوني للأجر المنصوص عليه في قانون الحد الأدنى للأجر (${isolate('Mindestlohngesetz')}). يُراجَع مبلغه على فترات منتظمة، وتنشر المبلغ الجاري به العمل الوزارة الاتحادية للشغل والشؤون الاجتماعية (BMAS) وإدارة الجمارك التي تراقب احترامه. وقد تمنحكم اتفاقية جماعية الحق في أجر أعلى.`,
				`تقدم خدمة ${FI}، التي تمولها الوزارة الاتحادية للشغل والشؤون الاجتماعية، الاستشارة لمواطني البلدان غير الأعضاء في الاتحاد الأوروبي في قانون الشغل والقانون الاجتماعي المرتبطين بعملهم: الأجر، ومدة العمل، والعطل، والفصل من العمل، والتأمين الصحي. وتساعدكم على حماية أنفسكم من الاستغلال والتمييز. الاستشارة مجانية وبعدة لغات، وهي موجهة أيضا إلى من لا يزالون في الخارج ويرغبون في العمل في ألمانيا.`,
				'منذ 1 يناير 2026، يجب على مشغلكم في ألمانيا أن يخبركم بخدمة الاستشارة هذه (المادة 45c من قانون الإقامة).'
			),
			en: p(
				'In Germany, workers are entitled to the legal minimum wage under the Minimum Wage Act (Mindestlohngesetz). Its amount is adjusted at regular intervals; the current amount is published by the Federal Ministry of Labour and Social Affairs (BMAS) and by the customs administration, which monitors compliance. A collective agreement may entitle you to higher pay.',
				'The “Faire Integration” service, funded by the BMAS, advises nationals of countries outside the European Union on labour and social law questions linked to their employment: wages, working time, leave, dismissal, health insurance. It helps people protect themselves from exploitation and discrimination. The advice is free, in several languages, and also open to people still abroad who want to work in Germany.',
				'Since 1 January 2026, your employer in Germany must tell you about this advice service (section 45c of the Residence Act).'
			)
		},
		steps: {
			fr: ['Notez les coordonnées du centre « Faire Integration » du Land où vous travaillerez (page Contacts utiles).', 'Avant le départ, posez vos questions à votre agence ANAPEC ou lors de la séance d’orientation.'],
			ar: [`دونوا عنوان مركز ${FI} في الولاية التي ستعملون فيها (صفحة جهات اتصال مفيدة).`, 'قبل السفر، اطرحوا أسئلتكم على وكالتكم أو خلال جلسة التوجيه.'],
			en: ['Note the contact details of the “Faire Integration” centre of the federal state where you will work (Useful contacts page).', 'Before you leave, ask your ANAPEC agency or at the orientation session.']
		},
		sources: [minimumWage, faireIntegration, bmasFaireIntegration]
	},
	contract: {
		title: { fr: 'Allemagne — Le contrat de travail', ar: 'ألمانيا — عقد العمل', en: 'Germany — The work contract' },
		summary: {
			fr: 'Un contrat écrit, lu en entier avant de signer : ce qu’il doit contenir.',
			ar: 'عقد مكتوب تقرؤونه كاملا قبل التوقيع: ما يجب أن يتضمنه.',
			en: 'A written contract, read in full before signing: what it must contain.'
		},
		body: {
			fr: p(
				'En Allemagne, un employeur sérieux vous envoie un contrat de travail écrit ; un contrat seulement oral est inhabituel. Lisez-le en entier avant de le signer et demandez au service du personnel de l’entreprise ce que vous ne comprenez pas.',
				'Le contrat doit indiquer : les noms et adresses de l’entreprise et du salarié ; la date de début ; sa durée s’il est à durée déterminée (elle doit être convenue par écrit, sinon le contrat est réputé à durée indéterminée) ; la période d’essai ; le lieu de travail ; vos tâches ; la rémunération, les primes éventuelles et la date de paie ; le temps de travail ; les jours de congé ; le délai de préavis ; les conventions collectives ou accords d’entreprise qui s’appliquent.',
				'Le montant inscrit est en général le salaire brut : l’impôt et les cotisations sociales en sont déduits.'
			),
			ar: p(
				'في ألمانيا، يرسل إليكم المشغل الجاد عقد عمل مكتوبا، والعقد الشفوي وحده أمر غير معتاد. اقرؤوا العقد كاملا قبل توقيعه، واسألوا مصلحة الموارد البشرية في المقاولة عما لا تفهمونه.',
				'يجب أن يتضمن العقد: اسمي وعنواني المقاولة والأجير؛ تاريخ البدء؛ مدته إن كان محدد المدة (يجب الاتفاق عليها كتابة، وإلا اعتُبر العقد غير محدد المدة)؛ فترة التجربة؛ مكان العمل؛ مهامكم؛ الأجر والمكافآت المحتملة وتاريخ الأداء؛ مدة العمل؛ أيام العطلة؛ أجل الإشعار بإنهاء العقد؛ الاتفاقيات الجماعية أو اتفاقات المقاولة المطبقة.',
				'المبلغ المكتوب في العقد هو عادة الأجر الإجمالي: تُقتطع منه الضريبة والاشتراكات الاجتماعية.'
			),
			en: p(
				'In Germany, a serious employer sends you a written work contract; a purely oral contract is unusual. Read it in full before signing and ask the company’s personnel department about anything you do not understand.',
				'The contract should state: the names and addresses of the company and the employee; the start date; its term if it is fixed-term (the term must be agreed in writing, otherwise the contract counts as open-ended); the trial period; the place of work; your tasks; the pay, any bonuses and when it is paid; the working hours; the days of leave; the notice period; the collective or works agreements that apply.',
				'The amount stated is usually the gross pay: tax and social contributions are deducted from it.'
			)
		},
		steps: {
			fr: ['Demandez le contrat écrit avant le départ.', 'Vérifiez chacun des points ci-dessus.', 'Posez vos questions à l’employeur, à votre agence ANAPEC ou au service « Faire Integration », qui conseille aussi avant le départ.'],
			ar: ['اطلبوا العقد المكتوب قبل السفر.', 'تحققوا من كل نقطة من النقط أعلاه.', `اطرحوا أسئلتكم على المشغل أو على وكالتكم أو على خدمة ${FI} التي تقدم الاستشارة أيضا قبل السفر.`],
			en: ['Ask for the written contract before you leave.', 'Check each of the points above.', 'Ask the employer, your ANAPEC agency or the “Faire Integration” service, which also advises before departure.']
		},
		sources: [makeItContract, hamburgContract, bmasFaireIntegration]
	},
	social_security: {
		title: { fr: 'Allemagne — La sécurité sociale', ar: 'ألمانيا — الضمان الاجتماعي', en: 'Germany — Social security' },
		summary: {
			fr: 'Les assurances obligatoires quand vous travaillez en Allemagne, et la convention de sécurité sociale entre l’Allemagne et le Maroc.',
			ar: 'التأمينات الإجبارية عندما تعملون في ألمانيا، واتفاقية الضمان الاجتماعي بين ألمانيا والمغرب.',
			en: 'The compulsory insurances when you work in Germany, and the social security agreement between Germany and Morocco.'
		},
		body: {
			fr: p(
				'Si vous occupez en Allemagne un emploi soumis aux cotisations sociales, vous êtes en principe membre des assurances obligatoires : maladie, dépendance, accidents du travail, chômage et retraite. Leur coût est un pourcentage fixe de votre revenu : vous en payez une partie, votre employeur l’autre, et votre part est retenue directement sur votre salaire. Votre employeur doit vous déclarer à la sécurité sociale.',
				'L’Allemagne et le Maroc sont liés par une convention de sécurité sociale : l’assurance retraite allemande (Deutsche Rentenversicherung) cite le Maroc parmi les pays avec lesquels l’Allemagne en a une, avec la date du 1er août 1986. Ces conventions règlent l’acquisition des droits à la retraite et le versement des pensions dans les pays concernés.',
				'Pour le Maroc, l’organisme de liaison de l’assurance retraite allemande est la Deutsche Rentenversicherung Schwaben, à Augsbourg. Elle est votre interlocutrice notamment si vous êtes de nationalité marocaine et avez des périodes d’assurance au Maroc, ou si vous résidez au Maroc.'
			),
			ar: p(
				'إذا كنتم تشغلون في ألمانيا عملا خاضعا للاشتراكات الاجتماعية، فأنتم مبدئيا منخرطون في التأمينات الإجبارية: المرض، والرعاية طويلة الأمد، وحوادث الشغل، والبطالة، والتقاعد. كلفتها نسبة ثابتة من دخلكم: تؤدون جزءا منها ويؤدي مشغلكم الجزء الآخر، ويُقتطع جزؤكم مباشرة من أجركم. ويجب على مشغلكم أن يصرح بكم لدى الضمان الاجتماعي.',
				`ترتبط ألمانيا والمغرب باتفاقية للضمان الاجتماعي: يذكر صندوق التقاعد الألماني (${DRV}) المغرب ضمن البلدان التي لألمانيا معها اتفاقية، بتاريخ 1 غشت 1986. وتنظم هذه الاتفاقيات اكتساب الحقوق في التقاعد وأداء المعاشات في البلدان المعنية.`,
				`بالنسبة للمغرب، هيئة الاتصال لدى صندوق التقاعد الألماني هي ${DRV_SCHWABEN} في مدينة أوغسبورغ. وهي الجهة التي تخاطبونها خصوصا إذا كنتم تحملون الجنسية المغربية ولكم فترات تأمين في المغرب، أو إذا كنتم مقيمين في المغرب.`
			),
			en: p(
				'If you hold a job in Germany subject to social insurance contributions, you are normally a member of the compulsory insurances: health, long-term care, accident, unemployment and pension. They cost a fixed percentage of your income: you pay part, your employer the rest, and your part is deducted directly from your wages. Your employer must register you for social security.',
				'Germany and Morocco are bound by a social security agreement: the German pension insurance (Deutsche Rentenversicherung) lists Morocco among the countries with which Germany has one, with the date 1 August 1986. These agreements regulate the acquisition of pension rights and the payment of pensions in the countries concerned.',
				'For Morocco, the liaison office of the German pension insurance is the Deutsche Rentenversicherung Schwaben, in Augsburg. It is one of the offices to turn to in particular if you are a Moroccan national with insurance periods in Morocco, or if you live in Morocco.'
			)
		},
		steps: {
			fr: ['Vérifiez sur votre première fiche de paie les cotisations retenues.', 'Gardez vos fiches de paie : elles prouvent vos périodes d’assurance.'],
			ar: ['تحققوا في أول ورقة أداء من الاشتراكات المقتطعة.', 'احتفظوا بأوراق الأداء: فهي تثبت فترات تأمينكم.'],
			en: ['Check the contributions deducted on your first payslip.', 'Keep your payslips: they show your insurance periods.']
		},
		sources: [insurances, agreements, liaisonOffice]
	},
	living: {
		title: { fr: 'Allemagne — Vivre sur place', ar: 'ألمانيا — الحياة هناك', en: 'Germany — Living there' },
		summary: {
			fr: 'Se déclarer à la commune dans les deux semaines qui suivent l’emménagement, avec les documents demandés.',
			ar: 'التسجيل لدى الجماعة خلال الأسبوعين المواليين للانتقال إلى السكن، مع الوثائق المطلوبة.',
			en: 'Registering with the municipality within two weeks of moving in, with the documents asked for.'
		},
		body: {
			fr: p(
				'Quand vous emménagez dans un logement, vous devez vous déclarer au bureau d’enregistrement des habitants (Meldebehörde) de votre commune dans les deux semaines. Apportez votre passeport avec votre titre de séjour ou votre visa, et l’attestation d’emménagement remplie par votre bailleur. Si vous venez de l’étranger, on peut vous demander votre acte de mariage ou l’acte de naissance de vos enfants, avec une traduction par un traducteur agréé ; l’acte et la traduction sont présentés en original.',
				'Se déclarer à temps évite des difficultés, par exemple pour obtenir un permis de conduire ou un certificat de bonne conduite.',
				'L’assurance maladie est traitée à la page « La sécurité sociale ». Sur le logement, son coût et la vie quotidienne, les sources officielles consultées ne disent rien de propre à votre départ : demandez à votre agence ANAPEC ou lors de la séance d’orientation avant le départ.'
			),
			ar: p(
				`عندما تنتقلون إلى سكن، يجب أن تسجلوا أنفسكم لدى مكتب تسجيل السكان (${isolate('Meldebehörde')}) في جماعتكم خلال أسبوعين. أحضروا جواز سفركم مع سند إقامتكم أو تأشيرتكم، وشهادة الانتقال إلى السكن التي يملؤها المؤجر. إذا كنتم قادمين من الخارج، قد يُطلب منكم عقد الزواج أو عقود ازدياد أطفالكم مع ترجمة من مترجم معتمد، وتُقدَّم الوثيقة والترجمة في أصلهما.`,
				'التسجيل في الأجل يجنبكم صعوبات، مثلا عند الحصول على رخصة السياقة أو على شهادة حسن السيرة.',
				'التأمين الصحي مشروح في صفحة «الضمان الاجتماعي». أما السكن وكلفته والحياة اليومية، فلا تذكر المصادر الرسمية التي رجعنا إليها شيئا خاصا بسفركم: اسألوا وكالتكم أو خلال جلسة التوجيه قبل السفر.'
			),
			en: p(
				'When you move into a home, you must register with the residents’ registration office (Meldebehörde) of your municipality within two weeks. Bring your passport with your residence permit or visa, and the confirmation of moving in filled in by your landlord. If you move from abroad, you may be asked for your marriage certificate or your children’s birth certificates, with a translation by a state-approved translator; certificate and translation are shown in the original.',
				'Registering on time saves trouble, for example when getting a driving licence or a certificate of good conduct.',
				'Health insurance is covered on the “Social security” page. On housing, its cost and daily life, the official sources consulted say nothing specific to your departure: ask your ANAPEC agency or at the orientation session before you leave.'
			)
		},
		steps: {
			fr: ['Demandez à votre bailleur l’attestation d’emménagement.', 'Déclarez-vous à la commune dans les deux semaines.', 'Emportez les originaux de vos actes d’état civil et leur traduction par un traducteur agréé.'],
			ar: ['اطلبوا من المؤجر شهادة الانتقال إلى السكن.', 'سجلوا أنفسكم لدى الجماعة خلال أسبوعين.', 'خذوا معكم أصول وثائق الحالة المدنية وترجمتها من مترجم معتمد.'],
			en: ['Ask your landlord for the confirmation of moving in.', 'Register with the municipality within two weeks.', 'Take the originals of your civil status certificates and their translation by a state-approved translator.']
		},
		sources: [registration]
	},
	contacts: {
		title: { fr: 'Allemagne — Contacts utiles', ar: 'ألمانيا — جهات اتصال مفيدة', en: 'Germany — Useful contacts' },
		summary: {
			fr: 'Le conseil en droit du travail, l’assurance retraite pour le Maroc, la commune, le portail officiel et votre agence.',
			ar: 'الاستشارة في قانون الشغل، وصندوق التقاعد بالنسبة للمغرب، والجماعة، والبوابة الرسمية، ووكالتكم.',
			en: 'Labour law advice, the pension insurance for Morocco, the municipality, the official portal and your agency.'
		},
		body: {
			fr: p(
				'Faire Integration : un centre de conseil dans chaque Land, gratuit et en plusieurs langues, sur le droit du travail et le droit social (faire-integration.de). Il répond aussi aux personnes encore à l’étranger.',
				'Deutsche Rentenversicherung Schwaben, organisme de liaison pour le Maroc : Dieselstraße 9, 86154 Augsburg. La Deutsche Rentenversicherung Bund (Ruhrstraße 2, 10709 Berlin) et la Deutsche Rentenversicherung Knappschaft-Bahn-See (Pieperstraße 14-28, 44789 Bochum) sont aussi organismes de liaison pour le Maroc.',
				'Le bureau d’enregistrement des habitants (Meldebehörde) de votre commune, pour la déclaration d’adresse.',
				'Make it in Germany, le portail du gouvernement fédéral pour les travailleurs qualifiés (make-it-in-germany.com).',
				'Votre agence ANAPEC, avant le départ et pour toute question que ces pages ne traitent pas.'
			),
			ar: p(
				`${FI}: مركز استشارة في كل ولاية، مجاني وبعدة لغات، في قانون الشغل والقانون الاجتماعي (faire-integration.de). ويجيب أيضا من لا يزالون في الخارج.`,
				`${DRV_SCHWABEN}، هيئة الاتصال بالنسبة للمغرب: ${isolate('Dieselstraße 9, 86154 Augsburg')}. كما أن ${isolate('Deutsche Rentenversicherung Bund')} (${isolate('Ruhrstraße 2, 10709 Berlin')}) و${isolate('Deutsche Rentenversicherung Knappschaft-Bahn-See')} (${isolate('Pieperstraße 14-28, 44789 Bochum')}) هيئتا اتصال بالنسبة للمغرب أيضا.`,
				`مكتب تسجيل السكان (${isolate('Meldebehörde')}) في جماعتكم، للتصريح بالعنوان.`,
				`${MAKE_IT}، بوابة الحكومة الاتحادية للعمال المؤهلين (make-it-in-germany.com).`,
				'وكالتكم، قبل السفر ولكل سؤال لا تتناوله هذه الصفحات.'
			),
			en: p(
				'Faire Integration: an advice centre in each federal state, free and in several languages, on labour and social law (faire-integration.de). It also answers people still abroad.',
				'Deutsche Rentenversicherung Schwaben, liaison office for Morocco: Dieselstraße 9, 86154 Augsburg. The Deutsche Rentenversicherung Bund (Ruhrstraße 2, 10709 Berlin) and the Deutsche Rentenversicherung Knappschaft-Bahn-See (Pieperstraße 14-28, 44789 Bochum) are also liaison offices for Morocco.',
				'The residents’ registration office (Meldebehörde) of your municipality, to register your address.',
				'Make it in Germany, the Federal Government’s portal for skilled workers (make-it-in-germany.com).',
				'Your ANAPEC agency, before you leave and for any question these pages do not cover.'
			)
		},
		steps: {},
		sources: [faireIntegration, bmasFaireIntegration, liaisonOffice, registration, makeItContract]
	},
	return: {
		title: { fr: 'Allemagne — Le retour', ar: 'ألمانيا — العودة', en: 'Germany — The return' },
		summary: {
			fr: 'Ce que disent les sources sur vos droits à la retraite et le remboursement des cotisations ; le reste, auprès de votre agence.',
			ar: 'ما تقوله المصادر عن حقوقكم في التقاعد واسترجاع الاشتراكات؛ والباقي لدى وكالتكم.',
			en: 'What the sources say about your pension rights and the refund of contributions; the rest, with your agency.'
		},
		body: {
			fr: p(
				'Les sources officielles consultées ne disent rien du voyage de retour, de la fin d’un contrat saisonnier ni d’une nouvelle saison : ces points dépendent de votre contrat et de l’accord de placement. Demandez à votre agence ANAPEC ou lors de la séance d’orientation avant le départ.',
				'La convention de sécurité sociale entre l’Allemagne et le Maroc règle l’acquisition des droits à la retraite et le versement des pensions dans les deux pays.',
				'Le remboursement des cotisations de retraite, selon la Deutsche Rentenversicherung, ne se fait que sur demande, quand vous n’êtes plus assuré obligatoirement, que vous ne pouvez pas vous assurer volontairement et que 24 mois calendaires se sont écoulés depuis la fin de l’assurance obligatoire. Pour les ressortissants d’un pays lié à l’Allemagne par une convention, comme le Maroc, cela dépend des règles de la convention. En règle générale, seule la part payée par le salarié est remboursée. Renseignez-vous auprès de l’organisme de liaison avant toute demande.'
			),
			ar: p(
				'لا تذكر المصادر الرسمية التي رجعنا إليها شيئا عن سفر العودة، ولا عن نهاية عقد موسمي أو موسم جديد: فهذه النقط رهينة بعقدكم وباتفاقية التشغيل. اسألوا وكالتكم أو خلال جلسة التوجيه قبل السفر.',
				'تنظم اتفاقية الضمان الاجتماعي بين ألمانيا والمغرب اكتساب الحقوق في التقاعد وأداء المعاشات في البلدين.',
				`حسب ${DRV}، لا يتم استرجاع اشتراكات التقاعد إلا بطلب، عندما لا تكونون مؤمَّنين إجباريا، ولا يمكنكم التأمين الاختياري، وتكون قد مضت 24 شهرا كاملة منذ نهاية التأمين الإجباري. وبالنسبة لمواطني بلد تربطه بألمانيا اتفاقية، مثل المغرب، فالأمر رهين بأحكام الاتفاقية. وكقاعدة عامة، لا يُسترجع إلا الجزء الذي أداه الأجير. استعلموا لدى هيئة الاتصال قبل أي طلب.`
			),
			en: p(
				'The official sources consulted say nothing about the journey home, the end of a seasonal contract or a new season: these depend on your contract and the placement agreement. Ask your ANAPEC agency or at the orientation session before you leave.',
				'The social security agreement between Germany and Morocco regulates the acquisition of pension rights and the payment of pensions in both countries.',
				'A refund of pension contributions, according to the Deutsche Rentenversicherung, is made only on application, when you are no longer compulsorily insured, cannot insure yourself voluntarily and 24 calendar months have passed since compulsory insurance ended. For nationals of a country with an agreement with Germany, such as Morocco, it depends on the agreement’s rules. As a rule, only the part the employee paid is refunded. Ask the liaison office before applying.'
			)
		},
		steps: {
			fr: ['Gardez votre contrat, vos fiches de paie et vos attestations d’assurance en rentrant.', 'Pour votre retraite, adressez-vous à la Deutsche Rentenversicherung Schwaben (page Contacts utiles).'],
			ar: ['احتفظوا بعقدكم وأوراق الأداء وشهادات التأمين عند العودة.', `بخصوص تقاعدكم، توجهوا إلى ${DRV_SCHWABEN} (صفحة جهات اتصال مفيدة).`],
			en: ['Keep your contract, payslips and insurance certificates when you come home.', 'For your pension, contact the Deutsche Rentenversicherung Schwaben (Useful contacts page).']
		},
		sources: [agreements, refund, liaisonOffice]
	}
};
