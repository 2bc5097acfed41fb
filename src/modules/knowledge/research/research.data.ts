// The seeds' study of Moroccan research on migration (2010–2016) as its findings, and a badged sample
// researcher profile (the demo member's), so that the directory is not empty in a demonstration.
import { eq } from 'drizzle-orm';
import { user } from '../../../platform/accounts/accounts.table.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Translated } from '../knowledge.table.ts';
import { RESEARCH_STUDY as STUDY, type FindingKind } from './research.model.ts';
import { researcher, researchFinding } from './research.table.ts';

const SOURCE = 'Synthèse de l’événement de clôture de SHARAKA, §2.11 « Valorisation de la recherche marocaine sur les migrations »';

/** Seed 002 §2.11, sentence by sentence: what the study found, recommends, and what is to be done next. */
const findings: { kind: FindingKind; text: Translated }[] = [
	{
		kind: 'finding',
		text: {
			fr: 'La recherche marocaine sur les migrations est très dynamique et réactive aux évolutions thématiques récentes, mais ses travaux restent rarement pris en compte par les décideurs politiques.',
			ar: 'البحث المغربي حول الهجرة دينامي جدا ويتفاعل مع التطورات الموضوعاتية الحديثة، لكن أعماله نادرا ما يأخذها صناع القرار السياسي بعين الاعتبار.',
			en: 'Moroccan research on migration is very dynamic and responsive to recent thematic developments, but its work is rarely taken into account by policy makers.'
		}
	},
	{
		kind: 'finding',
		text: {
			fr: 'Cette recherche en plein essor manque d’appui de la part des institutions et des partenaires.',
			ar: 'يفتقر هذا البحث المزدهر إلى دعم المؤسسات والشركاء.',
			en: 'This fast-growing research lacks support from institutions and partners.'
		}
	},
	{
		kind: 'finding',
		text: {
			fr: 'Sur 2010–2016, l’étude recense les principaux acteurs et les principales thématiques de recherche au Maroc, et les modalités de soutien à cette recherche.',
			ar: 'خلال الفترة 2010–2016، ترصد الدراسة أهم الفاعلين وأهم مواضيع البحث في المغرب وأشكال دعم هذا البحث.',
			en: 'Over 2010–2016, the study lists the main actors and research themes in Morocco, and the ways this research is supported.'
		}
	},
	{
		kind: 'recommendation',
		text: {
			fr: 'Favoriser l’émergence d’une communauté scientifique marocaine autonome autour des migrations, à même d’intervenir dans le débat public.',
			ar: 'تشجيع بروز مجتمع علمي مغربي مستقل حول الهجرة، قادر على المساهمة في النقاش العمومي.',
			en: 'Foster an autonomous Moroccan scientific community on migration, able to take part in public debate.'
		}
	},
	{
		kind: 'next_step',
		text: {
			fr: 'À partir de l’exemple de l’Observatoire national de la migration en Tunisie, définir comment structurer cette communauté et ses partenariats avec les pouvoirs publics, pour alimenter en connaissances fiables la gouvernance des migrations au Maroc tout en préservant une certaine indépendance.',
			ar: 'انطلاقا من مثال المرصد الوطني للهجرة في تونس، تحديد كيفية هيكلة هذا المجتمع وشراكاته مع السلطات العمومية، لتزويد حكامة الهجرة في المغرب بمعارف موثوقة مع الحفاظ على قدر من الاستقلالية.',
			en: 'Building on the example of Tunisia’s National Observatory of Migration, define how to structure this community and its partnerships with public authorities, to give the governance of migration in Morocco reliable knowledge while keeping some independence.'
		}
	}
];

export async function ensureResearchReferenceData(db: Db) {
	const [present] = await db.select({ id: researchFinding.id }).from(researchFinding).where(eq(researchFinding.document, STUDY)).limit(1);
	if (present) return;
	await db.insert(researchFinding).values(findings.map((finding, index) => ({ document: STUDY, position: index + 1, kind: finding.kind, text: finding.text, source: SOURCE })));
}

export async function loadResearchDemoData(db: Db) {
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	if (!member) return;
	const [present] = await db.select({ id: researcher.id }).from(researcher).where(eq(researcher.userId, member.id));
	if (present) return;
	await db.insert(researcher).values({
		userId: member.id,
		slug: 'exemple-awa-membre',
		name: 'Awa Membre (exemple)',
		position: 'Doctorante (profil fictif)',
		institution: null,
		themes: ['immigrant_integration', 'migration_research'],
		regions: ['MA-04'],
		bio: { fr: 'Profil fictif pour la démonstration.', ar: 'ملف وهمي للعرض.' },
		works: [STUDY],
		visible: true,
		consentAt: new Date(),
		isSample: true
	});
}
