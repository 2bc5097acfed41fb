import { getApp } from '#platform/app.ts';
import { resolveLinks } from '#platform/kernel/links.ts';
import { canEditEntryOf, organisationsForDirectory } from '#platform/directory/directory.service.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { collectionOf, houseKinds, HouseQuery, houseReferences, houses, houseServices, listHouses } from '#modules/talents/directories/directories.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const db = app.database.db;
	const language = locals.language;
	const parsed = HouseQuery.safeParse(Object.fromEntries(url.searchParams));
	const query = parsed.success ? parsed.data : {};
	const found = await listHouses(db, query, language);
	return {
		done: url.searchParams.get('done') === 'saved' ? 'saved' : '',
		invalid: !parsed.success,
		values: { kind: query.kind ?? '', region: query.region ?? '', service: query.service ?? '' },
		items: found.items.map((item) => ({ ...item, editable: canEditEntryOf(locals.actor, collectionOf(item.kind), item.organisation.id) })),
		total: found.total,
		mayAdd: (await organisationsForDirectory(db, houses, locals.actor)).length > 0,
		references: await resolveLinks(db, houseReferences, language),
		choices: { kinds: [...houseKinds], services: [...houseServices], regions: regionChoices(language) }
	};
}
