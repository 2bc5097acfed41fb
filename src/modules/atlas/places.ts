// The places of an initiative as the Atlas stores them: communes imply their provinces, provinces their
// regions. Writing (initiative.service), comparing versions (imports: equality and per-field provenance)
// and the exports agree through this one rule.
import { provinces as provinceList } from '../../platform/geo/morocco.ts';
import { communeByCode } from '../../platform/geo/communes.ts';

export function impliedPlaces(data: { regions?: readonly string[]; provinces?: readonly string[]; communes?: readonly string[] }) {
	const communes = [...new Set(data.communes ?? [])].sort().flatMap((code) => communeByCode(code) ?? []);
	const provinces = [...new Set([...(data.provinces ?? []), ...communes.map((commune) => commune.provinceIso)])].sort();
	const regions = [
		...new Set([...(data.regions ?? []), ...provinces.flatMap((iso) => provinceList.find((province) => province.iso === iso)?.regionIso ?? [])])
	].sort();
	return { regions, provinces, communes };
}
