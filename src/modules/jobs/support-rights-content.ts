import type { ContentSource } from '../../platform/content/content.table.ts';
import type { InitialContentPage } from '../../platform/content/content-pages.service.ts';
import type { RightsTopic } from './support.model.ts';

/**
 * The first version of each rights-and-procedures page (real information, not sample data),
 * written in plain language. Moderators keep them up to date through new versions; this list
 * only creates the pages that do not exist yet. Where the rule depends on the person's case,
 * the text sends them to ANAPEC, the counsellor or an association rather than guessing.
 */
export type InitialRightsPage = InitialContentPage<RightsTopic>;

const reviewedOn = '2026-11-24';

const anapec: ContentSource = { name: 'ANAPEC — Agence nationale de promotion de l’emploi et des compétences', url: 'https://www.anapec.org' };
const cnss: ContentSource = { name: 'CNSS — Caisse nationale de sécurité sociale', url: 'https://www.cnss.ma' };
const cndh: ContentSource = { name: 'CNDH — Conseil national des droits de l’Homme', url: 'https://www.cndh.ma' };
const labourCode: ContentSource = { name: 'Code du travail (loi n° 65-99)' };
const employmentMinistry: ContentSource = { name: 'Ministère chargé de l’emploi (inspection du travail)' };

export const initialRightsPages: InitialRightsPage[] = [
	{
		slug: 'residence-card',
		topic: 'residence',
		position: 1,
		reviewedOn,
		title: {
			fr: 'La carte de séjour et son renouvellement',
			ar: 'بطاقة الإقامة وتجديدها',
			en: 'Your residence card and its renewal'
		},
		summary: {
			fr: 'Pour vivre et travailler au Maroc, il vous faut une carte de séjour valide. Demandez son renouvellement avant la date de fin.',
			ar: 'للعيش والعمل في المغرب تحتاجون إلى بطاقة إقامة صالحة. اطلبوا تجديدها قبل تاريخ انتهاء صلاحيتها.',
			en: 'To live and work in Morocco you need a valid residence card. Ask for its renewal before it ends.'
		},
		body: {
			fr:
				'Au Maroc, la carte de séjour des étrangers s’appelle la carte d’immatriculation. Elle est délivrée par la Direction générale de la sûreté nationale (DGSN), au service des étrangers de la préfecture ou du district de police de votre lieu de résidence. La loi n° 02-03 fixe les règles de l’entrée et du séjour des étrangers.\n\n' +
				'La carte a une date de fin de validité. Gardez-la sur vous et gardez une copie chez vous. Ne la laissez pas expirer : sans carte valide, il est difficile de signer ou de renouveler un contrat de travail et de faire d’autres démarches.\n\n' +
				'Les pièces à fournir dépendent de votre situation (travail, famille, études, régularisation). Demandez la liste à jour au service des étrangers. Une association peut vous aider à préparer le dossier.',
			ar:
				'في المغرب تسمى بطاقة إقامة الأجانب «بطاقة التسجيل». تسلمها المديرية العامة للأمن الوطني، في مصلحة الأجانب بولاية الأمن أو الدائرة الأمنية التابعة لمكان سكنكم. ويحدد القانون رقم 02.03 قواعد دخول الأجانب وإقامتهم.\n\n' +
				'للبطاقة تاريخ انتهاء. احملوها معكم واحتفظوا بنسخة منها في البيت. لا تتركوها تنتهي: بدون بطاقة صالحة يصعب توقيع عقد عمل أو تجديده والقيام بإجراءات أخرى.\n\n' +
				'الوثائق المطلوبة تختلف حسب وضعكم (العمل، الأسرة، الدراسة، التسوية). اطلبوا اللائحة المحينة من مصلحة الأجانب. يمكن لجمعية أن تساعدكم في إعداد الملف.',
			en:
				'In Morocco, a foreigner’s residence card is called the “carte d’immatriculation”. It is issued by the General Directorate for National Security (DGSN), at the foreigners’ office of the police prefecture or district where you live. Law No. 02-03 sets the rules on foreigners’ entry and stay.\n\n' +
				'The card has an end date. Carry it with you and keep a copy at home. Do not let it expire: without a valid card it is hard to sign or renew a work contract and to do other procedures.\n\n' +
				'The documents to bring depend on your situation (work, family, studies, regularisation). Ask the foreigners’ office for the current list. An association can help you prepare the file.'
		},
		steps: {
			fr: [
				'Regardez la date de fin sur votre carte et notez-la.',
				'Quelques semaines avant, allez au service des étrangers de votre lieu de résidence et demandez la liste des pièces.',
				'Préparez les pièces demandées : en général passeport, photos, justificatif de domicile et, selon votre cas, contrat de travail.',
				'Déposez la demande et gardez tout document que l’on vous remet.',
				'Revenez chercher la nouvelle carte à la date indiquée.'
			],
			ar: [
				'انظروا إلى تاريخ الانتهاء على بطاقتكم وسجلوه.',
				'قبل بضعة أسابيع، اذهبوا إلى مصلحة الأجانب في مكان سكنكم واطلبوا لائحة الوثائق.',
				'حضّروا الوثائق المطلوبة: عادة جواز السفر والصور وشهادة السكنى، وحسب حالتكم عقد العمل.',
				'قدّموا الطلب واحتفظوا بكل وثيقة تُسلَّم لكم.',
				'عودوا لتسلم البطاقة الجديدة في التاريخ المحدد.'
			],
			en: [
				'Look at the end date on your card and write it down.',
				'A few weeks before, go to the foreigners’ office where you live and ask for the list of documents.',
				'Prepare the documents asked for: usually passport, photos, proof of address and, depending on your case, your work contract.',
				'Hand in the request and keep every document you are given.',
				'Come back for the new card on the date you are told.'
			]
		},
		sources: [{ name: 'DGSN — Direction générale de la sûreté nationale', url: 'https://www.dgsn.gov.ma' }, { name: 'Loi n° 02-03 relative à l’entrée et au séjour des étrangers au Royaume du Maroc' }]
	},
	{
		slug: 'work-contract',
		topic: 'work',
		position: 1,
		reviewedOn,
		title: {
			fr: 'Le contrat de travail d’un salarié étranger',
			ar: 'عقد عمل الأجير الأجنبي',
			en: 'The work contract of a foreign employee'
		},
		summary: {
			fr: 'Le contrat de travail d’un salarié étranger est écrit et doit recevoir le visa du ministère chargé de l’emploi.',
			ar: 'عقد عمل الأجير الأجنبي مكتوب ويجب أن تؤشر عليه الوزارة المكلفة بالتشغيل.',
			en: 'A foreign employee’s work contract is written and must be approved (visa) by the ministry in charge of employment.'
		},
		body: {
			fr:
				'Le Code du travail (loi n° 65-99) demande à l’employeur qui recrute un salarié étranger d’obtenir une autorisation de l’autorité chargée du travail. Cette autorisation est un visa posé sur le contrat de travail. Le contrat suit un modèle officiel. Selon le Code, il prend effet à la date du visa. Toute modification du contrat doit aussi être visée.\n\n' +
				'C’est l’employeur qui fait la demande. Vous lui donnez les documents qu’il vous demande, par exemple une copie de votre passeport et de votre carte de séjour.\n\n' +
				'Souvent, l’employeur doit aussi obtenir une attestation de l’ANAPEC qui montre qu’aucun candidat marocain n’a été trouvé pour le poste. Certaines personnes en sont dispensées, notamment des personnes régularisées. Les règles peuvent changer : demandez à l’ANAPEC ou à votre conseiller si cette attestation est demandée dans votre cas.\n\n' +
				'Gardez une copie du contrat visé. Elle vous servira pour la carte de séjour et pour la CNSS.',
			ar:
				'تنص مدونة الشغل (القانون رقم 65.99) على أن المشغل الذي يريد تشغيل أجير أجنبي يجب أن يحصل على رخصة من السلطة المكلفة بالشغل. تُمنح هذه الرخصة في شكل تأشيرة توضع على عقد العمل. يتبع العقد نموذجا رسميا. وحسب المدونة، يبدأ العمل بالعقد من تاريخ التأشيرة. وكل تغيير في العقد يحتاج أيضا إلى تأشيرة.\n\n' +
				'المشغل هو من يقدم الطلب. تعطونه الوثائق التي يطلبها منكم، مثل نسخة من جواز السفر وبطاقة الإقامة.\n\n' +
				'في حالات كثيرة، يجب على المشغل أيضا الحصول على شهادة من الوكالة الوطنية لإنعاش التشغيل والكفاءات تبين أنه لم يُعثر على مرشح مغربي للمنصب. بعض الأشخاص معفون منها، ومنهم أشخاص تمت تسوية وضعيتهم. القواعد قد تتغير: اسألوا الوكالة أو مستشاركم هل هذه الشهادة مطلوبة في حالتكم.\n\n' +
				'احتفظوا بنسخة من العقد المؤشر عليه. ستحتاجونها لبطاقة الإقامة وللصندوق الوطني للضمان الاجتماعي.',
			en:
				'The Labour Code (Law No. 65-99) requires an employer who hires a foreign employee to get an authorisation from the authority in charge of labour. This authorisation is a visa stamped on the work contract. The contract follows an official model. According to the Code, it takes effect on the date of the visa. Any change to the contract also needs a visa.\n\n' +
				'The employer makes the request. You give them the documents they ask for, for example a copy of your passport and of your residence card.\n\n' +
				'Often the employer must also get a certificate from ANAPEC showing that no Moroccan candidate was found for the post. Some people are exempt, among them people whose status was regularised. Rules can change: ask ANAPEC or your counsellor whether this certificate is needed in your case.\n\n' +
				'Keep a copy of the approved contract. You will need it for your residence card and for the CNSS.'
		},
		steps: {
			fr: [
				'Demandez à l’employeur un contrat écrit sur le modèle pour salarié étranger.',
				'Lisez le contrat : poste, salaire, durée, horaires. Faites-vous aider si un point n’est pas clair.',
				'Donnez à l’employeur les copies de documents qu’il demande.',
				'Demandez à l’ANAPEC si une attestation est nécessaire dans votre cas.',
				'Gardez une copie du contrat une fois visé.'
			],
			ar: [
				'اطلبوا من المشغل عقدا مكتوبا وفق نموذج الأجير الأجنبي.',
				'اقرؤوا العقد: المنصب، الأجر، المدة، ساعات العمل. اطلبوا المساعدة إذا لم تفهموا نقطة ما.',
				'أعطوا المشغل نسخ الوثائق التي يطلبها.',
				'اسألوا الوكالة الوطنية لإنعاش التشغيل والكفاءات هل تحتاجون إلى شهادة في حالتكم.',
				'احتفظوا بنسخة من العقد بعد التأشير عليه.'
			],
			en: [
				'Ask the employer for a written contract on the model for foreign employees.',
				'Read the contract: job, wage, duration, hours. Get help if something is not clear.',
				'Give the employer the copies of documents they ask for.',
				'Ask ANAPEC whether a certificate is needed in your case.',
				'Keep a copy of the contract once it is approved.'
			]
		},
		sources: [labourCode, employmentMinistry, anapec]
	},
	{
		slug: 'social-security-cnss-amo',
		topic: 'social_security',
		position: 1,
		reviewedOn,
		title: {
			fr: 'La CNSS et l’assurance maladie (AMO)',
			ar: 'الضمان الاجتماعي والتأمين الإجباري عن المرض',
			en: 'Social security (CNSS) and health insurance (AMO)'
		},
		summary: {
			fr: 'Votre employeur doit vous déclarer à la CNSS. Vous avez alors droit à l’assurance maladie obligatoire (AMO) et à d’autres prestations.',
			ar: 'يجب على مشغلكم أن يصرح بكم لدى الصندوق الوطني للضمان الاجتماعي. عندها يحق لكم التأمين الإجباري عن المرض وخدمات أخرى.',
			en: 'Your employer must register you with the CNSS. You then have compulsory health insurance (AMO) and other benefits.'
		},
		body: {
			fr:
				'La Caisse nationale de sécurité sociale (CNSS) protège les salariés du secteur privé, marocains et étrangers. L’employeur doit vous immatriculer et déclarer chaque mois votre salaire et vos jours de travail. Vous recevez un numéro d’immatriculation.\n\n' +
				'Une cotisation est retenue sur votre salaire ; elle apparaît sur votre bulletin de paie. Ces déclarations ouvrent des droits, selon les conditions prévues : allocations familiales, indemnités en cas de maladie ou de maternité, retraite.\n\n' +
				'Vous êtes aussi couvert par l’assurance maladie obligatoire (AMO), gérée par la CNSS. Elle rembourse une partie de vos frais de santé et de ceux de votre famille à charge.\n\n' +
				'Vérifiez régulièrement que vos jours sont bien déclarés. La CNSS propose des services en ligne et des agences pour cela.',
			ar:
				'يحمي الصندوق الوطني للضمان الاجتماعي أجراء القطاع الخاص، مغاربة وأجانب. يجب على المشغل أن يسجلكم وأن يصرح كل شهر بأجركم وأيام عملكم. وتحصلون على رقم تسجيل.\n\n' +
				'يُقتطع اشتراك من أجركم ويظهر في ورقة الأداء. تفتح هذه التصريحات حقوقا حسب الشروط المحددة: التعويضات العائلية، والتعويضات في حالة المرض أو الولادة، والتقاعد.\n\n' +
				'وتستفيدون أيضا من التأمين الإجباري الأساسي عن المرض الذي يسيره الصندوق. وهو يعوض جزءا من مصاريف علاجكم وعلاج أفراد أسرتكم الذين تتكفلون بهم.\n\n' +
				'تحققوا بانتظام من التصريح بأيام عملكم. يوفر الصندوق خدمات عبر الإنترنت ووكالات لهذا الغرض.',
			en:
				'The National Social Security Fund (CNSS) covers private-sector employees, Moroccan and foreign. Your employer must register you and declare your wage and days of work every month. You get a registration number.\n\n' +
				'A contribution is deducted from your wage; it appears on your payslip. These declarations give rights, under the set conditions: family allowances, benefits during illness or maternity, and a pension.\n\n' +
				'You are also covered by the compulsory health insurance (AMO), run by the CNSS. It pays back part of your health costs and those of the family members you support.\n\n' +
				'Check regularly that your days are declared. The CNSS has online services and offices for this.'
		},
		steps: {
			fr: [
				'Dès le début du travail, demandez à votre employeur votre numéro d’immatriculation CNSS.',
				'Vérifiez sur chaque bulletin de paie la retenue CNSS et AMO.',
				'Créez votre compte sur les services en ligne de la CNSS, ou demandez un relevé dans une agence.',
				'Pour un remboursement de soins, gardez ordonnances et factures et déposez le dossier.',
				'Si vos jours ne sont pas déclarés, parlez-en à l’employeur, puis à l’inspection du travail.'
			],
			ar: [
				'منذ بداية العمل، اطلبوا من مشغلكم رقم تسجيلكم في الصندوق.',
				'تحققوا في كل ورقة أداء من اقتطاع الضمان الاجتماعي والتأمين عن المرض.',
				'أنشئوا حسابكم في الخدمات الإلكترونية للصندوق، أو اطلبوا كشفا في إحدى وكالاته.',
				'لاسترجاع مصاريف العلاج، احتفظوا بالوصفات والفواتير وقدموا الملف.',
				'إذا لم يتم التصريح بأيامكم، تحدثوا مع المشغل، ثم مع مفتشية الشغل.'
			],
			en: [
				'When you start work, ask your employer for your CNSS registration number.',
				'Check the CNSS and AMO deduction on every payslip.',
				'Open an account on the CNSS online services, or ask for a statement at an office.',
				'To be paid back for care, keep prescriptions and bills and hand in the claim.',
				'If your days are not declared, talk to your employer, then to the labour inspectorate.'
			]
		},
		sources: [cnss]
	},
	{
		slug: 'rights-at-work',
		topic: 'rights_at_work',
		position: 1,
		reviewedOn,
		title: {
			fr: 'Vos droits au travail',
			ar: 'حقوقكم في العمل',
			en: 'Your rights at work'
		},
		summary: {
			fr: 'Le Code du travail protège tous les salariés, marocains et étrangers : salaire minimum, durée du travail, repos, congés, bulletin de paie.',
			ar: 'تحمي مدونة الشغل كل الأجراء، مغاربة وأجانب: الحد الأدنى للأجر، مدة العمل، الراحة، العطل، ورقة الأداء.',
			en: 'The Labour Code protects all employees, Moroccan and foreign: minimum wage, working hours, rest, leave, payslip.'
		},
		body: {
			fr:
				'Vous avez les mêmes droits que vos collègues marocains.\n\n' +
				'Salaire minimum : il existe un salaire minimum légal, le SMIG dans l’industrie, le commerce et les services, et le SMAG dans l’agriculture. Son montant est fixé par décret et change ; demandez le montant actuel à l’ANAPEC ou à l’inspection du travail.\n\n' +
				'Durée du travail : hors agriculture, la durée normale est de 44 heures par semaine. Les heures supplémentaires sont payées avec une majoration.\n\n' +
				'Repos et congés : au moins 24 heures de repos par semaine. Après six mois de travail continu chez le même employeur, vous avez droit à un congé payé d’un jour et demi ouvrable par mois de travail.\n\n' +
				'Contrat et bulletin de paie : le contrat d’un salarié étranger est écrit et visé. À chaque paie, l’employeur vous remet un bulletin de paie avec le salaire, les heures et les retenues.\n\n' +
				'Santé et sécurité : l’employeur doit protéger votre santé et votre sécurité au travail. Vous pouvez adhérer à un syndicat.',
			ar:
				'لكم نفس حقوق زملائكم المغاربة.\n\n' +
				'الحد الأدنى للأجر: يوجد حد أدنى قانوني للأجر، يسمى SMIG في الصناعة والتجارة والخدمات، وSMAG في الفلاحة. يُحدَّد مبلغه بمرسوم ويتغير؛ اسألوا عن المبلغ الحالي في الوكالة الوطنية لإنعاش التشغيل والكفاءات أو في مفتشية الشغل.\n\n' +
				'مدة العمل: خارج الفلاحة، المدة العادية هي 44 ساعة في الأسبوع. وتؤدى الساعات الإضافية بزيادة في الأجر.\n\n' +
				'الراحة والعطل: راحة لا تقل عن 24 ساعة في الأسبوع. بعد ستة أشهر من العمل المتواصل عند نفس المشغل، لكم الحق في عطلة مؤدى عنها بيوم ونصف يوم عمل عن كل شهر عمل.\n\n' +
				'العقد وورقة الأداء: عقد الأجير الأجنبي مكتوب ومؤشر عليه. وعند كل أداء للأجر، يسلمكم المشغل ورقة أداء فيها الأجر والساعات والاقتطاعات.\n\n' +
				'الصحة والسلامة: يجب على المشغل حماية صحتكم وسلامتكم في العمل. ويمكنكم الانخراط في نقابة.',
			en:
				'You have the same rights as your Moroccan colleagues.\n\n' +
				'Minimum wage: there is a legal minimum wage, the SMIG in industry, trade and services, and the SMAG in agriculture. The amount is set by decree and changes; ask ANAPEC or the labour inspectorate for the current amount.\n\n' +
				'Working hours: outside agriculture, normal working time is 44 hours a week. Overtime is paid at a higher rate.\n\n' +
				'Rest and leave: at least 24 hours of rest each week. After six months of continuous work with the same employer, you have paid leave of one and a half working days per month worked.\n\n' +
				'Contract and payslip: a foreign employee’s contract is written and approved. Each time you are paid, the employer gives you a payslip showing the wage, the hours and the deductions.\n\n' +
				'Health and safety: your employer must protect your health and safety at work. You may join a trade union.'
		},
		steps: {
			fr: [
				'Gardez votre contrat et tous vos bulletins de paie.',
				'Notez vos heures de travail chaque jour.',
				'Comparez votre salaire avec le salaire minimum actuel.',
				'En cas de problème, demandez conseil à l’inspection du travail ou à une association.'
			],
			ar: [
				'احتفظوا بعقدكم وبكل أوراق الأداء.',
				'سجلوا ساعات عملكم كل يوم.',
				'قارنوا أجركم بالحد الأدنى الحالي للأجر.',
				'في حالة مشكلة، اطلبوا النصيحة من مفتشية الشغل أو من جمعية.'
			],
			en: [
				'Keep your contract and all your payslips.',
				'Write down your working hours every day.',
				'Compare your wage with the current minimum wage.',
				'If there is a problem, ask the labour inspectorate or an association for advice.'
			]
		},
		sources: [labourCode, employmentMinistry]
	},
	{
		slug: 'where-to-complain',
		topic: 'complaints',
		position: 1,
		reviewedOn,
		title: {
			fr: 'Où faire une réclamation',
			ar: 'أين تقدمون شكاية',
			en: 'Where to complain'
		},
		summary: {
			fr: 'Si vos droits ne sont pas respectés, l’inspection du travail, le CNDH et ses commissions régionales peuvent vous aider.',
			ar: 'إذا لم تُحترم حقوقكم، يمكن لمفتشية الشغل والمجلس الوطني لحقوق الإنسان ولجانه الجهوية مساعدتكم.',
			en: 'If your rights are not respected, the labour inspectorate, the CNDH and its regional commissions can help you.'
		},
		body: {
			fr:
				'Problème de travail (salaire non payé, pas de déclaration à la CNSS, licenciement, heures non payées) : allez à l’inspection du travail de votre province. L’inspecteur du travail écoute les deux parties et cherche un accord. Sans accord, vous pouvez saisir le tribunal.\n\n' +
				'Discrimination, violence ou atteinte à vos droits : le Conseil national des droits de l’Homme (CNDH) reçoit les plaintes. Il a des commissions régionales des droits de l’Homme dans les régions du Maroc.\n\n' +
				'Problème avec une administration : l’Institution du Médiateur du Royaume peut examiner votre réclamation.\n\n' +
				'Vous n’êtes pas seul : une association peut vous accompagner et vous aider à écrire la plainte.',
			ar:
				'مشكلة في العمل (أجر غير مؤدى، عدم التصريح في الضمان الاجتماعي، فصل، ساعات غير مؤداة): اذهبوا إلى مفتشية الشغل في إقليمكم. يستمع مفتش الشغل إلى الطرفين ويبحث عن اتفاق. وإذا لم يحصل اتفاق، يمكنكم اللجوء إلى المحكمة.\n\n' +
				'تمييز أو عنف أو مس بحقوقكم: يتلقى المجلس الوطني لحقوق الإنسان الشكايات. وله لجان جهوية لحقوق الإنسان في جهات المغرب.\n\n' +
				'مشكلة مع إدارة: يمكن لمؤسسة وسيط المملكة أن تدرس شكايتكم.\n\n' +
				'لستم وحدكم: يمكن لجمعية أن ترافقكم وتساعدكم في كتابة الشكاية.',
			en:
				'A problem at work (unpaid wages, not declared to the CNSS, dismissal, unpaid hours): go to the labour inspectorate of your province. The labour inspector listens to both sides and looks for an agreement. Without agreement, you can take the case to court.\n\n' +
				'Discrimination, violence or another breach of your rights: the National Human Rights Council (CNDH) receives complaints. It has regional human rights commissions in Morocco’s regions.\n\n' +
				'A problem with a public office: the Ombudsman of the Kingdom (Institution du Médiateur du Royaume) can look into your complaint.\n\n' +
				'You are not alone: an association can go with you and help you write the complaint.'
		},
		steps: {
			fr: [
				'Rassemblez les preuves : contrat, bulletins de paie, messages, noms de témoins.',
				'Écrivez ce qui s’est passé, avec les dates.',
				'Allez à l’inspection du travail de votre province avec ces documents.',
				'Pour une discrimination ou une violence, contactez la commission régionale des droits de l’Homme.',
				'Si vous le souhaitez, demandez à une association de vous accompagner.'
			],
			ar: [
				'اجمعوا الأدلة: العقد، أوراق الأداء، الرسائل، أسماء الشهود.',
				'اكتبوا ما حدث مع التواريخ.',
				'اذهبوا إلى مفتشية الشغل في إقليمكم بهذه الوثائق.',
				'في حالة تمييز أو عنف، اتصلوا باللجنة الجهوية لحقوق الإنسان.',
				'إذا رغبتم، اطلبوا من جمعية أن ترافقكم.'
			],
			en: [
				'Gather evidence: contract, payslips, messages, names of witnesses.',
				'Write down what happened, with the dates.',
				'Go to the labour inspectorate of your province with these documents.',
				'For discrimination or violence, contact the regional human rights commission.',
				'If you wish, ask an association to go with you.'
			]
		},
		sources: [employmentMinistry, cndh, { name: 'Institution du Médiateur du Royaume' }]
	},
	{
		slug: 'health-and-education',
		topic: 'health_education',
		position: 1,
		reviewedOn,
		title: {
			fr: 'Se soigner et scolariser ses enfants',
			ar: 'العلاج وتمدرس الأطفال',
			en: 'Health care and school for your children'
		},
		summary: {
			fr: 'Les centres de santé publics et les écoles publiques sont ouverts aux familles étrangères.',
			ar: 'المراكز الصحية العمومية والمدارس العمومية مفتوحة للأسر الأجنبية.',
			en: 'Public health centres and public schools are open to foreign families.'
		},
		body: {
			fr:
				'Santé : les centres de santé publics reçoivent toute personne, quelle que soit sa nationalité : consultations de base, vaccination des enfants, suivi de la grossesse. En urgence, les hôpitaux publics accueillent tout le monde. En cas d’urgence, appelez le 15.\n\n' +
				'Si vous êtes salarié déclaré à la CNSS, l’assurance maladie obligatoire (AMO) rembourse une partie de vos soins.\n\n' +
				'École : les enfants étrangers peuvent aller à l’école publique marocaine. Depuis 2013, le ministère de l’Éducation nationale demande aux écoles d’accueillir les enfants de migrants. Des associations proposent aussi des cours de soutien et d’arabe.\n\n' +
				'Si une école refuse votre enfant, demandez de l’aide à la direction provinciale de l’éducation ou à une association.',
			ar:
				'الصحة: تستقبل المراكز الصحية العمومية كل شخص مهما كانت جنسيته: الفحوص الأساسية، تلقيح الأطفال، تتبع الحمل. وفي الحالات المستعجلة تستقبل المستشفيات العمومية الجميع. في حالة الاستعجال، اتصلوا بالرقم 15.\n\n' +
				'إذا كنتم أجراء مصرحا بهم في الصندوق الوطني للضمان الاجتماعي، فإن التأمين الإجباري عن المرض يعوض جزءا من مصاريف علاجكم.\n\n' +
				'المدرسة: يمكن للأطفال الأجانب الالتحاق بالمدرسة العمومية المغربية. منذ سنة 2013، تطلب وزارة التربية الوطنية من المدارس استقبال أطفال المهاجرين. وتقدم جمعيات أيضا دروس الدعم ودروس اللغة العربية.\n\n' +
				'إذا رفضت مدرسة تسجيل طفلكم، اطلبوا المساعدة من المديرية الإقليمية للتربية أو من جمعية.',
			en:
				'Health: public health centres see everyone, whatever their nationality: basic consultations, children’s vaccinations, pregnancy care. In an emergency, public hospitals take everyone. In an emergency, call 15.\n\n' +
				'If you are an employee declared to the CNSS, the compulsory health insurance (AMO) pays back part of your care.\n\n' +
				'School: foreign children can go to Moroccan public schools. Since 2013 the Ministry of National Education has asked schools to take in migrants’ children. Associations also offer extra lessons and Arabic classes.\n\n' +
				'If a school refuses your child, ask the provincial education directorate or an association for help.'
		},
		steps: {
			fr: [
				'Repérez le centre de santé le plus proche de chez vous.',
				'Apportez votre carte de séjour ou votre passeport, et le carnet de santé des enfants.',
				'Pour l’école, allez à l’école publique du quartier avec l’acte de naissance de l’enfant et ses anciens bulletins scolaires s’il en a.',
				'En cas de refus, demandez de l’aide à la direction provinciale de l’éducation ou à une association.'
			],
			ar: [
				'حددوا أقرب مركز صحي إلى سكنكم.',
				'أحضروا بطاقة الإقامة أو جواز السفر، والدفتر الصحي للأطفال.',
				'للمدرسة، اذهبوا إلى المدرسة العمومية في الحي بعقد ازدياد الطفل ونتائجه الدراسية السابقة إن وجدت.',
				'في حالة الرفض، اطلبوا المساعدة من المديرية الإقليمية للتربية أو من جمعية.'
			],
			en: [
				'Find the health centre nearest to your home.',
				'Bring your residence card or passport, and your children’s health booklet.',
				'For school, go to the neighbourhood public school with the child’s birth certificate and past school reports if there are any.',
				'If you are refused, ask the provincial education directorate or an association for help.'
			]
		},
		sources: [
			{ name: 'Ministère de la Santé et de la Protection sociale', url: 'https://www.sante.gov.ma' },
			{ name: 'Ministère de l’Éducation nationale', url: 'https://www.men.gov.ma' }
		]
	},
	{
		slug: 'anapec-services',
		topic: 'employment_support',
		position: 1,
		reviewedOn,
		title: {
			fr: 'Ce que l’ANAPEC vous propose',
			ar: 'ما تقدمه لكم الوكالة الوطنية لإنعاش التشغيل والكفاءات',
			en: 'What ANAPEC offers you'
		},
		summary: {
			fr: 'Les agences ANAPEC accueillent les immigrés en situation régulière comme les autres chercheurs d’emploi.',
			ar: 'تستقبل وكالات إنعاش التشغيل المهاجرين في وضعية قانونية مثل باقي الباحثين عن عمل.',
			en: 'ANAPEC offices welcome immigrants with legal residence like any other job seeker.'
		},
		body: {
			fr:
				'L’ANAPEC (Agence nationale de promotion de l’emploi et des compétences) est le service public de l’emploi au Maroc. Après une phase pilote en 2015, ses services ont été ouverts aux immigrés régularisés. L’idée est simple : l’intégration, c’est vivre comme tout le monde.\n\n' +
				'Dans une agence ANAPEC, vous pouvez : vous inscrire comme chercheur d’emploi ; rencontrer un conseiller qui vous oriente ; participer à des ateliers (CV, entretien d’embauche) ; consulter les offres d’emploi ; être orienté vers une formation ou vers un accompagnement pour créer votre activité.\n\n' +
				'Certains programmes ont des conditions (diplôme, âge, type de contrat). Demandez au conseiller lesquels vous sont ouverts.\n\n' +
				'Des associations travaillent avec l’ANAPEC et peuvent vous accompagner : consultez l’annuaire des programmes de soutien.',
			ar:
				'الوكالة الوطنية لإنعاش التشغيل والكفاءات هي المرفق العمومي للتشغيل في المغرب. بعد مرحلة تجريبية سنة 2015، فُتحت خدماتها للمهاجرين الذين تمت تسوية وضعيتهم. والفكرة بسيطة: الاندماج هو أن تعيشوا مثل الجميع.\n\n' +
				'في وكالة إنعاش التشغيل يمكنكم: التسجيل كباحثين عن عمل؛ لقاء مستشار يوجهكم؛ المشاركة في ورشات (السيرة الذاتية، مقابلة التوظيف)؛ الاطلاع على عروض العمل؛ التوجيه نحو تكوين أو نحو مواكبة لإنشاء نشاطكم الخاص.\n\n' +
				'لبعض البرامج شروط (الشهادة، السن، نوع العقد). اسألوا المستشار عن البرامج المفتوحة لكم.\n\n' +
				'تعمل جمعيات مع الوكالة ويمكنها مرافقتكم: اطلعوا على دليل برامج الدعم.',
			en:
				'ANAPEC (the National Agency for the Promotion of Employment and Skills) is Morocco’s public employment service. After a pilot phase in 2015, its services were opened to regularised immigrants. The idea is simple: integration means living like everyone else.\n\n' +
				'At an ANAPEC office you can: register as a job seeker; meet a counsellor who guides you; join workshops (CV, job interview); look at job offers; be directed to training or to support for starting your own business.\n\n' +
				'Some programmes have conditions (diploma, age, type of contract). Ask the counsellor which ones are open to you.\n\n' +
				'Associations work with ANAPEC and can support you: see the directory of support programmes.'
		},
		steps: {
			fr: [
				'Trouvez l’agence ANAPEC la plus proche sur le site anapec.org.',
				'Apportez votre carte de séjour, votre passeport, votre CV et vos diplômes.',
				'Inscrivez-vous et demandez un rendez-vous avec un conseiller.',
				'Construisez votre projet avec le conseiller : métier, formation ou création d’activité.',
				'Revenez régulièrement : les offres et les ateliers changent.'
			],
			ar: [
				'ابحثوا عن أقرب وكالة على موقع anapec.org.',
				'أحضروا بطاقة الإقامة وجواز السفر والسيرة الذاتية والشهادات.',
				'سجلوا أنفسكم واطلبوا موعدا مع مستشار.',
				'ابنوا مشروعكم مع المستشار: مهنة أو تكوين أو إنشاء نشاط.',
				'عودوا بانتظام: العروض والورشات تتغير.'
			],
			en: [
				'Find the nearest ANAPEC office on anapec.org.',
				'Bring your residence card, passport, CV and diplomas.',
				'Register and ask for an appointment with a counsellor.',
				'Build your plan with the counsellor: a job, training or starting a business.',
				'Come back regularly: offers and workshops change.'
			]
		},
		sources: [anapec]
	}
];
