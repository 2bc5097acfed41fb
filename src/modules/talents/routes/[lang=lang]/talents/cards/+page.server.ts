import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName, countryOptions } from '#platform/geo/countries.ts';
import { regions } from '#platform/geo/morocco.ts';
import { spokenLanguageLabel } from '#platform/i18n/spoken-languages.ts';
import { listPublicCards } from '#modules/talents/profile.service.ts';
import { occupationFilterGroups, occupationTitles } from '#modules/talents/occupations.ts';
import { contributions, skills } from '#modules/talents/talents.model.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const language = locals.language;
	const raw = Object.fromEntries(url.searchParams);
	let result;
	let invalid = false;
	try {
		result = await listPublicCards(app.database.db, raw);
	} catch (failure) {
		// a filter the page never offers (an edited address): every card, and a notice
		if (!isAppError(failure)) throw failure;
		result = await listPublicCards(app.database.db, {});
		invalid = true;
	}
	const titles = await occupationTitles(app.database.db, result.items.flatMap((card) => (card.occupationCode ? [card.occupationCode] : [])), language);
	const name = language === 'ar' ? 'nameAr' : language === 'en' ? 'nameEn' : 'nameFr';
	return {
		invalid,
		total: result.total,
		page: result.page,
		pageSize: result.pageSize,
		cards: result.items.map((card) => ({
			...card,
			hostCountry: card.hostCountry ? countryName(card.hostCountry, language) : undefined,
			occupation: card.occupationCode ? (titles.get(card.occupationCode) ?? { title: card.occupationCode }) : undefined,
			originRegion: card.originRegion ? (regions.find((region) => region.iso === card.originRegion)?.[name] ?? card.originRegion) : undefined,
			languages: card.languages?.map((entry) => `${spokenLanguageLabel(entry.language, language)}${entry.level ? ` ${entry.level}` : ''}`)
		})),
		values: { q: raw.q ?? '', country: raw.country ?? '', skill: raw.skill ?? '', occupation: raw.occupation ?? '', contribution: raw.contribution ?? '' },
		choices: { countries: countryOptions(language), skills, contributions, occupations: await occupationFilterGroups(app.database.db, language) },
		search: url.searchParams.toString().replace(/(^|&)page=\d+/, '').replace(/^&/, '')
	};
}
