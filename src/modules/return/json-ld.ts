// schema.org JSON-LD of the Return module's public lists: the RAMre network's services (Service with its
// provider) and the host countries' assisted-return schemes (GovernmentService run by their operator), for
// search engines and partners' finders. The fictional samples stay out: a crawler cannot see their badge.
import { countryName } from '#platform/geo/countries.ts';
import { regions } from '#platform/geo/morocco.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { pickText, type LocalisedText } from '#platform/i18n/content-language.ts';
import { translate } from '#platform/i18n/translator.ts';
import type { Language } from '#platform/i18n/languages.ts';
import type { findServices } from './network.ts';
import type { schemeView } from './schemes/schemes.service.ts';

type ServiceEntry = Awaited<ReturnType<typeof findServices>>['items'][number];
type SchemeEntry = ReturnType<typeof schemeView>;

const textOf = (text: LocalisedText, language: Language) => pickText(text, language).text || undefined;

function contactPoint(contact: { phone?: string | null; email?: string | null; website?: string | null }) {
	const point = { '@type': 'ContactPoint', telephone: contact.phone || undefined, email: contact.email || undefined, url: contact.website || undefined };
	return point.telephone || point.email || point.url ? point : undefined;
}

/** The page of services found, as an ItemList of Service with provider, regions served, stages and languages. */
export function servicesJsonLd(found: ServiceEntry[], pageUrl: string, language: Language) {
	const items = found.filter((item) => !item.isSample);
	return {
		'@context': 'https://schema.org',
		'@type': 'ItemList',
		name: translate(language, 'return.services_title'),
		url: pageUrl,
		inLanguage: language,
		numberOfItems: items.length,
		itemListElement: items.map((item, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			item: {
				'@type': 'Service',
				name: textOf(item.name, language),
				description: textOf(item.description, language),
				provider: { '@type': 'Organization', name: item.organisation.name, alternateName: item.organisation.acronym ?? undefined },
				serviceType: item.services.map((stage) => translate(language, `return.stage_${stage}`)),
				audience: textOf(item.eligibility, language) ? { '@type': 'Audience', audienceType: textOf(item.eligibility, language) } : undefined,
				areaServed: [
					...item.regions.map((iso) => regions.find((region) => region.iso === iso)).filter((region) => region !== undefined).map((region) => ({ '@type': 'AdministrativeArea', name: placeNameIn(region, language) })),
					...item.cities.map((city) => ({ '@type': 'City', name: city }))
				],
				availableLanguage: item.languages,
				availableChannel: contactPoint(item.contact) ? { '@type': 'ServiceChannel', serviceUrl: item.contact.website || undefined, servicePhone: item.contact.phone ? { '@type': 'ContactPoint', telephone: item.contact.phone } : undefined } : undefined,
				address: item.contact.address || undefined
			}
		}))
	};
}

/** The catalogue of assisted-return schemes as an ItemList of GovernmentService by host country. */
export function schemesJsonLd(found: SchemeEntry[], pageUrl: string, language: Language) {
	const schemes = found.filter((scheme) => !scheme.isSample);
	return {
		'@context': 'https://schema.org',
		'@type': 'ItemList',
		name: translate(language, 'return.schemes_title'),
		url: pageUrl,
		inLanguage: language,
		numberOfItems: schemes.length,
		itemListElement: schemes.map((scheme, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			item: {
				'@type': 'GovernmentService',
				name: scheme.name.text,
				serviceOperator: scheme.operator ? { '@type': 'Organization', name: scheme.operator.name } : undefined,
				jurisdiction: { '@type': 'Country', name: scheme.countryName, identifier: scheme.country },
				areaServed: { '@type': 'Country', name: countryName('MA', language), identifier: 'MA' },
				audience: scheme.eligibility ? { '@type': 'Audience', audienceType: scheme.eligibility.text } : undefined,
				description: scheme.support?.text,
				serviceType: scheme.supportKinds.map((kind) => translate(language, `return.support_${kind}`)),
				url: scheme.contact.website || undefined,
				availableChannel: contactPoint(scheme.contact) ? { '@type': 'ServiceChannel', serviceUrl: scheme.contact.website || undefined, servicePhone: scheme.contact.phone ? { '@type': 'ContactPoint', telephone: scheme.contact.phone } : undefined } : undefined,
				isBasedOn: scheme.source?.url ?? undefined,
				dateModified: scheme.updatedAt
			}
		}))
	};
}
