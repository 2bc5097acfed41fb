import { z } from 'zod';
import { countryCodes } from '../../platform/geo/countries.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { documentLanguages, documentStatuses, documentThemes, documentTypes, horizons } from './knowledge.model.ts';
import { MAX_DOCUMENT_LINKS } from './document-links.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** A query parameter that may be repeated (`?type=a&type=b`) or comma-separated (`?type=a,b`). */
const toList = (value: unknown) => {
	if (value === undefined || value === null) return undefined;
	const list = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).map((item) => item.trim());
	const kept = list.filter((item) => item !== '');
	return kept.length ? kept : undefined;
};
const many = <T extends z.ZodType>(item: T, description: string) => z.preprocess(toList, z.array(item).max(30).optional()).meta({ description });

const regionCodes = regions.map((region) => region.iso) as [string, ...string[]];
const text = (max: number) => z.string().trim().min(1).max(max);
const url = z.url({ protocol: /^https?$/ }).max(500);
const slugText = z
	.string()
	.trim()
	.toLowerCase()
	.max(120)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const DocumentType = z.enum(documentTypes).meta({ id: 'KnowledgeDocumentType' });
export const DocumentStatus = z.enum(documentStatuses).meta({ id: 'KnowledgeDocumentStatus', description: '`forthcoming`: announced, not yet available' });
export const DocumentTheme = z.enum(documentThemes).meta({ id: 'KnowledgeTheme' });
export const DocumentLanguage = z.enum(documentLanguages).meta({ description: 'ISO 639-1 language code' });
export const Horizon = z.enum(horizons).meta({ id: 'RecommendationHorizon' });
const RegionCode = z.enum(regionCodes).meta({ description: 'ISO 3166-2 region code', example: 'MA-02' });
const CountryCode = z
	.string()
	.trim()
	.toUpperCase()
	.refine((code) => countryCodes.includes(code))
	.meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'SE' });

const Translated = (max: number) =>
	z.object({ fr: text(max).optional(), ar: text(max).optional(), en: text(max).optional() }).meta({ description: 'The same text in French, Arabic and/or English; each key is the language of its text' });

export const StoredPdfSchema = z.object({
	key: z.string().min(1).max(300),
	bytes: z.int().min(1),
	pages: z.int().min(1),
	name: z.string().max(300)
});

/** A new document or a complete new version of one (the moderation compares these field by field). */
export const DocumentInput = z
	.object({
		slug: slugText.optional(),
		title: Translated(400).refine((value) => Boolean(value.fr || value.ar || value.en), { message: 'field_required' }),
		summary: Translated(4000).default({}),
		type: DocumentType,
		status: DocumentStatus.default('published'),
		authors: z.array(text(200)).max(50).default([]),
		organisations: z.array(slugText).max(30).default([]),
		year: z.int().min(1900).max(2100).nullish(),
		publishedOn: z.iso.date().nullish(),
		languages: z.array(DocumentLanguage).max(6).default([]),
		themes: z.array(DocumentTheme).max(10).default([]),
		regions: z.array(RegionCode).max(12).default([]),
		countries: z.array(CountryCode).max(50).default([]),
		/** other modules' records, as platform links: `atlas.initiative:<slug>`, `strategy.action:<strategy slug>/<action id>` (checked by the service) */
		links: z.array(z.string().trim().min(1).max(300)).max(MAX_DOCUMENT_LINKS).default([]),
		licence: z.string().trim().max(200).nullish(),
		file: StoredPdfSchema.nullish(),
		externalUrl: url.nullish(),
		recommendations: z.array(z.object({ text: text(2000), horizon: Horizon })).max(100).default([]),
		sources: z.array(z.object({ citation: text(1000), url: url.optional() })).max(30).default([])
	})
	.refine((value) => !value.publishedOn || !value.year || Number(value.publishedOn.slice(0, 4)) === value.year, { path: ['publishedOn'], message: 'field_invalid' })
	.meta({ id: 'KnowledgeDocumentInput' });
export type DocumentInput = z.input<typeof DocumentInput>;
export type DocumentData = z.output<typeof DocumentInput>;

export const DocumentListQuery = z
	.object({
		q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).meta({ description: 'Words in titles, summaries and authors (accents and Arabic spelling variants ignored)' }),
		type: many(DocumentType, 'Document types'),
		theme: many(DocumentTheme, 'Themes'),
		language: many(DocumentLanguage, 'Languages of the document'),
		region: many(RegionCode, 'Regions (ISO 3166-2)'),
		organisation: many(slugText, 'Organisations (slug)'),
		year: z.preprocess(blankToUndefined, z.coerce.number().int().min(1900).max(2100).optional()).meta({ description: 'Year of the document' }),
		status: z.preprocess(blankToUndefined, DocumentStatus.optional()),
		linked: many(
			z.string().trim().max(300).regex(/^[a-z]+\.[a-z_]+:[^\s]+$/),
			'Records the documents link to (any of them), as platform links: `atlas.initiative:<slug>` or `strategy.action:<strategy slug>/<action id>`. An Atlas initiative made of others (a programme and its components) also finds the documents linked to its parts'
		),
		page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10000).default(1)),
		pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(20))
	})
	.meta({ id: 'KnowledgeDocumentListQuery' });
export type DocumentListQuery = z.output<typeof DocumentListQuery>;

export const CitationFormat = z.enum(['bibtex', 'ris', 'csl-json']);
export const CitationQuery = z.object({ format: CitationFormat.default('csl-json') });

const DocumentSummary = z.object({
	id: z.uuid(),
	slug: z.string(),
	version: z.int(),
	title: Translated(400),
	type: DocumentType,
	status: DocumentStatus,
	authors: z.array(z.string()),
	organisations: z.array(z.object({ slug: z.string(), name: z.string() })),
	year: z.int().nullable(),
	publishedOn: z.string().nullable(),
	languages: z.array(z.string()),
	themes: z.array(z.string()),
	regions: z.array(z.string()),
	hasFile: z.boolean(),
	externalUrl: z.string().nullable(),
	isSample: z.boolean().meta({ description: 'true: a fictional sample, not a real document' })
});
export const DocumentDetail = DocumentSummary.extend({
	summary: Translated(4000),
	countries: z.array(z.string()),
	links: z
		.array(
			z.object({
				link: z.string().meta({ description: 'the record as a platform link', example: 'atlas.initiative:sharaka-composante-1-migration-developpement' }),
				kind: z.string().meta({ description: '`atlas.initiative` (an Atlas initiative or one of its components, /api/v1/initiatives/{slug}) or `strategy.action` (an action of a published strategy, key `<strategy slug>/<action id>`)' }),
				title: z.string().nullable().meta({ description: 'the record’s title in the asked language (or the one it stands in); null when the record is no longer there or its module not installed' }),
				lang: z.string().nullable().meta({ description: 'the language the title is in' }),
				url: z.string().nullable().meta({ description: 'the record’s page, a path on this site in the asked language (`/fr/atlas/initiatives/…`)' }),
				isSample: z.boolean()
			})
		)
		.meta({ description: 'The Atlas initiatives (and their components) and the strategies’ actions the document comes from or serves, in the order given' }),
	initiatives: z.array(z.string()).meta({ description: 'Deprecated: the slugs of the `atlas.initiative` links (use `links`)', deprecated: true }),
	licence: z.string().nullable(),
	file: z.object({ bytes: z.int(), pages: z.int(), url: z.string() }).nullable(),
	recommendations: z.array(z.object({ text: z.string(), horizon: Horizon })),
	sources: z.array(z.object({ citation: z.string(), url: z.string().optional() })),
	updatedAt: z.string()
}).meta({ id: 'KnowledgeDocument' });
export const DocumentListResult = z
	.object({
		total: z.int(),
		page: z.int(),
		pageSize: z.int(),
		items: z.array(
			DocumentSummary.extend({
				snippet: z
					.object({ page: z.int(), text: z.string() })
					.nullable()
					.meta({ description: 'With `q`: the page of the PDF that answers best, the words found between U+E000 and U+E001' })
			})
		),
		facets: z.object({
			type: z.record(z.string(), z.int()),
			theme: z.record(z.string(), z.int()),
			language: z.record(z.string(), z.int()),
			year: z.record(z.string(), z.int()),
			region: z.record(z.string(), z.int()).meta({ description: 'Documents per region (ISO 3166-2:MA code)' }),
			organisation: z.record(z.string(), z.int()).meta({ description: 'Documents per organisation (slug)' }),
			linked: z.record(z.string(), z.int()).meta({
				description: 'Documents per linked record (platform link: Atlas initiative or strategy action); a record made of others (see `parts`) counts the documents linked to it or to any of its parts, each once'
			})
		}),
		parts: z
			.record(z.string(), z.array(z.string()))
			.meta({ description: 'The linked records made of others (an Atlas programme): for each, the records the library links to that are its parts at any level (its components, their pilots and phases); filtering by it finds these too' })
	})
	.meta({ id: 'KnowledgeDocumentList' });
export type DocumentSummary = z.output<typeof DocumentSummary>;
export type DocumentDetail = z.output<typeof DocumentDetail>;
