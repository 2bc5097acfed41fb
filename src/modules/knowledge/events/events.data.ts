// The seeds' real event (SHARAKA's final event) and badged sample events.
import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { systemContext } from '../../../platform/audit/audit.service.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resolveLinks } from '../../../platform/kernel/links.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { insertEvent } from './event.service.ts';
import { event, eventRegistration } from './event.table.ts';
import { participantCategories } from './event.model.ts';

type SeedEvent = { slug: string; [key: string]: unknown };

/** Seed 000 (news of 04/12/2017) and seed 002 (synthesis of the closing event, annex 3.2). Times of day are not in the seeds: the whole days are shown. */
export const realEvents: SeedEvent[] = [
	{
		slug: 'evenement-final-sharaka-2017',
		title: {
			fr: 'Événement final de SHARAKA : séminaire de clôture',
			en: 'SHARAKA final event: closing seminar',
			ar: 'الحدث الختامي لمشروع شراكة: ندوة الاختتام'
		},
		description: {
			fr: 'Le séminaire de clôture de SHARAKA, qui s’est déroulé les 15 et 16 novembre 2017 à Rabat, a été l’occasion de revenir sur le travail accompli tout au long du projet : séances plénières, tables rondes thématiques, présentations et diffusion des outils issus de SHARAKA.'
		},
		startsAt: '2017-11-15T00:00',
		endsAt: '2017-11-16T23:59',
		place: 'Bibliothèque Nationale du Royaume du Maroc, Rabat',
		status: 'published',
		participantCategories: [...participantCategories],
		documents: ['synthese-evenement-cloture-sharaka-2017'],
		// both are on annex 3.2's list of participants (the Talents module's real networks, when it is installed)
		links: ['talents.network:reseau-competences-dmk-allemagne', 'talents.network:maroc-entrepreneurs'],
		sources: [
			{ citation: '« Clôture de SHARAKA : retour sur un modèle de coopération en matière de migration et de mobilité », publié le 04/12/2017' },
			{ citation: 'Synthèse de l’événement de clôture, 15 et 16 novembre 2017 — Bibliothèque Nationale de Rabat, annexe 3.2 « Liste des participants »' }
		]
	}
];

export const sampleEvents: SeedEvent[] = [
	{
		slug: 'exemple-atelier-mobilite-competences',
		title: { fr: 'Exemple : atelier sur la mobilité des compétences', ar: 'مثال: ورشة حول تنقل الكفاءات' },
		description: { fr: 'Événement fictif pour la démonstration.', ar: 'حدث وهمي للعرض.' },
		startsAt: '2027-03-10T09:30',
		endsAt: '2027-03-10T17:00',
		place: 'Oujda',
		status: 'published',
		registrationOpen: 'on',
		capacity: '40',
		participantCategories: ['moroccan_public_institution', 'civil_society_private_university'],
		sources: [{ citation: 'Échantillon fictif' }]
	}
];

async function insertMissing(db: Db, entries: SeedEvent[], isSample: boolean) {
	const present = new Set((await db.select({ slug: event.slug }).from(event).where(inArray(event.slug, entries.map((entry) => entry.slug)))).map((row) => row.slug));
	const missing = entries.filter((entry) => !present.has(entry.slug));
	if (!missing.length) return;
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	await ctx.transaction(async (inTx) => {
		for (const { slug, ...entry } of missing) {
			// links to records of modules not installed (or not loaded yet) are left out rather than refused
			const links = Array.isArray(entry.links) ? (await resolveLinks(inTx.db, entry.links as string[], 'fr')).map((link) => link.value) : [];
			await insertEvent(inTx, { ...entry, links }, { isSample, slug });
		}
	});
}

export const ensureEventsReferenceData = (db: Db) => insertMissing(db, realEvents, false);
/** Fictional people registered for the sample workshop (the demo member among them), so that its organisers' list is not empty. */
const sampleRegistrations = [
	{ email: 'member@demo.sharaka.ma', name: 'Awa Membre (exemple)', category: 'civil_society_private_university', checkInCode: 'EXPL23' },
	{ email: 'karim.exemple@example.org', name: 'Karim Exemple', category: 'moroccan_public_institution', checkInCode: 'EXPL45' },
	{ email: 'salma.exemple@example.org', name: 'Salma Exemple', category: 'civil_society_private_university', checkInCode: 'EXPL67' }
] as const;

export async function loadEventsDemoData(db: Db) {
	await insertMissing(db, sampleEvents, true);
	const [workshop] = await db.select().from(event).where(eq(event.slug, sampleEvents[0].slug));
	if ((await db.select({ id: eventRegistration.id }).from(eventRegistration).where(eq(eventRegistration.eventId, workshop.id))).length) return;
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, sampleRegistrations[0].email));
	await db.insert(eventRegistration).values(
		sampleRegistrations.map((entry, index) => ({
			eventId: workshop.id,
			userId: index === 0 ? (member?.id ?? null) : null,
			name: entry.name,
			email: entry.email,
			category: entry.category,
			language: 'fr',
			status: 'confirmed' as const,
			checkInCode: entry.checkInCode,
			// nobody holds these links: the sample people exist only on the organisers' list
			tokenHash: crypto.createHash('sha256').update(crypto.randomUUID()).digest('hex'),
			consentAt: new Date(),
			isSample: true
		}))
	);
}
