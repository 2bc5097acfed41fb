import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { can, type Actor } from '../../../platform/policy/policy.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { spokenLanguageLabel } from '../../../platform/i18n/spoken-languages.ts';
import { defaultLanguage, isLanguage, type Language } from '../../../platform/i18n/languages.ts';
import { OfferSearchQuery } from '../jobs.schemas.ts';
import { placeName, searchOffers } from '../jobs.service.ts';
import { jobSavedSearch, type SavedSearchQuery, type SavedSearchRecord } from './seekers.table.ts';
import { type SeekerEnv } from './seekers.service.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_SAVED_SEARCHES = 10;
const criteria = ['q', 'occupation', 'region', 'province', 'contract', 'language', 'foreigners'] as const;

function requireSeeker(actor: Actor | null | undefined): Actor {
	if (!actor || !can(actor, 'seekers.profile.manage_own')) throw new AppError('forbidden');
	return actor;
}

/** The criteria of an offer search (as the search page's URL carries them), validated, without paging or sort. */
export function savedQueryFrom(raw: Record<string, unknown>): SavedSearchQuery {
	const parsed = parseOrThrow(OfferSearchQuery, raw);
	const query: SavedSearchQuery = {};
	for (const key of criteria) {
		const value = parsed[key];
		if (value !== undefined && value !== null && value !== '') (query as Record<string, string>)[key] = String(value);
	}
	return query;
}

/** Saves an offer search for the caller (at most 10), with a daily e-mail alert unless `alert` is false. */
export async function saveSearch(ctx: RequestContext, raw: Record<string, unknown>, alert = true) {
	const { db, audit: context, actor } = ctx;
	const now = ctx.now();
	const seeker = requireSeeker(actor);
	const query = savedQueryFrom(raw);
	if (Object.keys(query).length === 0) throw new AppError('invalid_input', { fields: [{ path: 'q', messageKey: 'field_required' }], extra: { reason: 'search_empty' } });
	return db.transaction(async (tx) => {
		const existing = await tx.select().from(jobSavedSearch).where(eq(jobSavedSearch.userId, seeker.userId)).for('update');
		const same = existing.find((row) => JSON.stringify(row.query) === JSON.stringify(query));
		if (same) return same;
		if (existing.length >= MAX_SAVED_SEARCHES) throw new AppError('conflict', { extra: { reason: 'too_many_searches', max: MAX_SAVED_SEARCHES } });
		const [created] = await tx.insert(jobSavedSearch).values({ userId: seeker.userId, query, alert, lastAlertAt: now, createdAt: now }).returning();
		await recordAudit(tx, context, { action: 'job_saved_search.create', resourceType: 'job_saved_search', resourceId: created.id, after: { fields: Object.keys(query), alert } });
		return created;
	});
}

export async function listSavedSearches(ctx: RequestContext): Promise<SavedSearchRecord[]> {
	const { db, actor } = ctx;
	const seeker = requireSeeker(actor);
	return db.select().from(jobSavedSearch).where(eq(jobSavedSearch.userId, seeker.userId)).orderBy(asc(jobSavedSearch.createdAt), asc(jobSavedSearch.id));
}

export async function deleteSavedSearch(ctx: RequestContext, id: string) {
	const { db, audit: context, actor } = ctx;
	const seeker = requireSeeker(actor);
	if (!UUID.test(id)) throw new AppError('not_found');
	await db.transaction(async (tx) => {
		const removed = await tx
			.delete(jobSavedSearch)
			.where(and(eq(jobSavedSearch.id, id), eq(jobSavedSearch.userId, seeker.userId)))
			.returning({ id: jobSavedSearch.id });
		if (removed.length === 0) throw new AppError('not_found');
		await recordAudit(tx, context, { action: 'job_saved_search.delete', resourceType: 'job_saved_search', resourceId: id });
	});
}

/** The search page's address for a saved search. */
export function searchPath(language: Language, query: SavedSearchQuery): string {
	const params = new URLSearchParams(Object.entries(query) as [string, string][]);
	return `/${language}/jobs${params.size ? `?${params}` : ''}`;
}

/**
 * The daily digest (`npm run jobs:alerts`): for each person, one e-mail in their language listing, per
 * saved search with an alert, the public offers published since the previous digest. Returns how many
 * e-mails were sent. A search's window moves on only when its e-mail was sent (or had nothing to say).
 */
export async function sendSearchAlerts(db: DbOrTx, context: AuditContext, env: Pick<SeekerEnv, 'mailer' | 'publicUrl'>, now: Date = new Date()): Promise<number> {
	const rows = await db
		.select({ search: jobSavedSearch, email: user.email, name: user.name, locale: user.locale })
		.from(jobSavedSearch)
		.innerJoin(user, eq(user.id, jobSavedSearch.userId))
		.where(eq(jobSavedSearch.alert, true))
		.orderBy(asc(jobSavedSearch.userId), asc(jobSavedSearch.createdAt));
	const byPerson = new Map<string, typeof rows>();
	for (const row of rows) byPerson.set(row.search.userId, [...(byPerson.get(row.search.userId) ?? []), row]);
	let sent = 0;
	for (const [userId, searches] of byPerson) {
		const { email, name, locale } = searches[0];
		const language: Language = isLanguage(locale) ? locale : defaultLanguage;
		const sections: string[] = [];
		let count = 0;
		for (const { search } of searches) {
			const result = await searchOffers(db, OfferSearchQuery.parse({ ...search.query, sort: 'date', pageSize: '50' }), language, now);
			const fresh = result.items.filter((item) => item.publishedAt !== null && new Date(item.publishedAt) > search.lastAlertAt && new Date(item.publishedAt) <= now);
			if (fresh.length === 0) continue;
			count += fresh.length;
			const lines = fresh.map((item) => `- ${item.title} — ${item.employer.name}, ${item.city}\n  ${env.publicUrl ?? ''}/${language}/jobs/offers/${item.id}`);
			sections.push(`${translate(language, 'seekers.alert_search', { search: describeQuery(search.query, language) })}\n${lines.join('\n')}`);
		}
		const ids = searches.map(({ search }) => search.id);
		if (count > 0) {
			if (!env.mailer) continue;
			try {
				await env.mailer.send(
					composeEmail(language, email, 'seekers.email_alert', { name, count, list: sections.join('\n\n'), link: `${env.publicUrl ?? ''}/${language}/jobs/profile/searches` })
				);
				sent++;
			} catch {
				continue; // the same offers go into tomorrow's digest
			}
		}
		await db.transaction(async (tx) => {
			for (const id of ids) await tx.update(jobSavedSearch).set({ lastAlertAt: now }).where(eq(jobSavedSearch.id, id));
			if (count > 0) await recordAudit(tx, context, { action: 'job_saved_search.alert', resourceType: 'user', resourceId: userId, after: { searches: ids.length, offers: count } });
		});
	}
	return sent;
}

/** A short description of a search's criteria in a language (for the e-mail and the page). */
export function describeQuery(query: SavedSearchQuery, language: Language): string {
	const value = (key: (typeof criteria)[number], raw: string): string => {
		switch (key) {
			case 'q':
				return `“${raw}”`;
			case 'region':
			case 'province':
				return placeName(raw, language);
			case 'contract':
				return translate(language, `jobs.contract_${raw}`);
			case 'language':
				return spokenLanguageLabel(raw, language);
			default:
				return raw;
		}
	};
	return criteria
		.filter((key) => query[key])
		.map((key) => (key === 'q' ? value(key, query.q!) : key === 'foreigners' ? translate(language, 'jobs.filter_foreigners') : translate(language, 'seekers.criterion', { label: translate(language, `jobs.filter_${key}`), value: value(key, query[key]!) })))
		.join(' · ');
}
