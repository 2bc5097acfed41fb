// The real pre-departure pages for Spain (issue 10, item 7), for Moroccan workers leaving with ANAPEC — above
// all seasonal workers recruited in Morocco under Spain's collective management of hiring in countries of origin
// (GECCO) — written only from the official texts cited under each, read on 2026-12-07: the Spanish regulation on
// foreigners (its seasonal and GECCO titles), the GECCO order for 2026, the 2026 minimum wage decree and the
// Spain–Morocco social security convention with its administrative agreement, all in the Boletín Oficial del
// Estado (the consolidated BOE texts read as republished from the BOE's open data, the agreement on boe.es), the
// Spanish Social Security's page on the convention and the Moroccan employment ministry's page on its social
// security conventions. Where they say nothing (amounts of the IPREM, addresses, daily life, money sent home), the
// text says so and sends the reader to the ANAPEC agency or the orientation session. Latin names inside the Arabic
// text are isolated from the sentence's direction with `isolate`, as Germany's pages do.
import { isolate } from '../../../platform/i18n/content-language.ts';
import { officialSource, paragraphs } from './predeparture-writing.ts';
import type { PredepartureSubject, RealPredeparturePage } from './predeparture-pages.ts';

const source = (title: string, publisher: string, url: string) => officialSource(title, publisher, url, '2026-12-07');

const regulation = source(
	'Real Decreto 1155/2024, de 19 de noviembre, por el que se aprueba el Reglamento de la Ley Orgánica 4/2000 (títulos V y VI: actividades de temporada y gestión colectiva de contrataciones en origen)',
	'Boletín Oficial del Estado (BOE), texto consolidado',
	'https://www.boe.es/buscar/act.php?id=BOE-A-2024-24099'
);
const gecco2026 = source(
	'Orden ISM/1547/2025, de 23 de diciembre, por la que se regula la gestión colectiva de contrataciones en origen para 2026',
	'Boletín Oficial del Estado (BOE), Ministerio de Inclusión, Seguridad Social y Migraciones',
	'https://www.boe.es/buscar/doc.php?id=BOE-A-2025-27014'
);
const minimumWage = source(
	'Real Decreto 126/2026, de 18 de febrero, por el que se fija el salario mínimo interprofesional para 2026',
	'Boletín Oficial del Estado (BOE), Ministerio de Trabajo y Economía Social',
	'https://www.boe.es/buscar/act.php?id=BOE-A-2026-3815'
);
const convention = source(
	'Convenio sobre Seguridad Social entre España y el Reino de Marruecos, firmado en Madrid el 8 de noviembre de 1979',
	'Boletín Oficial del Estado (BOE), texto consolidado',
	'https://www.boe.es/buscar/act.php?id=BOE-A-1982-26519'
);
const administrativeAgreement = source(
	'Acuerdo Administrativo del Convenio sobre Seguridad Social entre España y el Reino de Marruecos, hecho en Rabat el 8 de febrero de 1984',
	'Boletín Oficial del Estado (BOE)',
	'https://boe.es/eli/es/ai/1984/02/08/(1)'
);
const benefitClaims = source(
	'Maroc — convention bilatérale de sécurité sociale : demande de prestations',
	'Seguridad Social, Gobierno de España (seg-social.es)',
	'https://www.seg-social.es/wps/portal/wss/internet/InformacionUtil/32078/32253/1420/1426/?changeLanguage=fr'
);
const moroccanConventions = source(
	'Social security of the MRA',
	'Ministère de l’Inclusion économique, de la Petite entreprise, de l’Emploi et des Compétences (Maroc)',
	'https://miepeec.gov.ma/mtip-espace-protection-sociale/social-cover-non-salaried-workers-foreigners-in-morocco-and-mra/social-security-of-the-mra/?lang=en'
);

const INSPECTION = isolate('Inspección de Trabajo y Seguridad Social');
const FIJO_DISCONTINUO = isolate('fijo-discontinuo');
const DOCUMENTATION_UNIT = isolate('Unidad de Documentación');

const p = paragraphs;

export const spainPages: Record<PredepartureSubject, RealPredeparturePage> = {
	rights: {
		title: { fr: 'Espagne — Vos droits au travail', ar: 'إسبانيا — حقوقكم في العمل', en: 'Spain — Your rights at work' },
		summary: {
			fr: 'Une sélection gratuite, l’égalité de traitement, le salaire minimum de 2026, une information dans une langue que vous comprenez, et l’Inspection du travail qui contrôle.',
			ar: 'انتقاء مجاني، ومساواة في المعاملة، والحد الأدنى للأجر لسنة 2026، ومعلومات بلغة تفهمونها، ومفتشية للشغل تراقب احترام حقوقكم.',
			en: 'Free selection, equal treatment, the 2026 minimum wage, information in a language you understand, and the Labour Inspectorate that checks.'
		},
		body: {
			fr: p(
				'Les travailleurs saisonniers marocains partent en Espagne par la gestion collective des embauches dans le pays d’origine (GECCO). Ses règles sont dans le règlement espagnol des étrangers (Real Decreto 1155/2024), en vigueur depuis le 20 mai 2025, et dans l’arrêté ISM/1547/2025 du ministère espagnol de l’Inclusion, de la Sécurité sociale et des Migrations. Cet arrêté vaut jusqu’au 31 décembre 2026 : pour une saison suivante, demandez à votre agence ANAPEC les règles de la nouvelle année.',
				'La sélection est gratuite. Ni les autorités ni aucun intermédiaire ne peuvent vous demander de l’argent pour y participer.',
				'En Espagne, vous avez droit au même traitement que les travailleurs espagnols. L’Inspection du travail et de la sécurité sociale (Inspección de Trabajo y Seguridad Social) contrôle que l’employeur respecte vos garanties.',
				'Salaire minimum : le Real Decreto 126/2026 du 18 février 2026 fixe le salaire minimum interprofessionnel à 40,70 euros par jour ou 1 221 euros par mois, pour la durée légale du travail, du 1er janvier au 31 décembre 2026. À temps partiel, il est payé au prorata. Seul l’argent compte : le logement ou un autre avantage en nature ne peut pas le réduire. Une convention collective ou votre contrat peut prévoir plus.',
				'Information : avant la signature du contrat, l’employeur doit vous expliquer clairement, dans une langue que vous comprenez, vos garanties, vos droits, vos obligations et les conditions de travail et de salaire. Il désigne une personne ou un service de contact, joignable dès la sélection au Maroc et pendant tout le contrat. Quand l’autorisation est délivrée, vous recevez par écrit vos droits et obligations, avec les moyens de porter plainte, dans une langue que vous comprenez. Un paquet d’orientation et d’information (POI) est aussi donné au Maroc et en Espagne.',
				'L’employeur doit appliquer les plans et protocoles obligatoires sur l’égalité et contre le harcèlement sexuel et le harcèlement lié au sexe au travail.',
				'Si l’employeur manque gravement à ses obligations, un changement d’employeur peut être autorisé. Si votre autorisation prend fin à cause de l’employeur, il doit vous verser une compensation.'
			),
			ar: p(
				'يسافر العمال الموسميون المغاربة إلى إسبانيا في إطار التدبير الجماعي للتشغيل في بلد الأصل (GECCO). وقواعده واردة في نظام الأجانب الإسباني الصادر بالمرسوم الملكي 1155/2024، الجاري به العمل منذ 20 ماي 2025، وفي القرار الوزاري ISM/1547/2025 الصادر عن وزارة الإدماج والضمان الاجتماعي والهجرة الإسبانية. ويسري هذا القرار إلى غاية 31 دجنبر 2026: بالنسبة لموسم لاحق، اسألوا وكالتكم عن قواعد السنة الجديدة.',
				'الانتقاء مجاني. لا يحق للسلطات ولا لأي وسيط أن يطلب منكم مالا مقابل المشاركة فيه.',
				`في إسبانيا، لكم الحق في معاملة مساوية لمعاملة العمال الإسبان. وتراقب مفتشية الشغل والضمان الاجتماعي (${INSPECTION}) احترام المشغل للضمانات المخولة لكم.`,
				'الحد الأدنى للأجر: حدد المرسوم الملكي 126/2026 المؤرخ في 18 فبراير 2026 الحد الأدنى للأجر المشترك بين المهن في 40,70 يورو في اليوم أو 1221 يورو في الشهر، عن مدة العمل القانونية، من 1 يناير إلى 31 دجنبر 2026. وفي العمل بدوام جزئي يُؤدى بالتناسب. ولا يُحتسب فيه إلا الأجر النقدي: لا يجوز أن يُنقص منه السكن أو أي امتياز عيني آخر. وقد تمنحكم اتفاقية جماعية أو عقدكم أجرا أعلى.',
				'الإعلام: قبل توقيع العقد، يجب على المشغل أن يشرح لكم بوضوح، بلغة تفهمونها، ضماناتكم وحقوقكم والتزاماتكم وشروط العمل والأجر. ويعين شخصا أو مصلحة للتواصل، يمكنكم الاتصال بها منذ الانتقاء في المغرب وطوال مدة العقد. وعند منح الرخصة، تتسلمون كتابة حقوقكم والتزاماتكم وطرق تقديم الشكاية، بلغة تفهمونها. كما تُقدم حزمة للتوجيه والإعلام (POI) في المغرب وفي إسبانيا.',
				'يجب على المشغل أن يطبق الخطط والبروتوكولات الإلزامية المتعلقة بالمساواة وبالوقاية من التحرش الجنسي والتحرش بسبب الجنس في العمل.',
				'إذا أخل المشغل إخلالا جسيما بالتزاماته، يمكن الترخيص بتغيير المشغل. وإذا انتهت رخصتكم بسبب المشغل، وجب عليه أن يؤدي لكم تعويضا.'
			),
			en: p(
				'Moroccan seasonal workers go to Spain through the collective management of hiring in countries of origin (GECCO). Its rules are in the Spanish regulation on foreigners (Real Decreto 1155/2024), in force since 20 May 2025, and in order ISM/1547/2025 of the Spanish Ministry of Inclusion, Social Security and Migration. That order applies until 31 December 2026: for a later season, ask your ANAPEC agency for the new year’s rules.',
				'Selection is free. Neither the authorities nor any intermediary may ask you for money to take part in it.',
				'In Spain, you are entitled to the same treatment as Spanish workers. The Labour and Social Security Inspectorate (Inspección de Trabajo y Seguridad Social) checks that the employer respects your guarantees.',
				'Minimum wage: Real Decreto 126/2026 of 18 February 2026 sets the inter-professional minimum wage at 40.70 euros a day or 1,221 euros a month, for the legal working time, from 1 January to 31 December 2026. Part-time work is paid pro rata. Only money counts: housing or another benefit in kind cannot reduce it. A collective agreement or your contract may give more.',
				'Information: before you sign the contract, the employer must explain clearly, in a language you understand, your guarantees, rights and obligations and the working and pay conditions. The employer names a contact person or service, reachable from your selection in Morocco and throughout the contract. When the authorisation is issued, you receive your rights and obligations in writing, with the ways to complain, in a language you understand. An orientation and information package (POI) is also given in Morocco and in Spain.',
				'The employer must apply the compulsory plans and protocols on equality and against sexual harassment and sex-based harassment at work.',
				'If the employer seriously fails in its obligations, a change of employer can be authorised. If your authorisation ends because of the employer, the employer must pay you compensation.'
			)
		},
		steps: {
			fr: [
				'Ne payez jamais personne pour votre sélection : elle est gratuite.',
				'Notez le nom et le contact de la personne ou du service de référence de votre employeur.',
				'Gardez les documents écrits sur vos droits qu’on vous remet.',
				'Pour toute question, demandez à votre agence ANAPEC ou lors de la séance d’orientation avant le départ.'
			],
			ar: [
				'لا تدفعوا أي مال لأي أحد من أجل انتقائكم: الانتقاء مجاني.',
				'دونوا اسم الشخص أو المصلحة المرجعية لدى مشغلكم ووسيلة الاتصال بها.',
				'احتفظوا بالوثائق المكتوبة عن حقوقكم التي تُسلم لكم.',
				'لكل سؤال، توجهوا إلى وكالتكم أو اسألوا خلال جلسة التوجيه قبل السفر.'
			],
			en: [
				'Never pay anyone for your selection: it is free.',
				'Note the name and contact of your employer’s reference person or service.',
				'Keep the written documents about your rights that you are given.',
				'For any question, ask your ANAPEC agency or at the orientation session before you leave.'
			]
		},
		sources: [regulation, gecco2026, minimumWage]
	},
	contract: {
		title: { fr: 'Espagne — Le contrat de travail', ar: 'إسبانيا — عقد العمل', en: 'Spain — The work contract' },
		summary: {
			fr: 'Un contrat écrit, signé avant l’entrée en Espagne, traduit dans une langue que vous comprenez : ce qu’il doit contenir.',
			ar: 'عقد مكتوب، يوقع قبل الدخول إلى إسبانيا، ومترجم إلى لغة تفهمونها: ما يجب أن يتضمنه.',
			en: 'A written contract, signed before you enter Spain, translated into a language you understand: what it must contain.'
		},
		body: {
			fr: p(
				'Pour le travail saisonnier (migration circulaire), vous signez un contrat « fijo-discontinuo » : un contrat pour des travaux de saison, auquel s’appliquent en général les règles des contrats à durée indéterminée. L’autorisation de séjour et de travail dure quatre ans. Elle permet de travailler au plus neuf mois par année civile. Chaque année suivante, si les conditions sont remplies, l’employeur doit vous rappeler dans le cadre de ce contrat.',
				'Le contrat est écrit. Vous le signez avant d’entrer en Espagne. Il reprend les mêmes conditions que l’offre d’emploi. Avant la signature, l’employeur doit vous remettre une copie traduite dans une langue que vous comprenez.',
				'Le contrat doit indiquer au moins : le lieu et le type de travail ; la campagne, sa durée et les dates prévues de début et de fin ; le temps de travail et les horaires ; le salaire. L’offre d’emploi doit aussi préciser la rémunération, les heures par semaine ou par mois, les congés payés et la forme de paiement ; elle ne peut pas seulement renvoyer à la convention collective. Si le contrat est à temps partiel, il doit dire le nombre d’heures ; sinon, il est présumé à temps plein.',
				'L’employeur doit maintenir l’activité pendant tout le contrat. Dans l’agriculture, elle ne doit pas être inférieure à 85 % du temps de travail habituel du secteur.',
				'Pour un emploi stable (migration stable, par exemple un emploi qualifié), l’autorisation initiale de séjour et de travail est aussi demandée de façon collective, et vous recevez une copie traduite du contrat avant de le signer.'
			),
			ar: p(
				`بالنسبة للعمل الموسمي (الهجرة الدائرية)، توقعون عقدا ثابتا متقطعا (${FIJO_DISCONTINUO}): عقد لأعمال الموسم، تطبق عليه عموما قواعد العقود غير محددة المدة. ومدة رخصة الإقامة والعمل أربع سنوات، وتسمح بالعمل تسعة أشهر على الأكثر في كل سنة ميلادية. وفي كل سنة موالية، إذا توفرت الشروط، يجب على المشغل أن يستدعيكم من جديد في إطار هذا العقد.`,
				'العقد مكتوب، وتوقعونه قبل دخولكم إلى إسبانيا، ويتضمن الشروط نفسها الواردة في عرض الشغل. وقبل التوقيع، يجب على المشغل أن يسلمكم نسخة مترجمة إلى لغة تفهمونها.',
				'يجب أن يتضمن العقد على الأقل: مكان العمل ونوعه؛ والموسم ومدته وتاريخي البدء والانتهاء المتوقعين؛ ومدة العمل وتوزيع ساعاته؛ والأجر. ويجب أن يحدد عرض الشغل أيضا الأجر، وساعات العمل في الأسبوع أو الشهر، والعطل المؤدى عنها، وطريقة الأداء، ولا تكفي فيه الإحالة على الاتفاقية الجماعية. وإذا كان العقد بدوام جزئي، وجب أن يذكر عدد الساعات، وإلا اعتُبر بدوام كامل.',
				'يجب على المشغل أن يضمن استمرار العمل طوال مدة العقد. وفي الفلاحة، لا يجوز أن يقل عن 85 في المائة من وقت العمل المعتاد في القطاع.',
				'بالنسبة لمنصب شغل مستقر (الهجرة المستقرة، مثل منصب مؤهل)، تُطلب رخصة الإقامة والعمل الأولية أيضا بشكل جماعي، وتتسلمون نسخة مترجمة من العقد قبل توقيعه.'
			),
			en: p(
				'For seasonal work (circular migration), you sign a “fijo-discontinuo” contract: a contract for seasonal work, to which the rules of open-ended contracts generally apply. The residence and work authorisation lasts four years. It allows you to work at most nine months per calendar year. Each following year, if the conditions are met, the employer must call you back under this contract.',
				'The contract is written. You sign it before entering Spain. It has the same conditions as the job offer. Before you sign, the employer must give you a copy translated into a language you understand.',
				'The contract must state at least: the place and type of work; the campaign, its length and the expected start and end dates; the working time and hours; the pay. The job offer must also state the pay, the hours per week or per month, the paid leave and how you are paid; it cannot just refer to the collective agreement. If the contract is part-time, it must state the number of hours; otherwise it counts as full-time.',
				'The employer must keep the work going throughout the contract. In agriculture, it may not be less than 85% of the sector’s usual working time.',
				'For a stable job (stable migration, for example a qualified job), the initial residence and work authorisation is also applied for collectively, and you receive a translated copy of the contract before you sign it.'
			)
		},
		steps: {
			fr: [
				'Demandez la copie traduite du contrat avant de signer.',
				'Vérifiez le lieu, le travail, les dates de la campagne, les horaires et le salaire.',
				'Comparez avec l’offre d’emploi : les conditions doivent être les mêmes.',
				'Posez vos questions à la personne de contact de l’employeur, à votre agence ANAPEC ou lors de la séance d’orientation.'
			],
			ar: [
				'اطلبوا النسخة المترجمة من العقد قبل التوقيع.',
				'تحققوا من المكان، ونوع العمل، وتواريخ الموسم، وساعات العمل، والأجر.',
				'قارنوا العقد بعرض الشغل: يجب أن تكون الشروط نفسها.',
				'اطرحوا أسئلتكم على الشخص المرجعي لدى المشغل، أو على وكالتكم، أو خلال جلسة التوجيه.'
			],
			en: [
				'Ask for the translated copy of the contract before you sign.',
				'Check the place, the work, the campaign dates, the hours and the pay.',
				'Compare it with the job offer: the conditions must be the same.',
				'Ask the employer’s contact person, your ANAPEC agency or at the orientation session.'
			]
		},
		sources: [regulation, gecco2026]
	},
	social_security: {
		title: { fr: 'Espagne — La sécurité sociale', ar: 'إسبانيا — الضمان الاجتماعي', en: 'Spain — Social security' },
		summary: {
			fr: 'L’inscription à la sécurité sociale espagnole dans les trois jours, l’assurance santé du voyage, et la convention de sécurité sociale entre l’Espagne et le Maroc.',
			ar: 'التسجيل في الضمان الاجتماعي الإسباني خلال ثلاثة أيام، والتأمين الصحي أثناء السفر، واتفاقية الضمان الاجتماعي بين إسبانيا والمغرب.',
			en: 'Registration with Spanish social security within three days, health insurance for the journey, and the social security convention between Spain and Morocco.'
		},
		body: {
			fr: p(
				'Votre employeur doit vous inscrire à la sécurité sociale espagnole au plus tard trois jours après votre entrée en Espagne. Entre le début du voyage et cette inscription, il doit prendre une assurance qui couvre vos soins de santé, et il en paie le coût.',
				'L’Espagne et le Maroc sont liés par une convention de sécurité sociale signée à Madrid le 8 novembre 1979, en vigueur depuis le 1er octobre 1982. Quand vous travaillez en Espagne, c’est la loi espagnole qui s’applique à vos cotisations, et vous y êtes soumis dans les mêmes conditions que les Espagnols. La convention vise notamment, en Espagne, le régime général et le régime agricole, pour la maladie, la maternité, les accidents, l’invalidité, la vieillesse, le décès et la famille.',
				'Les périodes d’assurance accomplies dans les deux pays peuvent être additionnées pour ouvrir un droit, par exemple à une pension de vieillesse. Une pension acquise dans un pays n’est pas réduite parce que vous vivez dans l’autre.',
				'La convention (article 15) prévoit aussi des soins de santé en cas de maladie ou de maternité pour les membres de la famille qui vivent dans l’autre pays, à la charge de l’institution du pays d’emploi, servis par celle du lieu où ils vivent. Les sources consultées n’expliquent pas les démarches : demandez à votre agence ANAPEC ou lors de la séance d’orientation.',
				'Les organismes de liaison pour la convention sont l’Institut national de la sécurité sociale (INSS) en Espagne et la Caisse nationale de sécurité sociale (CNSS) au Maroc. Une demande de prestation se dépose auprès de l’institution du pays où vous vivez : au Maroc, la CNSS ; en Espagne, le centre d’accueil et d’information de la Sécurité sociale (CAISS) le plus proche.',
				'Le ministère marocain de l’Inclusion économique, de la Petite entreprise, de l’Emploi et des Compétences résume ces conventions ainsi : égalité de traitement, maintien des droits acquis, addition des périodes d’assurance et transfert des prestations.'
			),
			ar: p(
				'يجب على مشغلكم أن يسجلكم في الضمان الاجتماعي الإسباني في أجل أقصاه ثلاثة أيام من دخولكم إلى إسبانيا. ومن بداية السفر إلى حين هذا التسجيل، يجب عليه أن يبرم تأمينا يغطي علاجكم الصحي، ويتحمل كلفته.',
				'ترتبط إسبانيا والمغرب باتفاقية للضمان الاجتماعي وُقعت في مدريد في 8 نونبر 1979، ودخلت حيز التنفيذ في 1 أكتوبر 1982. عندما تعملون في إسبانيا، يطبق القانون الإسباني على اشتراكاتكم، وتخضعون له بالشروط نفسها التي يخضع لها الإسبان. وتشمل الاتفاقية في إسبانيا خصوصا النظام العام والنظام الفلاحي، في المرض والأمومة والحوادث والعجز والشيخوخة والوفاة والأسرة.',
				'يمكن جمع فترات التأمين المقضية في البلدين لاكتساب حق، مثل معاش الشيخوخة. ولا يُخفض المعاش المكتسب في أحد البلدين بسبب إقامتكم في البلد الآخر.',
				'تنص الاتفاقية (المادة 15) أيضا على حق أفراد الأسرة المقيمين في البلد الآخر في العلاج الصحي في حالتي المرض والأمومة، على نفقة مؤسسة بلد العمل، وتقدمه مؤسسة مكان إقامتهم. ولا تشرح المصادر التي رجعنا إليها الإجراءات: اسألوا وكالتكم أو خلال جلسة التوجيه.',
				'هيئتا الاتصال لتطبيق الاتفاقية هما المعهد الوطني للضمان الاجتماعي (INSS) في إسبانيا والصندوق الوطني للضمان الاجتماعي (CNSS) في المغرب. ويُقدم طلب الاستفادة من الخدمات إلى مؤسسة البلد الذي تقيمون فيه: في المغرب الصندوق الوطني للضمان الاجتماعي، وفي إسبانيا أقرب مركز للاستقبال والإعلام تابع للضمان الاجتماعي (CAISS).',
				'وتلخص وزارة الإدماج الاقتصادي والمقاولة الصغرى والتشغيل والكفاءات المغربية هذه الاتفاقيات في: المساواة في المعاملة، والحفاظ على الحقوق المكتسبة، وجمع فترات التأمين، وتحويل الخدمات.'
			),
			en: p(
				'Your employer must register you with Spanish social security no later than three days after you enter Spain. From the start of the journey until that registration, the employer must take out insurance covering your health care, and pays for it.',
				'Spain and Morocco are bound by a social security convention signed in Madrid on 8 November 1979, in force since 1 October 1982. When you work in Spain, Spanish law applies to your contributions, and you are subject to it on the same terms as Spanish nationals. In Spain the convention covers, among others, the general scheme and the agricultural scheme, for sickness, maternity, accidents, invalidity, old age, death and family.',
				'Insurance periods completed in both countries can be added together to open a right, for example to an old-age pension. A pension earned in one country is not reduced because you live in the other.',
				'The convention (article 15) also provides health care in sickness or maternity for family members who live in the other country, paid by the institution of the country of employment and given by that of the place where they live. The sources consulted do not explain the steps: ask your ANAPEC agency or at the orientation session.',
				'The liaison bodies for the convention are the National Social Security Institute (INSS) in Spain and the National Social Security Fund (CNSS) in Morocco. A benefit claim goes to the institution of the country where you live: in Morocco, the CNSS; in Spain, the nearest Social Security service and information centre (CAISS).',
				'Morocco’s Ministry of Economic Inclusion, Small Business, Employment and Skills sums up these conventions as: equal treatment, keeping acquired rights, adding up insurance periods and transferring benefits.'
			)
		},
		steps: {
			fr: [
				'Vérifiez auprès de votre employeur que votre inscription à la sécurité sociale est faite dans les trois jours.',
				'Gardez vos contrats, vos fiches de paie et les documents de la sécurité sociale.'
			],
			ar: ['تأكدوا لدى مشغلكم من تسجيلكم في الضمان الاجتماعي خلال ثلاثة أيام.', 'احتفظوا بعقودكم وأوراق الأداء ووثائق الضمان الاجتماعي.'],
			en: ['Check with your employer that you are registered with social security within three days.', 'Keep your contracts, payslips and social security documents.']
		},
		sources: [regulation, gecco2026, convention, administrativeAgreement, benefitClaims, moroccanConventions]
	},
	living: {
		title: { fr: 'Espagne — Vivre sur place', ar: 'إسبانيا — الحياة هناك', en: 'Spain — Living there' },
		summary: {
			fr: 'Le logement fourni par l’employeur, ce qu’il peut vous faire payer, les trajets, et votre carte d’étranger.',
			ar: 'السكن الذي يوفره المشغل، وما يمكن أن يطلب منكم أداؤه، والتنقلات، وبطاقة الأجنبي.',
			en: 'The housing the employer provides, what you may be asked to pay, the journeys, and your foreigner’s card.'
		},
		body: {
			fr: p(
				'Pendant toute la période de travail, l’employeur doit mettre à votre disposition un logement adéquat : habitable, propre et sain. L’administration vérifie cette garantie. En migration circulaire, ce logement est garanti à chaque saison.',
				'Le logement est de préférence gratuit, ou selon la convention collective. Sinon, le loyer ne peut pas dépasser 15 % de l’IPREM, l’indicateur public de revenus espagnol. Avec l’eau, le gaz et l’électricité, le total ne peut pas dépasser 22 % de l’IPREM, sauf usage abusif. Dans un logement collectif sans compteur individuel, cette limite vaut pour tout le logement et non pour chaque personne : les frais réels sont partagés entre les occupants selon un critère écrit.',
				'L’employeur vous remet un document écrit avec les conditions du logement et les frais réels. Le loyer et les frais ne sont pas retirés automatiquement de votre salaire : vous payez selon ce document. Les sources consultées ne donnent pas le montant de l’IPREM en euros : demandez-le à votre agence ANAPEC ou lors de la séance d’orientation.',
				'Avec votre accord, les syndicats peuvent entrer dans le logement pour vérifier ces règles. L’Inspection du travail peut aussi les vérifier.',
				'L’employeur prend en charge les trajets entre le point d’entrée en Espagne et le logement, à l’aller et au retour, et du logement au lieu de travail. Si un cas de force majeure empêche de quitter le logement à la date prévue, il doit le laisser à votre disposition jusqu’à ce que la situation soit réglée.',
				'Dans le mois qui suit votre inscription à la sécurité sociale, demandez en personne votre carte d’identité d’étranger (TIE). Elle indique que l’autorisation est pour des activités de saison.',
				'De votre côté, vous vous engagez à respecter les règles sanitaires, le règlement intérieur et les règles de vie commune dans l’exploitation et le logement, et les règles de prévention des risques au travail.',
				'Sur la vie quotidienne (courses, déplacements en dehors du travail, argent), les sources consultées ne disent rien : demandez à votre agence ANAPEC ou lors de la séance d’orientation avant le départ.'
			),
			ar: p(
				'طوال فترة العمل، يجب على المشغل أن يضع رهن إشارتكم سكنا لائقا: صالحا للسكن، ونظيفا، وصحيا. وتتحقق الإدارة من هذا الضمان. وفي الهجرة الدائرية، يُضمن هذا السكن في كل موسم.',
				'يُقدم السكن مجانا بالأساس، أو وفق الاتفاقية الجماعية. وإلا، فلا يجوز أن يتجاوز الكراء 15 في المائة من المؤشر العمومي للدخل متعدد الآثار (IPREM). ومع الماء والغاز والكهرباء، لا يجوز أن يتجاوز المجموع 22 في المائة من هذا المؤشر، إلا في حالة الاستعمال المفرط. وفي السكن الجماعي بدون عداد فردي، يطبق هذا الحد على السكن كله وليس على كل شخص: توزع التكاليف الحقيقية بين الساكنين حسب معيار مكتوب.',
				'يسلمكم المشغل وثيقة مكتوبة فيها شروط السكن والتكاليف الحقيقية. ولا يُقتطع الكراء ولا التكاليف تلقائيا من أجركم: تؤدونها وفق هذه الوثيقة. ولا تذكر المصادر التي رجعنا إليها مبلغ هذا المؤشر باليورو: اسألوا عنه وكالتكم أو خلال جلسة التوجيه.',
				'بموافقتكم، يمكن للنقابات أن تدخل السكن للتحقق من احترام هذه القواعد. ويمكن لمفتشية الشغل أيضا أن تتحقق منها.',
				'يتكفل المشغل بالتنقل بين نقطة الدخول إلى إسبانيا والسكن، ذهابا وإيابا، ومن السكن إلى مكان العمل. وإذا منعت قوة قاهرة مغادرة السكن في التاريخ المحدد، يجب عليه أن يبقيه رهن إشارتكم إلى أن تزول هذه الحالة.',
				'خلال الشهر الموالي لتسجيلكم في الضمان الاجتماعي، اطلبوا شخصيا بطاقة هوية الأجنبي (TIE). وتبين البطاقة أن الرخصة خاصة بأنشطة موسمية.',
				'ومن جهتكم، تلتزمون باحترام القواعد الصحية، والنظام الداخلي، وقواعد العيش المشترك في الضيعة والسكن، وقواعد الوقاية من المخاطر المهنية.',
				'أما الحياة اليومية (التسوق، والتنقل خارج العمل، والمال)، فلا تذكر المصادر التي رجعنا إليها شيئا عنها: اسألوا وكالتكم أو خلال جلسة التوجيه قبل السفر.'
			),
			en: p(
				'Throughout the working period, the employer must provide you with adequate housing: fit to live in, clean and healthy. The authorities check this guarantee. In circular migration, the housing is guaranteed each season.',
				'Housing is preferably free, or as the collective agreement says. Otherwise, the rent may not exceed 15% of the IPREM, Spain’s public income indicator. With water, gas and electricity, the total may not exceed 22% of the IPREM, unless there is abusive use. In shared housing without individual meters, this limit applies to the whole dwelling, not to each person: the real costs are shared among the residents by a written rule.',
				'The employer gives you a written document with the housing conditions and the real costs. Rent and costs are not deducted automatically from your wages: you pay according to that document. The sources consulted do not give the IPREM amount in euros: ask your ANAPEC agency or at the orientation session.',
				'With your consent, trade unions may enter the housing to check these rules. The Labour Inspectorate may check them too.',
				'The employer covers the journeys between the point of entry into Spain and the housing, there and back, and from the housing to the workplace. If force majeure prevents leaving the housing on the planned date, the employer must keep it available to you until the situation is over.',
				'Within a month of your registration with social security, apply in person for your foreigner’s identity card (TIE). It states that the authorisation is for seasonal activities.',
				'For your part, you undertake to respect the health rules, the internal rules and the rules of living together on the farm and in the housing, and the rules on preventing risks at work.',
				'On daily life (shopping, travel outside work, money), the sources consulted say nothing: ask your ANAPEC agency or at the orientation session before you leave.'
			)
		},
		steps: {
			fr: [
				'Demandez le document écrit sur le logement et ses frais.',
				'Vérifiez que rien n’est retiré de votre salaire en dehors de ce document.',
				'Demandez votre carte TIE dans le mois qui suit votre inscription à la sécurité sociale.'
			],
			ar: [
				'اطلبوا الوثيقة المكتوبة الخاصة بالسكن وتكاليفه.',
				'تحققوا من أن لا شيء يُقتطع من أجركم خارج هذه الوثيقة.',
				'اطلبوا بطاقة هوية الأجنبي خلال الشهر الموالي لتسجيلكم في الضمان الاجتماعي.'
			],
			en: [
				'Ask for the written document on the housing and its costs.',
				'Check that nothing is taken from your wages outside that document.',
				'Apply for your TIE card within a month of your social security registration.'
			]
		},
		sources: [regulation, gecco2026]
	},
	contacts: {
		title: { fr: 'Espagne — Contacts utiles', ar: 'إسبانيا — جهات اتصال مفيدة', en: 'Spain — Useful contacts' },
		summary: {
			fr: 'Votre employeur, l’Inspection du travail, le consulat d’Espagne, la sécurité sociale des deux pays et votre agence.',
			ar: 'مشغلكم، ومفتشية الشغل، وقنصلية إسبانيا، والضمان الاجتماعي في البلدين، ووكالتكم.',
			en: 'Your employer, the Labour Inspectorate, the Spanish consulate, social security in both countries and your agency.'
		},
		body: {
			fr: p(
				'La personne ou le service de référence de votre employeur : désigné dès la sélection au Maroc, il vous répond dans une langue que vous comprenez pendant tout le contrat.',
				'L’Inspection du travail et de la sécurité sociale (Inspección de Trabajo y Seguridad Social) : elle contrôle les garanties des travailleurs saisonniers, dont le logement.',
				'Les syndicats : avec votre accord, ils peuvent visiter le logement pour vérifier les règles.',
				'L’ambassade ou le consulat d’Espagne au Maroc : pour le visa, à demander dans le mois qui suit la notification de l’autorisation, et au retour, pour prouver votre retour, dans le mois qui suit la fin du travail.',
				'La Sécurité sociale espagnole (seg-social.es) : l’Institut national de la sécurité sociale (INSS) est l’organisme de liaison pour la convention avec le Maroc ; en Espagne, le centre d’accueil et d’information (CAISS) le plus proche reçoit les demandes de prestations.',
				'La Caisse nationale de sécurité sociale (CNSS) au Maroc : organisme de liaison, elle reçoit les demandes de prestations des personnes qui vivent au Maroc.',
				'L’unité de documentation de la police (Unidad de Documentación) : pour la carte d’identité d’étranger (TIE).',
				'Votre agence ANAPEC, avant le départ et pour toute question que ces pages ne traitent pas.',
				'Les sources consultées ne donnent ni adresses ni numéros de téléphone : demandez-les à votre agence ANAPEC ou lors de la séance d’orientation.'
			),
			ar: p(
				'الشخص أو المصلحة المرجعية لدى مشغلكم: يُعين منذ الانتقاء في المغرب، ويجيبكم بلغة تفهمونها طوال مدة العقد.',
				`مفتشية الشغل والضمان الاجتماعي (${INSPECTION}): تراقب ضمانات العمال الموسميين، ومنها السكن.`,
				'النقابات: بموافقتكم، يمكنها زيارة السكن للتحقق من احترام القواعد.',
				'سفارة إسبانيا أو قنصليتها في المغرب: للتأشيرة، وتُطلب خلال الشهر الموالي للإخطار بالرخصة، وعند العودة لإثبات رجوعكم، خلال الشهر الموالي لنهاية العمل.',
				'الضمان الاجتماعي الإسباني (seg-social.es): المعهد الوطني للضمان الاجتماعي (INSS) هو هيئة الاتصال الخاصة بالاتفاقية مع المغرب؛ وفي إسبانيا، يتلقى أقرب مركز للاستقبال والإعلام (CAISS) طلبات الخدمات.',
				'الصندوق الوطني للضمان الاجتماعي (CNSS) في المغرب: هيئة الاتصال، ويتلقى طلبات الخدمات من المقيمين في المغرب.',
				`وحدة التوثيق لدى الشرطة (${DOCUMENTATION_UNIT}): لبطاقة هوية الأجنبي (TIE).`,
				'وكالتكم، قبل السفر ولكل سؤال لا تتناوله هذه الصفحات.',
				'لا تذكر المصادر التي رجعنا إليها عناوين ولا أرقام هواتف: اطلبوها من وكالتكم أو خلال جلسة التوجيه.'
			),
			en: p(
				'Your employer’s reference person or service: named from your selection in Morocco, it answers you in a language you understand throughout the contract.',
				'The Labour and Social Security Inspectorate (Inspección de Trabajo y Seguridad Social): it checks seasonal workers’ guarantees, housing included.',
				'Trade unions: with your consent, they may visit the housing to check the rules.',
				'The Spanish embassy or consulate in Morocco: for the visa, to apply for within a month of being notified of the authorisation, and on your return, to prove you came back, within a month of the end of work.',
				'Spanish Social Security (seg-social.es): the National Social Security Institute (INSS) is the liaison body for the convention with Morocco; in Spain, the nearest service and information centre (CAISS) takes benefit claims.',
				'The National Social Security Fund (CNSS) in Morocco: the liaison body; it takes benefit claims from people living in Morocco.',
				'The police documentation unit (Unidad de Documentación): for the foreigner’s identity card (TIE).',
				'Your ANAPEC agency, before you leave and for any question these pages do not cover.',
				'The sources consulted give no addresses or phone numbers: ask your ANAPEC agency or at the orientation session.'
			)
		},
		steps: {},
		sources: [gecco2026, regulation, administrativeAgreement, benefitClaims]
	},
	return: {
		title: { fr: 'Espagne — Le retour', ar: 'إسبانيا — العودة', en: 'Spain — The return' },
		summary: {
			fr: 'Rentrer au Maroc à la fin de la saison, le prouver au consulat dans le mois, et revenir la saison suivante.',
			ar: 'العودة إلى المغرب في نهاية الموسم، وإثباتها لدى القنصلية خلال شهر، والرجوع في الموسم الموالي.',
			en: 'Going home to Morocco at the end of the season, proving it at the consulate within a month, and coming back next season.'
		},
		body: {
			fr: p(
				'À la fin de votre travail, chaque année, vous devez rentrer tout de suite au Maroc. C’est l’engagement de retour que vous avez signé.',
				'L’employeur organise le voyage d’arrivée en Espagne et le voyage de retour au Maroc, et il en paie le coût, sauf si le document par lequel il s’engage à organiser le voyage dit expressément le contraire. Cela vaut pour chaque saison. Pour un emploi stable, il paie au moins le voyage d’arrivée ; s’il ne paie pas le retour, il doit l’écrire expressément dans ce document.',
				'Le retour se fait de préférence en groupe. Si vous voulez rentrer individuellement, prévenez l’employeur par écrit assez tôt.',
				'Dans le mois qui suit la fin du travail, présentez-vous à l’ambassade ou au consulat d’Espagne au Maroc pour prouver votre retour. On vous remet un justificatif avec la date.',
				'Si vous ne respectez pas l’engagement de retour : votre autorisation peut prendre fin ; vous ne pouvez plus participer à la GECCO pendant deux ans ; vous perdez le droit de la changer en autorisation de séjour et de travail temporaire.',
				'La saison suivante, si les conditions sont remplies, l’employeur doit vous rappeler, et l’administration vérifie votre retour de l’année précédente. Votre carte TIE, avec la décision sur ce rappel et votre passeport, suffit pour demander l’entrée en Espagne. Après quatre ans, l’autorisation peut être renouvelée pour quatre ans.',
				'Pour votre retraite, la convention entre l’Espagne et le Maroc permet d’additionner les périodes d’assurance des deux pays ; si vous vivez au Maroc, la demande se dépose à la CNSS (page « La sécurité sociale »).',
				'Sur l’argent gagné (l’envoyer, l’épargner), les sources consultées ne disent rien : demandez à votre agence ANAPEC ou lors de la séance d’orientation.'
			),
			ar: p(
				'في نهاية عملكم كل سنة، يجب أن تعودوا فورا إلى المغرب. وقد التزمتم بذلك بتوقيع التزام العودة.',
				'ينظم المشغل سفر الوصول إلى إسبانيا وسفر العودة إلى المغرب، ويتحمل كلفتهما، إلا إذا نصت الوثيقة التي يلتزم فيها بتنظيم السفر صراحة على خلاف ذلك. ويسري هذا على كل موسم. وبالنسبة لمنصب مستقر، يتحمل على الأقل كلفة سفر الوصول، وإذا لم يتحمل كلفة العودة وجب أن يكتب ذلك صراحة في هذه الوثيقة.',
				'تتم العودة بالأساس بشكل جماعي. وإذا أردتم العودة بشكل فردي، فأخبروا المشغل كتابة في وقت كاف.',
				'خلال الشهر الموالي لنهاية العمل، توجهوا إلى سفارة إسبانيا أو قنصليتها في المغرب لإثبات عودتكم. وتتسلمون وصلا يحمل التاريخ.',
				'إذا لم تحترموا التزام العودة: قد تنتهي رخصتكم؛ وتُقصون من التدبير الجماعي للتشغيل في بلد الأصل لمدة سنتين؛ وتفقدون الحق في تحويلها إلى رخصة إقامة وعمل مؤقتة.',
				'في الموسم الموالي، إذا توفرت الشروط، يجب على المشغل أن يستدعيكم من جديد، وتتحقق الإدارة من أنكم عدتم في السنة السابقة. وتكفي بطاقة هوية الأجنبي مع قرار الاستدعاء وجواز السفر لطلب الدخول إلى إسبانيا. وبعد أربع سنوات، يمكن تجديد الرخصة لأربع سنوات أخرى.',
				'بالنسبة للتقاعد، تسمح الاتفاقية بين إسبانيا والمغرب بجمع فترات التأمين في البلدين؛ وإذا كنتم تقيمون في المغرب، يُقدم الطلب إلى الصندوق الوطني للضمان الاجتماعي (صفحة «الضمان الاجتماعي»).',
				'أما المال المكتسب (إرساله وادخاره)، فلا تذكر المصادر التي رجعنا إليها شيئا عنه: اسألوا وكالتكم أو خلال جلسة التوجيه.'
			),
			en: p(
				'At the end of your work each year, you must go straight home to Morocco. You committed to this by signing the return commitment.',
				'The employer organises the journey to Spain and the journey home to Morocco, and pays for them, unless the document in which it commits to organising the journey expressly says otherwise. This applies to each season. For a stable job, the employer pays at least the journey there; if it does not pay for the return, it must say so expressly in that document.',
				'The return is preferably made as a group. If you want to go home on your own, tell the employer in writing in good time.',
				'Within a month of the end of work, go to the Spanish embassy or consulate in Morocco to prove your return. You are given a receipt with the date.',
				'If you break the return commitment: your authorisation may end; you are excluded from GECCO for two years; you lose the right to change it into a temporary residence and work authorisation.',
				'Next season, if the conditions are met, the employer must call you back, and the authorities check that you went home the year before. Your TIE card, with the decision on that call-back and your passport, is enough to ask to enter Spain. After four years, the authorisation can be renewed for four years.',
				'For your pension, the convention between Spain and Morocco lets you add up the insurance periods of both countries; if you live in Morocco, the claim goes to the CNSS (“Social security” page).',
				'On the money you earn (sending it home, saving it), the sources consulted say nothing: ask your ANAPEC agency or at the orientation session.'
			)
		},
		steps: {
			fr: [
				'Gardez votre passeport, votre carte TIE, votre contrat et vos fiches de paie.',
				'Dans le mois qui suit la fin du travail, allez au consulat d’Espagne et gardez le justificatif.',
				'Si vous rentrez individuellement, prévenez l’employeur par écrit.'
			],
			ar: [
				'احتفظوا بجواز سفركم وبطاقة هوية الأجنبي وعقدكم وأوراق الأداء.',
				'خلال الشهر الموالي لنهاية العمل، توجهوا إلى قنصلية إسبانيا واحتفظوا بالوصل.',
				'إذا عدتم بشكل فردي، فأخبروا المشغل كتابة.'
			],
			en: [
				'Keep your passport, your TIE card, your contract and your payslips.',
				'Within a month of the end of work, go to the Spanish consulate and keep the receipt.',
				'If you go home on your own, tell the employer in writing.'
			]
		},
		sources: [gecco2026, regulation, convention, benefitClaims]
	}
};
