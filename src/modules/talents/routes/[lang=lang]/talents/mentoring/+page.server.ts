import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { spokenLanguageOptions } from '#platform/i18n/spoken-languages.ts';
import { listOffers } from '#modules/talents/mentoring/mentoring.service.ts';
import { offersForPage } from '#modules/talents/mentoring/mentoring-pages.ts';
import { skills } from '#modules/talents/talents.model.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const language = locals.language;
	const raw = Object.fromEntries(url.searchParams);
	let result;
	let invalid = false;
	try {
		result = await listOffers(app.database.db, raw);
	} catch (failure) {
		// a filter the page never offers (an edited address): every offer, and a notice
		if (!isAppError(failure)) throw failure;
		result = await listOffers(app.database.db, {});
		invalid = true;
	}
	return {
		invalid,
		total: result.total,
		page: result.page,
		pageSize: result.pageSize,
		offers: await offersForPage(app.database.db, language, result.items),
		signedIn: Boolean(locals.actor),
		values: { skill: raw.skill ?? '', language: raw.language ?? '', remote: raw.remote ?? '' },
		choices: { skills, languages: spokenLanguageOptions(language) },
		search: url.searchParams.toString().replace(/(^|&)page=\d+/, '').replace(/^&/, '')
	};
}
