/**
 * What the Atlas says of an initiative with no Moroccan place (not national, no region): a region that
 * includes Morocco; Morocco among several recipients when the source gives Morocco's share (issue 17, rule 1:
 * never "outside Morocco" then); outside Morocco when only other countries are named; else a Moroccan place
 * not given yet.
 */
export type PlaceWithoutRegion = 'may_concern_morocco' | 'none_in_morocco' | 'place_unknown';

export function placeWithoutRegion(item: { mayConcernMorocco?: boolean; countries: string[]; moroccoShare?: number | null }): PlaceWithoutRegion {
	if (item.mayConcernMorocco) return 'may_concern_morocco';
	return item.countries.length && item.moroccoShare == null ? 'none_in_morocco' : 'place_unknown';
}
