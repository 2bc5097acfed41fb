// The assisted-return schemes catalogue (issue 12, item 5). Public reading; the network's secretariat
// adds schemes and names their operator; the operator's people keep their entry. An entry that says
// nothing checked yet (no eligibility or support, or no source) reads "to be completed".
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { LocalisedText } from '../../../platform/content/content.table.ts';
import { countryName } from '../../../platform/geo/countries.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { slugify, slugWithSuffix } from '../../../platform/text/slug.ts';
import { seededSchemeCountries } from './schemes.model.ts';
import { SchemeForm } from './schemes.schemas.ts';
import { assistedReturnScheme, type AssistedReturnSchemeRow } from './schemes.table.ts';

const SEED_SOURCE = 'SHARAKA, rapport de clôture (2019), §2.7 : plateforme commune de réinsertion de l’OFII Tunis';
const seededNames: Record<(typeof seededSchemeCountries)[number], LocalisedText> = {
	DE: { fr: 'Dispositif allemand d’aide au retour', ar: 'برنامج المساعدة على العودة في ألمانيا', en: 'German assisted-return scheme' },
	BE: { fr: 'Dispositif belge d’aide au retour', ar: 'برنامج المساعدة على العودة في بلجيكا', en: 'Belgian assisted-return scheme' },
	FR: { fr: 'Dispositif français d’aide au retour', ar: 'برنامج المساعدة على العودة في فرنسا', en: 'French assisted-return scheme' },
	CH: { fr: 'Dispositif suisse d’aide au retour', ar: 'برنامج المساعدة على العودة في سويسرا', en: 'Swiss assisted-return scheme' }
};

/** Reference data: one entry per country the seeds name, created once, with only what the seeds say. */
export async function ensureSchemes(db: Db): Promise<void> {
	await db
		.insert(assistedReturnScheme)
		.values(seededSchemeCountries.map((country) => ({ slug: `dispositif-${country.toLowerCase()}`, country, name: seededNames[country], sourceName: SEED_SOURCE })))
		.onConflictDoNothing();
}

const localised = (input: Record<string, unknown>, field: string): LocalisedText =>
	Object.fromEntries((['fr', 'ar', 'en'] as const).filter((lang) => input[`${field}_${lang}`]).map((lang) => [lang, String(input[`${field}_${lang}`])]));

/** Nothing checked yet: no eligibility, no support described, or nothing to say where it comes from. */
export const schemeToBeCompleted = (row: Pick<AssistedReturnSchemeRow, 'eligibility' | 'support' | 'sourceName'>) =>
	!row.sourceName || Object.keys(row.eligibility).length === 0 || Object.keys(row.support).length === 0;

/** Who keeps an entry: the secretariat, or the people of its operator organisation. */
export function canEditScheme(ctx: RequestContext, row: Pick<AssistedReturnSchemeRow, 'operatorOrganisationId'>): boolean {
	if (ctx.can('return.secretariat')) return true;
	return !!ctx.actor && !!row.operatorOrganisationId && ctx.can('return.network.contribute') && ctx.actor.organisationIds.includes(row.operatorOrganisationId);
}

/** The catalogue in the reader's language, by country name then scheme name (archived entries left out). */
export async function listSchemes(ctx: RequestContext, query: { country?: string }, language: Language) {
	const rows = await ctx.db
		.select({ scheme: assistedReturnScheme, operatorName: organisation.name })
		.from(assistedReturnScheme)
		.leftJoin(organisation, eq(organisation.id, assistedReturnScheme.operatorOrganisationId))
		.where(and(eq(assistedReturnScheme.archived, false), query.country ? eq(assistedReturnScheme.country, query.country) : undefined))
		.orderBy(asc(assistedReturnScheme.slug));
	const collator = new Intl.Collator(language);
	return rows
		.map(({ scheme, operatorName }) => ({ ...schemeView(scheme, operatorName, language), editable: canEditScheme(ctx, scheme) }))
		.sort((a, b) => collator.compare(a.countryName, b.countryName) || collator.compare(a.name.text, b.name.text));
}

export function schemeView(row: AssistedReturnSchemeRow, operatorName: string | null, language: Language) {
	const shown = (text: LocalisedText) => (Object.keys(text).length ? pickText(text, language) : null);
	return {
		slug: row.slug,
		country: row.country,
		countryName: countryName(row.country, language),
		operator: row.operatorOrganisationId ? { id: row.operatorOrganisationId, name: operatorName ?? '' } : null,
		name: pickText(row.name, language),
		eligibility: shown(row.eligibility),
		support: shown(row.support),
		supportKinds: row.supportKinds,
		contact: { website: row.website, email: row.email, phone: row.phone },
		source: row.sourceName ? { name: row.sourceName, url: row.sourceUrl } : null,
		toBeCompleted: schemeToBeCompleted(row),
		isSample: row.isSample,
		updatedAt: row.updatedAt.toISOString()
	};
}

/** One entry for its edit form, if the actor keeps it (else forbidden; an unknown slug is not found). */
export async function schemeForEdit(ctx: RequestContext, slug: string) {
	const [row] = await ctx.db.select().from(assistedReturnScheme).where(eq(assistedReturnScheme.slug, slug));
	if (!row) throw new AppError('not_found');
	if (!canEditScheme(ctx, row)) throw new AppError('forbidden');
	return row;
}

function columns(input: SchemeForm) {
	return {
		country: input.country,
		name: localised(input, 'name'),
		eligibility: localised(input, 'eligibility'),
		support: localised(input, 'support'),
		supportKinds: [...new Set(input.supportKinds)],
		website: input.website ?? null,
		email: input.email ?? null,
		phone: input.phone ?? null,
		sourceName: input.sourceName ?? null,
		sourceUrl: input.sourceUrl ?? null
	};
}

async function checkOperator(db: DbOrTx, operatorOrganisationId: string | undefined) {
	if (!operatorOrganisationId) return;
	const [found] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, operatorOrganisationId));
	if (!found) throw new AppError('invalid_input', { fields: [{ path: 'operatorOrganisationId', messageKey: 'field_choice' }] });
}

/** The secretariat adds a scheme. */
export async function addScheme(ctx: RequestContext, raw: unknown) {
	const actor = ctx.require('return.secretariat');
	const input = parseOrThrow(SchemeForm, raw);
	return ctx.transaction(async ({ db, audit }) => {
		await checkOperator(db, input.operatorOrganisationId);
		const values = columns(input);
		const taken = new Set((await db.select({ slug: assistedReturnScheme.slug }).from(assistedReturnScheme)).map((row) => row.slug));
		const base = slugify(values.name.fr ?? values.name.en ?? values.name.ar ?? '') || 'dispositif';
		let n = 1;
		while (taken.has(slugWithSuffix(base, n))) n += 1;
		const [row] = await db
			.insert(assistedReturnScheme)
			.values({ ...values, slug: slugWithSuffix(base, n), operatorOrganisationId: input.operatorOrganisationId ?? null, updatedBy: actor.userId, createdAt: ctx.now(), updatedAt: ctx.now() })
			.returning();
		await recordAudit(db, audit, { action: 'return_scheme.create', resourceType: 'return_scheme', resourceId: row.id, after: row });
		return row;
	});
}

/**
 * The secretariat or the operator's people update an entry; only the secretariat changes its operator
 * (the operator keeps its own entry, it does not hand it on).
 */
export async function updateScheme(ctx: RequestContext, slug: string, raw: unknown) {
	const input = parseOrThrow(SchemeForm, raw);
	return ctx.transaction(async (tx) => {
		const { db, audit } = tx;
		const before = await schemeForEdit(tx, slug);
		const operatorOrganisationId = ctx.can('return.secretariat') ? (input.operatorOrganisationId ?? null) : before.operatorOrganisationId;
		if (ctx.can('return.secretariat')) await checkOperator(db, input.operatorOrganisationId);
		const [after] = await db
			.update(assistedReturnScheme)
			.set({ ...columns(input), operatorOrganisationId, updatedBy: ctx.actor!.userId, updatedAt: ctx.now() })
			.where(eq(assistedReturnScheme.id, before.id))
			.returning();
		await recordAudit(db, audit, { action: 'return_scheme.update', resourceType: 'return_scheme', resourceId: before.id, before, after });
		return after;
	});
}

/** The catalogue as a case form's choices: "country — scheme", in the reader's language (archived left out). */
export async function schemeChoices(db: DbOrTx, language: Language) {
	const rows = await db.select().from(assistedReturnScheme).where(eq(assistedReturnScheme.archived, false));
	const collator = new Intl.Collator(language);
	return rows
		.map((row) => ({ value: row.id, country: row.country, label: `${countryName(row.country, language)} — ${pickText(row.name, language).text}`, lang: pickText(row.name, language).lang }))
		.sort((a, b) => collator.compare(a.label, b.label));
}

/** The scheme a case names, checked: it exists, is not archived, and helps people leave the case's host country. */
export async function schemeForCase(db: DbOrTx, schemeId: string, hostCountry: string) {
	const [row] = await db.select().from(assistedReturnScheme).where(and(eq(assistedReturnScheme.id, schemeId), eq(assistedReturnScheme.archived, false)));
	if (!row) throw new AppError('invalid_input', { fields: [{ path: 'schemeId', messageKey: 'field_choice' }] });
	if (row.country !== hostCountry) throw new AppError('invalid_input', { fields: [{ path: 'schemeId', messageKey: 'field_choice' }] });
	return row;
}

/** Names of catalogue schemes by id, in the reader's language, with their slug (cases, statistics). */
export async function schemeNames(db: DbOrTx, ids: readonly string[], language: Language) {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map<string, { slug: string; name: string; lang: string }>();
	const rows = await db.select({ id: assistedReturnScheme.id, slug: assistedReturnScheme.slug, name: assistedReturnScheme.name }).from(assistedReturnScheme).where(inArray(assistedReturnScheme.id, unique));
	return new Map(rows.map((row) => [row.id, { slug: row.slug, name: pickText(row.name, language).text, lang: pickText(row.name, language).lang }]));
}

/** Every catalogue scheme's name by slug, in the reader's language (statistics keyed by slug). */
export async function schemeNamesBySlug(db: DbOrTx, language: Language) {
	const rows = await db.select({ slug: assistedReturnScheme.slug, name: assistedReturnScheme.name }).from(assistedReturnScheme);
	return new Map(rows.map((row) => [row.slug, pickText(row.name, language).text]));
}
