import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { listSchemes } from '#modules/return/schemes/schemes.service.ts';
import { seededSchemeCountries } from '#modules/return/schemes/schemes.model.ts';
import { schemesJsonLd } from '#modules/return/json-ld.ts';

/** The catalogue of assisted-return schemes, by host country (a GET filter). */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	const wanted = (url.searchParams.get('country') ?? '').toUpperCase();
	const all = await listSchemes(ctx, {}, locals.language);
	const countries = [...new Set([...seededSchemeCountries, ...all.map((item) => item.country)])].map((code) => ({ value: code, label: countryName(code, locals.language) }));
	const country = countries.some((item) => item.value === wanted) ? wanted : '';
	const schemes = country ? all.filter((item) => item.country === country) : all;
	return {
		jsonLd: schemesJsonLd(schemes, `${ctx.publicUrl}/${locals.language}/return/schemes${country ? `?country=${country}` : ''}`, locals.language),
		country,
		countries: countries.sort((a, b) => a.label.localeCompare(b.label, locals.language)),
		schemes,
		canAdd: ctx.can('return.secretariat')
	};
}
