// Reference data (the real documents of the seeds) and demo data (a few badged samples).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { insertDocument, normaliseDocument, snapshotOf, updateDocument } from './document.service.ts';
import { resolveLinks } from '../../platform/kernel/links.ts';
import { document } from './knowledge.table.ts';
import type { DocumentInput } from './knowledge.schemas.ts';
import { realDocuments } from './seed/deliverables.ts';
import { ensureEventsReferenceData, loadEventsDemoData } from './events/events.data.ts';
import { ensureSurveysReferenceData, loadSurveysDemoData } from './surveys/surveys.data.ts';
import { ensureResearchReferenceData, loadResearchDemoData } from './research/research.data.ts';

/** The entries' links that name a record (the Atlas's initiatives are there when the Atlas is installed). */
async function existingLinks(db: Db, entries: readonly { links?: string[] }[]): Promise<Set<string>> {
	const wanted = [...new Set(entries.flatMap((entry) => entry.links ?? []))];
	return new Set(wanted.length ? (await resolveLinks(db, wanted, 'fr')).map((link) => link.value) : []);
}

async function insertMissing(db: Db, entries: (DocumentInput & { slug: string })[], isSample: boolean) {
	const present = new Set((await db.select({ slug: document.slug }).from(document).where(inArray(document.slug, entries.map((entry) => entry.slug)))).map((row) => row.slug));
	const missing = entries.filter((entry) => !present.has(entry.slug));
	if (!missing.length) return;
	const known = await existingLinks(db, missing);
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	await ctx.transaction(async (inTx) => {
		for (const entry of missing) {
			const input = { ...entry, links: (entry.links ?? []).filter((value) => known.has(value)) };
			await insertDocument(inTx, await normaliseDocument(inTx.db, input), { userId: null, organisationId: null, comment: null }, { isSample });
		}
	});
}

/**
 * The seeds' links for real documents added before documents had links (migration 0068): a document still
 * at its first version (no editor changed it) and linking to nothing gets them, as a new version by the
 * platform, audited like any other.
 */
async function addMissingLinks(db: Db, entries: (DocumentInput & { slug: string })[]) {
	const linked = entries.filter((entry) => entry.links?.length);
	if (!linked.length) return;
	const rows = await db
		.select()
		.from(document)
		.where(and(inArray(document.slug, linked.map((entry) => entry.slug)), eq(document.version, 1), sql`${document.links} = '[]'::jsonb`));
	if (!rows.length) return;
	const known = await existingLinks(db, linked);
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	await ctx.transaction(async (inTx) => {
		for (const row of rows) {
			const links = (linked.find((entry) => entry.slug === row.slug)!.links ?? []).filter((value) => known.has(value));
			if (!links.length) continue;
			await updateDocument(inTx, row.id, { ...snapshotOf(row), links }, { userId: null, organisationId: null, comment: SEED_LINKS_COMMENT }, 1);
		}
	});
}

/** The note of the version that gave a seeded document its links (the seeds are in French). */
export const SEED_LINKS_COMMENT = 'Initiatives de l’Atlas reliées d’après l’annexe 3.4 (composante de chaque livrable)';

/**
 * The institutions the seeds name as authors of research works (seed 002 §2.11: Mohamed Berriane, of the
 * Mohammed V University of Rabat; annex 3.4: the OECD's review of Moroccan emigrants), in the platform's
 * directory when missing, so that the research mapping can count their works.
 */
async function ensureResearchInstitutions(db: Db) {
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	await ctx.transaction(async (tx) => {
		const created = await tx.db
			.insert(organisation)
			.values([
				{ slug: 'universite-mohammed-v-rabat', name: 'Université Mohammed V de Rabat', acronym: 'UM5', type: 'university', country: 'MA', website: null },
				{ slug: 'ocde', name: 'Organisation de coopération et de développement économiques', acronym: 'OCDE', type: 'other', country: 'FR', website: null }
			])
			.onConflictDoNothing({ target: organisation.slug })
			.returning();
		for (const row of created) await recordAudit(tx.db, tx.audit, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, after: row });
	});
}

/** The seeds' deliverables and publications, added once (a document an editor changed is left as it is). */
// the documents first: the final event links to its synthesis
export const ensureKnowledgeReferenceData = async (db: Db) => {
	await ensureResearchInstitutions(db);
	await insertMissing(db, realDocuments, false);
	await addMissingLinks(db, realDocuments);
	await ensureEventsReferenceData(db);
	await ensureSurveysReferenceData(db);
	await ensureResearchReferenceData(db);
};

/** Fictional documents, badged as samples, in French and Arabic. */
export const sampleDocuments: (DocumentInput & { slug: string })[] = [
	{
		slug: 'exemple-guide-accueil-migrants-oriental',
		type: 'guide',
		title: { fr: 'Exemple : guide d’accueil des migrants dans l’Oriental', ar: 'مثال: دليل استقبال المهاجرين في جهة الشرق' },
		summary: { fr: 'Document fictif pour la démonstration.', ar: 'وثيقة وهمية للعرض.' },
		status: 'published',
		year: 2025,
		languages: ['fr', 'ar'],
		themes: ['immigrant_integration'],
		regions: ['MA-02'],
		externalUrl: 'https://example.org/guide',
		recommendations: [
			{ text: 'Exemple de recommandation à court terme.', horizon: 'short' },
			{ text: 'Exemple de recommandation à long terme.', horizon: 'long' }
		],
		sources: [{ citation: 'Échantillon fictif' }]
	},
	{
		slug: 'exemple-etude-retour-souss-massa',
		type: 'study',
		title: { fr: 'Exemple : étude sur le retour dans le Souss-Massa', ar: 'مثال: دراسة حول العودة في جهة سوس ماسة' },
		status: 'forthcoming',
		year: 2026,
		languages: ['ar'],
		themes: ['return_reintegration'],
		regions: ['MA-09'],
		sources: [{ citation: 'Échantillon fictif' }]
	}
];
export const loadKnowledgeDemoData = async (db: Db) => {
	await insertMissing(db, sampleDocuments, true);
	await loadEventsDemoData(db);
	await loadSurveysDemoData(db);
	await loadResearchDemoData(db);
};
