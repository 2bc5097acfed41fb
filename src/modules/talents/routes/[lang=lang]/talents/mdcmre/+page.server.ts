import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName, countryOptions } from '#platform/geo/countries.ts';
import { spokenLanguageLabel } from '#platform/i18n/spoken-languages.ts';
import { listProfilesForMdcmre } from '#modules/talents/profile.service.ts';
import { occupationFilterGroups, occupationTitles } from '#modules/talents/occupations.ts';
import { skills } from '#modules/talents/talents.model.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const language = locals.language;
	const raw = Object.fromEntries(url.searchParams);
	let result;
	let invalid = false;
	try {
		result = await listProfilesForMdcmre(ctx, raw);
	} catch (failure) {
		if (!isAppError(failure) || failure.code !== 'invalid_input') throw failure;
		result = await listProfilesForMdcmre(ctx, {});
		invalid = true;
	}
	const titles = await occupationTitles(app.database.db, result.items.flatMap((item) => (item.occupationCode ? [item.occupationCode] : [])), language);
	return {
		invalid,
		total: result.total,
		page: result.page,
		pageSize: result.pageSize,
		items: result.items.map((item) => ({
			id: item.id,
			name: item.name,
			isSample: item.isSample,
			city: item.hostCity, country: countryName(item.hostCountry, language),
			occupation: item.occupationCode ? (titles.get(item.occupationCode) ?? { title: item.occupationCode }) : null,
			skills: item.skills,
			languages: item.languages.map((entry) => `${spokenLanguageLabel(entry.language, language)}${entry.level ? ` ${entry.level}` : ''}`),
			experienceYears: item.experienceYears,
			contributions: item.contributions,
			level: item.consent.level
		})),
		values: { country: raw.country ?? '', skill: raw.skill ?? '', occupation: raw.occupation ?? '' },
		choices: { countries: countryOptions(language), skills, occupations: await occupationFilterGroups(app.database.db, language) },
		search: url.searchParams.toString().replace(/(^|&)page=\d+/, '').replace(/^&/, '')
	};
}
