import type { ContentSource } from '../../../platform/content/content.table.ts';
import type { InitialContentPage } from '../../../platform/content/content-pages.service.ts';
import { toBeCompletedMarker } from '../return.model.ts';
import type { ResponderRole } from './crisis.model.ts';

/**
 * The first version of the responder's guide, one page per responder. The seeds name the guide
 * ("Guide de l'intervenant : plan de retour d'urgence des MRE") and the report behind it, not their
 * content: the steps below are the platform's own way of carrying out the plan (registration, contact,
 * evacuation, reception, referral, data deleted after the crisis), and each page says what the cell
 * still has to complete from the official guide.
 */
const reviewedOn = '2026-12-05';

const deliverables: ContentSource[] = [
	{ name: 'Synthèse de l’événement de clôture de SHARAKA, annexe 3.4, composante 4 : « Guide de l’intervenant : plan de retour d’urgence des MRE »' },
	{ name: 'Synthèse de l’événement de clôture de SHARAKA, annexe 3.4, composante 4 : « Rapport portant sur le retour d’urgence des Marocains Résidant à l’Etranger en cas de crise »' },
	{ name: 'Synthèse de l’événement de clôture de SHARAKA, §2.7 : « la mise en place d’un dispositif interinstitutionnel sur le rapatriement d’urgence »' }
];

const missing = {
	fr: `${toBeCompletedMarker.fr}\u00a0: les contacts, délais et procédures du plan interinstitutionnel de retour d’urgence ne figurent pas encore dans les sources de la plateforme. La cellule de crise les ajoute avec leurs sources.`,
	ar: `${toBeCompletedMarker.ar}: جهات الاتصال والآجال والمساطر الخاصة بالمخطط المشترك بين المؤسسات للعودة الاستعجالية غير واردة بعد في مصادر المنصة. تضيفها خلية الأزمة مع مصادرها.`,
	en: `${toBeCompletedMarker.en}: the contacts, time limits and procedures of the inter-institutional emergency return plan are not yet in the platform’s sources. The crisis cell adds them with their sources.`
};

type Text = { fr: string; ar: string; en: string };
const pages: Record<ResponderRole, { title: Text; summary: Text; steps: { fr: string[]; ar: string[]; en: string[] } }> = {
	cell: {
		title: { fr: 'Cellule de crise du ministère', ar: 'خلية الأزمة بالوزارة', en: 'The ministry’s crisis cell' },
		summary: {
			fr: 'La cellule ouvre la crise, répartit les personnes inscrites entre les relais, suit les chiffres et ferme la crise.',
			ar: 'تفتح الخلية الأزمة، وتوزع الأشخاص المسجلين على المتدخلين، وتتابع الأرقام، ثم تغلق الأزمة.',
			en: 'The cell opens the crisis, shares the registered people out between the relays, follows the figures and closes the crisis.'
		},
		steps: {
			fr: [
				'Ouvrir la crise sur la plateforme : pays et zones, date de début, contacts à afficher, durée de conservation des données.',
				'Diffuser l’adresse de la page d’inscription aux consulats, aux relais et aux médias de la communauté sur place.',
				'Confier chaque nouvelle inscription à un relais (consulat, coordinateur du réseau, association).',
				'Vérifier chaque jour les doublons possibles et les fusionner.',
				'Suivre les chiffres par statut, besoin et ville ; transmettre la liste CSV aux consulats qui la demandent.',
				'Fermer la crise quand chaque personne est accueillie ou orientée ; les données sont supprimées à la fin de la durée de conservation.'
			],
			ar: [
				'فتح الأزمة على المنصة: البلدان والمناطق، تاريخ البداية، جهات الاتصال المعروضة، مدة الاحتفاظ بالمعطيات.',
				'نشر عنوان صفحة التسجيل لدى القنصليات والمتدخلين ووسائل إعلام الجالية في عين المكان.',
				'إسناد كل تسجيل جديد إلى متدخل (قنصلية، منسق الشبكة، جمعية).',
				'التحقق يوميا من التسجيلات المكررة المحتملة ودمجها.',
				'متابعة الأرقام حسب الوضعية والحاجة والمدينة؛ وإرسال لائحة CSV إلى القنصليات التي تطلبها.',
				'إغلاق الأزمة عندما يُستقبل كل شخص أو يُوجَّه؛ تُحذف المعطيات عند انتهاء مدة الاحتفاظ.'
			],
			en: [
				'Open the crisis on the platform: countries and areas, start date, contacts to show, how long the data is kept.',
				'Send the registration page’s address to the consulates, the relays and the community’s media in the area.',
				'Assign each new registration to a relay (consulate, network coordinator, association).',
				'Check possible duplicates every day and merge them.',
				'Follow the figures by status, need and city; send the CSV list to the consulates that ask for it.',
				'Close the crisis when every person is received or referred; the data is deleted at the end of the retention period.'
			]
		}
	},
	consulate: {
		title: { fr: 'Consulats', ar: 'القنصليات', en: 'Consulates' },
		summary: {
			fr: 'Le consulat contacte les personnes qui lui sont confiées, règle leurs documents de voyage et suit leur départ.',
			ar: 'تتصل القنصلية بالأشخاص المسندين إليها، وتسوي وثائق سفرهم، وتتابع مغادرتهم.',
			en: 'The consulate contacts the people assigned to it, sorts out their travel documents and follows their departure.'
		},
		steps: {
			fr: [
				'Lire chaque jour les inscriptions confiées au consulat.',
				'Contacter chaque personne et enregistrer le statut « contactée ».',
				'Traiter les documents de voyage des personnes qui ont le besoin « documents ».',
				'Enregistrer « évacuée » quand la personne a quitté la zone, y compris par ses propres moyens.',
				'Signaler à la cellule toute personne injoignable après plusieurs essais.'
			],
			ar: [
				'الاطلاع يوميا على التسجيلات المسندة إلى القنصلية.',
				'الاتصال بكل شخص وتسجيل وضعية «تم الاتصال».',
				'معالجة وثائق السفر للأشخاص الذين سجلوا حاجة «الوثائق».',
				'تسجيل «تم الإجلاء» عندما يغادر الشخص المنطقة، بما في ذلك بوسائله الخاصة.',
				'إبلاغ الخلية بكل شخص تعذر الاتصال به بعد عدة محاولات.'
			],
			en: [
				'Read the registrations assigned to the consulate every day.',
				'Contact each person and record the status “contacted”.',
				'Handle the travel documents of people who need “documents”.',
				'Record “evacuated” when the person has left the area, including by their own means.',
				'Tell the cell about anyone who cannot be reached after several attempts.'
			]
		}
	},
	coordinator: {
		title: { fr: 'Coordinateurs du réseau au Maroc', ar: 'منسقو الشبكة بالمغرب', en: 'Network coordinators in Morocco' },
		summary: {
			fr: 'Le coordinateur accueille les personnes à leur arrivée et les oriente vers la réintégration suivie quand elles en ont besoin.',
			ar: 'يستقبل المنسق الأشخاص عند وصولهم ويوجههم نحو إعادة الإدماج المواكَبة عند الحاجة.',
			en: 'The coordinator receives people on arrival and refers them to followed reintegration when they need it.'
		},
		steps: {
			fr: [
				'Préparer l’accueil à l’arrivée avec les associations du réseau (transport, hébergement, soins).',
				'Enregistrer « accueillie au Maroc » à l’arrivée de chaque personne.',
				'Proposer une réintégration suivie aux personnes qui en ont besoin et, avec leur accord, ouvrir leur dossier.',
				'Enregistrer « orientée vers la réintégration » une fois le dossier ouvert ou la personne orientée.'
			],
			ar: [
				'التحضير للاستقبال عند الوصول مع جمعيات الشبكة (النقل، الإيواء، العلاج).',
				'تسجيل «تم الاستقبال بالمغرب» عند وصول كل شخص.',
				'اقتراح إعادة إدماج مواكَبة على من يحتاجها، وفتح ملفه بموافقته.',
				'تسجيل «تم التوجيه نحو إعادة الإدماج» بعد فتح الملف أو توجيه الشخص.'
			],
			en: [
				'Prepare the reception on arrival with the network’s associations (transport, shelter, care).',
				'Record “received in Morocco” when each person arrives.',
				'Offer followed reintegration to the people who need it and, with their consent, open their case.',
				'Record “referred to reintegration” once the case is open or the person referred.'
			]
		}
	},
	association: {
		title: { fr: 'Associations', ar: 'الجمعيات', en: 'Associations' },
		summary: {
			fr: 'L’association aide les personnes qui lui sont confiées sur place ou à l’arrivée : abri, soins, transport.',
			ar: 'تساعد الجمعية الأشخاص المسندين إليها في عين المكان أو عند الوصول: الإيواء، العلاج، النقل.',
			en: 'The association helps the people assigned to it in the area or on arrival: shelter, care, transport.'
		},
		steps: {
			fr: [
				'Lire chaque jour les inscriptions confiées à l’association.',
				'Contacter en priorité les personnes qui ont un besoin médical ou d’abri.',
				'Enregistrer chaque changement de statut dès qu’il a lieu.',
				'Ne copier aucune donnée des personnes hors de la plateforme.'
			],
			ar: [
				'الاطلاع يوميا على التسجيلات المسندة إلى الجمعية.',
				'الاتصال بالأولوية بالأشخاص الذين لديهم حاجة طبية أو حاجة إلى الإيواء.',
				'تسجيل كل تغيير في الوضعية فور حدوثه.',
				'عدم نسخ أي معطى عن الأشخاص خارج المنصة.'
			],
			en: [
				'Read the registrations assigned to the association every day.',
				'Contact first the people who need medical care or shelter.',
				'Record each change of status as soon as it happens.',
				'Copy no one’s data outside the platform.'
			]
		}
	}
};

const positions: Record<ResponderRole, number> = { cell: 0, consulate: 1, coordinator: 2, association: 3 };

export const initialResponderPages: InitialContentPage<ResponderRole>[] = (Object.keys(pages) as ResponderRole[]).map((role) => ({
	slug: role,
	topic: role,
	position: positions[role],
	title: pages[role].title,
	summary: pages[role].summary,
	body: { fr: missing.fr, ar: missing.ar, en: missing.en },
	steps: pages[role].steps,
	sources: deliverables,
	reviewedOn
}));
