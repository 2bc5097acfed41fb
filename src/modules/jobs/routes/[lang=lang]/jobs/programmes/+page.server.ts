import { getApp } from '#platform/app.ts';
import { can } from '#platform/policy/policy.ts';
import { readFilters, filterQuery, filterValues } from '#platform/admin/admin-forms.ts';
import { ProgrammeListQuery, programmeLanguages } from '#modules/jobs/support-schemas.ts';
import { entryFunders, listEditableEntries, searchDirectory } from '#platform/directory/directory.service.ts';
import { INITIATIVE_LINK, programmeQuery, supportProgrammes } from '#modules/jobs/programmes.ts';
import { linkValue, resolveLinks } from '#platform/kernel/links.ts';
import { programmeView, regionName, regionOptions } from '#modules/jobs/support-pages.ts';
import { programmeServices } from '#modules/jobs/support.model.ts';
import { mayReach } from '#platform/policy/policy.ts';

const FILTERS = ['q', 'city', 'region', 'service', 'language', 'funder', 'initiative'] as const;

export async function load({ locals, url }) {
	const app = await getApp();
	const language = locals.language;
	const values = filterValues(url, FILTERS);
	const filters = readFilters(language, ProgrammeListQuery, url);
	const query = filters.ok ? filters.data : ProgrammeListQuery.parse({});
	const result = await searchDirectory(app.database.db, supportProgrammes, programmeQuery(query), language);
	const initiative = query.initiative ? (await resolveLinks(app.database.db, [linkValue(INITIATIVE_LINK, query.initiative)], language))[0] : undefined;
	const contributor = can(locals.actor, 'support.programme.contribute');
	const funders = await entryFunders(app.database.db, result.items.map((row) => row.entry));
	const mine = contributor ? await listEditableEntries(app.database.db, supportProgrammes, locals.actor) : [];
	return {
		mayAnswerReferrals: mayReach(locals.actor, 'counsellors.referral.respond'),
		values,
		errors: filters.ok ? {} : filters.errors,
		total: result.total,
		page: query.page,
		pageSize: query.pageSize,
		query: filterQuery({ q: query.q, city: query.city, region: query.region, service: query.service, language: query.language, funder: query.funder, initiative: query.initiative }),
		initiative: initiative ? { label: initiative.label, lang: initiative.lang, href: `/${language}${initiative.path}` } : null,
		items: result.items.map((row) => programmeView(row, language, funders.get(row.entry.id))),
		cityFacets: result.facets.cities.slice(0, 30),
		services: [...programmeServices],
		languages: [...programmeLanguages],
		regions: regionOptions(language),
		regionNames: Object.fromEntries(result.facets.regions.map((facet) => [facet.value, regionName(facet.value, language)])),
		contributor,
		mine: mine.map((row) => programmeView(row, language))
	};
}
