// Generated data for `npm run bench:jobs`: employers, N job offers and N consenting job-seeker
// profiles, deterministic (seeded), inserted in multi-row batches. Occupations are skewed like real
// demand (a few dozen common trades take most offers and profiles; the rest spread over all ISCO unit
// groups), so an offer of a common trade has thousands of candidates to rank.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import { organisation, organisationMember, user } from '../../src/platform/accounts/accounts.table.ts';
import { random } from '../../src/modules/atlas/generate.ts';
import { provinces } from '../../src/platform/geo/morocco.ts';
import { jobEmployer, jobOffer, occupation, type RequiredLanguage } from '../../src/modules/jobs/job-offer.table.ts';
import { cefrLevels } from '../../src/platform/i18n/spoken-languages.ts';
import { contractTypes, offerLanguages } from '../../src/modules/jobs/job-offer.model.ts';
import { seekerProfile } from '../../src/modules/jobs/seekers/seekers.table.ts';
import { availabilities, residenceStatuses } from '../../src/modules/jobs/seekers/seekers.model.ts';

/** Common trades of the sample offers, with the skills people write for them. */
const trades: { code: string; title: string; skills: string[] }[] = [
	{ code: '7112', title: 'Maçon qualifié', skills: ['maçonnerie', 'coffrage', 'lecture de plans', 'enduits'] },
	{ code: '9313', title: 'Manœuvre en bâtiment', skills: ['manutention', 'sécurité chantier', 'préparation du mortier'] },
	{ code: '7122', title: 'Carreleur', skills: ['carrelage', 'zellige', 'finitions'] },
	{ code: '7411', title: 'Électricien bâtiment', skills: ['électricité bâtiment', 'tableaux électriques', 'normes'] },
	{ code: '7126', title: 'Plombier', skills: ['plomberie', 'soudure cuivre', 'sanitaire'] },
	{ code: '9211', title: 'Ouvrier agricole', skills: ['récolte', 'travail sous serre', 'irrigation'] },
	{ code: '6111', title: 'Chef d’équipe maraîchage', skills: ['maraîchage', 'irrigation', 'encadrement'] },
	{ code: '9321', title: 'Conditionneur en station fruitière', skills: ['tri', 'emballage', 'hygiène'] },
	{ code: '8341', title: 'Conducteur de tracteur', skills: ['conduite de tracteur', 'entretien du matériel'] },
	{ code: '4222', title: 'Téléconseiller', skills: ['relation client', 'informatique', 'écoute', 'CRM'] },
	{ code: '5244', title: 'Téléconseiller vente', skills: ['vente', 'négociation', 'relation client'] },
	{ code: '5120', title: 'Cuisinier', skills: ['cuisine marocaine', 'hygiène alimentaire', 'pâtisserie'] },
	{ code: '5131', title: 'Serveur', skills: ['service en salle', 'accueil', 'caisse'] },
	{ code: '4224', title: 'Réceptionniste', skills: ['réservations', 'accueil', 'informatique'] },
	{ code: '9112', title: 'Agent de propreté', skills: ['nettoyage', 'entretien', 'autonomie'] },
	{ code: '9111', title: 'Aide ménagère', skills: ['ménage', 'repassage', 'cuisine'] },
	{ code: '8153', title: 'Opérateur sur machine à coudre', skills: ['couture', 'machine plate', 'surjeteuse'] },
	{ code: '9333', title: 'Magasinier', skills: ['manutention', 'inventaire', 'transpalette'] },
	{ code: '7212', title: 'Soudeur', skills: ['soudure MIG', 'soudure à l’arc', 'lecture de plans'] },
	{ code: '5414', title: 'Agent de sécurité', skills: ['surveillance', 'contrôle d’accès', 'rondes'] },
	{ code: '5322', title: 'Auxiliaire de vie', skills: ['aide à la personne', 'patience', 'premiers secours'] },
	{ code: '8332', title: 'Chauffeur poids lourd', skills: ['permis C', 'livraison'] },
	{ code: '5223', title: 'Vendeur en magasin', skills: ['vente', 'caisse', 'mise en rayon'] },
	{ code: '7512', title: 'Pâtissier', skills: ['pâtisserie marocaine', 'viennoiserie'] }
];
const otherSkills = ['permis B', 'bureautique', 'anglais', 'travail en équipe', 'ponctualité', 'rigueur', 'autonomie', 'premiers secours', 'informatique', 'conduite'];
const cities = provinces.filter((province) => ['MA-TNG', 'MA-CAS', 'MA-RAB', 'MA-AGD', 'MA-OUJ', 'MA-FES', 'MA-MAR', 'MA-KEN', 'MA-NAD', 'MA-MEK', 'MA-TET', 'MA-SAL'].includes(province.iso));

export interface JobsBenchData {
	/** a partner, member of the first employer */
	employerUserId: string;
	/** a published offer of that employer, of a common trade: the candidates to rank */
	rankedOfferId: string;
}

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
	for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/** Fills an empty (migrated, with reference data) database. */
export async function generateJobsBenchData(db: Db, counts: { offers: number; profiles: number }, seed = 2026): Promise<JobsBenchData> {
	const next = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
	const unitGroups = (await db.select({ code: occupation.code, title: occupation.titleFr }).from(occupation).where(sql`${occupation.level} = 4`)).map((row) => ({
		code: row.code,
		title: row.title ?? row.code,
		skills: [] as string[]
	}));
	// 70 % of offers and profiles in the common trades, the rest anywhere
	const anyTrade = () => (next() < 0.7 ? pick(trades) : pick(unitGroups));
	const languages = (): RequiredLanguage[] => {
		const chosen = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(offerLanguages)))];
		return chosen.map((language) => ({ language, level: pick(cefrLevels) }));
	};

	// employers, and one employer account
	const employers = await db
		.insert(organisation)
		.values(Array.from({ length: 200 }, (_, index) => ({ slug: `bench-employeur-${index}`, name: `Employeur ${index} (banc d’essai)`, type: 'employer' as const, country: 'MA' })))
		.returning({ id: organisation.id });
	await db.insert(jobEmployer).values(employers.map((row) => ({ organisationId: row.id, isSample: true })));
	const employerUserId = crypto.randomUUID();
	await db.insert(user).values({ id: employerUserId, email: 'employeur@bench.sharaka.invalid', name: 'Employeur du banc d’essai', role: 'partner', emailVerified: true });
	await db.insert(organisationMember).values({ organisationId: employers[0].id, userId: employerUserId });

	// offers: 90 % published and open, the rest drafts, closed or past their closing date
	const now = Date.now();
	const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
	const offers = Array.from({ length: counts.offers }, (_, index) => {
		const trade = index === 0 ? trades[0] : anyTrade();
		const place = pick(cities);
		const roll = next();
		const status = index === 0 || roll < 0.9 ? 'published' : roll < 0.95 ? 'closed' : roll < 0.97 ? 'draft' : 'published';
		const expired = status === 'published' && roll >= 0.97;
		const skills = [...new Set([...trade.skills.filter(() => next() < 0.7), ...(next() < 0.3 ? [pick(otherSkills)] : [])])];
		const title = `${trade.title} ${index % 7 === 0 ? 'expérimenté' : index % 7 === 1 ? 'débutant accepté' : ''}`.trim();
		const description = `Poste de ${trade.title.toLowerCase()} à ${place.nameFr}. ${skills.length ? `Compétences : ${skills.join(', ')}.` : ''} Référence ${index}.`;
		return {
			organisationId: employers[index === 0 ? 0 : index % employers.length].id,
			title,
			description,
			occupationCode: trade.code,
			skills,
			regionCode: place.regionIso,
			provinceCode: place.iso,
			city: place.nameFr,
			contractType: pick(contractTypes),
			workingTime: next() < 0.8 ? ('full_time' as const) : ('part_time' as const),
			languages: next() < 0.3 ? [] : languages(),
			status: status as 'published' | 'closed' | 'draft',
			publishedAt: status === 'draft' ? null : new Date(now - Math.floor(next() * 60) * 86_400_000),
			closingDate: expired ? day(-1 - Math.floor(next() * 30)) : day(5 + Math.floor(next() * 60)),
			openToForeigners: next() < 0.9,
			isSample: true,
			searchText: sql`search_normalise(${[title, description, skills.join(' '), place.nameFr, place.nameAr, trade.title].join(' ')})`
		};
	});
	let rankedOfferId = '';
	await inBatches(offers, 1000, async (batch) => {
		const inserted = await db.insert(jobOffer).values(batch).returning({ id: jobOffer.id });
		rankedOfferId ||= inserted[0].id;
	});

	// profiles, every one consenting (three in four to employers too)
	const people = Array.from({ length: counts.profiles }, (_, index) => {
		const sought = [...new Map(Array.from({ length: 1 + Math.floor(next() * 3) }, () => anyTrade()).map((trade) => [trade.code, trade])).values()];
		const skills = [...new Set([...sought.flatMap((trade) => trade.skills.filter(() => next() < 0.6)), ...(next() < 0.4 ? [pick(otherSkills)] : [])])];
		const places = [...new Set(Array.from({ length: 1 + Math.floor(next() * 2) }, () => (next() < 0.3 ? pick(cities).regionIso : pick(cities).iso)))];
		return {
			userId: crypto.randomUUID(),
			index,
			nationality: pick(['SN', 'CI', 'CM', 'GN', 'ML', 'CD', 'NG', 'SY', 'MA', 'MA', 'MA']),
			residenceStatus: pick(residenceStatuses),
			languages: languages(),
			skills,
			occupationCodes: sought.map((trade) => trade.code),
			placeCodes: places,
			availability: pick(availabilities),
			experienceYears: Math.floor(next() * 15),
			consentScope: next() < 0.75 ? ('employers' as const) : ('counsellors' as const)
		};
	});
	await inBatches(people, 2000, (batch) =>
		db.insert(user).values(batch.map((person) => ({ id: person.userId, email: `personne-${person.index}@bench.sharaka.invalid`, name: `Personne ${person.index}`, role: 'member' as const })))
	);
	await inBatches(people, 1000, (batch) =>
		db.insert(seekerProfile).values(
			batch.map(({ index: _index, consentScope, ...person }) => ({ ...person, consentScope, consentAt: new Date(now - 86_400_000), isSample: true }))
		)
	);
	// as autovacuum would: statistics, and the GIN indexes' pending entries merged after the bulk insert
	await db.execute(sql`vacuum analyze`);
	return { employerUserId, rankedOfferId };
}
