// The seeds' real survey (the final event's evaluation, seed 002 annex 3.3), held as the figures the report
// prints since its raw answers are not in the seeds, and a badged sample survey with sample answers.
import { eq } from 'drizzle-orm';
import { systemContext } from '../../../platform/audit/audit.service.ts';
import type { Db } from '../../../platform/db/database.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import type { Translated } from '../knowledge.table.ts';
import { event, eventRegistration } from '../events/event.table.ts';
import type { QuestionKind, ReportedFigures } from './survey.model.ts';
import { insertSurvey } from './survey.service.ts';
import { survey, surveyAnswer, surveyInvitation, surveyQuestion, surveyRespondent, surveyResponse } from './survey.table.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';

type SeedQuestion = { kind: QuestionKind; label: Translated; options?: Translated[]; scale?: [number, number]; required?: boolean; reported?: ReportedFigures; conditionOn?: { index: number; options: number[] } };

const relevance: Translated[] = [
	{ fr: 'Très pertinent', ar: 'وجيه جدا', en: 'Very relevant' },
	{ fr: 'Pertinent', ar: 'وجيه', en: 'Relevant' },
	{ fr: 'Peu pertinent', ar: 'قليل الوجاهة', en: 'Not very relevant' }
];
const figures = (labels: Translated[], percents: number[], note?: Translated): ReportedFigures => ({ percentages: labels.map((label, index) => ({ label, percent: percents[index] })), ...(note ? { note } : {}) });

/** Seed 002, annex 3.3 « Évaluation de l’événement »: the eight questions, the category question, the printed rates. */
const finalEventQuestions: SeedQuestion[] = [
	{
		kind: 'single',
		label: { fr: 'Globalement, comment évaluez-vous l’événement ?', ar: 'إجمالا، كيف تقيمون الحدث؟', en: 'Overall, how do you rate the event?' },
		options: [
			{ fr: 'Excellent', ar: 'ممتاز', en: 'Excellent' },
			{ fr: 'Très bon', ar: 'جيد جدا', en: 'Very good' },
			{ fr: 'Bon', ar: 'جيد', en: 'Good' },
			{ fr: 'Passable', ar: 'مقبول', en: 'Fair' },
			{ fr: 'Mauvais', ar: 'سيئ', en: 'Poor' }
		],
		reported: figures(
			[
				{ fr: 'Excellent', ar: 'ممتاز', en: 'Excellent' },
				{ fr: 'Très bon', ar: 'جيد جدا', en: 'Very good' },
				{ fr: 'Bon', ar: 'جيد', en: 'Good' },
				{ fr: 'Passable et mauvais', ar: 'مقبول وسيئ', en: 'Fair and poor' }
			],
			[30.77, 46.15, 23.08, 0],
			{ fr: 'Le rapport donne « passable et mauvais » ensemble.', ar: 'يقدم التقرير «مقبول» و«سيئ» معا.', en: 'The report gives “fair” and “poor” together.' }
		)
	},
	{
		kind: 'single',
		label: { fr: 'Que pensez-vous du choix d’organiser des sessions thématiques parallèles ?', ar: 'ما رأيكم في اختيار تنظيم جلسات موضوعاتية متوازية؟', en: 'What do you think of the choice to hold parallel thematic sessions?' },
		options: relevance,
		reported: figures(relevance, [30.77, 46.15, 23.08])
	},
	{
		kind: 'single',
		label: { fr: 'Comment évaluez-vous le choix et la qualité des intervenants ?', ar: 'كيف تقيمون اختيار المتدخلين وجودتهم؟', en: 'How do you rate the choice and quality of the speakers?' },
		options: relevance,
		reported: figures(relevance, [53.85, 46.15, 0])
	},
	{
		kind: 'single',
		label: { fr: 'Le temps laissé aux débats lors des sessions et la qualité de ceux-ci vous paraissent :', ar: 'الوقت المخصص للنقاش خلال الجلسات وجودته يبدوان لكم:', en: 'The time left for debate in the sessions, and its quality, seem to you:' },
		options: [
			{ fr: 'Très satisfaisants', ar: 'مرضيين جدا', en: 'Very satisfactory' },
			{ fr: 'Satisfaisants', ar: 'مرضيين', en: 'Satisfactory' },
			{ fr: 'Peu satisfaisants', ar: 'قليلي الإرضاء', en: 'Not very satisfactory' }
		],
		reported: figures(
			[
				{ fr: 'Très satisfaisant', ar: 'مرض جدا', en: 'Very satisfactory' },
				{ fr: 'Satisfaisant', ar: 'مرض', en: 'Satisfactory' },
				{ fr: 'Peu satisfaisant', ar: 'قليل الإرضاء', en: 'Not very satisfactory' }
			],
			[15.38, 69.23, 15.38]
		)
	},
	{
		kind: 'single',
		label: {
			fr: 'Le type d’informations et d’analyses fournies lors de la plénière et des sessions vous paraissent, au regard de vos propres pratiques :',
			ar: 'نوع المعلومات والتحليلات المقدمة خلال الجلسة العامة والجلسات يبدو لكم، بالنظر إلى ممارساتكم:',
			en: 'The kind of information and analysis given in the plenary and the sessions seems to you, with regard to your own practice:'
		},
		options: [
			{ fr: 'Très utiles', ar: 'مفيد جدا', en: 'Very useful' },
			{ fr: 'Utiles', ar: 'مفيد', en: 'Useful' },
			{ fr: 'Peu utiles voire pas du tout', ar: 'قليل الفائدة أو غير مفيد إطلاقا', en: 'Of little or no use' }
		],
		reported: figures(
			[
				{ fr: 'Très utiles', ar: 'مفيد جدا', en: 'Very useful' },
				{ fr: 'Utiles', ar: 'مفيد', en: 'Useful' },
				{ fr: 'Peu utiles voire pas du tout', ar: 'قليل الفائدة أو غير مفيد إطلاقا', en: 'Of little or no use' }
			],
			[46.15, 38.46, 15.38]
		)
	},
	{
		kind: 'single',
		label: { fr: 'L’accès à la documentation lors de l’événement vous a semblé :', ar: 'الولوج إلى الوثائق خلال الحدث بدا لكم:', en: 'Access to the documentation during the event seemed to you:' },
		options: [
			{ fr: 'Très satisfaisant', ar: 'مرضيا جدا', en: 'Very satisfactory' },
			{ fr: 'Satisfaisant', ar: 'مرضيا', en: 'Satisfactory' },
			{ fr: 'Pas du tout satisfaisant', ar: 'غير مرض إطلاقا', en: 'Not satisfactory at all' }
		],
		reported: figures(
			[
				{ fr: 'Très satisfaisante', ar: 'مرضيا جدا', en: 'Very satisfactory' },
				{ fr: 'Satisfaisante', ar: 'مرضيا', en: 'Satisfactory' },
				{ fr: 'Pas du tout satisfaisante', ar: 'غير مرض إطلاقا', en: 'Not satisfactory at all' }
			],
			[38.43, 30.77, 30.77]
		)
	},
	{
		kind: 'single',
		label: {
			fr: 'Comment évaluez-vous globalement les prestations relatives à l’événement (hôtel, accueil/orientation, restauration) ?',
			ar: 'كيف تقيمون إجمالا الخدمات المتعلقة بالحدث (الفندق، الاستقبال والتوجيه، الإطعام)؟',
			en: 'Overall, how do you rate the event’s services (hotel, welcome and guidance, catering)?'
		},
		options: [
			{ fr: 'Très satisfaisantes', ar: 'مرضية جدا', en: 'Very satisfactory' },
			{ fr: 'Satisfaisantes', ar: 'مرضية', en: 'Satisfactory' },
			{ fr: 'Peu satisfaisantes', ar: 'قليلة الإرضاء', en: 'Not very satisfactory' }
		],
		reported: figures(
			[
				{ fr: 'Très satisfaisante', ar: 'مرضية جدا', en: 'Very satisfactory' },
				{ fr: 'Satisfaisantes', ar: 'مرضية', en: 'Satisfactory' },
				{ fr: 'Peu satisfaisantes', ar: 'قليلة الإرضاء', en: 'Not very satisfactory' }
			],
			[46.15, 53.85, 0]
		)
	},
	{
		kind: 'text',
		label: { fr: 'Quelles seraient vos principales préoccupations et suggestions pour des améliorations à venir ?', ar: 'ما هي أهم انشغالاتكم واقتراحاتكم للتحسينات المقبلة؟', en: 'What are your main concerns and suggestions for future improvements?' },
		reported: {
			percentages: [],
			note: {
				fr: 'Seuls six répondants ont partagé leurs suggestions, qui portaient principalement sur les points suivants : valoriser davantage les points de vue des MRE et immigrés, et accorder moins de place aux allocutions d’ouverture.',
				ar: 'لم يشارك اقتراحاته سوى ستة مجيبين، وتعلقت أساسا بما يلي: إبراز وجهات نظر مغاربة العالم والمهاجرين أكثر، وإعطاء حيز أقل للكلمات الافتتاحية.',
				en: 'Only six respondents shared suggestions, mainly: give more weight to the views of Moroccans abroad and of immigrants, and less room to opening speeches.'
			}
		}
	},
	{
		kind: 'single',
		label: { fr: 'De quelle catégorie relevez-vous ?', ar: 'إلى أي فئة تنتمون؟', en: 'Which category do you belong to?' },
		options: [
			{ fr: 'Partenaire-bénéficiaire de Sharaka', ar: 'شريك مستفيد من شراكة', en: 'Sharaka partner-beneficiary' },
			{ fr: 'Partenaire institutionnel européen', ar: 'شريك مؤسساتي أوروبي', en: 'European institutional partner' },
			{ fr: 'Collaborateur', ar: 'متعاون', en: 'Collaborator' },
			{ fr: 'Invité intéressé par le projet', ar: 'مدعو مهتم بالمشروع', en: 'Guest interested in the project' }
		],
		reported: {
			percentages: [],
			note: {
				fr: 'Question faiblement prise en compte : seuls 13 participants ont répondu « Partenaire-bénéficiaire de Sharaka ». Le rapport en conclut qu’on ne peut pas estimer si les répondants représentent la diversité des participants.',
				ar: 'سؤال لم يحظ بإجابات كافية: أجاب 13 مشاركا فقط بـ«شريك مستفيد من شراكة». ويستنتج التقرير أنه لا يمكن تقدير ما إذا كان المجيبون يمثلون تنوع المشاركين.',
				en: 'Little answered: only 13 participants answered “Sharaka partner-beneficiary”. The report concludes that it cannot tell whether the respondents represent the diversity of the participants.'
			}
		}
	}
];

const finalEventSurvey = {
	slug: 'evaluation-evenement-final-sharaka-2017',
	event: 'evenement-final-sharaka-2017',
	settings: {
		title: { fr: 'Évaluation de l’événement final de SHARAKA', ar: 'تقييم الحدث الختامي لمشروع شراكة', en: 'Evaluation of the SHARAKA final event' },
		intro: {
			fr: 'Questionnaire très court et anonyme envoyé la semaine suivant l’événement final aux 132 participants dont l’adresse électronique était connue, clos après 15 jours avec 48 réponses complètes. Les réponses individuelles ne sont pas dans les sources : seuls les taux publiés par le rapport sont repris ici.',
			ar: 'استبيان قصير جدا ومجهول الهوية أرسل في الأسبوع الموالي للحدث الختامي إلى 132 مشاركا تتوفر عناوينهم الإلكترونية، وأغلق بعد 15 يوما بـ48 إجابة كاملة. الإجابات الفردية غير متوفرة في المصادر: لا ترد هنا إلا النسب التي نشرها التقرير.',
			en: 'A very short anonymous questionnaire sent the week after the final event to the 132 participants whose e-mail address was known, closed after 15 days with 48 complete answers. The individual answers are not in the sources: only the rates the report printed are given here.'
		},
		status: 'published',
		anonymous: 'on',
		resultsPublic: 'on',
		// "la semaine suivant l'événement" and "un délai de 15 jours": the days themselves are not in the seeds
		opensAt: '2017-11-20T00:00',
		closesAt: '2017-12-05T00:00'
	},
	reported: {
		invited: 132,
		completeAnswers: 48,
		note: {
			fr: 'Dates d’ouverture et de clôture approximées (« la semaine suivant l’événement », « un délai de 15 jours »).',
			ar: 'تاريخا الفتح والإغلاق تقريبيان («الأسبوع الموالي للحدث»، «أجل 15 يوما»).',
			en: 'Opening and closing dates approximated (“the week after the event”, “15 days”).'
		}
	},
	sources: [{ citation: 'Synthèse de l’événement de clôture, 15 et 16 novembre 2017 — annexe 3.3 « Évaluation de l’événement »' }],
	questions: finalEventQuestions
};

const sampleSurvey = {
	slug: 'exemple-satisfaction-atelier-mobilite',
	event: 'exemple-atelier-mobilite-competences',
	settings: {
		title: { fr: 'Exemple : satisfaction des participants à l’atelier', ar: 'مثال: رضا المشاركين في الورشة', en: 'Example: participants’ satisfaction with the workshop' },
		intro: { fr: 'Questionnaire fictif pour la démonstration.', ar: 'استبيان وهمي للعرض.', en: 'A fictional questionnaire for the demonstration.' },
		status: 'published',
		anonymous: 'on',
		publicLink: 'on',
		resultsPublic: 'on',
		closesAt: '2027-04-10T23:59'
	},
	sources: [{ citation: 'Échantillon fictif' }],
	questions: [
		{ kind: 'scale', required: true, scale: [1, 5], label: { fr: 'Quelle note donnez-vous à l’atelier ?', ar: 'ما هي النقطة التي تمنحونها للورشة؟', en: 'How do you rate the workshop?' } },
		{
			kind: 'multiple',
			label: { fr: 'Quelles sessions avez-vous suivies ?', ar: 'ما هي الجلسات التي تابعتموها؟', en: 'Which sessions did you attend?' },
			options: [
				{ fr: 'Plénière d’ouverture', ar: 'الجلسة العامة الافتتاحية', en: 'Opening plenary' },
				{ fr: 'Table ronde sur les compétences', ar: 'مائدة مستديرة حول الكفاءات', en: 'Round table on skills' },
				{ fr: 'Présentation des outils', ar: 'تقديم الأدوات', en: 'Presentation of the tools' }
			]
		},
		{
			kind: 'single',
			required: true,
			label: { fr: 'Recommanderiez-vous cet atelier à un collègue ?', ar: 'هل توصون زميلا بهذه الورشة؟', en: 'Would you recommend this workshop to a colleague?' },
			options: [
				{ fr: 'Oui', ar: 'نعم', en: 'Yes' },
				{ fr: 'Non', ar: 'لا', en: 'No' }
			]
		},
		{ kind: 'text', conditionOn: { index: 2, options: [1] }, label: { fr: 'Pourquoi pas ?', ar: 'لم لا؟', en: 'Why not?' } }
	] as SeedQuestion[]
};

/** A named (not anonymous) sample survey that the demo member answered through their link. */
const sampleNamedSurvey = {
	slug: 'exemple-suivi-participants-atelier',
	event: 'exemple-atelier-mobilite-competences',
	settings: {
		title: { fr: 'Exemple : suivi des participants de l’atelier', ar: 'مثال: تتبع المشاركين في الورشة', en: 'Example: follow-up of the workshop’s participants' },
		intro: { fr: 'Questionnaire fictif et nominatif pour la démonstration.', ar: 'استبيان وهمي غير مجهول للعرض.', en: 'A fictional, named questionnaire for the demonstration.' },
		status: 'published',
		publicLink: 'on',
		closesAt: '2027-04-10T23:59'
	},
	sources: [{ citation: 'Échantillon fictif' }],
	questions: [
		{
			kind: 'single',
			required: true,
			label: { fr: 'Souhaitez-vous être recontacté pour les prochains ateliers ?', ar: 'هل تودون أن يتم الاتصال بكم بخصوص الورشات المقبلة؟', en: 'Would you like to be contacted about the next workshops?' },
			options: [
				{ fr: 'Oui', ar: 'نعم', en: 'Yes' },
				{ fr: 'Non', ar: 'لا', en: 'No' }
			]
		}
	] as SeedQuestion[]
};

async function insertSeedSurvey(db: Db, entry: typeof finalEventSurvey | typeof sampleSurvey | typeof sampleNamedSurvey, isSample: boolean) {
	const [present] = await db.select({ id: survey.id }).from(survey).where(eq(survey.slug, entry.slug));
	if (present) return null;
	const [linked] = await db.select({ id: event.id }).from(event).where(eq(event.slug, entry.event));
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	return ctx.transaction(async (tx) => {
		const row = await insertSurvey(tx, { ...entry.settings, event: linked ? entry.event : undefined }, { slug: entry.slug, isSample, reported: 'reported' in entry ? entry.reported : null, sources: entry.sources });
		const ids: string[] = [];
		const options: { value: string }[][] = [];
		for (const [index, question] of entry.questions.entries()) {
			const values = (question.options ?? []).map((label, position) => ({ value: `o${position + 1}`, label }));
			const condition = question.conditionOn ? { question: ids[question.conditionOn.index], values: question.conditionOn.options.map((position) => options[question.conditionOn!.index][position].value) } : null;
			const [saved] = await tx.db
				.insert(surveyQuestion)
				.values({
					surveyId: row.id,
					position: index + 1,
					kind: question.kind,
					label: question.label,
					required: question.required ?? false,
					options: values,
					scaleMin: question.scale?.[0] ?? null,
					scaleMax: question.scale?.[1] ?? null,
					condition,
					reported: question.reported ?? null
				})
				.returning({ id: surveyQuestion.id });
			ids.push(saved.id);
			options.push(values);
		}
		return { row, ids };
	});
}

export async function ensureSurveysReferenceData(db: Db) {
	await insertSeedSurvey(db, finalEventSurvey, false);
}

/** The sample survey and 24 sample answers (deterministic), so that its results page is not empty. */
export async function loadSurveysDemoData(db: Db) {
	await loadNamedSample(db);
	const inserted = await insertSeedSurvey(db, sampleSurvey, true);
	if (!inserted) return;
	const [scale, sessions, recommend, why] = inserted.ids;
	for (let person = 0; person < 24; person++) {
		const [response] = await db
			.insert(surveyResponse)
			.values({ surveyId: inserted.row.id, submittedAt: new Date(Date.UTC(2026, 10, 1 + (person % 20))), isSample: true })
			.returning({ id: surveyResponse.id });
		const wouldRecommend = person % 6 !== 5;
		const answers = [
			{ questionId: scale, scale: [5, 4, 4, 3, 5, 2][person % 6], choices: null, text: null },
			{ questionId: sessions, choices: [['o1', 'o2'], ['o2'], ['o1', 'o3'], ['o3'], ['o1', 'o2', 'o3']][person % 5], scale: null, text: null },
			{ questionId: recommend, choices: [wouldRecommend ? 'o1' : 'o2'], scale: null, text: null },
			...(wouldRecommend ? [] : [{ questionId: why, text: person % 12 === 5 ? 'Trop de discours, pas assez d’échanges (exemple).' : 'Horaires difficiles pour venir de loin (exemple).', choices: null, scale: null }])
		];
		await db.insert(surveyAnswer).values(answers.map((answer) => ({ ...answer, responseId: response.id, surveyId: inserted.row.id })));
	}
}


/** The named sample survey and the demo member's answer to it (through the link sent to their registration). */
async function loadNamedSample(db: Db) {
	const inserted = await insertSeedSurvey(db, sampleNamedSurvey, true);
	if (!inserted) return;
	const [member] = await db.select({ id: user.id, email: user.email }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	if (!member) return;
	const [registration] = await db.select({ id: eventRegistration.id }).from(eventRegistration).where(eq(eventRegistration.userId, member.id));
	const answeredAt = new Date(Date.UTC(2026, 10, 3, 10));
	const [invitation] = await db
		.insert(surveyInvitation)
		.values({ surveyId: inserted.row.id, email: member.email, registrationId: registration?.id ?? null, userId: member.id, language: 'fr', tokenHash: null, sentAt: new Date(Date.UTC(2026, 10, 1, 9)), answeredAt })
		.returning({ id: surveyInvitation.id });
	const [response] = await db
		.insert(surveyResponse)
		.values({ surveyId: inserted.row.id, userId: member.id, invitationId: invitation.id, submittedAt: answeredAt, isSample: true })
		.returning({ id: surveyResponse.id });
	await db.insert(surveyAnswer).values({ responseId: response.id, questionId: inserted.ids[0], surveyId: inserted.row.id, choices: ['o1'] });
	await db.insert(surveyRespondent).values({ surveyId: inserted.row.id, userId: member.id, answeredOn: new Date(Date.UTC(2026, 10, 3)) });
}
