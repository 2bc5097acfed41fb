import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createBody } from '#modules/strategy/concertation.service.ts';
import { countriesManaged } from '#modules/strategy/concertation-access.ts';
import { bodyChoices, bodyFailure, bodyFromForm, bodyValues, withAddedMember } from '#modules/strategy/concertation-form.ts';
import { placeByCode } from '#modules/strategy/places.ts';

/**
 * A regional concertation body with its terms of reference and member organisations, created by a moderator (any
 * country) or by an owner or reporter of a partner country's strategy (that country's); `?region=` or `?country=`
 * start the form there.
 */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const countries = await countriesManaged(ctx);
	// a strategy's grant of Morocco, or of no partner country: no country to create a body in
	if (!countries.length) error(403, 'forbidden');
	const place = placeByCode(url.searchParams.get('region') ?? '');
	const asked = url.searchParams.get('country') ?? '';
	const country = place && countries.includes(place.country) ? place.country : countries.find((code) => code === asked) ?? countries[0];
	return { choices: await bodyChoices(app.database.db, locals.language, countries), values: { country, region: place?.country === country ? place.iso : '' } };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const values = bodyValues(await request.formData());
		// "add a member" without JavaScript: the same form, one more row
		const more = withAddedMember(values);
		if (more) return { values: more, errors: {} };
		let slug: string;
		try {
			slug = (await createBody(ctx, bodyFromForm(values))).slug;
		} catch (failure) {
			return bodyFailure(ctx.language, failure, values);
		}
		redirect(303, `/${ctx.language}/strategy/concertation/${slug}?saved=1`);
	}
};
