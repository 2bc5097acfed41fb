// A document's citation in the three formats reference managers read (Zotero, Mendeley, EndNote, citeproc).
import type { DocumentDetail } from './knowledge.schemas.ts';
import type { DocumentType } from './knowledge.model.ts';

export type CitationFormat = 'bibtex' | 'ris' | 'csl-json';

const mime: Record<CitationFormat, string> = {
	bibtex: 'application/x-bibtex; charset=utf-8',
	ris: 'application/x-research-info-systems; charset=utf-8',
	'csl-json': 'application/vnd.citationstyles.csl+json; charset=utf-8'
};
const extension: Record<CitationFormat, string> = { bibtex: 'bib', ris: 'ris', 'csl-json': 'json' };

const cslType: Record<DocumentType, string> = { report: 'report', synthesis: 'report', study: 'report', guide: 'book', tool: 'software', film: 'motion_picture', newsletter: 'article-magazine', presentation: 'speech' };
const risType: Record<DocumentType, string> = { report: 'RPRT', synthesis: 'RPRT', study: 'RPRT', guide: 'BOOK', tool: 'COMP', film: 'VIDEO', newsletter: 'MGZN', presentation: 'SLIDE' };
const bibType: Record<DocumentType, string> = { report: 'techreport', synthesis: 'techreport', study: 'techreport', guide: 'book', tool: 'misc', film: 'misc', newsletter: 'misc', presentation: 'misc' };

const mainTitle = (doc: DocumentDetail) => doc.title.fr ?? doc.title.en ?? doc.title.ar ?? '';

/** BibTeX braces protect capitals and special characters; a backslash or brace in the text is escaped. */
const bib = (text: string) => `{${text.replace(/([\\{}%&$#_])/g, '\\$1')}}`;

export function citation(doc: DocumentDetail, format: CitationFormat, pageUrl: string): { body: string; contentType: string; fileName: string } {
	const authors = [...doc.authors, ...doc.organisations.map((entry) => entry.name)];
	const title = mainTitle(doc);
	let body: string;
	if (format === 'bibtex') {
		const fields: [string, string][] = [
			['title', bib(title)],
			...(authors.length ? ([['author', authors.map((name) => `{${name}}`).join(' and ')]] as [string, string][]) : []),
			...(doc.year ? ([['year', String(doc.year)]] as [string, string][]) : []),
			...(doc.languages.length ? ([['language', doc.languages.join(', ')]] as [string, string][]) : []),
			['url', doc.externalUrl ?? pageUrl],
			...(doc.status === 'forthcoming' ? ([['note', '{Forthcoming}']] as [string, string][]) : []),
			...(doc.isSample ? ([['note', '{Fictional sample}']] as [string, string][]) : [])
		];
		body = `@${bibType[doc.type]}{${doc.slug.replace(/-/g, '_')},\n${fields.map(([key, value]) => `  ${key} = ${value}`).join(',\n')}\n}\n`;
	} else if (format === 'ris') {
		const lines = [
			`TY  - ${risType[doc.type]}`,
			`TI  - ${title}`,
			...authors.map((name) => `AU  - ${name}`),
			...(doc.year ? [`PY  - ${doc.year}`] : []),
			...(doc.publishedOn ? [`DA  - ${doc.publishedOn.replace(/-/g, '/')}`] : []),
			...doc.languages.map((language) => `LA  - ${language}`),
			`UR  - ${doc.externalUrl ?? pageUrl}`,
			...(doc.title.ar && doc.title.ar !== title ? [`T2  - ${doc.title.ar}`] : []),
			'ER  - '
		];
		body = `${lines.join('\r\n')}\r\n`;
	} else {
		const date = doc.publishedOn ? doc.publishedOn.split('-').map(Number) : doc.year ? [doc.year] : null;
		body = `${JSON.stringify(
			[
				{
					id: doc.slug,
					type: cslType[doc.type],
					title,
					...(authors.length ? { author: authors.map((name) => ({ literal: name })) } : {}),
					...(date ? { issued: { 'date-parts': [date] } } : {}),
					...(doc.languages[0] ? { language: doc.languages[0] } : {}),
					URL: doc.externalUrl ?? pageUrl,
					...(doc.status === 'forthcoming' ? { status: 'forthcoming' } : {})
				}
			],
			null,
			2
		)}\n`;
	}
	return { body, contentType: mime[format], fileName: `${doc.slug}.${extension[format]}` };
}

/** schema.org JSON-LD: a Report for reports, studies and syntheses, a Movie for the film, else a CreativeWork. */
export function jsonLd(doc: DocumentDetail, pageUrl: string, publicUrl: string) {
	const type = ['report', 'study', 'synthesis'].includes(doc.type) ? 'Report' : doc.type === 'film' ? 'Movie' : 'CreativeWork';
	return {
		'@context': 'https://schema.org',
		'@type': type,
		'@id': pageUrl,
		url: pageUrl,
		name: mainTitle(doc),
		...(doc.title.ar || doc.title.en ? { alternateName: [doc.title.ar, doc.title.en].filter(Boolean) } : {}),
		...(doc.summary.fr || doc.summary.en || doc.summary.ar ? { abstract: doc.summary.fr ?? doc.summary.en ?? doc.summary.ar } : {}),
		...(doc.authors.length ? { author: doc.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
		...(doc.organisations.length ? { publisher: doc.organisations.map((entry) => ({ '@type': 'Organization', name: entry.name })) } : {}),
		...(doc.publishedOn ? { datePublished: doc.publishedOn } : doc.year ? { datePublished: String(doc.year) } : {}),
		...(doc.languages.length ? { inLanguage: doc.languages } : {}),
		...(doc.licence ? { license: doc.licence } : {}),
		creativeWorkStatus: doc.status === 'forthcoming' ? 'Forthcoming' : 'Published',
		...(doc.file ? { encoding: { '@type': 'MediaObject', encodingFormat: 'application/pdf', contentUrl: `${publicUrl}${doc.file.url}`, contentSize: `${doc.file.bytes} B` } } : {}),
		...(doc.externalUrl ? { sameAs: doc.externalUrl } : {})
	};
}
