// `npm run bench:events`: an event's registration day, as the final event of November 2017 had it (~150
// places a day, seed 002) and more people than places.
//  1. The rush: N different people (1,000 by default) send the public registration form without JavaScript
//     at C connections (20) for an event of P places (150). Each acknowledged registration (the redirect to
//     the personal page) must be in the organisers' list afterwards, exactly P of them confirmed and the
//     others on the waiting list (the last place goes to one person only) — none lost, no place sold twice.
//  2. The event's public page (places left counted on every request) in the three languages in turn.
//  3. The organisers' list of all registrations (4 connections: a team at the door), and the check-in at the
//     door by code, each request a different person's code.
// Nothing is cached: every request reads the registrations again. Our targets (the issue names none):
// registration p95 ≤ 300 ms, nothing lost, no overbooking; public page p95 ≤ 100 ms; organisers' list and
// check-in p95 ≤ 300 ms. Runs on PGlite, or on PostgreSQL when DATABASE_URL is set (a fresh database, dropped
// after). Options: --registrations N, --capacity P, --connections C, --duration S (≤ 120).
import '../../src/compose.ts';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createUserAccount } from '../../src/platform/cli/users.ts';
import { grantRoleByEmail } from '../../src/platform/accounts/grant.service.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { insertEvent } from '../../src/modules/knowledge/events/event.service.ts';
import { participantCategories } from '../../src/modules/knowledge/events/event.model.ts';
import { measure, P95_NOTE, printLoadTable, startBenchServer, type LoadRow, signInCookie } from './load.ts';

const { values } = parseArgs({
	options: {
		registrations: { type: 'string', default: '1000' },
		capacity: { type: 'string', default: '150' },
		connections: { type: 'string', default: '20' },
		duration: { type: 'string', default: '20' }
	}
});
const registrations = Number(values.registrations);
const capacity = Number(values.capacity);
const connections = Number(values.connections);
const duration = Number(values.duration);
if (![registrations, capacity, connections, duration].every((n) => Number.isInteger(n) && n > 0) || duration > 120 || registrations > 100_000) {
	console.error('Usage: npm run bench:events [-- --registrations N (≤ 100000) --capacity P --connections C --duration S (≤ 120)]');
	process.exit(2);
}

const EDITOR = { email: 'organisatrice.journee@bench.sharaka.invalid', password: 'bench-events-2026' };
const SLUG = 'bench-journee';
/** A date in Morocco a month from now, as the event form takes it. */
const inDays = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

const server = await startBenchServer({ env: { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '10000000' }, timeout: 900_000 }, async (db) => {
	const cli = systemContext('cli');
	await createUserAccount(db, cli, { email: EDITOR.email, name: 'Organisatrice (bench)', role: 'member', password: EDITOR.password });
	await grantRoleByEmail(createContext({ db, actor: null, audit: cli }), EDITOR.email, { role: 'knowledge:editor' });
	await insertEvent(
		createContext({ db, actor: null, audit: cli }),
		{
			title: { fr: 'Journée de restitution (bench)', ar: 'يوم تقديم النتائج (قياس)', en: 'Results day (bench)' },
			description: { fr: 'Plénières, sessions parallèles et tables rondes.' },
			startsAt: inDays(30, '09:00'),
			endsAt: inDays(31, '18:00'),
			place: 'Bibliothèque nationale du Royaume du Maroc, Rabat',
			status: 'published',
			registrationOpen: true,
			capacity,
			participantCategories: [...participantCategories]
		},
		{ slug: SLUG }
	);
});

const editorCookie = () => signInCookie(server.baseUrl, EDITOR);

/** The organisers' list as CSV: one line per registration, with its check-in code when confirmed. */
async function organisersList(cookie: string) {
	const csv = await (await fetch(`${server.baseUrl}/fr/knowledge/events/${SLUG}/registrations/export?format=csv`, { headers: { cookie } })).text();
	const lines = csv.trim().split(/\r?\n/).slice(1);
	const people = lines.filter((line) => /bench-\d+@/.test(line));
	const codes = people.flatMap((line) => line.match(/(?:^|,)"?([A-Z0-9]{6})"?(?=,|$)/)?.[1] ?? []);
	return { people: people.length, distinct: new Set(people.map((line) => line.match(/bench-\d+@[^,"]+/)![0])).size, codes };
}

const rows: LoadRow[] = [];
let acknowledged = 0;
let refused = 0;
let list = { people: 0, distinct: 0, codes: [] as string[] };
let checkedIn = 0;
try {
	// 1. the rush: every request a new person, form-encoded as a browser without JavaScript sends it
	let n = 0;
	const rush = await autocannon({
		url: server.baseUrl,
		connections,
		amount: registrations,
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl, accept: 'text/html', 'accept-language': 'fr' },
		requests: [
			{
				method: 'POST',
				path: `/fr/knowledge/events/${SLUG}?/register`,
				setupRequest: (request: autocannon.Request) => {
					n += 1;
					const body = new URLSearchParams({ name: `Participante ${n}`, email: `bench-${n}@example.org`, organisationName: n % 3 ? 'Association Sharaka' : '', category: participantCategories[n % participantCategories.length], consent: 'on' });
					return { ...request, body: body.toString() };
				},
				onResponse: (status: number) => {
					// the personal page: registered (confirmed or waiting)
					if (status === 303) acknowledged += 1;
					else refused += 1;
				}
			}
		]
	});
	rows.push({
		name: `registration form, ${registrations} people`,
		p50: rush.latency.p50,
		p95: rush.latency.p97_5 ?? rush.latency.p90,
		p99: rush.latency.p99,
		rps: rush.requests.average,
		errors: rush.errors + rush.timeouts,
		// the redirects are the answers; anything else is counted below
		non2xx: refused,
		target: 300
	});
	const cookie = await editorCookie();
	list = await organisersList(cookie);

	// 2. the public page, the three languages in turn (places left counted each time)
	const languages = ['fr', 'ar', 'en'];
	let k = 0;
	rows.push(await measure(server.baseUrl, { name: 'event page (places left)', path: () => `/${languages[k++ % 3]}/knowledge/events/${SLUG}`, p95Target: 100 }, connections, duration));

	// 3. the organisers: the whole list, then the check-in at the door, a different code each time
	rows.push(await measure(server.baseUrl, { name: 'organisers’ list of registrations', path: () => `/${languages[k++ % 3]}/knowledge/events/${SLUG}/registrations`, headers: { cookie }, p95Target: 300 }, 4, duration));
	let next = 0;
	const door = await autocannon({
		url: server.baseUrl,
		connections: 4,
		amount: list.codes.length,
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl, accept: 'text/html', 'accept-language': 'fr', cookie },
		requests: [
			{
				method: 'POST',
				path: `/fr/knowledge/events/${SLUG}/registrations?/checkIn`,
				setupRequest: (request: autocannon.Request) => ({ ...request, body: new URLSearchParams({ code: list.codes[next++ % list.codes.length] }).toString() })
			}
		]
	});
	rows.push({ name: `check-in at the door, ${list.codes.length} codes`, p50: door.latency.p50, p95: door.latency.p97_5 ?? door.latency.p90, p99: door.latency.p99, rps: door.requests.average, errors: door.errors + door.timeouts, non2xx: door.non2xx, target: 300 });
	const csv = await (await fetch(`${server.baseUrl}/fr/knowledge/events/${SLUG}/registrations/export?format=csv`, { headers: { cookie } })).text();
	// the check-in column holds a time once checked in
	checkedIn = csv.trim().split(/\r?\n/).slice(1).filter((line) => /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*,\d{4}-\d{2}-\d{2}T/.test(line)).length;
} finally {
	await server.stop();
}

const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
console.log(`\nEvents benchmark on ${engine}: one event of ${capacity} places, ${registrations} people registering at ${connections} connections; reads at ${connections} (public) and 4 (organisers) connections, ${duration} s each\n`);
printLoadTable(rows, 40);
const confirmed = list.codes.length;
const waiting = list.people - confirmed;
const lost = acknowledged - list.people;
const fair = confirmed === Math.min(capacity, acknowledged) && list.distinct === list.people;
console.log(
	`\nregistrations: ${acknowledged} acknowledged, ${refused} refused; the organisers' list holds ${list.people} (${confirmed} confirmed, ${waiting} waiting) — ${lost === 0 ? 'none lost' : `${lost} lost`}, ${fair ? `exactly ${confirmed} places given: PASS` : 'places given wrongly: FAIL'}`
);
console.log(`check-in: ${checkedIn} of ${confirmed} confirmed people checked in (${checkedIn === confirmed ? 'PASS' : 'FAIL'})`);
console.log('No cache: every request reads the registrations again.');
console.log(P95_NOTE);
