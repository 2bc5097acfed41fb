// The list endpoint's query with the export parameters (kept apart from export.ts, which loads exceljs).
import { z } from 'zod';
import { InitiativeQuery } from '../atlas.schemas.ts';

export const exportFormats = ['csv', 'xlsx', 'geojson', 'iati'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The list endpoint's query: the filters, plus the output format and, for CSV/XLSX, the HXL row. */
export const InitiativeExportQuery = InitiativeQuery.extend({
	format: z.preprocess(blankToUndefined, z.enum(['json', ...exportFormats]).default('json')).meta({
		description:
			'json (default): one page with facets. csv, xlsx, geojson, iati: the whole filter (page and pageSize ignored) as a file'
	}),
	hxl: z.preprocess(blankToUndefined, z.enum(['0', '1', 'true', 'false']).optional()).meta({
		description: 'CSV and XLSX: 1 adds the HXL hashtag row under the header'
	})
}).meta({ id: 'InitiativeExportQuery' });

