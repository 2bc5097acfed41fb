import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { countryName } from '../../platform/geo/countries.ts';
import type { LocalisedText } from '../../platform/content/content.table.ts';
import { pensionAgreement, type PensionAgreementRow } from './return.table.ts';
import { PensionAgreementForm } from './return.schemas.ts';

/**
 * The host countries the seeds name for return (the joint reintegration platform pools the schemes of
 * Germany, Belgium, France and Switzerland, seed 002 §2.7). They start as empty rows: nothing about
 * their agreements is in the seeds, so they read "to be completed" until a moderator adds a source.
 */
export const initialHostCountries = ['BE', 'DE', 'FR', 'CH'] as const;

export async function ensurePensionCountries(db: Db): Promise<void> {
	await db
		.insert(pensionAgreement)
		.values(initialHostCountries.map((countryCode) => ({ countryCode })))
		.onConflictDoNothing();
}

const localised = (input: Record<string, string | undefined>, field: string): LocalisedText => {
	const result: LocalisedText = {};
	for (const language of ['fr', 'ar', 'en'] as const) {
		const value = input[`${field}_${language}`];
		if (value) result[language] = value;
	}
	return result;
};

/** A row without a source holds nothing checked: shown as "to be completed", whatever its text says. */
export const isToBeCompleted = (row: Pick<PensionAgreementRow, 'sourceName'>) => !row.sourceName;

/** The table in the reader's language, ordered by country name. */
export async function listPensionAgreements(db: DbOrTx, language: Language) {
	const rows = await db.select().from(pensionAgreement).orderBy(asc(pensionAgreement.countryCode));
	return rows
		.map((row) => pensionAgreementView(row, language))
		.sort((a, b) => a.country.localeCompare(b.country, language));
}

export function pensionAgreementView(row: PensionAgreementRow, language: Language) {
	const shown = (text: LocalisedText) => {
		const picked = pickText(text, language);
		return picked.text ? { text: picked.text, lang: picked.lang, fallback: picked.fallback } : null;
	};
	return {
		countryCode: row.countryCode,
		country: countryName(row.countryCode, language),
		agreement: shown(row.agreement),
		transfers: shown(row.transfers),
		whereToAsk: shown(row.whereToAsk),
		texts: { agreement: row.agreement, transfers: row.transfers, whereToAsk: row.whereToAsk },
		source: row.sourceName ? { name: row.sourceName, url: row.sourceUrl } : null,
		toBeCompleted: isToBeCompleted(row),
		updatedAt: row.updatedAt.toISOString()
	};
}

export async function getPensionAgreement(db: DbOrTx, countryCode: string) {
	const [row] = await db.select().from(pensionAgreement).where(eq(pensionAgreement.countryCode, countryCode.toUpperCase())).limit(1);
	return row ?? null;
}

/**
 * Creates or replaces a country's entry (moderators). A text with no source may be saved (a lead to
 * check), but the entry stays "to be completed" until it has one.
 */
export async function savePensionAgreement(ctx: RequestContext, input: unknown) {
	const actor = ctx.require('return.pension.manage');
	const data = parseOrThrow(PensionAgreementForm, input);
	if (data.sourceUrl && !data.sourceName) {
		throw new AppError('invalid_input', { fields: [{ path: 'sourceName', messageKey: 'field_required' }] });
	}
	const values = {
		agreement: localised(data, 'agreement'),
		transfers: localised(data, 'transfers'),
		whereToAsk: localised(data, 'whereToAsk'),
		sourceName: data.sourceName ?? null,
		sourceUrl: data.sourceUrl ?? null,
		updatedAt: ctx.now(),
		updatedBy: actor.userId
	};
	return ctx.transaction(async ({ db, audit }) => {
		const before = await getPensionAgreement(db, data.countryCode);
		const [saved] = await db
			.insert(pensionAgreement)
			.values({ countryCode: data.countryCode, ...values })
			.onConflictDoUpdate({ target: pensionAgreement.countryCode, set: values })
			.returning();
		await recordAudit(db, audit, {
			action: before ? 'return_pension_agreement.update' : 'return_pension_agreement.create',
			resourceType: 'return_pension_agreement',
			resourceId: saved.id,
			before: before ? { countryCode: before.countryCode, sourceName: before.sourceName, agreement: before.agreement } : undefined,
			after: { countryCode: saved.countryCode, sourceName: saved.sourceName, agreement: saved.agreement }
		});
		return saved;
	});
}

/** The moderators' form filled from an entry. */
export function pensionFormValues(row: PensionAgreementRow | null, countryCode: string): Record<string, string> {
	const values: Record<string, string> = { countryCode, sourceName: row?.sourceName ?? '', sourceUrl: row?.sourceUrl ?? '' };
	for (const language of ['fr', 'ar', 'en'] as const) {
		values[`agreement_${language}`] = row?.agreement[language] ?? '';
		values[`transfers_${language}`] = row?.transfers[language] ?? '';
		values[`whereToAsk_${language}`] = row?.whereToAsk[language] ?? '';
	}
	return values;
}
