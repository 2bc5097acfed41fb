import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { findingsOf, researchMatrix } from '#modules/knowledge/research/research.service.ts';
import { RESEARCH_STUDY } from '#modules/knowledge/research/research.model.ts';
import { getDocument } from '#modules/knowledge/document.service.ts';

const year = (value: string | null) => (value && /^\d{4}$/.test(value) ? Number(value) : undefined);

/** The mapping: the seeds' study and its findings, the research works by theme × institution (for the years asked) and over time. */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	const from = year(url.searchParams.get('from'));
	const to = year(url.searchParams.get('to'));
	const [matrix, findings, study] = await Promise.all([researchMatrix(ctx.db, { from, to }), findingsOf(ctx.db, RESEARCH_STUDY), getDocument(ctx.db, RESEARCH_STUDY)]);
	return { from: from ?? null, to: to ?? null, matrix, findings: findings.map((entry) => ({ kind: entry.kind, text: entry.text, source: entry.source })), study: study ? { slug: RESEARCH_STUDY, title: study.title, authors: study.authors } : null };
}
