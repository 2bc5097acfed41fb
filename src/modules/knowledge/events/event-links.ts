// An event's platform links to other modules' records (issue #11, item 2): today the Talents networks
// (`talents.network:<slug>`), whose pages list the events linked to them through the platform
// (`eventsLinkedTo`), without either module importing the other. A kind whose module is not installed is
// neither offered nor accepted.
import { and, asc, desc, gte, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { linkChoices, parseLink, unknownLinks } from '../../../platform/kernel/links.ts';
import type { LinkChoice, LinkedEvent } from '../../../platform/kernel/manifest.ts';
import { titleIn, titleLanguage } from '../titles.ts';
import { event, type EventRow } from './event.table.ts';

/** The Talents networks (a network's meeting, a seminar for a skill's network). */
export const NETWORK_KIND = 'talents.network';
/** What an event may link to, in the order the form shows them. */
export const eventLinkKinds = [NETWORK_KIND] as const;
export const MAX_EVENT_LINKS = 30;

const isKind = (kind: string | undefined) => eventLinkKinds.includes(kind as (typeof eventLinkKinds)[number]);

/** The links among these an event may not hold (another kind, a record not there): field problems at `links.<index>`. */
export async function eventLinkProblems(db: DbOrTx, links: readonly string[]) {
	const allowed = links.filter((value) => isKind(parseLink(value)?.kind));
	const unknown = new Set(allowed.length ? await unknownLinks(db, allowed, 'fr') : []);
	return links.flatMap((value, index) => (!isKind(parseLink(value)?.kind) || unknown.has(value) ? [{ path: `links.${index}`, messageKey: 'field_choice', values: { value } }] : []));
}

/** The form's choices: one list per kind installed, values whole links. */
export async function eventLinkChoices(db: DbOrTx, language: Language): Promise<{ kind: string; choices: LinkChoice[] }[]> {
	const lists = await Promise.all(eventLinkKinds.map(async (kind) => ({ kind, choices: await linkChoices(db, kind, language) })));
	return lists.filter((list) => list.choices.length > 0);
}

const linkedEvent = (language: Language) => (row: Pick<EventRow, 'slug' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'status' | 'isSample'>): LinkedEvent => ({
	title: titleIn(row.title, language),
	lang: titleLanguage(row.title, language),
	startsAt: row.startsAt,
	endsAt: row.endsAt,
	place: row.place,
	online: Boolean(row.onlineUrl),
	cancelled: row.status === 'cancelled',
	path: `/knowledge/events/${row.slug}`,
	isSample: row.isSample
});

/** The manifest's `eventsLinkingTo`: the published (or cancelled, marked) events linking to a record; drafts never. */
export async function eventsLinkingTo(db: DbOrTx, value: string, language: Language, options: { now: Date; upcoming: number; past: number }) {
	if (!isKind(parseLink(value)?.kind)) return { upcoming: [], past: [] };
	const linking = and(sql`${event.links} ? ${value}`, ne(event.status, 'draft'));
	const columns = { slug: event.slug, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, place: event.place, onlineUrl: event.onlineUrl, status: event.status, isSample: event.isSample };
	const [upcoming, past] = await Promise.all([
		db.select(columns).from(event).where(and(linking, gte(event.endsAt, options.now))).orderBy(asc(event.startsAt), asc(event.slug)).limit(options.upcoming),
		db.select(columns).from(event).where(and(linking, lt(event.endsAt, options.now))).orderBy(desc(event.startsAt), asc(event.slug)).limit(options.past)
	]);
	return { upcoming: upcoming.map(linkedEvent(language)), past: past.map(linkedEvent(language)) };
}
