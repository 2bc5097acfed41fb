// Pre-departure pages per host country (issue 10, item 7): a collection of the platform's versioned content
// pages — topics are host countries, one page per subject (rights, work contract, social security, living,
// contacts, return). Germany's and Spain's pages are real, written from official sources
// (predeparture-germany.ts, predeparture-spain.ts), and loaded as reference data: they replace the samples an
// earlier demo loaded under the same slugs as long as no editor has saved one. A country added without real
// pages gets demo samples saying so (badged); the division replaces them, with their sources, through the
// pages' edit form (each save a version, audited).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { ensureContentPages, type ContentCollection, type InitialContentPage } from '../../../platform/content/content-pages.service.ts';
import { contentPage, type ContentSource, type LocalisedList, type LocalisedText } from '../../../platform/content/content.table.ts';
import { germanyPages } from './predeparture-germany.ts';
import { spainPages } from './predeparture-spain.ts';

/** The host countries that have pre-departure pages (ISO 3166-1 alpha-2), in the list's order. */
export const predepartureCountries = ['ES', 'DE'] as const;
export type PredepartureCountry = (typeof predepartureCountries)[number];
export const predepartureSubjects = ['rights', 'contract', 'social_security', 'living', 'contacts', 'return'] as const;
export type PredepartureSubject = (typeof predepartureSubjects)[number];

/** A real page of a host country, in the three languages, with the official sources it was written from. */
export interface RealPredeparturePage {
	title: LocalisedText;
	summary: LocalisedText;
	body: LocalisedText;
	steps: LocalisedList;
	sources: ContentSource[];
}

export const predeparturePages: ContentCollection<PredepartureCountry> = {
	key: 'jobs.predeparture',
	topics: predepartureCountries,
	editAction: 'placement.predeparture.edit',
	auditResource: 'predeparture_page',
	path: (language, slug) => `/${language}/jobs/placement/prepare/${slug}`
};

/** The slug of a country's page on a subject: `es-social-security`. */
export const predepartureSlug = (country: string, subject: PredepartureSubject) => `${country.toLowerCase()}-${subject.replace('_', '-')}`;

const names: Record<PredepartureCountry, { fr: string; ar: string; en: string }> = {
	ES: { fr: 'Espagne', ar: 'إسبانيا', en: 'Spain' },
	DE: { fr: 'Allemagne', ar: 'ألمانيا', en: 'Germany' }
};
const subjects = {
	rights: { fr: 'Vos droits', ar: 'حقوقكم', en: 'Your rights' },
	contract: { fr: 'Le contrat de travail', ar: 'عقد العمل', en: 'The work contract' },
	social_security: { fr: 'La sécurité sociale', ar: 'الضمان الاجتماعي', en: 'Social security' },
	living: { fr: 'Vivre sur place', ar: 'الحياة هناك', en: 'Living there' },
	contacts: { fr: 'Contacts utiles', ar: 'جهات اتصال مفيدة', en: 'Useful contacts' },
	return: { fr: 'Le retour', ar: 'العودة', en: 'The return' }
};

/** Sample pages (demo only): their text says they are samples and what the real page will hold. */
export function samplePredeparturePages(countries: readonly PredepartureCountry[] = sampleCountries): InitialContentPage<PredepartureCountry>[] {
	return countries.flatMap((country) =>
		predepartureSubjects.map((subject, position) => {
			const n = names[country];
			const s = subjects[subject];
			return {
				slug: predepartureSlug(country, subject),
				topic: country,
				position,
				sample: true,
				title: { fr: `${n.fr} — ${s.fr} (exemple)`, ar: `${n.ar} — ${s.ar} (مثال)`, en: `${n.en} — ${s.en} (sample)` },
				summary: {
					fr: `Page d’exemple : ce que la division du placement international écrira ici pour les départs vers ce pays, avec ses sources.`,
					ar: `صفحة مثال: ما سيكتبه قسم التشغيل الدولي هنا للسفر إلى هذا البلد، مع مصادره.`,
					en: `Sample page: what the international placement division will write here for departures to this country, with its sources.`
				},
				body: {
					fr: `Cette page est un exemple. Elle ne contient aucune information vérifiée sur ${n.fr} : la division du placement international la remplacera par un texte tiré des sources officielles (accord de partenariat, service public de l’emploi du pays d’accueil, ambassade et consulats), cité en bas de page. En attendant, posez vos questions à votre agence ANAPEC ou lors d’une séance d’orientation avant le départ.`,
					ar: `هذه الصفحة مثال. لا تتضمن أي معلومة متحقق منها عن ${n.ar}: سيستبدلها قسم التشغيل الدولي بنص مأخوذ من المصادر الرسمية (اتفاقية الشراكة، مصلحة التشغيل العمومية في بلد الاستقبال، السفارة والقنصليات)، مع ذكرها أسفل الصفحة. في انتظار ذلك، اطرحوا أسئلتكم على وكالتكم أو خلال جلسة التوجيه قبل السفر.`,
					en: `This page is a sample. It holds no checked information about ${n.en}: the international placement division will replace it with a text drawn from official sources (the partnership agreement, the host country's public employment service, the embassy and consulates), cited at the bottom. Meanwhile, ask your ANAPEC agency or at a pre-departure orientation session.`
				},
				steps: {},
				sources: [],
				reviewedOn: '2026-12-06'
			};
		})
	);
}

/** The real pages of each host country that has them, and the day their official sources were checked. */
const realPages = {
	DE: { pages: germanyPages, reviewedOn: '2026-12-07' },
	ES: { pages: spainPages, reviewedOn: '2026-12-07' }
} satisfies Partial<Record<PredepartureCountry, { pages: Record<PredepartureSubject, RealPredeparturePage>; reviewedOn: string }>>;

/** The host countries whose pages are real (written from official sources); the others' are samples. */
const realCountries: readonly (keyof typeof realPages)[] = ['DE', 'ES'];
const sampleCountries = predepartureCountries.filter((country) => !(realCountries as readonly PredepartureCountry[]).includes(country));

/** Germany's and Spain's pages, from official sources checked on 7 December 2026 (predeparture-germany.ts, predeparture-spain.ts). */
export function realPredeparturePages(): InitialContentPage<PredepartureCountry>[] {
	return realCountries.flatMap((country) => {
		const { pages, reviewedOn } = realPages[country];
		return predepartureSubjects.map((subject, position) => ({
			slug: predepartureSlug(country, subject),
			topic: country,
			position,
			...pages[subject],
			reviewedOn,
			replacesSampleComment: `Replaces the sample: the page written from official sources (checked on ${reviewedOn})`
		}));
	});
}

/** Reference data: the real pages (an untouched sample of the same slug is replaced; an edited page is left alone). */
export async function ensurePredeparturePages(db: Db) {
	await ensureContentPages(db, predeparturePages, realPredeparturePages());
}

/** Demo data: the real pages and the other countries' samples, if any (a page an editor has saved is left as it is). */
export async function loadPredepartureSamples(db: Db) {
	await ensureContentPages(db, predeparturePages, [...realPredeparturePages(), ...samplePredeparturePages()]);
}

/**
 * For each of these host countries (ISO codes) that has pre-departure pages, the slug of its first page (in
 * the list's order): where an offer abroad or a candidate's opportunity links. A country without a page is left out.
 */
export async function predepartureEntries(db: DbOrTx, countries: readonly string[]): Promise<Map<string, string>> {
	const wanted = [...new Set(countries.map((country) => country.toUpperCase()))];
	if (!wanted.length) return new Map();
	const rows = await db
		.select({ topic: contentPage.topic, slug: contentPage.slug })
		.from(contentPage)
		.where(and(eq(contentPage.collection, predeparturePages.key), inArray(contentPage.topic, wanted)))
		.orderBy(asc(contentPage.position), asc(contentPage.slug));
	const entries = new Map<string, string>();
	for (const row of rows) if (!entries.has(row.topic)) entries.set(row.topic, row.slug);
	return entries;
}
