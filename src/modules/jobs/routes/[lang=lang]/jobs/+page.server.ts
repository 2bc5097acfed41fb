import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { filterQuery, filterValues, readFilters } from '#platform/admin/admin-forms.ts';
import { OfferSearchQuery } from '#modules/jobs/jobs.schemas.ts';
import { abroadCountries, listOccupationGroups, searchOffers } from '#modules/jobs/jobs.service.ts';
import { contractTypes, placementChannels, requiredLanguages } from '#modules/jobs/job-offer.model.ts';
import { placeOptions } from './places.ts';

const FILTERS = ['q', 'abroad', 'country', 'channel', 'occupation', 'region', 'province', 'contract', 'language', 'since', 'foreigners', 'sort', 'pageSize'] as const;

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const values = filterValues(url, FILTERS);
	const filters = readFilters(locals.language, OfferSearchQuery, url);
	const [result, occupations, countries] = await Promise.all([
		filters.ok
			? searchOffers(app.database.db, filters.data, locals.language)
			: { total: 0, page: 1, pageSize: 20, items: [], facets: { contractType: [], region: [], occupationMajorGroup: [], language: [], hostCountry: [], channel: [] } },
		listOccupationGroups(app.database.db, locals.language),
		abroadCountries(app.database.db, locals.language)
	]);
	// the filters in force, each with the query that removes it alone (sort and page size are not filters)
	const active = FILTERS.filter((name) => name !== 'sort' && name !== 'pageSize' && values[name] !== '').map((name) => ({
		name,
		value: values[name],
		withoutIt: filterQuery({ ...values, [name]: '' })
	}));
	return {
		values,
		active,
		filterErrors: filters.ok ? {} : filters.errors,
		result,
		query: filterQuery(values),
		occupations,
		...placeOptions(locals.language),
		contractTypes: [...contractTypes],
		languages: [...requiredLanguages],
		// the "abroad" filter: the host countries that have offers now, and the placement channels
		countries: countries.map((country) => ({ value: country.value, label: country.label })),
		channels: [...placementChannels]
	};
}
