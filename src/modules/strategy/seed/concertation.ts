// The concertation bodies the seeds name, with what the seeds say of them and nothing more; each fact cites its
// place in /work/shared/seeds. The seeds give no member list, date of creation, meeting or decision.
import type { z } from 'zod';
import type { BodyInput } from '../concertation.service.ts';

const S001 = 'Seed 001 (SHARAKA, lettre d’information n°10, novembre 2017), « Composante 1 : Echanges […] Mali-Maroc dans le cadre de PRIMO »';
const S002 = 'Seed 002 (SHARAKA, synthèse de l’événement de clôture, 15 et 16 novembre 2017), §2.4 « La régionalisation des politiques migratoires »';

export const realBodies: z.input<typeof BodyInput>[] = [
	{
		region: 'MA-02',
		name: {
			fr: 'Espace régional de concertation sur les migrations de l’Oriental',
			ar: 'الفضاء الجهوي للتشاور حول الهجرة بجهة الشرق',
			en: 'Oriental Regional Concertation Space on Migration'
		},
		termsOfReference: {
			fr: 'Outil de concertation et de communication autour du suivi de la mise en œuvre du volet migratoire du Plan de développement régional de l’Oriental, en lien avec les stratégies nationales ; sur un modèle comparable à celui mis en place depuis dix ans dans la région de Kayes (Mali). Mis en place dans le cadre du projet PRIMO (SHARAKA), il rapproche les acteurs locaux des autorités régionales. Les sources n’en donnent ni les membres, ni la date de création, ni les réunions.',
			ar: 'أداة للتشاور والتواصل حول تتبع تنفيذ الشق المتعلق بالهجرة في مخطط التنمية الجهوية لجهة الشرق، بارتباط مع الاستراتيجيات الوطنية؛ على نموذج مماثل لذلك المعمول به منذ عشر سنوات في جهة كاي (مالي). أُحدث في إطار مشروع بريمو (شراكة)، ويقرّب الفاعلين المحليين من السلطات الجهوية. لا تذكر المصادر أعضاءه ولا تاريخ إحداثه ولا اجتماعاته.',
			en: 'A tool for concertation and communication on following how the migration component of the Oriental Regional Development Plan is carried out, in line with the national strategies; on a model comparable to the one in place for ten years in the Kayes region (Mali). Set up within the PRIMO project (SHARAKA), it brings local actors closer to the regional authorities. The sources give neither its members, nor its date of creation, nor its meetings.'
		},
		originalLanguage: 'fr',
		status: 'active',
		sources: [
			{
				citation: `${S001} : « l’Espace Régional de concertation sur les migrations de l’Oriental est aujourd’hui un outil de concertation et de communication autour du suivi de la mise en œuvre du volet migratoire du Plan de développement Régional de l’Oriental, en lien avec stratégies nationales »`
			},
			{ citation: `${S001} : « sur un modèle comparable à celui mis en place depuis 10 ans dans la région de Kayes »` },
			{ citation: `${S002} : PRIMO a permis « de mettre en réseau un certain nombre d’acteurs locaux […] et de les rapprocher des autorités régionales via la mise en place d’un Espace de Concertation »` }
		]
	}
];
