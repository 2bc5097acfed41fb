// Demo data of the diaspora directories: two fictional houses of Moroccans of the world and one MRE desk run by
// the missions' fictional regional council, and three fictional diaspora associations (organisations named
// "(exemple)" of the type `diaspora_association`) in the sample networks. All badged; nothing is presented as
// real (the seeds name no house, desk or association in enough detail to enter one).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { directorySearchText } from '../../../platform/directory/directory.service.ts';
import { associations, houses, mreDesks, NETWORK_LINK } from './directories.ts';

const sampleAssociations = [
	{ slug: 'exemple-association-lyon', name: 'Association des compétences marocaines de Lyon (exemple)', acronym: 'ACML', type: 'diaspora_association' as const, country: 'FR' },
	{ slug: 'exemple-association-bruxelles', name: 'Association Pont Bruxelles–Maroc (exemple)', acronym: null, type: 'diaspora_association' as const, country: 'BE' },
	{ slug: 'exemple-association-montreal', name: 'Association des jeunes Marocains de Montréal (exemple)', acronym: 'AJMM', type: 'diaspora_association' as const, country: 'CA' }
];

type Sample = {
	collection: string;
	organisation: string;
	name: Record<string, string>;
	description: Record<string, string>;
	services: string[];
	regions: string[];
	cities: string[];
	address?: string;
	phone?: string;
	email?: string;
	links?: string[];
};

const samples: Sample[] = [
	{
		collection: houses.key,
		organisation: 'exemple-conseil-regional',
		name: { fr: 'Maison des Marocains du monde de l’Oriental (exemple)', ar: 'دار مغاربة العالم بجهة الشرق (مثال)', en: 'House of Moroccans of the world, Oriental (example)' },
		description: {
			fr: 'Accueil, information et orientation des Marocains du monde et de leurs familles : démarches, investissement, activités culturelles pendant l’été.',
			ar: 'استقبال مغاربة العالم وأسرهم وإخبارهم وتوجيههم: المساطر الإدارية والاستثمار والأنشطة الثقافية خلال الصيف.'
		},
		services: ['information', 'administrative_procedures', 'investment', 'culture'],
		regions: ['MA-02'],
		cities: ['Oujda'],
		address: '1, avenue de l’exemple, Oujda',
		phone: '+212 5 00 00 00 01',
		email: 'maison-oriental@exemple.invalid'
	},
	{
		collection: houses.key,
		organisation: 'exemple-conseil-regional',
		name: { fr: 'Maison des Marocains du monde de Souss-Massa (exemple)', ar: 'دار مغاربة العالم بجهة سوس ماسة (مثال)' },
		description: { fr: 'Un guichet d’accueil et d’accompagnement juridique et social des Marocains du monde de la région.', ar: 'شباك لاستقبال مغاربة العالم بالجهة ومواكبتهم قانونيًا واجتماعيًا.' },
		services: ['information', 'legal_advice', 'social_support', 'return'],
		regions: ['MA-09'],
		cities: ['Agadir'],
		phone: '+212 5 00 00 00 02'
	},
	{
		collection: mreDesks.key,
		organisation: 'exemple-conseil-regional',
		name: { fr: 'Guichet MRE du centre régional d’investissement (exemple)', ar: 'شباك مغاربة العالم بالمركز الجهوي للاستثمار (مثال)', en: 'MRE desk of the regional investment centre (example)' },
		description: { fr: 'Un interlocuteur unique pour les projets d’investissement des Marocains du monde dans la région.', en: 'One contact for the investment projects of Moroccans of the world in the region.' },
		services: ['investment', 'administrative_procedures'],
		regions: ['MA-02'],
		cities: ['Oujda'],
		email: 'guichet-mre@exemple.invalid'
	},
	{
		collection: associations.key,
		organisation: 'exemple-association-lyon',
		name: { fr: 'Association des compétences marocaines de Lyon (exemple)' },
		description: { fr: 'Des ingénieurs et des chercheurs marocains de la région lyonnaise qui parrainent des étudiants et montent des missions d’expertise au Maroc.' },
		services: ['skills_transfer', 'education'],
		regions: ['MA-02', 'MA-06'],
		cities: ['Lyon'],
		links: [`${NETWORK_LINK}:exemple-talents-ile-de-france`, `${NETWORK_LINK}:exemple-ingenierie`]
	},
	{
		collection: associations.key,
		organisation: 'exemple-association-bruxelles',
		name: { fr: 'Association Pont Bruxelles–Maroc (exemple)', ar: 'جمعية جسر بروكسيل–المغرب (مثال)' },
		description: { fr: 'Solidarité et développement local : projets d’eau et d’écoles dans les communes d’origine.', ar: 'التضامن والتنمية المحلية: مشاريع الماء والمدارس في الجماعات الأصلية.' },
		services: ['solidarity', 'local_development', 'culture'],
		regions: ['MA-01'],
		cities: ['Bruxelles'],
		links: [`${NETWORK_LINK}:exemple-talents-belgique`]
	},
	{
		collection: associations.key,
		organisation: 'exemple-association-montreal',
		name: { fr: 'Association des jeunes Marocains de Montréal (exemple)', en: 'Young Moroccans of Montreal association (example)' },
		description: { fr: 'Entrepreneuriat des jeunes et liens avec les incubateurs au Maroc.', en: 'Young people’s entrepreneurship and links with incubators in Morocco.' },
		services: ['youth', 'entrepreneurship'],
		regions: [],
		cities: ['Montréal'],
		links: [`${NETWORK_LINK}:exemple-talents-canada`, `${NETWORK_LINK}:exemple-numerique`]
	}
];

/** Does nothing when sample entries exist already; leaves out an entry whose organisation is missing. */
export async function loadDirectoriesDemoData(db: Db): Promise<void> {
	const keys = [houses.key, mreDesks.key, associations.key];
	const [present] = await db.select({ id: directoryEntry.id }).from(directoryEntry).where(and(inArray(directoryEntry.collection, keys), eq(directoryEntry.isSample, true))).limit(1);
	if (present) return;
	await db.insert(organisation).values(sampleAssociations).onConflictDoNothing();
	const owners = await db.select().from(organisation).where(inArray(organisation.slug, [...new Set(samples.map((sample) => sample.organisation))]));
	const bySlug = new Map(owners.map((owner) => [owner.slug, owner]));
	const rows = samples.flatMap((sample) => {
		const owner = bySlug.get(sample.organisation);
		if (!owner) return [];
		const input = { name: sample.name, description: sample.description, eligibility: {}, cities: sample.cities };
		return [
			{
				collection: sample.collection,
				organisationId: owner.id,
				...input,
				services: sample.services,
				regions: sample.regions,
				languages: [],
				address: sample.address ?? null,
				phone: sample.phone ?? null,
				email: sample.email ?? null,
				links: sample.links ?? [],
				searchText: directorySearchText(input, owner),
				isSample: true
			}
		];
	});
	if (rows.length) await db.insert(directoryEntry).values(rows);
}
