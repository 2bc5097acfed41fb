import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { can, type Actor } from '../../../platform/policy/policy.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { jobOffer } from '../job-offer.table.ts';
import { effectiveStatus, placeName } from '../jobs.service.ts';
import { jobSavedOffer } from './saved-offers.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A list longer than this is no longer a list a person reads; the offline copies are bounded lower (service worker). */
export const MAX_SAVED_OFFERS = 100;

function requireSaver(actor: Actor | null | undefined): Actor {
	if (!actor || !can(actor, 'saved_offers.manage_own')) throw new AppError('forbidden');
	return actor;
}

/**
 * Saves a public offer (published, not expired) to the caller's list. Saving it again changes nothing
 * (`created: false`), even once the offer has closed.
 */
export async function saveOffer(ctx: RequestContext, offerId: string) {
	const person = requireSaver(ctx.actor);
	if (!UUID.test(offerId)) throw new AppError('not_found');
	const now = ctx.now();
	return ctx.transaction(async ({ db: tx, audit: context }) => {
		const [existing] = await tx
			.select()
			.from(jobSavedOffer)
			.where(and(eq(jobSavedOffer.userId, person.userId), eq(jobSavedOffer.offerId, offerId)));
		if (existing) return { created: false, savedAt: existing.savedAt };
		const [offer] = await tx.select({ status: jobOffer.status, closingDate: jobOffer.closingDate }).from(jobOffer).where(eq(jobOffer.id, offerId));
		if (!offer || effectiveStatus(offer, now) !== 'published') throw new AppError('not_found');
		const [{ saved }] = await tx.select({ saved: count() }).from(jobSavedOffer).where(eq(jobSavedOffer.userId, person.userId));
		if (saved >= MAX_SAVED_OFFERS) throw new AppError('conflict', { extra: { reason: 'too_many_saved_offers', max: MAX_SAVED_OFFERS } });
		const inserted = await tx
			.insert(jobSavedOffer)
			.values({ userId: person.userId, offerId, savedAt: now })
			.onConflictDoNothing()
			.returning();
		if (inserted.length === 0) return { created: false, savedAt: now }; // saved by a concurrent request
		await recordAudit(tx, context, { action: 'job_saved_offer.create', resourceType: 'job_saved_offer', resourceId: offerId });
		return { created: true, savedAt: inserted[0].savedAt };
	});
}

/** Removes an offer from the caller's list; not_found when it was not there. */
export async function removeSavedOffer(ctx: RequestContext, offerId: string) {
	const person = requireSaver(ctx.actor);
	if (!UUID.test(offerId)) throw new AppError('not_found');
	await ctx.transaction(async ({ db: tx, audit: context }) => {
		const removed = await tx
			.delete(jobSavedOffer)
			.where(and(eq(jobSavedOffer.userId, person.userId), eq(jobSavedOffer.offerId, offerId)))
			.returning({ offerId: jobSavedOffer.offerId });
		if (removed.length === 0) throw new AppError('not_found');
		await recordAudit(tx, context, { action: 'job_saved_offer.delete', resourceType: 'job_saved_offer', resourceId: offerId });
	});
}

/** Whether the caller saved this offer (false for anyone who cannot save offers). */
export async function isOfferSaved(ctx: RequestContext, offerId: string): Promise<boolean> {
	const { db, actor } = ctx;
	if (!actor || !can(actor, 'saved_offers.manage_own') || !UUID.test(offerId)) return false;
	const [row] = await db
		.select({ offerId: jobSavedOffer.offerId })
		.from(jobSavedOffer)
		.where(and(eq(jobSavedOffer.userId, actor.userId), eq(jobSavedOffer.offerId, offerId)));
	return Boolean(row);
}

function savedRows(db: DbOrTx, userId: string) {
	return db
		.select({
			savedAt: jobSavedOffer.savedAt,
			offer: {
				id: jobOffer.id,
				title: jobOffer.title,
				city: jobOffer.city,
				regionCode: jobOffer.regionCode,
				contractType: jobOffer.contractType,
				closingDate: jobOffer.closingDate,
				status: jobOffer.status
			},
			employer: organisation.name
		})
		.from(jobSavedOffer)
		.innerJoin(jobOffer, eq(jobOffer.id, jobSavedOffer.offerId))
		.innerJoin(organisation, eq(organisation.id, jobOffer.organisationId))
		.where(eq(jobSavedOffer.userId, userId))
		.orderBy(desc(jobSavedOffer.savedAt), desc(jobSavedOffer.offerId));
}

/** The caller's saved offers, newest first, each with the status it is in now (closed and expired ones stay listed). */
export async function listSavedOffers(ctx: RequestContext) {
	const { db, actor, language } = ctx;
	const now = ctx.now();
	const person = requireSaver(actor);
	const rows = await savedRows(db, person.userId);
	return rows.map(({ savedAt, offer, employer }) => {
		const status = effectiveStatus(offer, now);
		return {
			offerId: offer.id,
			savedAt: savedAt.toISOString(),
			title: offer.title,
			employer,
			city: offer.city,
			region: { code: offer.regionCode, name: placeName(offer.regionCode, language) },
			contractType: offer.contractType,
			closingDate: offer.closingDate,
			status,
			open: status === 'published',
			url: `/${language}/jobs/offers/${offer.id}`
		};
	});
}
export type SavedOfferView = Awaited<ReturnType<typeof listSavedOffers>>[number];

/** For the person's data export (seekers.service.ts exportMyData): what they saved and when. */
export async function savedOffersForExport(db: DbOrTx, userId: string) {
	const rows = await savedRows(db, userId);
	return rows.map(({ savedAt, offer, employer }) => ({ offerId: offer.id, title: offer.title, employer, savedAt: savedAt.toISOString() }));
}

/** For account deletion (seekers.service.ts deleteMyAccount), inside its transaction. */
export async function deleteSavedOffersOf(tx: DbOrTx, userId: string): Promise<void> {
	await tx.delete(jobSavedOffer).where(eq(jobSavedOffer.userId, userId));
}

/** What an offer's page shows: whether the viewer may save it, has saved it, and the notice after a change (?done=). */
export async function offerSavedState(ctx: RequestContext, offerId: string, url: URL) {
	const { actor } = ctx;
	const canSave = can(actor, 'saved_offers.manage_own');
	const done = url.searchParams.get('done');
	return {
		canSave,
		saved: canSave ? await isOfferSaved(ctx, offerId) : false,
		notice: canSave && done === 'saved' ? 'saved_done' : canSave && done === 'removed' ? 'removed_done' : null
	};
}
