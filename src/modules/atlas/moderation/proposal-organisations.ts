// The organisations of the proposal form as people write them ("Agence française de développement (AFD)",
// "AFD", a slug) → the Atlas's organisations; one "not listed yet" is created pending, for the moderators.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { rowsOf } from '../../../platform/ui/pickers/rows.ts';
import { OrganisationMatcher } from '../import/organisations.ts';
import { saveDraft } from './drafts.ts';
import { InitiativeInput } from '../atlas.schemas.ts';
import { exchangeRate, initiative } from '../atlas.table.ts';
import { fail, type ActionFailure } from '@sveltejs/kit';
import { compactRows, durationOf, initiativeFromForm, proposalChoices, rowFields, valuesFromForm, withAddedRow, type ProposalFormValues } from './proposal-form.ts';

/** The form's lists: the organisations (pending ones only to show a proposal naming them) and the currencies the Atlas has rates for. */
export async function loadProposalChoices(db: DbOrTx, language: Language) {
	const [organisations, currencies, programmes] = await Promise.all([
		db
			.select({ slug: organisation.slug, name: organisation.name, acronym: organisation.acronym, status: organisation.status })
			.from(organisation)
			.orderBy(asc(organisation.name)),
		db.selectDistinct({ currency: exchangeRate.currency }).from(exchangeRate).orderBy(asc(exchangeRate.currency)),
		// the real initiatives one can be part of (samples are not programmes of real ones)
		db.select({ slug: initiative.slug, title: initiative.title }).from(initiative).where(eq(initiative.isSample, false))
	]);
	return proposalChoices(
		language,
		organisations,
		currencies.map((row) => row.currency),
		programmes
	);
}

/**
 * Names each organisation row of the form by its slug, in place. A name the Atlas does not know is an error
 * on its row, unless the person ticked "not listed yet": then, once the rest of the initiative is valid, it is
 * created — pending (not public) until a moderator approves the proposal, or active when a moderator writes.
 * Returns the errors by form field (empty when every row is named); the rows recognised are set to their slug in `values`.
 */
export async function nameFormOrganisations(ctx: RequestContext, values: ProposalFormValues, initiative: Record<string, unknown>): Promise<Record<string, string>> {
	const rows = rowsOf(values, 'organisations', rowFields.organisations);
	const entries = (initiative.organisations ?? []) as { organisation: string }[];
	const matcher = await OrganisationMatcher.load(ctx.db);
	const errors: Record<string, string> = {};
	const toCreate: number[] = [];
	rows.forEach((row, position) => {
		const written = row.organisation;
		if (!written) return;
		const found = matcher.match({ ref: null, key: written, names: [written] });
		if (found) {
			entries[position].organisation = found.slug;
			// shown again by its full name if the form comes back: the person sees which organisation was understood
			values[`organisations.${position}.organisation`] = found.slug;
		}
		else if (row.propose === 'on') toCreate.push(position);
		else errors[`organisations.${position}.organisation`] = translate(ctx.language, 'atlas_moderation.error_organisation_unknown', { name: written });
	});
	if (Object.keys(errors).length || !toCreate.length) return errors;
	// Nothing is created for a form that will be refused anyway.
	const placeholder = { ...initiative, organisations: entries.map((entry) => ({ ...entry, organisation: entry.organisation || 'x' })) };
	if (!InitiativeInput.safeParse(placeholder).success) return errors;
	const pending = !ctx.can('atlas.moderate');
	for (const position of toCreate) {
		const created = await matcher.resolve(ctx, { ref: null, key: null, names: [rows[position].organisation], type: null, role: 'partner' }, null, { pending });
		if (created) entries[position].organisation = created.slug;
	}
	return errors;
}

/**
 * The proposal form as sent, read for an action: either an answer to give at once (the form again with one
 * more row, or with the organisations not found), or the values and the initiative to hand to the service.
 */
export async function readProposalForm(
	ctx: RequestContext,
	data: FormData,
	/** where a draft of this form is resumed (null: no drafts, e.g. a moderator's edit) */
	resumePath: string | null = null
): Promise<{ answer: ActionFailure<ProposalFormReply> | ProposalFormReply } | { answer: null; values: ProposalFormValues; initiative: Record<string, unknown>; draftId: string | null }> {
	const sent = valuesFromForm(data);
	const more = withAddedRow(sent);
	if (more) return { answer: { values: more, errors: {}, stale: false } };
	if (resumePath && sent.saveDraft) {
		const draftId = await saveDraft(ctx, { draftId: typeof sent.draft === 'string' ? sent.draft : null, resumePath, values: sent });
		return { answer: { values: { ...sent, saveDraft: '', draft: draftId }, errors: {}, stale: false, draftSaved: true } };
	}
	const values = compactRows(sent);
	const initiative = initiativeFromForm(values);
	const errors = await nameFormOrganisations(ctx, values, initiative);
	const duration = durationOf(values);
	if (duration && 'problem' in duration) {
		errors.durationMonths = translate(ctx.language, duration.problem.includes('.') ? duration.problem : `errors.${duration.problem}`);
	}
	if (Object.keys(errors).length) return { answer: fail(400, { values, errors, stale: false }) };
	return { answer: null, values, initiative, draftId: typeof sent.draft === 'string' && sent.draft ? sent.draft : null };
}
export interface ProposalFormReply {
	values: ProposalFormValues;
	errors: Record<string, string>;
	stale: boolean;
	draftSaved?: boolean;
}
