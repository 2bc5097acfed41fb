// The editors' issue form (no JavaScript needed): its fields to an issue's data, an issue's values for its
// edit form, and refusals as messages by field.
import { fail } from '@sveltejs/kit';
import { formFailureFrom } from '../../../platform/http/form.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { NewsletterIssueRow } from './newsletter.table.ts';

export type IssueFormValues = Record<string, string | string[]>;
const languages = ['fr', 'ar', 'en'] as const;
const textFields = ['title_fr', 'title_ar', 'title_en', 'intro_fr', 'intro_ar', 'intro_en'] as const;
const listFields = ['documents', 'events', 'links'] as const;

export function issueFromForm(form: FormData) {
	const one = (name: string) => String(form.get(name) ?? '');
	const many = (name: string) => form.getAll(name).map(String).filter(Boolean);
	const values: IssueFormValues = {};
	for (const name of textFields) values[name] = one(name);
	for (const name of listFields) values[name] = many(name);
	const translated = (field: string) => Object.fromEntries(languages.flatMap((code) => (one(`${field}_${code}`).trim() ? [[code, one(`${field}_${code}`).trim()]] : [])));
	return { values, input: { title: translated('title'), intro: translated('intro'), documents: many('documents'), events: many('events'), links: many('links') } };
}

export function issueFormValues(row: NewsletterIssueRow): IssueFormValues {
	const values: IssueFormValues = { documents: row.documents, events: row.events, links: row.links };
	for (const code of languages) {
		values[`title_${code}`] = row.title[code] ?? '';
		values[`intro_${code}`] = row.intro[code] ?? '';
	}
	return values;
}

/** A refused issue: what was typed and one message per field (`title` → the French title). */
export function issueFailure(language: Language, failure: unknown, form: FormData, values: IssueFormValues) {
	if ((failure as { extra?: { reason?: string } })?.extra?.reason === 'issue_sent') return fail(409, { values, errors: { '': translate(language, 'newsletters.error_sent') } });
	const refused = formFailureFrom(language, failure, form);
	const errors: Record<string, string> = {};
	for (const [path, message] of Object.entries(refused.data.errors as Record<string, string>)) {
		const [head, second] = path.split('.');
		errors[head === 'title' || head === 'intro' ? `${head}_${second ?? 'fr'}` : head] ??= message;
	}
	return fail(refused.status, { values, errors });
}
