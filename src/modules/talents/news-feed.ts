// A network's news as an Atom feed (RFC 4287), in the reader's language: each entry's title and text with
// `xml:lang` the language they are really in (a French item in the Arabic feed says so); each entry links to the
// item's own page, and to its picture when it has one (an enclosure).
import type { DbOrTx } from '../../platform/db/database.ts';
import { pickText, type LocalisedText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { imageMediaTypes } from '../../platform/storage/image-check.ts';
import { listNews, NEWS_PER_PAGE, newsImagePath, newsItemPath } from './news.service.ts';

const escape = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export async function newsFeed(db: DbOrTx, network: { id: string; slug: string; name: LocalisedText }, language: Language, publicUrl: string): Promise<string> {
	const base = publicUrl.replace(/\/$/, '');
	const page = `${base}/${language}/talents/networks/${network.slug}`;
	const news = await listNews(db, network.slug, {}, NEWS_PER_PAGE);
	const name = pickText(network.name, language).text;
	const updated = (news.items[0]?.publishedAt ?? new Date(0)).toISOString();
	const entries = news.items.map((item) => {
		const title = pickText(item.title, language);
		const body = pickText(item.body, language);
		return [
			'\t<entry>',
			`\t\t<id>urn:uuid:${item.id}</id>`,
			`\t\t<title xml:lang="${title.lang}">${escape(title.text)}</title>`,
			`\t\t<link rel="alternate" type="text/html" href="${escape(`${base}/${language}${newsItemPath(network.slug, item.id)}`)}"/>`,
			// its picture, for the readers that show one
			...(item.image && item.imageKey ? [`\t\t<link rel="enclosure" type="${imageMediaTypes[item.image.format]}" length="${item.image.size}" href="${escape(`${base}${newsImagePath(network.slug, item.id, item.imageKey)}`)}"/>`] : []),
			`\t\t<updated>${item.publishedAt.toISOString()}</updated>`,
			`\t\t<published>${item.publishedAt.toISOString()}</published>`,
			`\t\t<content type="text" xml:lang="${body.lang}">${escape(body.text)}</content>`,
			'\t</entry>'
		].join('\n');
	});
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
		`\t<id>urn:uuid:${network.id}</id>`,
		`\t<title>${escape(translate(language, 'network_news.news_feed_title', { network: name }))}</title>`,
		`\t<link rel="alternate" type="text/html" href="${escape(`${page}/news`)}"/>`,
		`\t<link rel="self" type="application/atom+xml" href="${escape(`${page}/news/feed`)}"/>`,
		`\t<author><name>${escape(name)}</name></author>`,
		`\t<updated>${updated}</updated>`,
		...entries,
		'</feed>',
		''
	].join('\n');
}
