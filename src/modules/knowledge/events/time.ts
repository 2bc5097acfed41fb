// Times of events: entered and shown as wall-clock times in Morocco, stored as instants.
import { EVENT_TIME_ZONE } from './event.model.ts';

/** The offset of Africa/Casablanca at an instant, in minutes (it is +1 most of the year, 0 during Ramadan). */
function offsetMinutes(at: Date): number {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: EVENT_TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(at);
	const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** `2017-11-15T09:00` in Morocco → the instant. */
export function moroccoTimeToInstant(local: string): Date {
	const asUtc = new Date(`${local}:00Z`);
	const first = new Date(asUtc.getTime() - offsetMinutes(asUtc) * 60_000);
	// once more at the guessed instant, for times close to a change of offset
	return new Date(asUtc.getTime() - offsetMinutes(first) * 60_000);
}

/** The instant → `2017-11-15T09:00` in Morocco (for the edit form). */
export function instantToMoroccoTime(at: Date): string {
	return new Date(at.getTime() + offsetMinutes(at) * 60_000).toISOString().slice(0, 16);
}
