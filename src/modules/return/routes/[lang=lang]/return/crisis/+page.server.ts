import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { openCrises } from '#modules/return/crisis/crisis.service.ts';


/** The crises open now: where, whom to call, and the registration link. */
export async function load({ locals }) {
	const app = await getApp();
	const rows = await openCrises(app.database.db);
	return {
		canSeeCell: requestContext(app, locals).can('return.crisis.relay'),
		crises: rows.map((row) => ({
			slug: row.slug,
			title: pickText(row.title, locals.language),
			contacts: Object.keys(row.contacts).length ? pickText(row.contacts, locals.language) : null,
			countries: row.countries.map((code) => countryName(code, locals.language)),
			areas: row.areas,
			startedOn: row.startedOn,
			isSample: row.isSample
		}))
	};
}
