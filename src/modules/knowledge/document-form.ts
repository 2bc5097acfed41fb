// The propose form (no JavaScript needed): its fields to a document's data, and refusals to messages by field.
import { fail } from '@sveltejs/kit';
import { isAppError } from '../../platform/http/app-error.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { storeDocumentPdf } from './document-file.ts';
import { documentLanguages, documentStatuses, documentThemes, documentTypes, horizons } from './knowledge.model.ts';
import { regions } from '../../platform/geo/morocco.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { organisationChoices } from './document.service.ts';
import { documentLinkChoices } from './document-links.ts';
import type { DocumentDetail } from './knowledge.schemas.ts';
import type { StoredPdf } from './knowledge.table.ts';

export type DocumentFormValues = Record<string, string | string[]>;

const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
const blank = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The form's fields, as typed (to show them again), and the document's data read from them. */
export function documentFromForm(form: FormData): { values: DocumentFormValues; input: Record<string, unknown> } {
	const one = (name: string) => String(form.get(name) ?? '');
	const many = (name: string) => form.getAll(name).map(String).filter(Boolean);
	const values: DocumentFormValues = {};
	for (const name of ['title_fr', 'title_ar', 'title_en', 'summary_fr', 'summary_ar', 'type', 'status', 'authors', 'year', 'publishedOn', 'countries', 'licence', 'externalUrl', 'recommendations_short', 'recommendations_medium', 'recommendations_long', 'sources', 'comment'])
		values[name] = one(name);
	for (const name of ['organisations', 'languages', 'themes', 'regions', 'links']) values[name] = many(name);
	const title = Object.fromEntries((['fr', 'ar', 'en'] as const).flatMap((code) => (blank(one(`title_${code}`)) ? [[code, one(`title_${code}`).trim()]] : [])));
	const summary = Object.fromEntries((['fr', 'ar'] as const).flatMap((code) => (blank(one(`summary_${code}`)) ? [[code, one(`summary_${code}`).trim()]] : [])));
	const year = blank(one('year'));
	const input: Record<string, unknown> = {
		title,
		summary,
		type: one('type'),
		status: one('status') || 'published',
		authors: lines(one('authors')),
		organisations: many('organisations'),
		year: year === undefined ? null : /^\d+$/.test(year) ? Number(year) : year,
		publishedOn: blank(one('publishedOn')) ?? null,
		languages: many('languages'),
		themes: many('themes'),
		regions: many('regions'),
		countries: one('countries')
			.split(/[\s,;]+/)
			.filter(Boolean),
		links: many('links'),
		licence: blank(one('licence')) ?? null,
		externalUrl: blank(one('externalUrl')) ?? null,
		recommendations: horizons.flatMap((horizon) => lines(one(`recommendations_${horizon}`)).map((text) => ({ text, horizon }))),
		sources: lines(one('sources')).map((citation) => ({ citation }))
	};
	return { values, input };
}

/** The PDF sent with the form, checked and stored (null: none sent); a refusal names the field `file`. */
export async function fileFromForm(form: FormData, files: FileStore | null): Promise<StoredPdf | null> {
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return null;
	return storeDocumentPdf(files, new Uint8Array(await file.arrayBuffer()), file.name);
}

/** The form's field that shows a problem at `path` (`title` → the French title, `regions.0` → regions). */
function formFieldOf(path: string): string {
	const [head] = path.split('.');
	if (head === 'title') return 'title_fr';
	if (head === 'summary') return 'summary_fr';
	if (head === 'recommendations') return 'recommendations_short';
	return head || '';
}

/** A refused proposal: the values typed and one message per field, in the page's language. */
export function documentFailure(language: Language, error: unknown, values: DocumentFormValues) {
	if (!isAppError(error)) throw error;
	const errors: Record<string, string> = {};
	const reason = typeof error.extra?.reason === 'string' ? error.extra.reason : null;
	if (reason?.startsWith('document_')) errors.file = translate(language, `knowledge.error_${reason}`);
	// a link the lists do not hold (removed meanwhile, or a form not sent by this page): the field named
	const badLinks = error.fields.filter((problem) => formFieldOf(problem.path) === 'links').length;
	if (badLinks) errors.links = translate(language, 'knowledge.error_links_unknown', { count: badLinks });
	for (const problem of error.fields) errors[formFieldOf(problem.path)] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	if (!Object.keys(errors).length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values, errors });
}

/** The controlled lists the form offers, named in the page's language. */
export async function documentFormChoices(db: DbOrTx, language: Language) {
	const name = language === 'ar' ? 'nameAr' : language === 'en' ? 'nameEn' : 'nameFr';
	const organisations = await organisationChoices(db);
	const sample = translate(language, 'knowledge.sample_badge');
	return {
		// Atlas initiatives (components included), then strategies' actions: one list each, by name (never a code)
		links: (await documentLinkChoices(db, language)).map(({ kind, choices }) => ({
			label: translate(language, `knowledge.links_group_${kind.replace('.', '_')}`),
			choices: choices.map((choice) => ({ value: choice.value, label: choice.isSample ? `${choice.label} (${sample})` : choice.label, keywords: choice.keywords, lang: choice.lang }))
		})),
		types: documentTypes,
		statuses: documentStatuses,
		themes: documentThemes,
		languages: documentLanguages,
		regions: regions.map((region) => ({ value: region.iso, label: region[name], keywords: `${region.nameFr} ${region.nameAr} ${region.nameEn}` })),
		organisations: organisations.map((entry) => ({ value: entry.slug, label: entry.acronym ? `${entry.name} (${entry.acronym})` : entry.name, keywords: entry.acronym ?? '', isolate: true }))
	};
}

/** A published document as the form shows it, to propose a change from. */
export function formFromDocument(doc: DocumentDetail): DocumentFormValues {
	const byHorizon = (horizon: string) =>
		doc.recommendations
			.filter((entry) => entry.horizon === horizon)
			.map((entry) => entry.text)
			.join('\n');
	return {
		title_fr: doc.title.fr ?? '',
		title_ar: doc.title.ar ?? '',
		title_en: doc.title.en ?? '',
		summary_fr: doc.summary.fr ?? '',
		summary_ar: doc.summary.ar ?? '',
		type: doc.type,
		status: doc.status,
		authors: doc.authors.join('\n'),
		organisations: doc.organisations.map((entry) => entry.slug),
		year: doc.year ? String(doc.year) : '',
		publishedOn: doc.publishedOn ?? '',
		languages: doc.languages,
		themes: doc.themes,
		regions: doc.regions,
		countries: doc.countries.join(', '),
		links: doc.links.map((entry) => entry.link),
		licence: doc.licence ?? '',
		externalUrl: doc.externalUrl ?? '',
		recommendations_short: byHorizon('short'),
		recommendations_medium: byHorizon('medium'),
		recommendations_long: byHorizon('long'),
		sources: doc.sources.map((source) => source.citation).join('\n'),
		comment: ''
	};
}
