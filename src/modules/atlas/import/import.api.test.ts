import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { getRequest, setResponse } from '@sveltejs/kit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson } from '../../../platform/testing/people.ts';
import { apiEvent, type Caller } from '../../../platform/testing/api-event.ts';
import { bodyLimitFor } from '../../../platform/http/body-limits.ts';
import { IMPORT_FILE_LIMIT } from './limits.ts';
import { initiative } from '../atlas.table.ts';
import { atlasImport } from './import.table.ts';

import { POST as uploadIati } from '../routes/api/v1/imports/iati/+server.ts';
import { GET as getImport } from '../routes/api/v1/imports/[id]/+server.ts';
import { POST as applyImport } from '../routes/api/v1/imports/[id]/apply/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
const fixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'giz-iom-morocco.xml'));

const event = apiEvent;

const counts = async () => {
	const [row] = await app.database.db
		.select({
			imports: sql<number>`(select count(*) from ${atlasImport})::int`,
			initiatives: sql<number>`(select count(*) from ${initiative})::int`
		})
		.from(sql`(select 1) as one`);
	return row;
};

let moderator: Caller;
let partner: Caller;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	moderator = await aPerson(app.database.db, { role: 'moderator', organisationSlugs: ['mdcmre'] });
	partner = await aPerson(app.database.db, { role: 'partner', organisationSlugs: ['expertise-france'] });
});
afterAll(async () => {
	await app.settle();
	holder.__sharakaApp = undefined;
	await app.close();
});

describe('imports API', () => {
	it('POST the XML as the body → preview; apply chosen identifiers → 202; GET follows to the results', async () => {
		const created = await uploadIati(event(moderator, { method: 'POST', body: fixture, contentType: 'application/xml', search: '/iati?name=giz.xml' }));
		expect(created.status).toBe(201);
		const body = await created.json();
		expect(created.headers.get('location')).toBe(`/api/v1/imports/${body.id}`);
		expect(body).toMatchObject({ kind: 'iati', status: 'previewed', fileName: 'giz.xml', iatiVersion: '2.03', counts: { activities: 3, notMorocco: 1 } });
		expect(body.activities.map((activity: { iatiIdentifier: string; state: string; title: string }) => [activity.iatiIdentifier, activity.state, activity.title])).toEqual([
			['XM-DAC-5-7-TEST-2019.2145.7', 'new', 'Moroccan-German Centre for Jobs, Migration and Reintegration'],
			['XM-DAC-47066-TEST-MA-RR-2021', 'new', 'Sustainable reintegration of returning migrants in Morocco'],
			['XM-DAC-47066-TEST-SAHEL-2022', 'new', 'Labour mobility and skills partnerships in the Sahel']
		]);
		expect(body.activities[2].problems).toContainEqual({ severity: 'warning', code: 'not_morocco', message: 'Does not concern Morocco (no recipient country MA).' });

		// an identifier the file does not hold: refused, nothing chosen nor applied
		const unknown = await applyImport(event(moderator, { method: 'POST', json: { identifiers: ['NOPE'] }, params: { id: body.id } }));
		expect(unknown.status).toBe(400);
		expect((await unknown.json()).error.details).toMatchObject({ unknown: ['NOPE'] });

		// ANAPEC's identifier is unknown to the Atlas: matched by name only, a moderator decides before publishing (rule 10)
		const waiting = await applyImport(event(moderator, { method: 'POST', json: { identifiers: ['XM-DAC-5-7-TEST-2019.2145.7'] }, params: { id: body.id } }));
		expect(waiting.status).toBe(409);
		expect((await waiting.json()).error.details).toMatchObject({ reason: 'organisation_matches_undecided', waiting: 1 });
		const listed = await (await getImport(event(moderator, { params: { id: body.id } }))).json();
		expect(listed.organisationMatches).toMatchObject([{ ref: 'MA-ANAPEC-TEST', via: 'name', organisation: { slug: 'anapec' }, decision: 'pending' }]);

		const before = await counts();
		const applied = await applyImport(
			event(moderator, {
				method: 'POST',
				json: { identifiers: ['XM-DAC-5-7-TEST-2019.2145.7'], organisationMatches: [{ key: listed.organisationMatches[0].key, decision: 'confirmed' }] },
				params: { id: body.id }
			})
		);
		expect(applied.status).toBe(202);
		expect(await applied.json()).toMatchObject({ id: body.id, status: 'applying', counts: { chosen: 1 } });
		await app.settle();
		const followed = await getImport(event(moderator, { params: { id: body.id }, search: `/${body.id}?filter=results` }));
		const result = await followed.json();
		expect(result).toMatchObject({ status: 'done', progress: { toProcess: 1, processed: 1, percent: 100 }, counts: { created: 1 }, total: 1 });
		expect(result.activities[0]).toMatchObject({ iatiIdentifier: 'XM-DAC-5-7-TEST-2019.2145.7', outcome: 'created', initiative: { slug: expect.any(String) } });
		expect((await counts()).initiatives).toBe(before.initiatives + 1);

		// applying again: nothing new
		const again = await applyImport(event(moderator, { method: 'POST', params: { id: body.id } }));
		expect(again.status).toBe(202);
		await app.settle();
		expect((await counts()).initiatives).toBe(before.initiatives + 1);

		// another partner cannot see it
		expect((await getImport(event(partner, { params: { id: body.id } }))).status).toBe(404);
	});

	it('accepts the file in a multipart form', async () => {
		const form = new FormData();
		form.append('file', new Blob([fixture], { type: 'text/xml' }), 'iom-giz.xml');
		const created = await uploadIati(event(partner, { method: 'POST', body: form }));
		expect(created.status).toBe(201);
		expect(await created.json()).toMatchObject({ fileName: 'iom-giz.xml', counts: { activities: 3 } });
	});

	it('refuses hostile files with a clear error, storing nothing', async () => {
		const before = await counts();
		const xxe = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "http://evil.example/x">]><iati-activities>&x;</iati-activities>';
		const refused = await uploadIati(event(partner, { method: 'POST', body: xxe, contentType: 'application/xml', language: 'fr' }));
		expect(refused.status).toBe(400);
		const error = (await refused.json()).error;
		expect(error.code).toBe('invalid_input');
		expect(error.details.reason).toBe('xml_doctype');
		expect(error.details.message).toBe(
			'Le fichier déclare une DTD ou des entités (DOCTYPE, ENTITY) : refusé par sécurité, rien n’a été modifié. Les fichiers IATI n’en ont pas besoin.'
		);
		const json = await uploadIati(event(partner, { method: 'POST', json: { not: 'xml' } }));
		expect(json.status).toBe(415);
		expect(await counts()).toEqual(before);
	});

	it('stops a 200 MB body streamed without a length at the 50 MB limit (413), without reading the rest', async () => {
		expect(bodyLimitFor('/api/v1/imports/iati', { bodySizeLimit: 1_048_576, uploadSizeLimit: 6_291_456 })).toBeGreaterThan(IMPORT_FILE_LIMIT);
		const before = await counts();
		let sent = 0;
		// activities of 4 KB: the size limit comes before the activity limit
		const chunk = new TextEncoder().encode(`<iati-activity><iati-identifier>X</iati-identifier><title><narrative>${'x'.repeat(4000)}</narrative></title></iati-activity>`.repeat(256));
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode('<iati-activities version="2.03">'));
			},
			pull(controller) {
				if (sent >= 200 * 1024 * 1024) return controller.close();
				sent += chunk.byteLength;
				controller.enqueue(chunk);
			}
		});
		const refused = await uploadIati(event(partner, { method: 'POST', body: stream, contentType: 'application/xml' }));
		expect(refused.status).toBe(413);
		expect((await refused.json()).error).toMatchObject({ code: 'payload_too_large', details: { reason: 'file_too_large' } });
		expect(sent).toBeLessThan(IMPORT_FILE_LIMIT + 4 * 1024 * 1024);
		expect(await counts()).toEqual(before);
	});

	it('answers a refused XML body over HTTP with the same localised 400 as the multipart form, the connection intact', async () => {
		// The handler behind a real Node server, as adapter-node runs it (SvelteKit's getRequest/setResponse).
		const server = http.createServer(async (req, res) => {
			const request = getRequest({ request: req, base: 'http://localhost', bodySizeLimit: 60 * 1024 * 1024 });
			const url = new URL(request.url);
			const response = await uploadIati({ ...event(partner, { language: 'fr' }), request, url });
			setResponse(res, response);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const padding = `<!-- ${'x'.repeat(2 * 1024 * 1024)} -->`;
		const files: [string, string][] = [
			['xml_doctype', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "http://evil.example/x">]><iati-activities>&x;</iati-activities>'],
			['xml_doctype', `<?xml version="1.0"?><!DOCTYPE iati-activities>${padding}<iati-activities version="2.03"></iati-activities>`],
			['xml_root', '<?xml version="1.0" encoding="UTF-8"?><activities><activity/></activities>'],
			['xml_root', `<?xml version="1.0" encoding="UTF-8"?><activities>${padding}</activities>`],
			['iati_version', '<iati-activities version="1.05"><iati-activity><iati-identifier>A</iati-identifier></iati-activity></iati-activities>'],
			['encoding', `<?xml version="1.0" encoding="ISO-8859-1"?><iati-activities version="2.03">${padding}</iati-activities>`]
		];
		try {
			const before = await counts();
			for (const [reason, xml] of files) {
				const form = new FormData();
				form.append('file', new Blob([xml], { type: 'text/xml' }), 'iati.xml');
				const multipart = await fetch(`${origin}/api/v1/imports/iati`, { method: 'POST', body: form });
				const expected = { status: multipart.status, body: await multipart.json() };
				expect(expected.status, reason).toBe(400);
				expect(expected.body.error).toMatchObject({ code: 'invalid_input', details: { reason } });
				const raw = await fetch(`${origin}/api/v1/imports/iati`, { method: 'POST', body: xml, headers: { 'content-type': 'application/xml' } });
				expect({ status: raw.status, body: await raw.json() }, reason).toEqual(expected);
			}
			expect(await counts()).toEqual(before);
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});
});
