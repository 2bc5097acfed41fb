// The concertation bodies the seeds name, with what the seeds say of them and nothing more; each fact cites its
// place in /work/shared/seeds. The seeds give no member list, date of creation, meeting or decision. The Oriental's
// space is named by the seeds; the Kayes region's, its model, is not: it is named here after what they say of it.
import type { z } from 'zod';
import type { BodyInput } from '../concertation.service.ts';

const S001 = 'Seed 001 (SHARAKA, lettre d’information n°10, novembre 2017), « Composante 1 : Echanges […] Mali-Maroc dans le cadre de PRIMO »';
const S002 = 'Seed 002 (SHARAKA, synthèse de l’événement de clôture, 15 et 16 novembre 2017), §2.4 « La régionalisation des politiques migratoires »';

export const realBodies: z.input<typeof BodyInput>[] = [
	{
		country: 'MA',
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
	},
	{
		// seed 001: the Oriental's space follows « un modèle comparable à celui mis en place depuis 10 ans dans la région
		// de Kayes » (November 2017); seeds 001 and 002: the two regions' framework convention, October 2017
		country: 'ML',
		region: 'ML-1',
		name: {
			fr: 'Concertation régionale sur les migrations de la région de Kayes',
			ar: 'التشاور الجهوي حول الهجرة في منطقة كايس',
			en: 'Kayes region regional concertation on migration'
		},
		termsOfReference: {
			fr: 'Outil de concertation régionale sur les migrations de la région de Kayes (Mali), en place depuis dix ans en novembre 2017 selon les sources, qui en font le modèle de l’Espace régional de concertation sur les migrations de l’Oriental. En octobre 2017, la Région de Kayes et la Région de l’Oriental ont signé à Oujda une convention-cadre de coopération ; la mission a aussi porté sur l’échange d’expériences en matière d’outils de gouvernance de la migration. Les sources n’en donnent ni le nom officiel (le nom ci-dessus le décrit), ni les membres, ni la date exacte de création, ni les réunions.',
			ar: 'أداة للتشاور الجهوي حول الهجرة في منطقة كايس (مالي)، معمول بها منذ عشر سنوات في نونبر 2017 حسب المصادر، التي تجعل منها نموذج الفضاء الجهوي للتشاور حول الهجرة بجهة الشرق. في أكتوبر 2017، وقعت منطقة كايس وجهة الشرق في وجدة اتفاقية إطار للتعاون؛ وشملت الزيارة أيضا تبادل التجارب في مجال أدوات حكامة الهجرة. لا تذكر المصادر اسمها الرسمي (الاسم أعلاه يصفها)، ولا أعضاءها، ولا التاريخ المضبوط لإحداثها، ولا اجتماعاتها.',
			en: 'A regional concertation tool on migration in the Kayes region (Mali), in place for ten years in November 2017 according to the sources, which make it the model of the Oriental Regional Concertation Space on Migration. In October 2017 the Kayes Region and the Oriental Region signed a framework cooperation agreement in Oujda; the visit also covered the exchange of experience on migration governance tools. The sources give neither its official name (the name above describes it), nor its members, nor its exact date of creation, nor its meetings.'
		},
		originalLanguage: 'fr',
		status: 'active',
		sources: [
			{ citation: `${S001} : « sur un modèle comparable à celui mis en place depuis 10 ans dans la région de Kayes »` },
			{
				citation: `${S001} : « A la suite d'une mission des élus de l'Oriental à Kayes (Mali) en avril dernier, la Région de l'Oriental a invité la Région de Kayes du 10 au 21 Octobre à Oujda, afin de signer une convention cadre de coopération avec la région de Kayes. Cette mission a aussi porté sur l'échange d'expériences en matière d'outils de gouvernance de la migration. »`
			},
			{ citation: `${S002}, légende : « Signature d’une convention entre la Région de Kayes et la Région de l’Oriental, octobre 2017 »` }
		]
	}
];
