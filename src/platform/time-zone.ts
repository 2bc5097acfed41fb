// Wall-clock time of a time zone (Morocco's: +1 h, 0 during Ramadan) without a date library: the
// offset at an instant from Intl, and the instant of a wall-clock time (days of the audit filter,
// appointment times).

/** Milliseconds to add to UTC to get the wall-clock time of `timeZone` at that instant. */
export function zoneOffset(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
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
export function wallClockToInstant(wallClock: number, timeZone: string): Date {
	let instant = wallClock - zoneOffset(wallClock, timeZone);
	// the offset at the first guess may differ (a change of offset in between): one correction
	const corrected = wallClock - zoneOffset(instant, timeZone);
	if (corrected !== instant) instant = corrected;
	return new Date(instant);
}
