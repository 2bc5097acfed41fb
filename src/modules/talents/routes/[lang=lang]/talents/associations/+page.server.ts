import { getApp } from '#platform/app.ts';
import { canEditEntryOf } from '#platform/directory/directory.service.ts';
import { countryName } from '#platform/geo/countries.ts';
import { AssociationQuery, associationCountries, associationFields, associationOrganisations, associations, listAssociations } from '#modules/talents/directories/directories.ts';
import { listNetworks } from '#modules/talents/networks.service.ts';
import { pickText } from '#platform/i18n/content-language.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const db = app.database.db;
	const language = locals.language;
	const parsed = AssociationQuery.safeParse(Object.fromEntries(url.searchParams));
	const query = parsed.success ? parsed.data : {};
	const found = await listAssociations(db, query, language);
	const network = query.network ? (await listNetworks(db)).find((entry) => entry.slug === query.network) : undefined;
	return {
		invalid: !parsed.success,
		values: { country: query.country ?? '', field: query.field ?? '', network: query.network ?? '' },
		network: network ? { slug: network.slug, name: pickText(network.name, language) } : null,
		items: found.items.map((item) => ({ ...item, countryName: item.country ? countryName(item.country, language) : null, editable: canEditEntryOf(locals.actor, associations, item.organisation.id) })),
		total: found.total,
		mayAdd: (await associationOrganisations(db, locals.actor)).length > 0,
		choices: { countries: await associationCountries(db, language), fields: [...associationFields] }
	};
}
