// Issue #17 rule 16: the preview pre-chooses only activities with a mapped theme (when new), in Morocco,
// and not flagged as likely duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { createInitiative } from '../initiative.service.ts';
import { createIatiImport, getImport } from './import.service.ts';

let app: TestApp;
let moderator: Actor;
async function* textStream(text: string) {
	yield new TextEncoder().encode(text);
}
const activity = (id: string, title: string, body: string) =>
	`<iati-activity xml:lang="fr" default-currency="EUR"><iati-identifier>XM-TEST-${id}</iati-identifier><title><narrative>${title}</narrative></title>` +
	`<participating-org ref="DE-1" role="1" type="10"><narrative>BMZ</narrative></participating-org><activity-status code="2"/>` +
	`<activity-date type="2" iso-date="2022-01-01"/><activity-date type="3" iso-date="2024-12-31"/>${body}</iati-activity>`;

beforeAll(async () => {
	app = await createTestApp({ PUBLIC_URL: 'https://sharaka.test' }, { referenceData: true });
	moderator = (await aPerson(app.database.db, { email: 'moderator@choice.test', role: 'moderator', organisationSlugs: ['mdcmre'] })).actor;
	await createInitiative(contextFor(app.database.db, null), {
		title: { fr: 'Mobilité légale des jeunes travailleurs' },
		status: 'ongoing',
		actualStart: '2022-01-01',
		plannedEnd: '2024-12-31',
		sources: [{ citation: 'Test' }]
	});
});
afterAll(async () => {
	await app.settle();
	await app?.close();
});

describe('default choice in the import preview', () => {
	it('chooses migration activities in Morocco, not overheads, foreign ones or likely duplicates', async () => {
		const file =
			'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">' +
			activity('MIGRATION', 'Gouvernance des migrations au Maroc', '<recipient-country code="MA"/><sector vocabulary="1" code="15190"/>') +
			activity('OVERHEAD', 'Frais administratifs', '<recipient-country code="MA"/><sector vocabulary="1" code="91010"/>') +
			activity('ABROAD', 'Gouvernance des migrations au Sénégal', '<recipient-country code="SN"/><sector vocabulary="1" code="15190"/>') +
			activity('DUPLICATE', 'Mobilité légale des jeunes travailleurs', '<recipient-country code="MA"/><sector vocabulary="1" code="15190"/>') +
			'</iati-activities>';
		const id = await createIatiImport(contextFor(app.database.db, moderator), { fileName: 'choice.xml', body: textStream(file) });
		const rows = new Map((await getImport(contextFor(app.database.db, moderator), id, { pageSize: 100 })).activities.map((row) => [row.iatiIdentifier, row]));
		// each row says why it is chosen at first, or not
		expect(rows.get('XM-TEST-MIGRATION')).toMatchObject({ chosen: true, whyChosen: 'Choisie d’office\u00a0: nouvelle, au Maroc, avec un thème de l’Atlas.' });
		expect(rows.get('XM-TEST-OVERHEAD')).toMatchObject({ chosen: false, whyChosen: expect.stringContaining('aucun de ses secteurs ne correspond à un thème') });
		expect(rows.get('XM-TEST-ABROAD')).toMatchObject({ chosen: false, whyChosen: expect.stringContaining('ne concerne pas le Maroc') });
		const duplicate = rows.get('XM-TEST-DUPLICATE')!;
		expect(duplicate.duplicates?.length).toBeGreaterThan(0);
		expect(duplicate).toMatchObject({ chosen: false, whyChosen: expect.stringContaining('ressemble à une initiative déjà publiée') });
	});
});
