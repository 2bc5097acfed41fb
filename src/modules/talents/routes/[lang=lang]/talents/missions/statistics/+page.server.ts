import { getApp } from '#platform/app.ts';
import { countryName } from '#platform/geo/countries.ts';
import { regions } from '#platform/geo/morocco.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { MissionStatisticsQuery, missionStatistics } from '#modules/talents/missions/statistics.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const parsed = MissionStatisticsQuery.safeParse(Object.fromEntries(url.searchParams));
	const statistics = await missionStatistics(app.database.db, parsed.success ? parsed.data : {});
	const regionName = (code: string) => {
		const found = regions.find((region) => region.iso === code);
		return found ? placeNameIn(found, locals.language) : code;
	};
	return {
		...statistics,
		byRegion: statistics.byRegion.map((row) => ({ ...row, label: regionName(row.value) })),
		byHostCountry: statistics.byHostCountry.map((row) => ({ ...row, label: countryName(row.value, locals.language) }))
	};
}
