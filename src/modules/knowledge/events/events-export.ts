// The events list as open data: one row per event, in the reader's language (CSV, XLSX).
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { toCsv } from '../../../platform/ui/charts/csv.ts';
import { toXlsx } from '../../../platform/ui/charts/xlsx.ts';
import { titleIn } from '../titles.ts';
import { listEvents, type EventListQuery } from './event.service.ts';
import { placesOfEvents } from './registration.service.ts';
import { instantToMoroccoTime } from './time.ts';

const columns = ['slug', 'title', 'starts', 'ends', 'place', 'online', 'status', 'organisers', 'categories', 'registration', 'capacity', 'confirmed', 'waiting', 'sample'] as const;

export async function eventRows(ctx: RequestContext, query: EventListQuery, language: Language): Promise<string[][]> {
	const rows: string[][] = [columns.map((column) => translate(language, `events.export_${column}`))];
	const events = await listEvents(ctx, query);
	const placesById = await placesOfEvents(ctx.db, events);
	for (const row of events) {
		const places = row.registrationOpen ? placesById.get(row.id)! : null;
		rows.push([
			row.slug,
			titleIn(row.title, language),
			instantToMoroccoTime(row.startsAt),
			instantToMoroccoTime(row.endsAt),
			row.place ?? '',
			row.onlineUrl ?? '',
			translate(language, `events.status_${row.status}`),
			row.organisers.join('; '),
			row.participantCategories.map((category) => translate(language, `events.category_${category}`)).join('; '),
			translate(language, row.registrationOpen ? 'events.export_yes' : 'events.export_no'),
			places?.capacity === null || places === null ? '' : String(places.capacity),
			places ? String(places.confirmed) : '',
			places ? String(places.waiting) : '',
			row.isSample ? translate(language, 'events.export_yes') : ''
		]);
	}
	return rows;
}

export const eventsCsv = async (ctx: RequestContext, query: EventListQuery, language: Language) => toCsv(await eventRows(ctx, query, language));
export const eventsXlsx = async (ctx: RequestContext, query: EventListQuery, language: Language) =>
	toXlsx(await eventRows(ctx, query, language), { sheet: translate(language, 'events.title'), rightToLeft: language === 'ar' });
