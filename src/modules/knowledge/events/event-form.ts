// The editors' event form (no JavaScript needed): its fields to an event's data, the choices it offers,
// the values of an event to edit, and refusals as messages by field.
import { fail } from '@sveltejs/kit';
import { asc } from 'drizzle-orm';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { formFailureFrom } from '../../../platform/http/form.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { document } from '../knowledge.table.ts';
import { titleIn } from '../titles.ts';
import { eventStatuses, participantCategories } from './event.model.ts';
import type { EventRow } from './event.table.ts';
import { instantToMoroccoTime } from './time.ts';
import { eventLinkChoices } from './event-links.ts';
import { linkTarget } from '../../../platform/kernel/links.ts';

export type EventFormValues = Record<string, string | string[]>;

const textFields = ['title_fr', 'title_ar', 'title_en', 'description_fr', 'description_ar', 'description_en', 'startsAt', 'endsAt', 'place', 'onlineUrl', 'status', 'registrationOpen', 'capacity', 'sources'] as const;
const listFields = ['organisers', 'participantCategories', 'documents', 'links'] as const;
const blank = (text: string) => (text.trim() === '' ? undefined : text.trim());
const translated = (one: (name: string) => string, field: string) =>
	Object.fromEntries((['fr', 'ar', 'en'] as const).flatMap((code) => (blank(one(`${field}_${code}`)) ? [[code, one(`${field}_${code}`).trim()]] : [])));

/** The form's fields as typed (to show them again) and the event's data read from them (checked by the service). */
export function eventFromForm(form: FormData): { values: EventFormValues; input: Record<string, unknown> } {
	const one = (name: string) => String(form.get(name) ?? '');
	const many = (name: string) => form.getAll(name).map(String).filter(Boolean);
	const values: EventFormValues = {};
	for (const name of textFields) values[name] = one(name);
	for (const name of listFields) values[name] = many(name);
	const input = {
		title: translated(one, 'title'),
		description: translated(one, 'description'),
		startsAt: one('startsAt'),
		endsAt: one('endsAt'),
		place: blank(one('place')),
		onlineUrl: blank(one('onlineUrl')),
		status: one('status') || 'draft',
		organisers: many('organisers'),
		participantCategories: many('participantCategories'),
		documents: many('documents'),
		links: many('links'),
		registrationOpen: one('registrationOpen'),
		capacity: one('capacity'),
		// one source per line: "citation | https://…" (the link optional)
		sources: one('sources')
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean)
			.map((line) => {
				const [citation, url] = line.split(/\s+\|\s+(?=https?:\/\/)/);
				return url ? { citation: citation.trim(), url: url.trim() } : { citation: line };
			})
	};
	return { values, input };
}

/** An event's values for its edit form. */
export function eventFormValues(row: EventRow): EventFormValues {
	return {
		title_fr: row.title.fr ?? '',
		title_ar: row.title.ar ?? '',
		title_en: row.title.en ?? '',
		description_fr: row.description.fr ?? '',
		description_ar: row.description.ar ?? '',
		description_en: row.description.en ?? '',
		startsAt: instantToMoroccoTime(row.startsAt),
		endsAt: instantToMoroccoTime(row.endsAt),
		place: row.place ?? '',
		onlineUrl: row.onlineUrl ?? '',
		status: row.status,
		registrationOpen: row.registrationOpen ? 'on' : '',
		capacity: row.capacity === null ? '' : String(row.capacity),
		sources: row.sources.map((source) => (source.url ? `${source.citation} | ${source.url}` : source.citation)).join('\n'),
		organisers: row.organisers,
		participantCategories: row.participantCategories,
		documents: row.documents,
		links: row.links
	};
}

/** What the form offers: organisations and the library's documents (by slug), statuses, categories. */
export async function eventFormChoices(db: DbOrTx, language: Language) {
	const [organisations, documents, links] = await Promise.all([
		db.select({ slug: organisation.slug, name: organisation.name, acronym: organisation.acronym }).from(organisation).orderBy(asc(organisation.name)),
		db.select({ slug: document.slug, title: document.title }).from(document).orderBy(asc(document.slug)),
		eventLinkChoices(db, language)
	]);
	return {
		organisers: organisations.map((row) => ({ value: row.slug, label: row.acronym ? `${row.name} (${row.acronym})` : row.name, isolate: true })),
		documents: documents.map((row) => ({ value: row.slug, label: titleIn(row.title, language), isolate: true })),
		// the records of other modules an event may link to (the Talents networks), one group per kind installed
		links: links.map((list) => ({ label: translate(language, linkTarget(list.kind)!.titleKey), choices: list.choices })),
		statuses: eventStatuses.map((status) => ({ value: status, label: translate(language, `events.status_${status}`) })),
		categories: participantCategories.map((category) => ({ value: category, label: translate(language, `events.category_${category}`) }))
	};
}

/** The form's field that shows a problem at `path` (`title` → the French title, `organisers.2` → organisers). */
function formFieldOf(path: string): string {
	const [head] = path.split('.');
	if (head === 'title' || head === 'description') return `${head}_${path.split('.')[1] ?? 'fr'}`;
	return head;
}

/** A refused event: the values typed and one message per field, in the page's language. */
export function eventFailure(language: Language, error: unknown, form: FormData, values: EventFormValues) {
	const refused = formFailureFrom(language, error, form);
	const errors: Record<string, string> = {};
	for (const [path, message] of Object.entries(refused.data.errors as Record<string, string>)) errors[formFieldOf(path)] ??= message;
	return fail(refused.status, { values, errors });
}
