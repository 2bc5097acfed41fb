import { getApp } from '#platform/app.ts';
import { countryName } from '#platform/geo/countries.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listBodies } from '#modules/strategy/concertation.service.ts';
import { countriesManaged } from '#modules/strategy/concertation-access.ts';
import { placeByCode, placeChoices } from '#modules/strategy/places.ts';
import { STRATEGY_COUNTRIES } from '#modules/strategy/strategy.model.ts';

/** The regional concertation bodies, by country and region (public); `?country=` and `?region=` keep one country's or one region's. */
export async function load({ locals, url }) {
	const app = await getApp();
	const language = locals.language;
	const askedCountry = url.searchParams.get('country') ?? '';
	const country = STRATEGY_COUNTRIES.find((code) => code === askedCountry) ?? '';
	const place = placeByCode(url.searchParams.get('region') ?? '');
	const region = place?.iso ?? '';
	const managed = await countriesManaged(requestContext(app, locals));
	return {
		bodies: await listBodies(app.database.db, language, { country: country || undefined, region: region || undefined }),
		country,
		region,
		countries: STRATEGY_COUNTRIES.map((code) => ({ value: code, label: countryName(code, language) })),
		// the regions grouped by country, names in the page's language (French, marked, where no Arabic name is known)
		regionGroups: STRATEGY_COUNTRIES.map((code) => ({ label: countryName(code, language), options: placeChoices(code, language).map(({ value, label, lang }) => ({ value, label, lang: lang === language ? undefined : lang })) })),
		// the "new body" link starts in the country filtered on, when the person manages its bodies
		canManage: managed.length > 0,
		newCountry: managed.find((code) => code === (place?.country ?? country)) ?? ''
	};
}
