import { z } from 'zod';
import type { Endpoint } from '../../platform/openapi/registry.ts';
import { AtlasStats, InitiativeDetail, InitiativeList, StatsQuery } from './atlas.schemas.ts';
import { InitiativeExportQuery } from './export/export.schemas.ts';
import { CommuneList, CommuneQuery } from './communes-api.ts';

const position = z.array(z.number()).min(2).max(2).describe('[longitude, latitude], WGS 84');

/** The `format=geojson` export (export/geojson.ts), as far as clients rely on it. */
const InitiativeGeoJson = z
	.object({
		type: z.literal('FeatureCollection'),
		features: z.array(
			z.object({
				type: z.literal('Feature'),
				id: z.string().describe('The initiative’s identifier (slug)'),
				geometry: z
					.union([
						z.object({ type: z.literal('Point'), coordinates: position }),
						z.object({ type: z.literal('MultiPoint'), coordinates: z.array(position) })
					])
					.nullable()
					.describe('Its own points, else the centroids of its regions, else null'),
				properties: z
					.looseObject({
						slug: z.string(),
						title: z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() }),
						status: z.string(),
						budgetEur: z.number().nullable(),
						budgetMad: z.number().nullable(),
						isSample: z.boolean(),
						location: z.enum(['points', 'regions', 'none']).describe('Where the geometry comes from')
					})
					.describe('The initiative’s main fields (see the description)')
			})
		)
	})
	.meta({ id: 'InitiativeGeoJson', description: 'An RFC 7946 FeatureCollection, one Feature per initiative' });

/** The Atlas's public reading API, for the registry in `openapi/registry.ts`. */
export const atlasEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/initiatives',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'Search the initiatives of the Atlas, or export them as open data',
		description:
			'Published migration & development initiatives. Filters narrow together; the values of one filter (repeated ' +
			'or comma-separated) are alternatives. `facets` count, for the whole filter, the initiatives per theme, region, ' +
			'status, target group, country, funder and implementer. Sample (fictional) initiatives carry `isSample: true`.\n\n' +
			'**Open-data exports** (licence ODbL 1.0, stated in the `Link: <…>; rel="license"` header): with `format`, the ' +
			'answer is the whole filter (no paging, in identifier order) as a downloaded file ' +
			'(`Content-Disposition: attachment; filename="sharaka-atlas-initiatives-YYYY-MM-DD.<ext>"`), streamed:\n' +
			'- `csv` — `text/csv; charset=utf-8`: UTF-8 with a byte order mark, RFC 4180, CRLF; cells that a spreadsheet would ' +
			'run as a formula get a leading apostrophe. One header row in `lang`, then with `hxl=1` a row of HXL hashtags ' +
			'(`#activity +code`, `#org +funder +name`, `#org +impl +name`, `#sector +code`, `#adm1 +code`, `#adm1 +name`, ' +
			'`#status +code`, `#date +start`, `#date +end`, `#value +total`, `#currency`…). Codes (status, themes, regions, ' +
			'provinces, countries, target groups) are spelled out in `lang` in the column beside them; lists are joined ' +
			'with " | ". The columns are the ones the CSV/XLSX import reads.\n' +
			'- `xlsx` — `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`: the same columns and rows (bold, ' +
			'frozen header; a right-to-left sheet when `lang=ar`).\n' +
			'- `geojson` — `application/geo+json`: an RFC 7946 FeatureCollection, one Feature per initiative (`id` = its ' +
			'identifier): its own points, else a (Multi)Point at the centroids of its regions, else a null geometry ' +
			'(`properties.location` says which: points, regions, none).\n' +
			'- `iati` — `application/xml; charset=utf-8`: IATI activity XML 2.03, valid against the IATI schema; one ' +
			'`iati-activity` per initiative with at least one date and one organisation (the others are listed in a comment ' +
			'at the end); `iati-identifier` is the initiative’s own IATI identifier, else `XM-SHARAKA-<identifier>`.\n\n' +
			'`lang` (default: the request’s language) also sets the language of the CSV/XLSX headers and spelled-out codes.',
		query: InitiativeExportQuery,
		responses: {
			200: {
				description: 'One page of initiatives, with the total and the facets (JSON); with `format`, the file (see the description).',
				schema: InitiativeList,
				contentTypes: {
					'text/csv': z.string().describe('`format=csv`: UTF-8 with a byte order mark, RFC 4180'),
					'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': null,
					'application/geo+json': InitiativeGeoJson,
					'application/xml': z.string().describe('`format=iati`: IATI activity XML 2.03')
				}
			}
		}
	},
	{
		method: 'GET',
		path: '/api/v1/initiatives/{id}',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'One initiative, by id or slug',
		description:
			'Everything published about the initiative, with its public version history. The `ETag` header is the current ' +
			'version number (quoted), to send as `If-Match` with a proposal. No 304: the EUR and MAD figures follow the ' +
			'exchange-rate table, which changes without a new version.',
		params: z.object({ id: z.string().describe('The initiative’s id (uuid) or slug') }),
		responses: {
			200: { description: 'The initiative.', schema: InitiativeDetail }
		},
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/atlas/stats',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'Initiatives and budgets by region, theme, year or funder',
		description:
			'Counts and budgets in EUR for the same filters as the list. `region`: every region, even without initiatives; ' +
			'`year`: initiatives active during each year since 2004, with their whole budget; `funder`: each funder’s own ' +
			'contributions. Budgets are converted with the yearly exchange rates of the Atlas (start year; see ' +
			'`GET /api/v1/atlas/exchange-rates`). The dashboard offers the same figures for download, one CSV file per ' +
			'chart, at /{lang}/atlas/dashboard/{chart}.csv (`region-theme`, `years`, `funders`, `implementers`, `gaps`; ' +
			'the dashboard’s filters as query parameters; header row in the page’s language).',
		query: StatsQuery,
		responses: { 200: { description: 'The figures.', schema: AtlasStats } }
	},
	{
		method: 'GET',
		path: '/api/v1/atlas/communes',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'The communes of some provinces',
		description:
			'Morocco’s communes (RGPH 2024: HCP code, French and Arabic names, urban or rural, a point) for the provinces or regions asked, ' +
			'by province. The proposal form lists the communes of the provinces ticked with it. An unknown code is refused (400).',
		query: CommuneQuery,
		responses: { 200: { description: 'The provinces asked with their communes.', schema: CommuneList } },
		errors: [400]
	}
];
