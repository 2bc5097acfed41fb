import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../../platform/db/database.ts';
import { account, organisation, organisationMember, user } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../platform/audit/audit.service.ts';
import { provinces } from '../../platform/geo/morocco.ts';
import { jobEmployer, jobOffer, occupation, type RequiredLanguage } from './job-offer.table.ts';
import type { ContractType } from './job-offer.model.ts';
import { iscoArabicTitles } from './isco08/isco08-ar.ts';
import { OfferInput } from './jobs.schemas.ts';
import { offerValuesFor } from './jobs.service.ts';
import { platformDay } from '../../platform/time-zone.ts';

/** Where isco08.csv is: beside this file when run from the sources, else under the project folder (built server). */
function isco08CsvPath(): string {
	try {
		const beside = fileURLToPath(new URL('./isco08/isco08.csv', import.meta.url));
		if (fs.existsSync(beside)) return beside;
	} catch {
		// bundled: import.meta.url is not a file of the sources
	}
	return path.join(process.cwd(), 'src/modules/jobs/isco08/isco08.csv');
}

/** RFC 4180 CSV (quoted fields, doubled quotes), LF line endings. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else if (char !== '\r') field += char;
	}
	if (field || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

export function readIsco08() {
	const [header, ...rows] = parseCsv(fs.readFileSync(isco08CsvPath(), 'utf8'));
	const at = (name: string) => header.indexOf(name);
	return rows.map((cells) => {
		const code = cells[at('code')];
		return {
			code,
			level: Number(cells[at('level')]),
			parentCode: cells[at('parent')] || null,
			titleEn: cells[at('label_en')],
			titleFr: cells[at('label_fr')] || null,
			titleAr: cells[at('label_ar')] || iscoArabicTitles[code] || null,
			// the CSV has no official Arabic title yet: every Arabic title is ours
			arUnofficial: !cells[at('label_ar')]
		};
	});
}

/** ISCO-08 in the `occupation` table: a cheap count check, then one batched upsert when anything differs. */
export async function ensureJobsReferenceData(db: Db): Promise<void> {
	const [{ total, arabic }] = await db
		.select({ total: sql<number>`count(*)::int`, arabic: sql<number>`count(${occupation.titleAr})::int` })
		.from(occupation);
	const expectedArabic = Object.keys(iscoArabicTitles).length;
	if (total === 619 && arabic >= expectedArabic) return;
	const rows = readIsco08();
	await db.transaction(async (tx) => {
		for (let start = 0; start < rows.length; start += 250) {
			await tx
				.insert(occupation)
				.values(rows.slice(start, start + 250))
				.onConflictDoUpdate({
					target: occupation.code,
					set: {
						level: sql`excluded.level`,
						parentCode: sql`excluded.parent_code`,
						titleEn: sql`excluded.title_en`,
						titleFr: sql`excluded.title_fr`,
						titleAr: sql`excluded.title_ar`,
						arUnofficial: sql`excluded.ar_unofficial`
					}
				});
		}
	});
}

// ---------------- demo data ----------------

export const DEMO_EMPLOYER_EMAIL = 'employer@demo.sharaka.ma';

const demoEmployers = [
	{ slug: 'exemple-atlas-batiment', name: 'Atlas Bâtiment SARL (exemple)', acronym: 'AB' },
	{ slug: 'exemple-souss-primeurs', name: 'Souss Primeurs (exemple)', acronym: 'SP' },
	{ slug: 'exemple-detroit-contact', name: 'Détroit Contact Center (exemple)', acronym: 'DCC' },
	{ slug: 'exemple-riad-hospitalite', name: 'Riad Hospitalité (exemple)', acronym: 'RH' },
	{ slug: 'exemple-oriental-textile', name: 'Oriental Textile (exemple)', acronym: 'OT' },
	{ slug: 'exemple-nettoyage-pro', name: 'Nettoyage Pro Maroc (exemple)', acronym: 'NPM' },
	// a new employer: its first offers wait in the counsellors' validation queue
	{ slug: 'exemple-boulangerie-detroit', name: 'Boulangerie du Détroit (exemple)', acronym: 'BD' }
];

interface Template {
	employer: number;
	occupationCode: string;
	title: string;
	description: string;
	skills: string[];
	contractType: ContractType;
	languages: RequiredLanguage[];
	salary: [number, number, 'hour' | 'day' | 'month'];
	education: (typeof OfferInput.shape.education)['_output'];
	experienceYears: number;
	/** the language the offer is written in, when not French */
	lang?: 'ar' | 'en' | 'es';
}

/**
 * The second offer made from a template is another post, not a copy: the other level of experience
 * in its title, one more working condition in its description, a salary 5–12 % apart.
 */
const secondRound: Record<'fr' | 'ar' | 'en' | 'es', { junior: string; senior: string; conditions: string[] }> = {
	fr: {
		junior: 'débutant(e) accepté(e)',
		senior: 'expérimenté(e)',
		conditions: [
			'Horaires en deux équipes, prime de panier.',
			'Contrat renouvelable, évolution possible vers un poste de chef d’équipe.',
			'Transport du personnel assuré matin et soir.',
			'Mutuelle prise en charge à 70 % par l’employeur.',
			'Formation à la sécurité le premier jour, tenue de travail fournie.',
			'Repos le vendredi après-midi et le dimanche.',
			'Prime d’assiduité mensuelle.'
		]
	},
	ar: { junior: 'المبتدئون مقبولون', senior: 'ذو خبرة', conditions: ['النقل مؤمّن صباحًا ومساءً.', 'تكوين في السلامة في اليوم الأول.', 'منحة مواظبة شهرية.'] },
	en: { junior: 'entry level', senior: 'experienced', conditions: ['Transport provided for early shifts.', 'Monthly attendance bonus.', 'Health insurance paid at 70 % by the employer.'] },
	es: { junior: 'sin experiencia', senior: 'con experiencia', conditions: ['Transporte asegurado para los turnos de mañana.', 'Prima mensual de asistencia.'] }
};

function secondVariant(template: Template, round: number, index: number): Template {
	if (round === 0) return template;
	const words = secondRound[template.lang ?? 'fr'];
	const senior = template.experienceYears === 0;
	const factor = 1 + (5 + (index % 8)) / 100;
	return {
		...template,
		title: `${template.title} – ${senior ? words.senior : words.junior}`,
		description: `${template.description} ${words.conditions[index % words.conditions.length]}`,
		experienceYears: senior ? 2 : 0,
		salary: [Math.round((template.salary[0] * factor) / 10) * 10, Math.round((template.salary[1] * factor) / 10) * 10, template.salary[2]]
	};
}

const templates: Template[] = [
	{ employer: 0, occupationCode: '7112', title: 'Maçon qualifié', description: 'Chantier de logements collectifs : maçonnerie, coffrage simple, lecture de plans. Équipements de protection fournis, déclaration à la CNSS dès le premier jour.', skills: ['maçonnerie', 'coffrage', 'lecture de plans'], contractType: 'cdd', languages: [{ language: 'fr', level: 'A2' }], salary: [3500, 4500, 'month'], education: 'primary', experienceYears: 2 },
	{ employer: 0, occupationCode: '9313', title: 'Manœuvre en bâtiment', description: 'Aide aux maçons et aux carreleurs : manutention, préparation du mortier, nettoyage du chantier. Formation à la sécurité assurée.', skills: ['manutention', 'sécurité chantier'], contractType: 'temporary', languages: [], salary: [120, 150, 'day'], education: 'none', experienceYears: 0 },
	{ employer: 0, occupationCode: '7122', title: 'Carreleur – poseur de zellige', description: 'Pose de carrelage et de zellige dans des appartements neufs. Travail soigné, respect des délais.', skills: ['carrelage', 'zellige', 'finitions'], contractType: 'cdd', languages: [{ language: 'ary', level: 'A2' }], salary: [4000, 5000, 'month'], education: 'primary', experienceYears: 3 },
	{ employer: 0, occupationCode: '7411', title: 'Électricien bâtiment', description: 'Installation électrique de logements : tirage de câbles, tableaux, prises et éclairage, dans le respect des normes.', skills: ['électricité bâtiment', 'normes', 'tableaux électriques'], contractType: 'cdi', languages: [{ language: 'fr', level: 'B1' }], salary: [5000, 6500, 'month'], education: 'vocational', experienceYears: 2 },
	{ employer: 0, occupationCode: '7126', title: 'Plombier', description: 'Plomberie sanitaire et réseaux d’eau sur chantier et en rénovation.', skills: ['plomberie', 'soudure cuivre'], contractType: 'cdd', languages: [], salary: [4200, 5500, 'month'], education: 'vocational', experienceYears: 2 },
	{ employer: 1, occupationCode: '9211', title: 'Ouvrier agricole – récolte des fruits rouges', description: 'Saison de récolte des fraises et myrtilles sous serre. Transport assuré depuis la ville, logement possible.', skills: ['récolte', 'travail sous serre'], contractType: 'seasonal', languages: [], salary: [90, 110, 'day'], education: 'none', experienceYears: 0 },
	{ employer: 1, occupationCode: '6111', title: 'Chef d’équipe maraîchage', description: 'Encadrer une équipe de quinze personnes, organiser la plantation, l’irrigation goutte-à-goutte et la récolte des légumes.', skills: ['irrigation', 'encadrement', 'maraîchage'], contractType: 'cdi', languages: [{ language: 'ary', level: 'B1' }, { language: 'fr', level: 'A2' }], salary: [4500, 6000, 'month'], education: 'secondary', experienceYears: 3 },
	{ employer: 1, occupationCode: '9321', title: 'Conditionneur en station fruitière', description: 'Tri, calibrage et emballage des agrumes en station de conditionnement. Travail en équipes.', skills: ['tri', 'emballage', 'hygiène'], contractType: 'seasonal', languages: [], salary: [14, 17, 'hour'], education: 'none', experienceYears: 0 },
	{ employer: 1, occupationCode: '8341', title: 'Conducteur de tracteur', description: 'Conduite de tracteur et entretien courant du matériel agricole. Permis exigé.', skills: ['conduite de tracteur', 'entretien du matériel'], contractType: 'cdd', languages: [], salary: [3800, 4500, 'month'], education: 'primary', experienceYears: 2 },
	{ employer: 2, occupationCode: '4222', title: 'Téléconseiller francophone', description: 'Service client par téléphone et par courriel pour des clients en France et en Belgique. Formation initiale payée de trois semaines.', skills: ['relation client', 'informatique', 'écoute'], contractType: 'cdi', languages: [{ language: 'fr', level: 'C1' }], salary: [4500, 6000, 'month'], education: 'baccalaureate', experienceYears: 0 },
	{ employer: 2, occupationCode: '4222', title: 'English-speaking customer advisor', lang: 'en', description: 'Inbound calls and chat for an airline’s customers in the United Kingdom and Ireland. Paid training, night shift allowance.', skills: ['customer service', 'chat', 'CRM'], contractType: 'cdi', languages: [{ language: 'en', level: 'C1' }, { language: 'fr', level: 'B1' }], salary: [5500, 7500, 'month'], education: 'baccalaureate', experienceYears: 0 },
	{ employer: 2, occupationCode: '5244', title: 'Téléconseiller vente – énergie', description: 'Appels sortants pour proposer des contrats d’énergie à des particuliers. Fixe et primes sur objectifs.', skills: ['vente', 'négociation'], contractType: 'cdd', languages: [{ language: 'fr', level: 'B2' }], salary: [4000, 5000, 'month'], education: 'baccalaureate', experienceYears: 0 },
	{ employer: 2, occupationCode: '4222', title: 'Asesor de atención al cliente (español)', lang: 'es', description: 'Atención telefónica a clientes de una compañía de telecomunicaciones en España. Formación remunerada.', skills: ['atención al cliente', 'informática'], contractType: 'cdi', languages: [{ language: 'es', level: 'C1' }], salary: [5000, 6500, 'month'], education: 'baccalaureate', experienceYears: 0 },
	{ employer: 3, occupationCode: '5120', title: 'Cuisinier – cuisine marocaine et internationale', description: 'Préparation des repas du riad : tajines, couscous, petits-déjeuners et plats internationaux pour une clientèle touristique.', skills: ['cuisine marocaine', 'hygiène alimentaire'], contractType: 'cdi', languages: [{ language: 'fr', level: 'A2' }], salary: [3500, 4500, 'month'], education: 'vocational', experienceYears: 2 },
	{ employer: 3, occupationCode: '5131', title: 'Serveur / serveuse', description: 'Service en salle et en terrasse, accueil des clients, prise de commandes en plusieurs langues.', skills: ['service en salle', 'accueil'], contractType: 'seasonal', languages: [{ language: 'fr', level: 'B1' }, { language: 'en', level: 'A2' }], salary: [3000, 3500, 'month'], education: 'secondary', experienceYears: 1 },
	{ employer: 3, occupationCode: '4224', title: 'Réceptionniste de riad', description: 'Accueil, réservations, check-in et check-out, conseils aux touristes.', skills: ['réservations', 'accueil', 'informatique'], contractType: 'cdi', languages: [{ language: 'fr', level: 'B2' }, { language: 'en', level: 'B2' }], salary: [4000, 5000, 'month'], education: 'baccalaureate', experienceYears: 1 },
	{ employer: 3, occupationCode: '9112', title: 'Femme / valet de chambre', description: 'Entretien des chambres et des espaces communs d’un riad de douze chambres.', skills: ['entretien', 'linge'], contractType: 'cdd', languages: [], salary: [2900, 3200, 'month'], education: 'none', experienceYears: 0 },
	{ employer: 3, occupationCode: '9412', title: 'مساعد(ة) مطبخ', lang: 'ar', description: 'المساعدة في تحضير الخضر وتنظيف المطبخ والأواني في مطعم الرياض، مع تكوين في قواعد النظافة.', skills: ['تحضير الخضر', 'النظافة'], contractType: 'cdd', languages: [{ language: 'ary', level: 'A2' }], salary: [2800, 3100, 'month'], education: 'none', experienceYears: 0 },
	{ employer: 4, occupationCode: '8153', title: 'Opératrice / opérateur sur machine à coudre', description: 'Confection de vêtements en série pour l’export. Formation interne de deux semaines pour les débutants.', skills: ['couture', 'machine plate', 'surjeteuse'], contractType: 'integration', languages: [], salary: [2970, 3300, 'month'], education: 'none', experienceYears: 0 },
	{ employer: 4, occupationCode: '7533', title: 'Brodeuse / brodeur', description: 'Broderie traditionnelle et sur machine pour une collection de linge de maison.', skills: ['broderie', 'finitions'], contractType: 'cdd', languages: [], salary: [3000, 3600, 'month'], education: 'none', experienceYears: 1 },
	{ employer: 4, occupationCode: '9333', title: 'Magasinier – manutentionnaire', description: 'Réception des tissus, rangement et préparation des expéditions. Utilisation du transpalette.', skills: ['manutention', 'inventaire', 'transpalette'], contractType: 'cdi', languages: [{ language: 'fr', level: 'A2' }], salary: [3100, 3500, 'month'], education: 'primary', experienceYears: 0 },
	{ employer: 4, occupationCode: '7212', title: 'Soudeur', description: 'Soudure à l’arc et semi-automatique de structures métalliques pour l’atelier de maintenance.', skills: ['soudure MIG', 'soudure à l’arc', 'lecture de plans'], contractType: 'cdi', languages: [], salary: [4500, 6000, 'month'], education: 'vocational', experienceYears: 3 },
	{ employer: 5, occupationCode: '9112', title: 'Agent(e) de propreté – bureaux', description: 'Nettoyage de bureaux en début de matinée, du lundi au vendredi. Produits et matériel fournis.', skills: ['nettoyage', 'autonomie'], contractType: 'cdi', languages: [], salary: [15, 17, 'hour'], education: 'none', experienceYears: 0 },
	{ employer: 5, occupationCode: '9111', title: 'Aide ménagère à domicile', description: 'Ménage, repassage et aide aux repas chez des particuliers, contrat conforme à la loi 19-12 sur le travail domestique.', skills: ['ménage', 'repassage', 'cuisine'], contractType: 'cdi', languages: [{ language: 'fr', level: 'A2' }], salary: [2700, 3200, 'month'], education: 'none', experienceYears: 1 },
	{ employer: 5, occupationCode: '5414', title: 'Agent de sécurité', description: 'Surveillance d’un site industriel, contrôle des accès, rondes de nuit. Formation de sécurité incendie appréciée.', skills: ['surveillance', 'contrôle d’accès'], contractType: 'cdd', languages: [{ language: 'fr', level: 'A2' }, { language: 'ary', level: 'A2' }], salary: [3200, 3600, 'month'], education: 'secondary', experienceYears: 1 },
	{ employer: 5, occupationCode: '5322', title: 'Auxiliaire de vie à domicile', description: 'Accompagnement de personnes âgées : aide à la toilette, aux repas et aux sorties.', skills: ['aide à la personne', 'patience'], contractType: 'cdd', languages: [{ language: 'fr', level: 'B1' }], salary: [3200, 3800, 'month'], education: 'secondary', experienceYears: 1 },
	{ employer: 0, occupationCode: '8332', title: 'Chauffeur poids lourd', description: 'Livraison de matériaux sur les chantiers de la région. Permis C exigé.', skills: ['permis C', 'livraison'], contractType: 'cdi', languages: [], salary: [5000, 6000, 'month'], education: 'primary', experienceYears: 3 },
	{ employer: 1, occupationCode: '5223', title: 'Vendeur / vendeuse en magasin de primeurs', description: 'Vente de fruits et légumes, mise en rayon, encaissement.', skills: ['vente', 'caisse', 'mise en rayon'], contractType: 'cdd', languages: [{ language: 'ary', level: 'A2' }], salary: [2900, 3300, 'month'], education: 'primary', experienceYears: 0 },
	{ employer: 2, occupationCode: '4132', title: 'Opérateur de saisie', description: 'Saisie et contrôle de documents pour un client du secteur des assurances.', skills: ['saisie', 'bureautique', 'rigueur'], contractType: 'temporary', languages: [{ language: 'fr', level: 'B1' }], salary: [3200, 3800, 'month'], education: 'baccalaureate', experienceYears: 0 },
	{ employer: 3, occupationCode: '7512', title: 'Pâtissier', description: 'Pâtisserie marocaine et viennoiserie pour le petit-déjeuner du riad.', skills: ['pâtisserie marocaine', 'viennoiserie'], contractType: 'cdi', languages: [], salary: [3500, 4500, 'month'], education: 'vocational', experienceYears: 2 }
];

/** Cities the offers are spread over (province codes from geo/morocco.ts). */
const places = [
	{ city: 'Tanger', province: 'MA-TNG' },
	{ city: 'Casablanca', province: 'MA-CAS' },
	{ city: 'Rabat', province: 'MA-RAB' },
	{ city: 'Agadir', province: 'MA-AGD' },
	{ city: 'Oujda', province: 'MA-OUJ' },
	{ city: 'Fès', province: 'MA-FES' },
	{ city: 'Marrakech', province: 'MA-MAR' },
	{ city: 'Kénitra', province: 'MA-KEN' },
	{ city: 'Nador', province: 'MA-NAD' },
	{ city: 'Meknès', province: 'MA-MEK' },
	{ city: 'Tétouan', province: 'MA-TET' },
	{ city: 'Salé', province: 'MA-SAL' }
];

/** Fictional employers (organisations of type employer, badged as samples), the demo employer account, ~60 offers. */
export async function loadJobsDemoData(db: Db): Promise<void> {
	const { DEMO_PASSWORD } = await import('../../platform/demo/demo.ts');
	const context = systemContext('system');
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const occupations = new Map((await db.select().from(occupation)).map((row) => [row.code, row]));
	const provinceByCode = new Map(provinces.map((province) => [province.iso, province]));
	const now = new Date();
	const today = platformDay(now);
	const addDays = (days: number) => {
		const date = new Date(`${today}T12:00:00Z`);
		date.setUTCDate(date.getUTCDate() + days);
		return date.toISOString().slice(0, 10);
	};
	await db.transaction(async (tx) => {
		const employers = await tx
			.insert(organisation)
			.values(demoEmployers.map((employer) => ({ ...employer, type: 'employer' as const, country: 'MA' })))
			.onConflictDoNothing({ target: organisation.slug })
			.returning();
		if (employers.length !== demoEmployers.length) return; // already there
		const bySlug = new Map(employers.map((row) => [row.slug, row]));
		const ordered = demoEmployers.map((employer) => bySlug.get(employer.slug)!);
		await tx.insert(jobEmployer).values(ordered.map((row) => ({ organisationId: row.id, isSample: true })));
		for (const row of ordered) {
			await recordAudit(tx, context, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, after: { ...row, sample: true } });
		}

		const [existing] = await tx.select({ id: user.id }).from(user).where(eq(user.email, DEMO_EMPLOYER_EMAIL));
		let employerUserId = existing?.id;
		if (!employerUserId) {
			employerUserId = crypto.randomUUID();
			await tx.insert(user).values({ id: employerUserId, email: DEMO_EMPLOYER_EMAIL, name: 'Karim Employeur (exemple)', role: 'partner', emailVerified: true, locale: 'fr' });
			await tx.insert(account).values({ id: crypto.randomUUID(), accountId: employerUserId, providerId: 'credential', userId: employerUserId, password: passwordHash });
			await recordAudit(tx, context, { action: 'user.create', resourceType: 'user', resourceId: employerUserId, after: { email: DEMO_EMPLOYER_EMAIL, role: 'partner', demo: true } });
		}
		await tx.insert(organisationMember).values({ organisationId: ordered[0].id, userId: employerUserId }).onConflictDoNothing();

		const values = [];
		const pendingTemplates: Template[] = [
			{ ...templates[templates.length - 1], employer: 6, title: 'Boulanger', description: 'Fabrication du pain et des msemen dès l’aube, dans une boulangerie de quartier.' },
			{ ...templates[5], employer: 6, occupationCode: '5223', title: 'Vendeuse en boulangerie', description: 'Vente au comptoir, encaissement et mise en place de la vitrine.' }
		];
		for (let index = 0; index < 62; index++) {
			const template = index < 60 ? secondVariant(templates[index % templates.length], Math.floor(index / templates.length), index) : pendingTemplates[index - 60];
			const place = places[(index * 7) % places.length];
			const province = provinceByCode.get(place.province);
			const employer = ordered[template.employer];
			const occ = occupations.get(template.occupationCode)!;
			const input = OfferInput.parse({
				title: template.title,
				description: template.description,
				occupationCode: template.occupationCode,
				skills: template.skills,
				regionCode: province?.regionIso ?? 'MA-01',
				provinceCode: province ? place.province : null,
				city: place.city,
				contractType: template.contractType,
				workingTime: template.salary[2] === 'hour' ? 'part_time' : 'full_time',
				hoursPerWeek: template.salary[2] === 'hour' ? 24 : 44,
				salaryMin: template.salary[0],
				salaryMax: template.salary[1],
				salaryPeriod: template.salary[2],
				languages: template.languages,
				education: template.education,
				experienceYears: template.experienceYears,
				positions: 1 + (index % 4),
				// a few offers already past their closing date (templates 7, 16 and 27, both rounds; the Arabic one stays open)
				closingDate: addDays([7, 16, 27].includes(index % templates.length) && index < 60 ? -3 : 10 + (index % 45)),
				openToForeigners: index % 6 !== 5
			});
			const pending = template.employer === 6;
			const publishedAt = new Date(now.getTime() - (index % 30) * 86_400_000 - index * 60_000);
			values.push({
				...offerValuesFor(input, occ, `${employer.name} ${employer.acronym ?? ''}`),
				organisationId: employer.id,
				status: pending ? ('pending_validation' as const) : ('published' as const),
				publishedAt: pending ? null : publishedAt,
				validatedAt: pending ? null : publishedAt,
				isSample: true
			});
		}
		const offers = await tx.insert(jobOffer).values(values).returning({ id: jobOffer.id, status: jobOffer.status });
		for (const offer of offers) {
			await recordAudit(tx, context, { action: 'job_offer.create', resourceType: 'job_offer', resourceId: offer.id, after: { status: offer.status, sample: true } });
		}
	});
}
