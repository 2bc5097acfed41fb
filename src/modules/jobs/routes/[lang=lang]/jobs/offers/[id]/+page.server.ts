import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { getOfferForStaff, getPublicOffer, jobPostingJsonLd } from '#modules/jobs/jobs.service.ts';
import { offerSavedState } from '#modules/jobs/saved-offers/saved-offers.service.ts';
import { predepartureEntries } from '#modules/jobs/placement/predeparture-pages.ts';

export async function load({ locals, params, url, setHeaders }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	let offer;
	let preview = false;
	try {
		offer = await getPublicOffer(app.database.db, params.id, locals.language);
	} catch (failure) {
		if (!isAppError(failure) || failure.code !== 'not_found') throw failure;
		// its employer may preview it, a counsellor may read an offer waiting for validation
		offer = await getOfferForStaff(requestContext(app, locals), params.id);
		if (!offer) error(404, 'not_found');
		preview = true;
	}
	const saving = await offerSavedState(requestContext(app, locals), offer.id, url);
	// tells the service worker to keep this page for the person's offline reading (saved offers)
	if (saving.saved) setHeaders({ 'x-sharaka-offline': 'saved' });
	// an offer abroad links to its host country's pre-departure pages, when there are some
	const prepare = offer.abroad ? ((await predepartureEntries(app.database.db, [offer.hostCountry.code])).get(offer.hostCountry.code) ?? null) : null;
	return {
		offer,
		preview,
		prepare,
		saving: { ...saving, signedIn: Boolean(locals.user) },
		jsonLd: preview ? null : jobPostingJsonLd(offer, `${url.origin}/${locals.language}/jobs/offers/${offer.id}`)
	};
}
