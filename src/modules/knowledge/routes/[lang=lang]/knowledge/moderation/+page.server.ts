import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listProposals } from '#platform/moderation/moderation.service.ts';
import { documentProposals } from '#modules/knowledge/document.service.ts';
import { textProgress } from '#modules/knowledge/text-extraction.ts';
import { pickText } from '#platform/i18n/content-language.ts';

const statuses = ['pending', 'approved', 'rejected', 'changes_requested', 'withdrawn', 'all'] as const;

export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const wanted = url.searchParams.get('status');
	const status = statuses.find((value) => value === wanted) ?? 'pending';
	const page = Math.max(1, Math.min(10000, Number(url.searchParams.get('page')) || 1));
	const proposals = await listProposals(requestContext(app, locals), documentProposals, { status, page });
	const text = await textProgress(app.database.db);
	return { status, proposals, text: { ...text, reading: text.reading.map((row) => ({ ...row, title: pickText(row.title, locals.language) })) } };
}
