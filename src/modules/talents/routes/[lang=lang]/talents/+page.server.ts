import { getApp } from '#platform/app.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { countryName } from '#platform/geo/countries.ts';
import { listNetworks } from '#modules/talents/networks.service.ts';

export async function load({ locals }) {
	const app = await getApp();
	const networks = (await listNetworks(app.database.db)).map((entry) => ({
		slug: entry.slug,
		kind: entry.kind,
		name: pickText(entry.name, locals.language),
		country: entry.country ? countryName(entry.country, locals.language) : null,
		area: entry.area,
		skill: entry.skill,
		joining: entry.joining,
		members: entry.members,
		isSample: entry.isSample
	}));
	return { networks, signedIn: Boolean(locals.actor) };
}
