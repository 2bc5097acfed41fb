// What the division's offers API answers for an offer abroad (the shape of `PlacementOfferApi`): the fields the
// offer form and `PlacementOfferInput` take — so a client can send an offer back changed with PUT — with its id,
// its status now and its dates.
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { JobOfferRecord } from '../job-offer.table.ts';
import { getPlacementOffer, listPlacementOffers } from './placement-offers.service.ts';
import type { PlacementOfferRecord } from './placement.table.ts';

export function placementOfferApiView(offer: JobOfferRecord, terms: PlacementOfferRecord, status: string) {
	return {
		id: offer.id,
		status,
		title: offer.title,
		description: offer.description,
		lang: terms.lang,
		occupationCode: offer.occupationCode,
		skills: offer.skills,
		hostCountry: offer.hostCountry,
		city: offer.city,
		organisationId: offer.organisationId,
		employerAbroad: terms.employerAbroad,
		agreementId: terms.agreementId,
		channel: offer.channel,
		contractType: offer.contractType,
		contractMonths: terms.contractMonths,
		workingTime: offer.workingTime,
		hoursPerWeek: offer.hoursPerWeek,
		seasonStartsOn: terms.seasonStartsOn,
		seasonEndsOn: terms.seasonEndsOn,
		salaryMin: offer.salaryMin,
		salaryMax: offer.salaryMax,
		salaryPeriod: offer.salaryPeriod,
		salaryCurrency: offer.salaryCurrency,
		languages: offer.languages,
		education: offer.education,
		experienceYears: offer.experienceYears,
		positions: offer.positions,
		closingDate: offer.closingDate,
		housing: terms.housing,
		travel: terms.travel,
		costs: terms.costs,
		noWorkerFees: offer.noWorkerFees,
		handlingUnit: terms.handlingUnit,
		counsellorUserId: terms.counsellorUserId,
		agencyShares: terms.agencyShares,
		openToForeigners: offer.openToForeigners,
		isSample: offer.isSample,
		publishedAt: offer.publishedAt?.toISOString() ?? null,
		createdAt: offer.createdAt.toISOString(),
		updatedAt: offer.updatedAt.toISOString()
	};
}

/** The division's offers abroad, newest change first, each with its status now. */
export async function placementOffersForApi(ctx: RequestContext) {
	return (await listPlacementOffers(ctx)).map((row) => placementOfferApiView(row.offer, row.terms, row.status));
}

/** One offer abroad as the API gives it (an offer in Morocco, or none: not found). */
export async function placementOfferForApi(ctx: RequestContext, id: string) {
	const row = await getPlacementOffer(ctx, id);
	return placementOfferApiView(row.offer, row.terms, row.status);
}
