// A researcher's own profile form (no JavaScript needed): its fields to the profile's data, a profile's
// values, the choices it offers, and refusals as messages by field.
import { fail } from '@sveltejs/kit';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { regions } from '../../../platform/geo/morocco.ts';
import { formFailureFrom } from '../../../platform/http/form.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { documentThemes } from '../knowledge.model.ts';
import { organisationChoices } from '../document.service.ts';
import { researchWorkChoices } from './research.service.ts';
import { titleIn } from '../titles.ts';
import type { ResearcherRow } from './research.table.ts';

export type ProfileValues = Record<string, string | string[]>;
const languages = ['fr', 'ar', 'en'] as const;

export function profileFromForm(form: FormData) {
	const one = (name: string) => String(form.get(name) ?? '');
	const many = (name: string) => form.getAll(name).map(String).filter(Boolean);
	const values: ProfileValues = { name: one('name'), position: one('position'), website: one('website'), visible: one('visible'), institution: one('institution'), themes: many('themes'), regions: many('regions'), works: many('works') };
	for (const code of languages) values[`bio_${code}`] = one(`bio_${code}`);
	const input = {
		name: one('name'),
		position: one('position'),
		institution: one('institution'),
		themes: many('themes'),
		regions: many('regions'),
		bio: Object.fromEntries(languages.flatMap((code) => (one(`bio_${code}`).trim() ? [[code, one(`bio_${code}`).trim()]] : []))),
		website: one('website'),
		works: many('works'),
		visible: one('visible')
	};
	return { values, input };
}

export function profileValues(row: ResearcherRow | null, fallbackName: string): ProfileValues {
	if (!row) return { name: fallbackName, themes: [], regions: [], works: [], institution: '', visible: '' };
	const values: ProfileValues = { name: row.name, position: row.position ?? '', website: row.website ?? '', visible: row.visible ? 'on' : '', institution: row.institution ?? '', themes: row.themes, regions: row.regions, works: row.works };
	for (const code of languages) values[`bio_${code}`] = row.bio[code] ?? '';
	return values;
}

export async function profileChoices(db: DbOrTx, language: Language) {
	const [organisations, documents] = await Promise.all([organisationChoices(db), researchWorkChoices(db)]);
	const name = language === 'ar' ? 'nameAr' : language === 'en' ? 'nameEn' : 'nameFr';
	return {
		institutions: organisations.map((entry) => ({ value: entry.slug, label: entry.acronym ? `${entry.name} (${entry.acronym})` : entry.name, keywords: entry.acronym ?? '', isolate: true })),
		themes: documentThemes.map((theme) => ({ value: theme, label: translate(language, `knowledge.theme_${theme}`) })),
		regions: regions.map((region) => ({ value: region.iso, label: region[name], keywords: `${region.nameFr} ${region.nameAr} ${region.nameEn}` })),
		works: documents.map((doc) => ({ value: doc.slug, label: titleIn(doc.title, language), isolate: true }))
	};
}

export function profileFailure(language: Language, failure: unknown, form: FormData, values: ProfileValues) {
	const refused = formFailureFrom(language, failure, form);
	const errors: Record<string, string> = {};
	for (const [path, message] of Object.entries(refused.data.errors as Record<string, string>)) {
		const [head, second] = path.split('.');
		errors[head === 'bio' ? `bio_${second ?? 'fr'}` : head] ??= message;
	}
	return fail(refused.status, { values, errors });
}
