import { getApp } from '#platform/app.ts';
import { resolveLinks } from '#platform/kernel/links.ts';
import { canEditEntryOf, organisationsForDirectory } from '#platform/directory/directory.service.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { listPublicCards } from '#modules/talents/profile.service.ts';
import { listOffers } from '#modules/talents/mentoring/mentoring.service.ts';
import { listSchemes, SchemeQuery, schemeServices, supportSchemes, youngReferences } from '#modules/talents/young/support-schemes.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const db = app.database.db;
	const language = locals.language;
	const parsed = SchemeQuery.safeParse(Object.fromEntries(url.searchParams));
	const query = parsed.success ? parsed.data : {};
	const schemes = await listSchemes(db, query, language);
	return {
		done: url.searchParams.get('done') === 'scheme_saved' ? 'scheme_saved' : '',
		invalid: !parsed.success,
		values: { service: parsed.success ? (parsed.data.service ?? '') : '', region: parsed.success ? (parsed.data.region ?? '') : '', initiative: parsed.success ? (parsed.data.initiative ?? '') : '' },
		schemes: schemes.items.map((item) => ({ ...item, editable: canEditEntryOf(locals.actor, supportSchemes, item.organisation.id) })),
		total: schemes.total,
		mayAdd: (await organisationsForDirectory(db, supportSchemes, locals.actor)).length > 0,
		references: await resolveLinks(db, youngReferences, language),
		counts: {
			investors: (await listPublicCards(db, { contribution: 'investment' })).total,
			founders: (await listPublicCards(db, { contribution: 'business_creation' })).total,
			mentors: (await listOffers(db, {})).total
		},
		choices: { services: [...schemeServices], regions: regionChoices(language) }
	};
}
