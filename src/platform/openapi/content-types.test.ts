// Responses that answer other media types than JSON (issue #3: the Atlas's open-data exports).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApiDocument, openApiDocument } from './document.ts';
import { docsView } from './docs-view.ts';
import type { Endpoint } from './registry.ts';

type Json = Record<string, any>;

describe('alternative content types', () => {
	it('puts each declared media type in the response content, with its schema or none for a binary file', () => {
		const sample: Endpoint = {
			method: 'GET',
			path: '/api/v1/samples',
			tags: ['Samples'],
			auth: 'none',
			summary: 'Samples',
			responses: {
				200: {
					description: 'The samples',
					schema: z.object({ total: z.int() }),
					contentTypes: { 'text/csv': z.string(), 'application/vnd.ms-excel': null }
				}
			}
		};
		const content = (buildOpenApiDocument([sample]).paths?.['/api/v1/samples']?.get as Json).responses['200'].content;
		expect(Object.keys(content)).toEqual(['application/json', 'text/csv', 'application/vnd.ms-excel']);
		expect(content['text/csv']).toEqual({ schema: { type: 'string' } });
		expect(content['application/vnd.ms-excel']).toEqual({});
	});

	it('documents the exports of GET /api/v1/initiatives: CSV, XLSX, GeoJSON and IATI XML besides JSON', () => {
		const document = openApiDocument() as unknown as Json;
		const content = document.paths['/api/v1/initiatives'].get.responses['200'].content;
		expect(Object.keys(content)).toEqual([
			'application/json',
			'text/csv',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/geo+json',
			'application/xml'
		]);
		expect(content['application/geo+json'].schema).toEqual({ $ref: '#/components/schemas/InitiativeGeoJson' });
		const geojson = document.components.schemas.InitiativeGeoJson;
		expect(geojson.properties.type).toMatchObject({ type: 'string', enum: ['FeatureCollection'] });
		// The readable docs list them under the JSON body.
		const operation = docsView(openApiDocument())
			.groups.flatMap((group) => group.operations)
			.find((entry) => entry.method === 'GET' && entry.path === '/api/v1/initiatives')!;
		expect(operation.responses[0].body).toMatchObject({
			contentType: 'application/json',
			type: 'InitiativeList',
			otherContentTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/geo+json', 'application/xml']
		});
	});

	it('documents the exchange-rate endpoints: public reading, moderators’ PUT answering 200 or 201', () => {
		const document = openApiDocument() as unknown as Json;
		expect(document.paths['/api/v1/atlas/exchange-rates'].get.security).toEqual([]);
		const put = document.paths['/api/v1/atlas/exchange-rates/{currency}/{year}'].put;
		expect(put.security).toEqual([{ bearerAuth: [] }]);
		expect(Object.keys(put.responses)).toEqual(['200', '201', '400', '401', '403', '413', '415']);
		expect(put.parameters.map((parameter: Json) => [parameter.in, parameter.name])).toEqual([
			['path', 'currency'],
			['path', 'year']
		]);
	});
});
