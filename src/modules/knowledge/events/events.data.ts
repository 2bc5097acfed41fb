// The seeds' real event (SHARAKA's final event) and badged sample events.
import { inArray } from 'drizzle-orm';
import { systemContext } from '../../../platform/audit/audit.service.ts';
import type { Db } from '../../../platform/db/database.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { insertEvent } from './event.service.ts';
import { event } from './event.table.ts';
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
		for (const { slug, ...entry } of missing) await insertEvent(inTx, entry, { isSample, slug });
	});
}

export const ensureEventsReferenceData = (db: Db) => insertMissing(db, realEvents, false);
export const loadEventsDemoData = (db: Db) => insertMissing(db, sampleEvents, true);
