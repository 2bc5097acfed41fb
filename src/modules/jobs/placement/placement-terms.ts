// The terms of an international placement offer as the offer page and the API show them (issue 10, item 2).
// Kept apart from the division's service so that the public offer reads (jobs.service.ts) need only the tables.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import type { Costs, HandlingUnit } from './placement.model.ts';
import { placementAgreement, placementOffer } from './placement.table.ts';

export interface PlacementTermsView {
	/** the language of the offer's texts */
	lang: string;
	employerAbroad: string | null;
	/** the agreement, only when it is published (a confidential agreement is not named) */
	agreement: { id: string; title: string; lang: string; isSample: boolean } | null;
	contractMonths: number | null;
	season: { startsOn: string; endsOn: string } | null;
	housing: string | null;
	travel: string | null;
	costs: Costs;
	handlingUnit: HandlingUnit;
	agencies: { id: string; name: string; positions: number }[];
}

/** The terms of an offer abroad, or null when the offer has none (an offer in Morocco). */
export async function placementTermsOf(db: DbOrTx, offerId: string): Promise<PlacementTermsView | null> {
	const [row] = await db
		.select({ terms: placementOffer, agreement: { id: placementAgreement.id, title: placementAgreement.title, lang: placementAgreement.lang, isSample: placementAgreement.isSample } })
		.from(placementOffer)
		.leftJoin(
			placementAgreement,
			and(eq(placementAgreement.id, placementOffer.agreementId), eq(placementAgreement.published, true), inArray(placementAgreement.status, ['active', 'ended']))
		)
		.where(eq(placementOffer.offerId, offerId));
	if (!row) return null;
	const { terms } = row;
	const shares = terms.agencyShares;
	const names = shares.length
		? new Map((await db.select({ id: agency.id, name: agency.name }).from(agency).where(inArray(agency.id, shares.map((share) => share.agencyId)))).map((entry) => [entry.id, entry.name]))
		: new Map<string, string>();
	return {
		lang: terms.lang,
		employerAbroad: terms.employerAbroad,
		agreement: row.agreement?.id ? row.agreement : null,
		contractMonths: terms.contractMonths,
		season: terms.seasonStartsOn && terms.seasonEndsOn ? { startsOn: terms.seasonStartsOn, endsOn: terms.seasonEndsOn } : null,
		housing: terms.housing,
		travel: terms.travel,
		costs: terms.costs,
		handlingUnit: terms.handlingUnit,
		agencies: terms.handlingUnit === 'agencies' ? shares.map((share) => ({ id: share.agencyId, name: names.get(share.agencyId) ?? '', positions: share.positions })) : []
	};
}
