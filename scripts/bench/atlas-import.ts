// `npm run bench:atlas-import`: the IATI import at scale. Generates an IATI 2.03 file of N activities
// (10,000 by default: French and English titles and descriptions, dates, three participating organisations
// out of 60 — a third of them unknown to the Atlas, so created on the way — budgets, a commitment, sectors,
// Morocco and a region or a point; one activity in twenty outside Morocco), then on a fresh database
// (PGlite in a temporary directory, or a new database on DATABASE_URL's PostgreSQL server, dropped after)
// times, as a moderator: the upload (streamed parsing, checks, preview stored) and applying every activity
// (published at once, in the background machinery the pages use). Target: both ≤ 30 s together.
// Options: --activities N.
import '../../src/compose.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type DatabaseOptions } from '../../src/platform/db/database.ts';
import { ensureReferenceData } from '../../src/platform/reference-data.ts';
import { user } from '../../src/platform/accounts/accounts.table.ts';
import { applyImport, createIatiImport, getImport } from '../../src/modules/atlas/import/import.service.ts';
import { settleImports } from '../../src/modules/atlas/import/apply.ts';
import type { Actor } from '../../src/platform/policy/policy.ts';
import { createContext } from '../../src/platform/kernel/context.ts';

const TARGET_SECONDS = 30;
const { values } = parseArgs({ options: { activities: { type: 'string', default: '10000' } } });
const count = Number(values.activities);
if (!Number.isInteger(count) || count < 1 || count > 20_000) {
	console.error('Usage: npm run bench:atlas-import [-- --activities N (1–20000)]');
	process.exit(2);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-bench-import-'));
const file = path.join(workDir, 'activities.xml');

// ── The file ────────────────────────────────────────────────────────────────

const places = ['Oriental', 'Souss-Massa', 'Casablanca-Settat', 'Tanger-Tétouan-Al Hoceima', 'Fès-Meknès', 'Marrakech-Safi'];
const subjects = ['Mobilité des compétences', 'Réintégration des migrants de retour', 'Investissement de la diaspora', 'Intégration des immigrés', 'Protection des droits des migrants', 'Gouvernance régionale des migrations'];
const sectors = ['15190', '24050', '16010', '16020', '15160', '11330'];
const known = ['Deutsche Gesellschaft für Internationale Zusammenarbeit', 'Union européenne', 'Organisation internationale pour les migrations', 'Agence nationale de promotion de l’emploi et des compétences', 'Expertise France'];
const organisations = Array.from({ length: 60 }, (_, index) =>
	index < known.length ? { ref: `XM-BENCH-${index}`, name: known[index] } : { ref: `XM-BENCH-${index}`, name: `Organisation de coopération n° ${index}` }
);

function activityXml(index: number): string {
	const subject = subjects[index % subjects.length];
	const place = places[index % places.length];
	const start = 2010 + (index % 14);
	const funder = organisations[index % organisations.length];
	const implementer = organisations[(index * 7 + 3) % organisations.length];
	const partner = organisations[(index * 13 + 5) % organisations.length];
	const morocco = index % 20 !== 0;
	return `<iati-activity xml:lang="fr" default-currency="EUR" last-updated-datetime="2025-01-01T00:00:00Z">
<iati-identifier>XM-BENCH-${String(index).padStart(6, '0')}</iati-identifier>
<reporting-org ref="XM-BENCH-REPORTER" type="10"><narrative>Bench reporter</narrative></reporting-org>
<title><narrative>${subject} — ${place} (${index})</narrative><narrative xml:lang="en">Project ${index}: ${subject} in ${place}</narrative></title>
<description type="1"><narrative>Projet n° ${index} : ${subject.toLowerCase()} dans la région ${place}, avec les collectivités et la société civile.</narrative><narrative xml:lang="en">Project ${index} in ${place}, with local authorities and civil society.</narrative></description>
<participating-org ref="${funder.ref}" role="1" type="10"><narrative>${funder.name}</narrative></participating-org>
<participating-org ref="${implementer.ref}" role="4" type="40"><narrative>${implementer.name}</narrative></participating-org>
<participating-org ref="${partner.ref}" role="3" type="22"><narrative>${partner.name}</narrative></participating-org>
<activity-status code="${index % 3 === 0 ? 4 : 2}"/>
<activity-date type="1" iso-date="${start}-01-01"/><activity-date type="2" iso-date="${start}-03-15"/><activity-date type="3" iso-date="${start + 3}-12-31"/>
${morocco ? '<recipient-country code="MA" percentage="100"/>' : '<recipient-country code="SN" percentage="100"/>'}
${index % 2 ? `<location><name><narrative>${place}</narrative></name></location>` : '<location><name><narrative>Site</narrative></name><point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>34.68 -1.91</pos></point></location>'}
<sector vocabulary="1" code="${sectors[index % sectors.length]}" percentage="60"/><sector vocabulary="1" code="15190" percentage="40"/>
<budget type="1" status="1"><period-start iso-date="${start}-01-01"/><period-end iso-date="${start + 3}-12-31"/><value currency="EUR" value-date="${start}-01-01">${100_000 + index * 10}</value></budget>
<transaction><transaction-type code="11"/><transaction-date iso-date="${start}-01-01"/><value currency="EUR" value-date="${start}-01-01">${100_000 + index * 10}</value><provider-org ref="${funder.ref}"><narrative>${funder.name}</narrative></provider-org></transaction>
</iati-activity>
`;
}

{
	const out = fs.createWriteStream(file);
	out.write('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2025-01-01T00:00:00Z">\n');
	for (let index = 1; index <= count; index++) out.write(activityXml(index));
	out.write('</iati-activities>\n');
	await new Promise((resolve) => out.end(resolve));
}
const megabytes = fs.statSync(file).size / 1024 / 1024;

// ── The database ────────────────────────────────────────────────────────────

let options: DatabaseOptions = { kind: 'pglite', dataDir: path.join(workDir, 'data') };
let dropDatabase: (() => Promise<void>) | undefined;
if (process.env.DATABASE_URL) {
	const name = `sharaka_bench_import_${process.pid}`;
	const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/${name}`;
	options = { kind: 'postgresql', url: url.toString(), poolMax: 4 };
	dropDatabase = async () => {
		const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
		await client.connect();
		await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await client.end();
	};
}

const database = await openDatabase(options);
let previewSeconds = NaN;
let applySeconds = NaN;
let outcome: Record<string, number> = {};
try {
	await database.migrate();
	await ensureReferenceData(database.db);
	const userId = crypto.randomUUID();
	await database.db.insert(user).values({ id: userId, email: 'bench-moderator@sharaka.test', name: 'Bench moderator', role: 'moderator', emailVerified: true });
	const moderator: Actor = { userId, role: 'moderator', organisationIds: [] };
	const ctx = createContext({ db: database.db, actor: moderator, audit: { actorUserId: userId, actorLabel: 'bench', channel: 'cli' } });

	let started = performance.now();
	const id = await createIatiImport(ctx, {
		fileName: 'activities.xml',
		body: fs.createReadStream(file) as unknown as AsyncIterable<Uint8Array>
	});
	await getImport(ctx, id, { page: 1, pageSize: 50 }); // the first page of the preview
	previewSeconds = (performance.now() - started) / 1000;

	started = performance.now();
	await applyImport(ctx, { db: database.db }, id, { all: 'all' });
	await settleImports();
	applySeconds = (performance.now() - started) / 1000;
	const result = await getImport(ctx, id, { pageSize: 1 });
	outcome = { ...result.import.counts, status: result.import.status as never };
} finally {
	await database.close();
	await dropDatabase?.();
	fs.rmSync(workDir, { recursive: true, force: true });
}

const total = previewSeconds + applySeconds;
const engine = options.kind === 'postgresql' ? 'PostgreSQL' : 'PGlite';
console.log(`\nAtlas IATI import benchmark on ${engine}: ${count} activities, ${megabytes.toFixed(1)} MB\n`);
console.log('step                          seconds   activities/s');
console.log(`upload: parse + preview      ${previewSeconds.toFixed(2).padStart(8)} ${(count / previewSeconds).toFixed(0).padStart(13)}`);
console.log(`apply (moderator: publish)   ${applySeconds.toFixed(2).padStart(8)} ${(count / applySeconds).toFixed(0).padStart(13)}`);
console.log(`total                        ${total.toFixed(2).padStart(8)} ${(count / total).toFixed(0).padStart(13)}   target ≤ ${TARGET_SECONDS} s: ${total <= TARGET_SECONDS ? 'PASS' : 'FAIL'}`);
console.log(`\noutcomes: ${JSON.stringify(outcome)}`);
process.exitCode = total <= TARGET_SECONDS && outcome.failed === 0 ? 0 : 1;
