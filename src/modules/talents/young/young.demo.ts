// Demo data of the young generations' page: three fictional support schemes (named "(exemple)", badged), run by
// the missions' fictional institutions. Nothing is presented as real; the real references of the page are the
// seeds' study and synthesis on the young generations (support-schemes.ts, `youngReferences`).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { directorySearchText } from '../../../platform/directory/directory.service.ts';
import { supportSchemes, type SchemeService } from './support-schemes.ts';

const samples: { organisation: string; name: Record<string, string>; description: Record<string, string>; eligibility: Record<string, string>; services: SchemeService[]; regions: string[] }[] = [
	{
		organisation: 'exemple-conseil-regional',
		name: { fr: 'Fonds régional d’amorçage des jeunes de la diaspora (exemple)', ar: 'الصندوق الجهوي لانطلاق مشاريع شباب مغاربة العالم (مثال)' },
		description: {
			fr: 'Une avance remboursable et un accompagnement de douze mois pour les jeunes Marocains du monde qui créent une entreprise dans la région.',
			ar: 'تسبيق قابل للاسترجاع ومواكبة لمدة اثني عشر شهرًا لشباب مغاربة العالم الذين ينشئون مقاولة في الجهة.'
		},
		eligibility: { fr: 'Moins de 35 ans, projet implanté dans la région.', ar: 'أقل من 35 سنة، ومشروع متواجد في الجهة.' },
		services: ['funding', 'coaching'],
		regions: ['MA-02']
	},
	{
		organisation: 'exemple-universite',
		name: { fr: 'Incubateur universitaire ouvert à la diaspora (exemple)', en: 'University incubator open to the diaspora (example)' },
		description: { fr: 'Six mois d’incubation, un bureau et des mentors pour les projets innovants portés par des étudiants ou des jeunes diplômés de la diaspora.', en: 'Six months of incubation, a desk and mentors for innovative projects of diaspora students and young graduates.' },
		eligibility: { fr: 'Étudiants et jeunes diplômés, projet innovant.' },
		services: ['incubation', 'coaching', 'networking'],
		regions: []
	},
	{
		organisation: 'exemple-conseil-regional',
		name: { fr: 'Guichet d’information sur l’investissement (exemple)' },
		description: { fr: 'Un guichet qui renseigne les Marocains du monde sur les démarches, le foncier et les aides à l’investissement dans la région.' },
		eligibility: {},
		services: ['investment_information', 'training'],
		regions: ['MA-02']
	}
];

/** Does nothing when sample schemes exist already, or when the fictional institutions are not there. */
export async function loadYoungDemoData(db: Db): Promise<void> {
	const [present] = await db.select({ id: directoryEntry.id }).from(directoryEntry).where(and(eq(directoryEntry.collection, supportSchemes.key), eq(directoryEntry.isSample, true))).limit(1);
	if (present) return;
	const owners = await db.select().from(organisation).where(inArray(organisation.slug, [...new Set(samples.map((sample) => sample.organisation))]));
	const bySlug = new Map(owners.map((owner) => [owner.slug, owner]));
	const rows = samples.flatMap((sample) => {
		const owner = bySlug.get(sample.organisation);
		if (!owner) return [];
		const input = { name: sample.name, description: sample.description, eligibility: sample.eligibility, cities: [] as string[] };
		return [
			{
				collection: supportSchemes.key,
				organisationId: owner.id,
				...input,
				services: sample.services,
				regions: sample.regions,
				languages: [],
				searchText: directorySearchText(input, owner),
				isSample: true
			}
		];
	});
	if (rows.length) await db.insert(directoryEntry).values(rows);
}
