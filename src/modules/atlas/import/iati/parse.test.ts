import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isImportRefusal, refusalMessage, type ImportRefusal } from '../refusal.ts';
import { problemMessage } from '../validate.ts';
import { parseIatiFile } from './parse.ts';

const limits = { maxBytes: 50 * 1024 * 1024, maxActivities: 20_000 };
const fixture = (name: string) => fs.createReadStream(path.join(import.meta.dirname, '..', 'fixtures', name));

async function* chunks(text: string, size = 64) {
	const bytes = new TextEncoder().encode(text);
	for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}
const parse = (text: string) => parseIatiFile(chunks(text), limits);

async function refusal(promise: Promise<unknown>): Promise<ImportRefusal> {
	try {
		await promise;
	} catch (error) {
		if (isImportRefusal(error)) return error;
		throw error;
	}
	throw new Error('the file was not refused');
}

const activity = (body: string, attributes = 'xml:lang="en" default-currency="EUR"') =>
	`<iati-activity ${attributes}>${body}</iati-activity>`;
const file = (activities: string, root = '<iati-activities version="2.03">') => `<?xml version="1.0" encoding="UTF-8"?>\n${root}${activities}</iati-activities>`;
const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('reading IATI activity files', () => {
	it('reads a realistic GIZ / IOM file: multilingual titles, dates, organisations, budgets, sectors, places', async () => {
		const parsed = await parseIatiFile(fixture('giz-iom-morocco.xml'), limits);
		expect(parsed.header).toEqual({ version: '2.03', language: null, atlasPrefix: null });
		expect(parsed.activities).toHaveLength(3);
		expect(parsed.publishers[0]).toContain('GIZ');
		const [giz, iom, sahel] = parsed.activities;

		expect(giz.identifier).toBe('XM-DAC-5-7-TEST-2019.2145.7');
		// the German title is kept in German beside the French and English ones (rule 9)
		expect(giz.title).toEqual({
			fr: 'Centre marocain-allemand pour l’emploi, la migration et la réintégration',
			en: 'Moroccan-German Centre for Jobs, Migration and Reintegration',
			de: 'Deutsch-Marokkanisches Zentrum für Jobs, Migration und Reintegration'
		});
		const input = giz.activity!.input;
		expect(input.summary?.fr).toMatch(/^Le centre conseille/);
		expect(input.description?.en).toContain('Improve access to employment');
		expect(input).toMatchObject({
			status: 'ongoing',
			plannedStart: '2019-04-01',
			actualStart: '2019-06-15',
			plannedEnd: '2025-12-31',
			actualEnd: null,
			budget: { total: 12_500_000, currency: 'EUR' },
			regions: ['MA-04'],
			// the point alone says where: its province (rule 1), for the moderator to check
			provinces: ['MA-CAS'],
			points: [{ lat: 33.5731, lon: -7.5898, label: 'Centre de Casablanca' }],
			website: 'https://www.giz.de/en/worldwide/28359.html',
			sources: [{ citation: 'Fiche projet', url: 'https://www.giz.de/en/worldwide/28359.html', date: '2024-02-01' }]
		});
		// 15190 → legal migration and governance; 16020 (employment creation, for everyone) stays unclassified
		expect(input.themes).toEqual(['legal_migration', 'migration_governance']);
		expect(giz.activity!.organisations).toEqual([
			expect.objectContaining({ ref: 'DE-1', role: 'funder', amount: 12_500_000, currency: 'EUR' }),
			expect.objectContaining({ ref: 'MA-ANAPEC-TEST', role: 'accountable', type: '15' }),
			expect.objectContaining({ ref: 'XM-DAC-5-7', role: 'implementer' })
		]);
		expect(giz.activity!.organisations[0].names[0]).toBe('Ministère fédéral allemand de la Coopération économique et du Développement (BMZ)');
		expect(giz.concernsMorocco).toBe(true);
		// the German title is kept, with a warning that asks for a translation; employment creation is said to be unclassified
		expect(giz.problems).toEqual([
			{ severity: 'warning', code: 'place_from_point', values: { name: 'Centre de Casablanca', province: 'MA-CAS' } },
			{ severity: 'warning', code: 'sector_not_mapped', values: { codes: '16020 Employment creation' } },
			{ severity: 'warning', code: 'language_kept', values: { languages: 'de' } }
		]);
		expect(problemMessage('ar', giz.problems[0])).toContain('الدار البيضاء');

		// countries and sectors given on the transactions; the budget from the commitments; EU's contribution
		expect(iom.activity!.input).toMatchObject({ status: 'ongoing', actualStart: '2021-03-01', budget: { total: 3_000_000, currency: 'EUR' } });
		expect(iom.concernsMorocco).toBe(true);
		expect(iom.activity!.input.themes).toEqual(['legal_migration', 'migration_governance']);
		expect(codes(iom.problems)).toEqual(expect.arrayContaining(['countries_from_transactions', 'sectors_from_transactions', 'no_location']));
		expect(iom.activity!.organisations.map((entry) => [entry.names[0], entry.role, entry.amount ?? null])).toEqual([
			['Union européenne', 'funder', 3_000_000],
			['Organisation internationale pour les migrations (OIM)', 'implementer', null],
			['Migration et Développement', 'extending', null]
		]);

		// not in Morocco: flagged, still readable (the person may choose it)
		expect(sahel.concernsMorocco).toBe(false);
		expect(sahel.activity!.input.countries).toEqual(['SN', 'ML']);
		expect(codes(sahel.problems)).toEqual(expect.arrayContaining(['not_morocco', 'sector_not_mapped']));
		expect(problemMessage('fr', sahel.problems.find((problem) => problem.code === 'sector_not_mapped')!)).toContain('11330');
		// its region (South of Sahara, which does not include Morocco) is kept as the file gives it
		expect(sahel.activity!.input.recipientRegions).toEqual([{ code: '289', vocabulary: '1', percentage: 100 }]);
	});

	it('reads IATI 2.01 with narratives and the root’s default language, and 1.x-style codes', async () => {
		const parsed = await parse(
			file(
				activity(
					`<iati-identifier>GB-1-201-2.01</iati-identifier>
					<title><narrative>Mobilité des jeunes diplômés</narrative><narrative xml:lang="ar">تنقل الشباب الخريجين</narrative></title>
					<participating-org ref="GB-1" role="Funding" type="10"><narrative>FCDO</narrative></participating-org>
					<activity-status code="3"/>
					<activity-date type="start-actual" iso-date="2015-01-01"/>
					<activity-date type="end-actual" iso-date="2017-06-30"/>
					<recipient-country code="ma"/>
					<sector vocabulary="DAC" code="15190"/>
					<transaction><transaction-type code="C"/><value currency="GBP">250000</value></transaction>`,
					'default-currency="GBP"'
				),
				'<iati-activities version="2.01" xml:lang="fr">'
			)
		);
		expect(parsed.header).toEqual({ version: '2.01', language: 'fr', atlasPrefix: null });
		const [only] = parsed.activities;
		expect(only.title).toEqual({ fr: 'Mobilité des jeunes diplômés', ar: 'تنقل الشباب الخريجين' });
		expect(only.activity!.input).toMatchObject({ status: 'completed', actualStart: '2015-01-01', actualEnd: '2017-06-30', budget: { total: 250_000, currency: 'GBP' } });
		expect(only.activity!.organisations).toEqual([expect.objectContaining({ ref: 'GB-1', role: 'funder' })]);
		expect(only.concernsMorocco).toBe(true);
	});

	it('reads aggregator downloads whose root carries no version', async () => {
		const parsed = await parse(
			file(
				activity('<iati-identifier>A-1</iati-identifier><title><narrative>First</narrative></title><recipient-country code="MA"/>') +
					activity('<iati-identifier>A-2</iati-identifier><title><narrative>Second</narrative></title><recipient-country code="TN"/>'),
				'<iati-activities generated-datetime="2025-01-01T00:00:00Z">'
			)
		);
		expect(parsed.header.version).toBeNull();
		expect(parsed.activities.map((entry) => [entry.position, entry.identifier, entry.concernsMorocco])).toEqual([
			[1, 'A-1', true],
			[2, 'A-2', false]
		]);
	});

	it('keeps Morocco’s share and the regions a file gives; a region that includes Morocco asks the moderator (issue 17, rules 3 and 4)', async () => {
		const parsed = await parse(
			file(
				activity(`<iati-identifier>S-1</iati-identifier><title><narrative>Shared</narrative></title>
					<recipient-country code="MA" percentage="40"/><recipient-country code="SN" percentage="60"/>`) +
					activity(`<iati-identifier>R-1</iati-identifier><title><narrative>Migration de travail en Afrique du Nord</narrative></title>
						<description><narrative>Tunisie, Maroc et Égypte.</narrative></description><recipient-region code="189" vocabulary="1"/>`) +
					activity(`<iati-identifier>R-2</iati-identifier><title><narrative>Sahel</narrative></title><recipient-region code="289" vocabulary="1"/>`)
			)
		);
		const [shared, northAfrica, sahel] = parsed.activities;
		expect(shared.activity!.input).toMatchObject({ moroccoShare: 40, countryShares: [{ country: 'SN', percentage: 60 }] });
		expect(northAfrica.concernsMorocco).toBe(false);
		expect(northAfrica.activity!.input.recipientRegions).toEqual([{ code: '189', vocabulary: '1', percentage: null }]);
		expect(codes(northAfrica.problems)).toEqual(expect.arrayContaining(['may_concern_morocco', 'names_morocco']));
		expect(codes(northAfrica.problems)).not.toContain('not_morocco');
		expect(problemMessage('fr', northAfrica.problems.find((problem) => problem.code === 'may_concern_morocco')!)).toContain('North of Sahara');
		expect(codes(sahel.problems)).toContain('not_morocco');
		expect(codes(sahel.problems)).not.toContain('may_concern_morocco');
	});

	it('never takes a publisher’s placeholder for an organisation (issue 17, rule 10)', async () => {
		const parsed = await parse(
			file(
				activity(`<iati-identifier>P-1</iati-identifier><title><narrative>Placeholders</narrative></title><recipient-country code="MA"/>
					<participating-org role="1" type="10"><narrative>nan</narrative></participating-org>
					<participating-org role="4" type="70"><narrative>Various local vendors</narrative></participating-org>
					<participating-org role="2" type="10"><narrative>Government – country unknown</narrative></participating-org>
					<participating-org role="4" ref="XM-DAC-47066" type="40"><narrative>International Organization for Migration</narrative></participating-org>
					<transaction><transaction-type code="11"/><transaction-date iso-date="2024-01-01"/><value currency="EUR" value-date="2024-01-01">100</value>
						<provider-org><narrative>N/A</narrative></provider-org></transaction>`)
			)
		);
		const [entry] = parsed.activities;
		expect(entry.activity!.organisations.map((organisation) => organisation.names[0])).toEqual(['International Organization for Migration']);
		expect(entry.problems.filter((problem) => problem.code === 'organisation_placeholder').map((problem) => problem.values?.name)).toEqual([
			'nan',
			'Various local vendors',
			'Government – country unknown',
			'N/A'
		]);
	});

	it('reports every activity that cannot be read, by severity, and keeps the others', async () => {
		const parsed = await parse(
			file(
				activity('<title><narrative>No identifier</narrative></title>') +
					activity('<iati-identifier>B-1</iati-identifier><title><narrative xml:lang="es">Sólo en español</narrative></title>') +
					activity(
						`<iati-identifier>B-2</iati-identifier><title><narrative>Dates upside down</narrative></title>
						<activity-date type="1" iso-date="2024-05-01"/><activity-date type="3" iso-date="2020-01-01"/>
						<activity-date type="2" iso-date="2024-02-30"/>
						<activity-status code="9"/>
						<budget><value currency="EUR">100</value></budget><budget><period-start iso-date="2025-01-01"/><value currency="USD">50</value></budget>
						<recipient-country code="MA"/><recipient-country code="ZZ"/>`
					) +
					activity('<iati-identifier>B-1</iati-identifier><title><narrative>Same identifier again</narrative></title>')
			)
		);
		const [noIdentifier, spanish, upsideDown, again] = parsed.activities;
		expect(noIdentifier.activity).toBeNull();
		expect(noIdentifier.problems).toContainEqual({ severity: 'critical', code: 'no_identifier' });
		// a title in Spanish only is kept as the source wrote it (rule 9), not refused
		expect(spanish.activity!.input.title).toEqual({ es: 'Sólo en español' });
		expect(codes(spanish.problems)).toContain('language_kept');
		expect(codes(spanish.problems)).not.toContain('no_title');
		expect(again.activity).toBeNull();
		expect(again.problems).toContainEqual({ severity: 'critical', code: 'duplicate_identifier', values: { position: 2 } });
		// imported without the fields concerned
		expect(upsideDown.activity!.input).toMatchObject({ plannedStart: '2024-05-01', plannedEnd: null, actualStart: null, budget: null, status: 'planned' });
		expect(upsideDown.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.code).sort()).toEqual(
			['budget_currencies', 'dates_reversed', 'invalid_country', 'invalid_date', 'invalid_status'].sort()
		);
		expect(problemMessage('fr', upsideDown.problems.find((problem) => problem.code === 'dates_reversed')!)).toBe(
			'La fin (2020-01-01) précède le début (2024-05-01) : la fin n’est pas importée.'
		);
	});

	it('takes themes from the Atlas’s own sector codes in its exports; a DAC 3-digit category that does not wholly fit stays unclassified', async () => {
		const parsed = await parse(
			file(
				activity(`<iati-identifier>C-1</iati-identifier><title><narrative>Atlas export</narrative></title>
					<sector vocabulary="1" code="15190"/>
					<sector vocabulary="99" vocabulary-uri="urn:sharaka:atlas:theme" code="south_south"/>
					<sector vocabulary="99" vocabulary-uri="urn:sharaka:atlas:theme" code="returnee_reintegration"/>`) +
					activity(`<iati-identifier>C-2</iati-identifier><title><narrative>Category only</narrative></title>
					<sector vocabulary="2" code="240"/><sector vocabulary="7" code="10"/>`)
			)
		);
		expect(parsed.activities[0].activity!).toMatchObject({ exactThemes: true, input: { themes: ['south_south', 'returnee_reintegration'] } });
		// 240 "Banking & financial services" is not all remittances: unclassified (issue #17 rule 6)
		expect(parsed.activities[1].activity!.input.themes).toEqual([]);
		expect(parsed.activities[1].problems).toContainEqual({ severity: 'warning', code: 'sector_vocabulary_ignored', values: { vocabularies: '7' } });
	});
});

describe('refusing unsafe or unreadable files (nothing is read further)', () => {
	it('refuses an external entity (XXE)', async () => {
		const xxe = `<?xml version="1.0"?>\n<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>`;
		const refused = await refusal(parse(xxe));
		expect(refused.reason).toBe('xml_doctype');
		expect(refused.status).toBe(400);
		expect(refusalMessage('fr', refused)).toContain('DTD');
	});

	it('refuses a billion laughs', async () => {
		const laughs = [`<!ENTITY lol "lol">`, ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
		const refused = await refusal(parse(`<?xml version="1.0"?><!DOCTYPE lolz [${laughs}]><iati-activities>&lol9;</iati-activities>`));
		expect(refused.reason).toBe('xml_doctype');
	});

	it('refuses any DOCTYPE, even harmless, and an undeclared entity', async () => {
		expect((await refusal(parse('<!DOCTYPE iati-activities><iati-activities/>'))).reason).toBe('xml_doctype');
		expect((await refusal(parse(file(activity('<iati-identifier>&ent;</iati-identifier>'))))).reason).toBe('xml_malformed');
	});

	it('refuses what is not XML, a wrong root, IATI 1.x, another encoding and an empty file', async () => {
		const notXml = await refusal(parse('iati-identifier,title\nA-1,Hello\n'));
		expect(notXml.reason).toBe('not_xml');
		const broken = await refusal(parse('<iati-activities version="2.03"><iati-activity></iati-activities>'));
		expect(broken.reason).toBe('xml_malformed');
		expect(refusalMessage('en', broken)).toMatch(/not well-formed XML \(line \d+, column \d+\)/);
		const organisations = await refusal(parse('<iati-organisations version="2.03"><iati-organisation/></iati-organisations>'));
		expect(organisations.reason).toBe('xml_root');
		expect(refusalMessage('fr', organisations)).toContain('« iati-organisations »');
		expect((await refusal(parse('<iati-activities version="1.05"><iati-activity/></iati-activities>'))).reason).toBe('iati_version');
		expect((await refusal(parse('<?xml version="1.0" encoding="ISO-8859-1"?><iati-activities/>'))).reason).toBe('encoding');
		expect((await refusal(parseIatiFile(chunks(''), limits))).reason).toBe('file_empty');
		expect((await refusal(parse('<iati-activities version="2.03"></iati-activities>'))).reason).toBe('no_activities');
	});

	it('stops reading a 200 MB stream at the size limit (413)', async () => {
		let produced = 0;
		async function* huge() {
			yield new TextEncoder().encode('<iati-activities version="2.03">');
			const block = new TextEncoder().encode(`<iati-activity><iati-identifier>X</iati-identifier><title><narrative>${'x'.repeat(1000)}</narrative></title></iati-activity>`.repeat(64));
			while (produced < 200 * 1024 * 1024) {
				produced += block.byteLength;
				yield block;
			}
		}
		const refused = await refusal(parseIatiFile(huge(), { maxBytes: 5 * 1024 * 1024, maxActivities: 1_000_000 }));
		expect(refused.reason).toBe('file_too_large');
		expect(refused.status).toBe(413);
		expect(produced).toBeLessThan(6 * 1024 * 1024);
	});

	it('refuses a file with too many activities', async () => {
		const many = file(Array.from({ length: 6 }, (_, i) => activity(`<iati-identifier>M-${i}</iati-identifier>`)).join(''));
		const refused = await refusal(parseIatiFile(chunks(many), { maxBytes: 1e6, maxActivities: 5 }));
		expect(refused.reason).toBe('too_many_activities');
	});
});
