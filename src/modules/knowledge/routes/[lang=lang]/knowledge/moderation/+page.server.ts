import { getApp } from '#platform/app.ts';
import { loadQueue } from '#platform/moderation/proposal-pages.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { documentProposals } from '#modules/knowledge/document.service.ts';
import { textProgress } from '#modules/knowledge/text-extraction.ts';

/** The editors' queue, with how the PDFs' texts are being read. */
export const load = async (event) => {
	const queue = await loadQueue(event, documentProposals);
	const text = await textProgress((await getApp()).database.db);
	return { ...queue, text: { ...text, reading: text.reading.map((row) => ({ ...row, title: pickText(row.title, event.locals.language) })) } };
};
