import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { employerOrganisationsOf, listEmployerOffers } from '#modules/jobs/jobs.service.ts';
import { listEmployerApplications } from '#modules/jobs/seekers/seekers.service.ts';

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const organisations = await employerOrganisationsOf(app.database.db, locals.actor);
	const offers = (await Promise.all(organisations.map((organisation) => listEmployerOffers(requestContext(app, locals), organisation.id))))
		.flat()
		.map((offer) => ({ id: offer.id, title: offer.title }));
	const requested = url.searchParams.get('offer') ?? '';
	const offerId = offers.some((offer) => offer.id === requested) ? requested : '';
	let applications;
	try {
		applications = await listEmployerApplications(requestContext(app, locals), offerId ? { offerId } : {});
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
	return { offers, offerId, applications };
}
