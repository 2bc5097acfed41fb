// `npm run bench:crisis`: the crisis registry under a surge and the cell's dashboard on a large crisis.
// Fills a fresh database with a crisis of N registrations (50,000 by default) and an empty one, starts
// the built server on 127.0.0.1, then
//  1. the surge: registrations through the public form (the no-JavaScript page's POST) at R a minute
//     (3,000 by default) for S seconds (120), each a different person; counts the acknowledged ones
//     (a 200 page with a reference) and checks every one of them is in the cell's CSV afterwards;
//  2. the dashboard of the large crisis as the cell (a moderator's session; its counts and its map — ten
//     places — computed on every request, the page keeps no cache), then its list with a different filter and page on every
//     request; C connections (4 by default: the cell's staff at work), D seconds each.
// Prints p50/p95/p99, requests/s, errors and PASS/FAIL against the targets (issue #12, PostgreSQL):
// surge p95 ≤ 300 ms with no error and nothing lost; dashboard p95 ≤ 150 ms; list p95 ≤ 300 ms (ours). Runs on PGlite, or on
// PostgreSQL when DATABASE_URL is set (a fresh database on that server, dropped after).
// Options: --registrations N, --rate R (a minute), --surge S (seconds), --duration D, --connections C.
import '../../src/compose.ts';
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createUserAccount } from '../../src/platform/cli/users.ts';
import { crisis, crisisPlace, crisisRegistration } from '../../src/modules/return/crisis/crisis.table.ts';
import { crisisNeeds, registrationStatuses } from '../../src/modules/return/crisis/crisis.model.ts';
import { measure, P95_NOTE, printLoadTable, startBenchServer, type LoadRow, signInCookie } from './load.ts';

const { values } = parseArgs({
	options: {
		registrations: { type: 'string', default: '50000' },
		rate: { type: 'string', default: '3000' },
		surge: { type: 'string', default: '120' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '4' }
	}
});
const registrations = Number(values.registrations);
const perMinute = Number(values.rate);
const surgeSeconds = Number(values.surge);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (![registrations, perMinute, surgeSeconds, duration, connections].every((n) => Number.isInteger(n) && n > 0) || duration > 120 || surgeSeconds > 300) {
	console.error('Usage: npm run bench:crisis [-- --registrations N --rate R --surge S (≤ 300) --duration D (≤ 120) --connections C]');
	process.exit(2);
}

const CELL = { email: 'cell@bench.sharaka.invalid', password: 'bench-crisis-cell-2026' };
const cities = ['Khartoum', 'Port-Soudan', 'Omdurman', 'Kassala', 'Atbara', 'Wad Madani', 'El Obeid', 'Nyala', 'Al-Fashir', 'Dongola', 'N’Djamena', 'Abéché'];
/** the map's places (real coordinates): every city but the last two, so the dashboard draws its map and lists the rest */
const places: [string, number, number][] = [
	['Khartoum', 15.5007, 32.5599],
	['Port-Soudan', 19.6158, 37.2164],
	['Omdurman', 15.6445, 32.4777],
	['Kassala', 15.451, 36.4],
	['Atbara', 17.7022, 33.9864],
	['Wad Madani', 14.4012, 33.5199],
	['El Obeid', 13.1843, 30.2167],
	['Nyala', 12.05, 24.8833],
	['Al-Fashir', 13.6279, 25.3494],
	['Dongola', 19.1653, 30.4755]
];

let fillSeconds = NaN;
const server = await startBenchServer({ env: { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '10000000' }, timeout: 900_000 }, async (db) => {
	const started = performance.now();
	await createUserAccount(db, systemContext('cli'), { email: CELL.email, name: 'Cellule de crise (bench)', role: 'moderator', password: CELL.password });
	const [large] = await db
		.insert(crisis)
		.values({ slug: 'bench', title: { fr: 'Crise (bench)' }, countries: ['SD', 'TD'], startedOn: '2026-11-01', retentionDays: 90 })
		.returning();
	await db.insert(crisisPlace).values(places.map(([name, latitude, longitude]) => ({ crisisId: large.id, name, latitude, longitude })));
	await db.insert(crisis).values({ slug: 'bench-surge', title: { fr: 'Afflux (bench)' }, countries: ['SD'], startedOn: '2026-11-01', retentionDays: 90 });
	for (let start = 0; start < registrations; start += 2000) {
		const rows = Array.from({ length: Math.min(2000, registrations - start) }, (_, offset) => {
			const n = start + offset;
			return {
				crisisId: large.id,
				reference: `B${n.toString(36).toUpperCase().padStart(6, '0')}`,
				tokenHash: crypto.createHash('sha256').update(`bench-${n}`).digest('hex'),
				name: `Personne ${n}`,
				peopleCount: 1 + (n % 5),
				phone: `+249${String(100_000_000 + n)}`,
				country: n % 4 === 0 ? 'TD' : 'SD',
				city: cities[n % cities.length],
				needs: crisisNeeds.filter((_, index) => (n >> index) % 3 === 0),
				status: registrationStatuses[n % registrationStatuses.length],
				lastSafeAt: n % 3 === 0 ? new Date(Date.UTC(2026, 10, 2 + (n % 25))) : null,
				createdAt: new Date(Date.UTC(2026, 10, 1) + n * 30_000)
			};
		});
		await db.insert(crisisRegistration).values(rows);
	}
	fillSeconds = (performance.now() - started) / 1000;
});

const cellCookie = () => signInCookie(server.baseUrl, CELL);

/** The surge: `perMinute` registrations a minute for `surgeSeconds`, each a new person. */
async function surge(): Promise<LoadRow & { acknowledged: number; found: number }> {
	let n = 0;
	let acknowledged = 0;
	const result = await autocannon({
		url: server.baseUrl,
		connections: 20,
		overallRate: perMinute / 60,
		duration: surgeSeconds,
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl, accept: 'text/html', 'accept-language': 'fr' },
		requests: [
			{
				method: 'POST',
				path: '/fr/return/crisis/bench-surge/register',
				setupRequest: (request: autocannon.Request) => {
					n += 1;
					return { ...request, body: new URLSearchParams({ name: `Afflux ${n}`, peopleCount: '2', phone: `+2499${String(n).padStart(8, '0')}`, country: 'SD', city: cities[n % cities.length], needs: 'transport' }).toString() };
				},
				onResponse: (status: number, body: string) => {
					if (status === 200 && /[A-Z2-9]{3}-[A-Z2-9]{3}/.test(body)) acknowledged += 1;
				}
			}
		]
	});
	// every acknowledged registration is in the cell's list afterwards (the CSV: one line each, a header)
	const csv = await (await fetch(`${server.baseUrl}/fr/return/crisis/cell/bench-surge/export`, { headers: { cookie: await cellCookie() } })).text();
	const found = csv.trim().split('\r\n').length - 1;
	return {
		name: `surge: ${perMinute} registrations a minute`,
		p50: result.latency.p50,
		p95: result.latency.p97_5 ?? result.latency.p90,
		p99: result.latency.p99,
		rps: result.requests.average,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
		target: 300,
		acknowledged,
		found
	};
}

const rows: LoadRow[] = [];
let surgeRow: Awaited<ReturnType<typeof surge>> | undefined;
try {
	surgeRow = await surge();
	rows.push(surgeRow);
	const cookie = await cellCookie();
	let k = 0;
	const filterAt = () => {
		k += 1;
		const params = new URLSearchParams({ page: String(1 + (k % 40)) });
		if (k % 3 === 0) params.set('city', cities[k % cities.length]);
		if (k % 4 === 1) params.set('status', registrationStatuses[k % registrationStatuses.length]);
		if (k % 5 === 2) params.set('need', crisisNeeds[k % crisisNeeds.length]);
		return `/fr/return/crisis/cell/bench/registrations?${params}`;
	};
	// the dashboard's counts are computed on every request (the page keeps no cache)
	rows.push(await measure(server.baseUrl, { name: `dashboard, ${registrations} registrations`, path: '/fr/return/crisis/cell/bench', headers: { cookie }, p95Target: 150 }, connections, duration));
	rows.push(await measure(server.baseUrl, { name: 'list, a new filter and page each', path: filterAt, headers: { cookie }, p95Target: 300 }, connections, duration));
} finally {
	await server.stop();
}
const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
console.log(`\nCrisis benchmark on ${engine}: ${registrations} registrations filled in ${fillSeconds.toFixed(1)} s; surge ${surgeSeconds} s; dashboard ${connections} connections, ${duration} s\n`);
printLoadTable(rows, 44);
if (surgeRow) {
	const lost = surgeRow.acknowledged - surgeRow.found;
	console.log(`\nsurge: ${surgeRow.acknowledged} registrations acknowledged, ${surgeRow.found} in the cell's list afterwards — ${lost <= 0 ? 'none lost: PASS' : `${lost} lost: FAIL`}`);
}
console.log(P95_NOTE);
