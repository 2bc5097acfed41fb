import { getApp } from '#platform/app.ts';
import { readQuery } from '#platform/http/api.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { regions } from '#platform/geo/morocco.ts';
import { isolate } from '#platform/i18n/content-language.ts';
import { DocumentListQuery } from '#modules/knowledge/knowledge.schemas.ts';
import { searchDocuments, organisationChoices } from '#modules/knowledge/document.service.ts';
import { documentLanguages, documentThemes, documentTypes } from '#modules/knowledge/knowledge.model.ts';
import { linkedChoices } from '#modules/knowledge/document-links.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	let query;
	let invalid = false;
	try {
		query = readQuery(url, DocumentListQuery);
	} catch (failure) {
		// a filter the page never offers (an edited address): the whole library, and a notice
		if (!isAppError(failure)) throw failure;
		query = DocumentListQuery.parse({});
		invalid = true;
	}
	const result = await searchDocuments(app.database.db, query);
	// the organisations with documents among those found (and the one chosen): only their names are read
	const organisations = await organisationChoices(app.database.db, [
		...new Set([...Object.entries(result.facets.organisation).flatMap(([slug, count]) => (count ? [slug] : [])), ...(query.organisation ?? [])])
	]);
	// the initiatives and actions the documents found link to (and the one chosen), named in the page's language
	const linked = await linkedChoices(app.database.db, [...Object.keys(result.facets.linked), ...(query.linked ?? []), ...Object.values(result.parts).flat()], locals.language);
	// a programme chosen: the page says its components' documents are found too, and names them
	const label = new Map(linked.flatMap((group) => group.choices.map((choice) => [choice.value, choice.label])));
	const chosen = query.linked?.length === 1 ? query.linked[0]! : null;
	const whole = chosen && result.parts[chosen] ? { title: label.get(chosen) ?? chosen, parts: result.parts[chosen].map((value) => label.get(value) ?? value) } : null;
	const name = locals.language === 'ar' ? 'nameAr' : locals.language === 'en' ? 'nameEn' : 'nameFr';
	return {
		result,
		invalid,
		whole,
		values: {
			q: query.q ?? '',
			type: query.type?.[0] ?? '',
			theme: query.theme?.[0] ?? '',
			language: query.language?.[0] ?? '',
			region: query.region?.[0] ?? '',
			organisation: query.organisation?.[0] ?? '',
			linked: query.linked?.[0] ?? '',
			year: query.year ? String(query.year) : ''
		},
		choices: {
			types: documentTypes,
			themes: documentThemes,
			languages: documentLanguages,
			regions: regions.map((region) => ({ value: region.iso, label: region[name] })),
			// the organisations with documents among those found (and the one chosen), a name in any language
			// isolated from the page's direction (U+2068…U+2069, bdi's plain-text form)
			organisations: organisations.map((entry) => ({ value: entry.slug, label: isolate(entry.name) })),
			years: Object.keys(result.facets.year).sort().reverse(),
			// the choices the documents found link to; the parts only named (for the notice), not offered unless linked
			linked: linked.map((group) => ({ ...group, choices: group.choices.filter((choice) => result.facets.linked[choice.value] || query.linked?.includes(choice.value)) })).filter((group) => group.choices.length)
		},
		search: url.searchParams.toString().replace(/(^|&)page=\d+/, '').replace(/^&/, '')
	};
}
