// Sample documents for exercising search: titles and a few pages of text in French and Arabic, badged
// as samples, their text stored as if extracted (no PDF). Deterministic: the same N gives the same library.
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { searchNormalised } from '../../platform/db/search.ts';
import { regions } from '../../platform/geo/morocco.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { documentThemes, documentTypes } from './knowledge.model.ts';
import { document, documentPage, documentVersion } from './knowledge.table.ts';
import { event, eventRegistration } from './events/event.table.ts';
import { survey, surveyResponse } from './surveys/survey.table.ts';
import { researcher } from './research/research.table.ts';
import { snapshotOf } from './document.service.ts';

const frSubjects = ['l’insertion professionnelle des migrants', 'la mobilisation des compétences de la diaspora', 'le retour et la réintégration', 'le placement à l’international', 'les maisons des Marocains du monde', 'la recherche sur les migrations', 'les coopératives féminines', 'l’accès aux soins des migrants', 'la formation des conseillers emploi', 'l’investissement des MRE'];
const arSubjects = ['الإدماج المهني للمهاجرين', 'تعبئة كفاءات مغاربة العالم', 'العودة وإعادة الإدماج', 'التوظيف الدولي', 'دور مغاربة العالم', 'البحث في الهجرة', 'التعاونيات النسائية', 'ولوج المهاجرين إلى العلاج', 'تكوين مستشاري التشغيل', 'استثمار مغاربة العالم'];
const frSentences = [
	'Cette étude analyse les dispositifs existants et propose des recommandations à court, moyen et long terme.',
	'Les entretiens menés auprès des acteurs régionaux montrent des besoins de coordination.',
	'Les associations de migrants jouent un rôle déterminant dans l’accompagnement des bénéficiaires.',
	'Le rapport souligne l’importance d’un suivi statistique régulier et partagé.',
	'Les partenaires européens ont financé des actions pilotes dans plusieurs régions.'
];
const arSentences = [
	'تحلل هذه الدراسة الآليات القائمة وتقترح توصيات على المدى القصير والمتوسط والطويل.',
	'تُظهر المقابلات مع الفاعلين الجهويين حاجة إلى التنسيق.',
	'تلعب جمعيات المهاجرين دورا حاسما في مواكبة المستفيدين.',
	'يؤكد التقرير أهمية التتبع الإحصائي المنتظم والمشترك.',
	'موّل الشركاء الأوروبيون أنشطة نموذجية في عدة جهات.'
];

/** The text of one generated page: a few sentences in French then in Arabic, with the subject named. */
function pageText(n: number, page: number): string {
	const pick = <T>(list: readonly T[], k: number) => list[(n * 7 + page * 3 + k) % list.length];
	return [
		`Page ${page}. ${pick(frSentences, 0)} Sujet : ${pick(frSubjects, 1)}. ${pick(frSentences, 2)} ${pick(frSentences, 3)}`,
		`${pick(arSentences, 0)} الموضوع: ${pick(arSubjects, 1)}. ${pick(arSentences, 2)}`
	].join('\n');
}

/** Inserts `count` sample documents of `pages` pages each, in batches, with one audit event per batch. */
export async function generateDocuments(ctx: RequestContext, count: number, options: { prefix?: string; pages?: number } = {}) {
	const prefix = options.prefix ?? 'exemple-genere';
	const pages = options.pages ?? 3;
	for (let start = 0; start < count; start += 200) {
		await ctx.transaction(async (inTx) => {
			const batch = Array.from({ length: Math.min(200, count - start) }, (_, offset) => {
				const n = start + offset + 1;
				const subject = n % frSubjects.length;
				const title = { fr: `Exemple ${n} : note sur ${frSubjects[subject]}`, ar: `مثال ${n}: مذكرة حول ${arSubjects[subject]}` };
				return {
					slug: `${prefix}-${String(n).padStart(6, '0')}`,
					title,
					summary: { fr: frSentences[n % frSentences.length], ar: arSentences[n % arSentences.length] },
					type: documentTypes[n % documentTypes.length],
					status: 'published' as const,
					authors: [],
					organisations: [],
					year: 2015 + (n % 11),
					publishedOn: null,
					languages: n % 3 === 0 ? ['ar'] : ['fr', 'ar'],
					themes: [documentThemes[n % documentThemes.length]],
					regions: [regions[n % regions.length].iso],
					countries: [],
					links: [],
					licence: null,
					file: null,
					externalUrl: null,
					recommendations: [],
					sources: [{ citation: 'Échantillon fictif généré' }],
					searchText: sql`${searchNormalised(`${title.fr} \n ${title.ar}`)}`,
					textStatus: 'done' as const,
					textPagesDone: pages,
					textPagesTotal: pages,
					isSample: true,
					createdAt: inTx.now(),
					updatedAt: inTx.now()
				};
			});
			const rows = await inTx.db.insert(document).values(batch).onConflictDoNothing({ target: document.slug }).returning();
			if (!rows.length) return;
			await inTx.db.insert(documentVersion).values(rows.map((row) => ({ documentId: row.id, number: 1, snapshot: snapshotOf(row), createdAt: inTx.now() })));
			await inTx.db.insert(documentPage).values(rows.flatMap((row, index) => Array.from({ length: pages }, (_, page) => ({ documentId: row.id, page: page + 1, text: pageText(start + index + 1, page + 1) }))));
			await recordAudit(inTx.db, inTx.audit, { action: 'knowledge_document.generate', resourceType: 'knowledge_document', resourceId: null, after: { count: rows.length, first: rows[0].slug } });
		});
	}
}

/**
 * Deletes every sample of the module — documents (with their versions and pages), events (with their
 * programme and registrations), sample registrations to real events, surveys (with their questions,
 * invitations and answers), sample answers to real surveys, researchers' sample profiles — in one
 * transaction with one audit event. Real records and people's own entries stay.
 */
export async function removeSamples(ctx: RequestContext) {
	return ctx.transaction(async (tx) => {
		const count = async (rows: Promise<unknown[]>) => (await rows).length;
		const removed = {
			documents: await count(tx.db.delete(document).where(eq(document.isSample, true)).returning({ id: document.id })),
			events: await count(tx.db.delete(event).where(eq(event.isSample, true)).returning({ id: event.id })),
			registrations: await count(tx.db.delete(eventRegistration).where(eq(eventRegistration.isSample, true)).returning({ id: eventRegistration.id })),
			surveys: await count(tx.db.delete(survey).where(eq(survey.isSample, true)).returning({ id: survey.id })),
			answers: await count(tx.db.delete(surveyResponse).where(eq(surveyResponse.isSample, true)).returning({ id: surveyResponse.id })),
			researchers: await count(tx.db.delete(researcher).where(eq(researcher.isSample, true)).returning({ id: researcher.id }))
		};
		await recordAudit(tx.db, tx.audit, { action: 'knowledge.remove_samples', resourceType: 'knowledge_document', resourceId: null, after: removed });
		return removed;
	});
}
