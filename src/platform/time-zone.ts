// The platform's time zone (Morocco's: +1 h, 0 during Ramadan) and wall-clock time in it without a
// date library: the offset at an instant from Intl, the instant of a wall-clock time (days of the
// audit filter, appointment times), today's date, and dates formatted as Morocco reads them.
// This is the one place that names the zone.

/** The time zone of every calendar day, wall-clock time and date shown on the platform. */
export const platformTimeZone = 'Africa/Casablanca';

// An Intl formatter costs far more to create than to use (lists format hundreds of dates): kept per zone, locale and options.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale} ${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
	return format;
}

/** Milliseconds to add to UTC to get the wall-clock time of `timeZone` at that instant. */
export function zoneOffset(instant: number, timeZone: string = platformTimeZone): number {
	const parts = formatter('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const wallClock = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wallClock - Math.floor(instant / 1000) * 1000;
}

/** The instant at which `timeZone` shows `wallClock` (milliseconds of that wall-clock time read as UTC). */
export function wallClockToInstant(wallClock: number, timeZone: string = platformTimeZone): Date {
	let instant = wallClock - zoneOffset(wallClock, timeZone);
	// the offset at the first guess may differ (a change of offset in between): one correction
	const corrected = wallClock - zoneOffset(instant, timeZone);
	if (corrected !== instant) instant = corrected;
	return new Date(instant);
}

/** The calendar day (YYYY-MM-DD) in the platform's time zone at `now`. */
export function platformDay(now: Date = new Date()): string {
	return formatter('en-CA', { timeZone: platformTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `YYYY-MM-DDTHH:MM` (a datetime-local field's value) read in the platform's time zone → the instant. */
export function localDateTimeToInstant(local: string): Date {
	return wallClockToInstant(Date.parse(`${local}:00Z`), platformTimeZone);
}

/** The instant as `YYYY-MM-DDTHH:MM` in the platform's time zone (a datetime-local field's value). */
export function instantToLocalDateTime(instant: Date): string {
	return new Date(instant.getTime() + zoneOffset(instant.getTime(), platformTimeZone)).toISOString().slice(0, 16);
}

/** A date (and time) formatted for `locale` as read in the platform's time zone. */
export function formatInPlatformZone(locale: string, value: Date | string | number, options: Intl.DateTimeFormatOptions): string {
	return formatter(locale, { ...options, timeZone: platformTimeZone }).format(new Date(value));
}
