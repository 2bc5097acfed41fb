// An event as an iCalendar file (RFC 5545), for calendars and the confirmation e-mail.
import type { Language } from '../../../platform/i18n/languages.ts';
import type { EventRow } from './event.table.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';

const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** Commas, semicolons, backslashes and new lines are escaped in text values. */
const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded (a space starts each continuation); never inside a UTF-8 character. */
function fold(line: string): string {
	const out: string[] = [];
	let current = '';
	for (const char of line) {
		if (Buffer.byteLength(current + char) > (out.length ? 74 : 75)) {
			out.push(current);
			current = '';
		}
		current += char;
	}
	out.push(current);
	return out.join('\r\n ');
}

/** One event's VEVENT lines. */
function vevent(row: EventRow, lang: Language, url: string, now: Date): string[] {
	return [
		'BEGIN:VEVENT',
		`UID:${row.id}@sharaka`,
		`DTSTAMP:${stamp(now)}`,
		`DTSTART:${stamp(row.startsAt)}`,
		`DTEND:${stamp(row.endsAt)}`,
		`SUMMARY:${escape(pickText(row.title, lang).text)}`,
		...(row.description && Object.keys(row.description).length ? [`DESCRIPTION:${escape(pickText(row.description, lang).text)}`] : []),
		...(row.place || row.onlineUrl ? [`LOCATION:${escape(row.place ?? row.onlineUrl ?? '')}`] : []),
		`URL:${url}`,
		`STATUS:${row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
		'END:VEVENT'
	];
}

/** A calendar of events (one, or a list that calendars can subscribe to), lines folded and ended by CRLF. */
export function eventsIcs(rows: readonly EventRow[], lang: Language, urlOf: (row: EventRow) => string, now: Date, name?: string): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Sharaka//Knowledge events//FR',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...(name ? [`X-WR-CALNAME:${escape(name)}`] : []),
		...rows.flatMap((row) => vevent(row, lang, urlOf(row), now)),
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}

export function eventIcs(row: EventRow, lang: Language, url: string, now: Date): string {
	return eventsIcs([row], lang, () => url, now);
}
