import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { organisationMember, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../../platform/audit/audit.service.ts';
import { ProfileInput } from './seekers.schemas.ts';
import { jobApplication, jobApplicationEvent, jobSavedSearch, seekerConsentEvent, seekerProfile } from './seekers.table.ts';
import type { ConsentScope } from './seekers.model.ts';
import { jobOffer } from '../job-offer.table.ts';
import { jobSavedOffer } from '../saved-offers/saved-offers.table.ts';
import { DEMO_EMPLOYER_EMAIL } from '../jobs.data.ts';

/** The reserved domain of the sample people's addresses (RFC 2606: never delivered). */
export const SAMPLE_SEEKER_DOMAIN = 'sample.sharaka.invalid';

type Sample = {
	name: string;
	consent: ConsentScope | null;
} & ProfileInput;

/**
 * Fictional job seekers, for the demo: regularised immigrants (Senegal, Côte d'Ivoire, Cameroon, Guinea,
 * Mali, DR Congo, Nigeria), refugees (DR Congo, Syria, Yemen, Sudan), Moroccans and Moroccans back from
 * abroad, seeking the occupations of the sample offers, with both kinds of consent and none.
 */
const samples: Sample[] = [
	{ name: 'Moussa Diallo', nationality: 'GN', residenceStatus: 'regularised_immigrant', city: 'Tanger', occupationCodes: ['7112', '9313'], skills: ['maçonnerie', 'coffrage', 'lecture de plans'], languages: [{ language: 'fr', level: 'B2' }, { language: 'ary', level: 'A2' }, { language: 'ff' }], placeCodes: ['MA-TNG', 'MA-01'], availability: 'immediately', experienceYears: 6, education: 'primary', consent: 'employers' },
	{ name: 'Aminata Traoré', nationality: 'ML', residenceStatus: 'regularised_immigrant', city: 'Casablanca', occupationCodes: ['9112', '9111'], skills: ['nettoyage', 'repassage', 'ménage'], languages: [{ language: 'fr', level: 'B1' }, { language: 'ary', level: 'A2' }, { language: 'bm' }], placeCodes: ['MA-CAS'], availability: 'immediately', experienceYears: 3, education: 'none', consent: 'employers' },
	{ name: 'Jean-Baptiste Kouassi', nationality: 'CI', residenceStatus: 'regularised_immigrant', city: 'Rabat', occupationCodes: ['4222', '5244'], skills: ['relation client', 'informatique', 'vente'], languages: [{ language: 'fr', level: 'C2' }, { language: 'en', level: 'B1' }], placeCodes: ['MA-CAS', 'MA-RAB'], availability: 'immediately', experienceYears: 2, education: 'baccalaureate', consent: 'employers' },
	{ name: 'Grace Mbarga', nationality: 'CM', residenceStatus: 'regularised_immigrant', city: 'Tanger', occupationCodes: ['4222', '4224'], skills: ['customer service', 'CRM', 'accueil'], languages: [{ language: 'en', level: 'C1' }, { language: 'fr', level: 'C1' }], placeCodes: ['MA-TNG'], availability: 'within_month', experienceYears: 4, education: 'bachelor', consent: 'employers' },
	{ name: 'Ibrahima Sow', nationality: 'SN', residenceStatus: 'regularised_immigrant', city: 'Marrakech', occupationCodes: ['7122', '7112'], skills: ['carrelage', 'zellige', 'finitions'], languages: [{ language: 'fr', level: 'B1' }, { language: 'ary', level: 'B1' }, { language: 'wo' }], placeCodes: ['MA-MAR', 'MA-07'], availability: 'immediately', experienceYears: 5, education: 'primary', consent: 'employers' },
	{ name: 'Fatou Ndiaye', nationality: 'SN', residenceStatus: 'regularised_immigrant', city: 'Marrakech', occupationCodes: ['5120', '9412'], skills: ['cuisine marocaine', 'hygiène alimentaire', 'pâtisserie'], languages: [{ language: 'fr', level: 'B2' }, { language: 'ary', level: 'A2' }, { language: 'wo' }], placeCodes: ['MA-MAR'], availability: 'immediately', experienceYears: 4, education: 'vocational', consent: 'counsellors' },
	{ name: 'Patrick Ilunga', nationality: 'CD', residenceStatus: 'refugee', city: 'Salé', occupationCodes: ['7411'], skills: ['électricité bâtiment', 'tableaux électriques', 'normes'], languages: [{ language: 'fr', level: 'C1' }, { language: 'en', level: 'A2' }, { language: 'ln' }], placeCodes: ['MA-RAB', 'MA-SAL'], availability: 'immediately', experienceYears: 7, education: 'vocational', consent: 'employers' },
	{ name: 'Christelle Mukendi', nationality: 'CD', residenceStatus: 'refugee', city: 'Casablanca', occupationCodes: ['5322', '9111'], skills: ['aide à la personne', 'patience', 'cuisine'], languages: [{ language: 'fr', level: 'C1' }, { language: 'ln' }], placeCodes: ['MA-CAS'], availability: 'within_month', experienceYears: 2, education: 'secondary', consent: 'counsellors' },
	{ name: 'Mamadou Camara', nationality: 'GN', residenceStatus: 'regularised_immigrant', city: 'Agadir', occupationCodes: ['9211', '6111'], skills: ['récolte', 'travail sous serre', 'irrigation'], languages: [{ language: 'fr', level: 'A2' }, { language: 'ary', level: 'A2' }, { language: 'sus' }], placeCodes: ['MA-09', 'MA-AGD'], availability: 'immediately', experienceYears: 3, education: 'none', consent: 'employers' },
	{ name: 'Oumar Keïta', nationality: 'ML', residenceStatus: 'regularised_immigrant', city: 'Agadir', occupationCodes: ['8341', '9211'], skills: ['conduite de tracteur', 'entretien du matériel'], languages: [{ language: 'fr', level: 'A2' }, { language: 'ary', level: 'B1' }, { language: 'bm' }], placeCodes: ['MA-09'], availability: 'immediately', experienceYears: 5, education: 'primary', consent: 'employers' },
	{ name: 'Aïcha Coulibaly', nationality: 'CI', residenceStatus: 'regularised_immigrant', city: 'Oujda', occupationCodes: ['8153', '7533'], skills: ['couture', 'machine plate', 'broderie'], languages: [{ language: 'fr', level: 'B1' }, { language: 'dyu' }], placeCodes: ['MA-OUJ', 'MA-02'], availability: 'within_month', experienceYears: 6, education: 'primary', consent: 'employers' },
	{ name: 'Yao Kouadio', nationality: 'CI', residenceStatus: 'regularised_immigrant', city: 'Tétouan', occupationCodes: ['7212', '7126'], skills: ['soudure MIG', 'soudure à l’arc', 'plomberie'], languages: [{ language: 'fr', level: 'B2' }, { language: 'ak' }], placeCodes: ['MA-TNG', 'MA-TET'], availability: 'immediately', experienceYears: 8, education: 'vocational', consent: 'employers' },
	{ name: 'Samuel Nkoulou', nationality: 'CM', residenceStatus: 'regularised_immigrant', city: 'Casablanca', occupationCodes: ['8332', '8322'], skills: ['permis C', 'livraison'], languages: [{ language: 'fr', level: 'B2' }, { language: 'en', level: 'B1' }], placeCodes: ['MA-CAS'], availability: 'immediately', experienceYears: 10, education: 'secondary', consent: 'employers' },
	{ name: 'Rahma Al-Hassan', nationality: 'SY', residenceStatus: 'refugee', city: 'Rabat', occupationCodes: ['5131', '5120'], skills: ['service en salle', 'accueil', 'cuisine syrienne'], languages: [{ language: 'ar', level: 'C2' }, { language: 'en', level: 'A2' }, { language: 'fr', level: 'A1' }], placeCodes: ['MA-RAB', 'MA-04'], availability: 'immediately', experienceYears: 3, education: 'secondary', consent: 'employers' },
	{ name: 'Omar Khalil', nationality: 'SY', residenceStatus: 'refugee', city: 'Fès', occupationCodes: ['7512', '5120'], skills: ['pâtisserie orientale', 'viennoiserie'], languages: [{ language: 'ar', level: 'C2' }, { language: 'fr', level: 'A2' }], placeCodes: ['MA-FES', 'MA-03'], availability: 'within_month', experienceYears: 12, education: 'vocational', consent: 'counsellors' },
	{ name: 'Nour Saleh', nationality: 'YE', residenceStatus: 'refugee', city: 'Rabat', occupationCodes: ['4132', '4222'], skills: ['saisie', 'bureautique'], languages: [{ language: 'ar', level: 'C2' }, { language: 'en', level: 'B2' }], placeCodes: ['MA-RAB'], availability: 'immediately', experienceYears: 1, education: 'bachelor', consent: null },
	{ name: 'Adam Abakar', nationality: 'SD', residenceStatus: 'refugee', city: 'Tanger', occupationCodes: ['9333', '9321'], skills: ['manutention', 'inventaire', 'transpalette'], languages: [{ language: 'ar', level: 'C1' }, { language: 'fr', level: 'A2' }], placeCodes: ['MA-TNG'], availability: 'immediately', experienceYears: 2, education: 'primary', consent: 'employers' },
	{ name: 'Blessing Okafor', nationality: 'NG', residenceStatus: 'regularised_immigrant', city: 'Casablanca', occupationCodes: ['4222'], skills: ['customer service', 'chat'], languages: [{ language: 'en', level: 'C2' }, { language: 'fr', level: 'A2' }, { language: 'ig' }], placeCodes: ['MA-CAS', 'MA-TNG'], availability: 'immediately', experienceYears: 1, education: 'baccalaureate', consent: 'employers' },
	{ name: 'Mariama Bah', nationality: 'GN', residenceStatus: 'regularised_immigrant', city: 'Marrakech', occupationCodes: ['9112', '5131'], skills: ['entretien', 'linge', 'service en salle'], languages: [{ language: 'fr', level: 'B1' }, { language: 'ff' }], placeCodes: ['MA-MAR'], availability: 'immediately', experienceYears: 2, education: 'none', consent: 'employers' },
	{ name: 'Cheikh Mbaye', nationality: 'SN', residenceStatus: 'regularised_immigrant', city: 'Kénitra', occupationCodes: ['5414', '9333'], skills: ['surveillance', 'contrôle d’accès'], languages: [{ language: 'fr', level: 'B2' }, { language: 'ary', level: 'A2' }, { language: 'wo' }], placeCodes: ['MA-KEN', 'MA-04'], availability: 'immediately', experienceYears: 4, education: 'secondary', consent: 'counsellors' },
	{ name: 'Youssef Amrani', nationality: 'MA', residenceStatus: 'moroccan', city: 'Tanger', occupationCodes: ['7411', '7126'], skills: ['électricité bâtiment', 'plomberie'], languages: [{ language: 'ary', level: 'C2' }, { language: 'ar', level: 'C1' }, { language: 'fr', level: 'B1' }], placeCodes: ['MA-TNG'], availability: 'immediately', experienceYears: 9, education: 'vocational', consent: 'employers' },
	{ name: 'Khadija Bennani', nationality: 'MA', residenceStatus: 'moroccan', city: 'Marrakech', occupationCodes: ['4224', '4222'], skills: ['réservations', 'accueil', 'informatique'], languages: [{ language: 'ary', level: 'C2' }, { language: 'fr', level: 'C1' }, { language: 'en', level: 'B2' }], placeCodes: ['MA-MAR', 'MA-FES'], availability: 'within_month', experienceYears: 3, education: 'bachelor', consent: 'employers' },
	{ name: 'Hamid Ouali', nationality: 'MA', residenceStatus: 'moroccan', city: 'Agadir', occupationCodes: ['9313', '7112'], skills: ['manutention', 'sécurité chantier'], languages: [{ language: 'ary', level: 'C2' }, { language: 'zgh', level: 'C2' }, { language: 'fr', level: 'A1' }], placeCodes: ['MA-AGD', 'MA-09'], availability: 'immediately', experienceYears: 2, education: 'primary', consent: 'employers' },
	{ name: 'Salma Idrissi', nationality: 'MA', residenceStatus: 'moroccan', city: 'Oujda', occupationCodes: ['5223', '5244'], skills: ['vente', 'caisse', 'mise en rayon'], languages: [{ language: 'ary', level: 'C2' }, { language: 'fr', level: 'B1' }], placeCodes: ['MA-OUJ'], availability: 'later', experienceYears: 1, education: 'secondary', consent: 'counsellors' },
	{ name: 'Rachid El Fassi', nationality: 'MA', residenceStatus: 'returning_moroccan', city: 'Nador', occupationCodes: ['7115', '7122'], skills: ['menuiserie', 'carrelage', 'finitions'], languages: [{ language: 'ary', level: 'C2' }, { language: 'es', level: 'C2' }, { language: 'fr', level: 'B1' }], placeCodes: ['MA-NAD', 'MA-02'], availability: 'immediately', experienceYears: 15, education: 'vocational', consent: 'employers' },
	{ name: 'Naïma Tazi', nationality: 'MA', residenceStatus: 'returning_moroccan', city: 'Casablanca', occupationCodes: ['5322'], skills: ['aide à la personne', 'premiers secours'], languages: [{ language: 'fr', level: 'C2' }, { language: 'ary', level: 'B2' }], placeCodes: ['MA-CAS'], availability: 'within_month', experienceYears: 6, education: 'vocational', consent: 'employers' },
	{ name: 'Karim Berrada', nationality: 'MA', residenceStatus: 'returning_moroccan', city: 'Meknès', occupationCodes: ['8341', '6111'], skills: ['conduite de tracteur', 'irrigation', 'maraîchage'], languages: [{ language: 'ary', level: 'C2' }, { language: 'es', level: 'B1' }], placeCodes: ['MA-KEN', 'MA-MEK'], availability: 'later', experienceYears: 11, education: 'primary', consent: 'employers' },
	{ name: 'Mohamed Lamine Touré', nationality: 'GN', residenceStatus: 'regularised_immigrant', city: 'Tétouan', occupationCodes: ['7112', '7122'], skills: ['maçonnerie', 'carrelage'], languages: [{ language: 'fr', level: 'B1' }], placeCodes: ['MA-01'], availability: 'immediately', experienceYears: 4, education: 'none', consent: 'employers' },
	{ name: 'Esther Nzuzi', nationality: 'CD', residenceStatus: 'refugee', city: 'Rabat', occupationCodes: ['8153'], skills: ['couture', 'surjeteuse', 'retouches'], languages: [{ language: 'fr', level: 'C1' }], placeCodes: ['MA-TNG', 'MA-RAB'], availability: 'immediately', experienceYears: 5, education: 'secondary', consent: 'counsellors' },
	{ name: 'Awa Sarr', nationality: 'SN', residenceStatus: 'regularised_immigrant', city: 'Agadir', occupationCodes: ['5131', '5120'], skills: ['service en salle', 'accueil'], languages: [{ language: 'fr', level: 'C1' }, { language: 'en', level: 'A2' }], placeCodes: ['MA-AGD'], availability: 'within_month', experienceYears: 2, education: 'secondary', consent: null }
];

/** The demo member's own profile, so that "offers for me" shows something in the demo. */
const demoMember: Omit<Sample, 'name'> = {
	nationality: 'SN',
	residenceStatus: 'regularised_immigrant',
	city: 'Tanger',
	occupationCodes: ['4222', '4224'],
	skills: ['relation client', 'informatique', 'accueil'],
	languages: [{ language: 'fr', level: 'C1' }, { language: 'en', level: 'B1' }, { language: 'ary', level: 'A2' }],
	placeCodes: ['MA-TNG', 'MA-06'],
	availability: 'immediately',
	experienceYears: 2,
	education: 'baccalaureate',
	consent: 'counsellors'
};
const DEMO_MEMBER_EMAIL = 'member@demo.sharaka.ma';

/** An address on the reserved domain from a name: "Aïcha Coulibaly" → aicha.coulibaly@sample.sharaka.invalid. */
export function sampleEmail(name: string): string {
	const local = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]+/g, '.')
		.replace(/^\.|\.$/g, '');
	return `${local}@${SAMPLE_SEEKER_DOMAIN}`;
}

/**
 * Sample job seekers (fictional, badged as sample), loaded in demo mode only: accounts with role
 * member and no password (nobody can sign in as them), addresses on a reserved domain; and a profile
 * for the demo member. Does nothing when sample profiles exist already.
 */
export async function loadSeekersDemoData(db: Db): Promise<void> {
	const context = systemContext('system');
	const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(seekerProfile).where(eq(seekerProfile.isSample, true));
	if (count > 0) return;
	const now = Date.now();
	await db.transaction(async (tx) => {
		const sharing: string[] = [];
		const [member] = await tx.select({ id: user.id }).from(user).where(eq(user.email, DEMO_MEMBER_EMAIL));
		const people: { userId: string | null; sample: Omit<Sample, 'name'> & { name?: string } }[] = [
			...samples.map((sample) => ({ userId: null, sample })),
			...(member ? [{ userId: member.id, sample: demoMember }] : [])
		];
		for (const [index, { userId: existing, sample }] of people.entries()) {
			const { consent, name, ...fields } = sample;
			const profile = ProfileInput.parse(fields);
			let userId = existing;
			if (!userId) {
				userId = crypto.randomUUID();
				const email = sampleEmail(name!);
				// no credential account: a sample person cannot sign in
				await tx.insert(user).values({ id: userId, email, name: `${name} (exemple)`, role: 'member', emailVerified: false, locale: 'fr' });
				await recordAudit(tx, context, { action: 'user.create', resourceType: 'user', resourceId: userId, after: { email, role: 'member', sample: true } });
			}
			// consent given some days ago, profiles updated in the last weeks: a plausible history
			const consentAt = consent ? new Date(now - (3 + (index % 20)) * 86_400_000) : null;
			await tx.insert(seekerProfile).values({ ...profile, userId, consentScope: consent, consentAt, isSample: true, createdAt: new Date(now - (30 + index) * 86_400_000), updatedAt: consentAt ?? new Date(now - index * 86_400_000) });
			if (consentAt) await tx.insert(seekerConsentEvent).values({ userId, scope: consent, at: consentAt });
			await recordAudit(tx, context, { action: 'seeker_profile.create', resourceType: 'seeker_profile', resourceId: userId, after: { sample: true } });
			if (consent === 'employers') sharing.push(userId);
		}
		await loadSampleActivity(tx, sharing, now);
	});
}

/**
 * What the first sample seekers did, so each space has something to show: applications (profile shared
 * with the employer) to the offers of the demo employer's organisations, a saved search with its alert,
 * a kept offer.
 */
async function loadSampleActivity(tx: DbOrTx, people: string[], now: number): Promise<void> {
	const [employer] = await tx.select({ id: user.id }).from(user).where(eq(user.email, DEMO_EMPLOYER_EMAIL));
	if (!employer || people.length === 0) return;
	const offers = await tx
		.select({ id: jobOffer.id, occupationCode: jobOffer.occupationCode })
		.from(jobOffer)
		.innerJoin(organisationMember, eq(organisationMember.organisationId, jobOffer.organisationId))
		.where(and(eq(organisationMember.userId, employer.id), eq(jobOffer.status, 'published')))
		.orderBy(asc(jobOffer.createdAt), asc(jobOffer.id))
		.limit(3);
	const statuses = ['submitted', 'shortlisted', 'viewed'] as const;
	for (const [index, userId] of people.slice(0, 3).entries()) {
		const offer = offers[index % Math.max(offers.length, 1)];
		if (!offer) break;
		const appliedAt = new Date(now - (6 - index) * 86_400_000);
		const status = statuses[index];
		const [application] = await tx
			.insert(jobApplication)
			.values({ offerId: offer.id, userId, status, sharedAt: appliedAt, statusChangedAt: new Date(appliedAt.getTime() + 86_400_000), createdAt: appliedAt })
			.returning({ id: jobApplication.id });
		await tx.insert(jobApplicationEvent).values({ applicationId: application.id, status: 'submitted', at: appliedAt });
		if (status !== 'submitted') await tx.insert(jobApplicationEvent).values({ applicationId: application.id, status, at: new Date(appliedAt.getTime() + 86_400_000) });
		await tx.insert(jobSavedSearch).values({ userId, query: { occupation: offer.occupationCode }, alert: true, createdAt: appliedAt, lastAlertAt: appliedAt });
		await tx.insert(jobSavedOffer).values({ userId, offerId: offer.id, savedAt: new Date(appliedAt.getTime() - 3_600_000) });
	}
}
