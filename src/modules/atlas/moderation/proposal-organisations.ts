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
import {
	communeGroupsFor,
	compactRows,
	durationOf,
	formFieldOf,
	initiativeFromForm,
	problemText,
	proposalChoices,
	rowFields,
	valuesFromForm,
	withAddedRow,
	type ProposalFormValues
} from './proposal-form.ts';
import { fieldProblems } from '../../../platform/http/validation.ts';

/**
 * The form's lists: the organisations (pending ones only to show a proposal naming them), the currencies the
 * Atlas has rates for, and the communes of the provinces the values tick.
 */
export async function loadProposalChoices(db: DbOrTx, language: Language, values: ProposalFormValues = {}) {
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
		programmes,
		values
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
	const yearly = (initiative.yearlyAmounts ?? []) as { organisation: string | null }[];
	const matcher = await OrganisationMatcher.load(ctx.db);
	const errors: Record<string, string> = {};
	const toCreate: number[] = [];
	const unknown = (field: string, position: number, name: string) =>
		translate(ctx.language, 'atlas_entry.row_cell', {
			row: translate(ctx.language, field === 'organisations' ? 'atlas_moderation.row_organisation' : 'atlas_entry.row_yearly', { n: position + 1 }),
			column: translate(ctx.language, field === 'organisations' ? 'atlas_moderation.col_organisation_name' : 'atlas_entry.col_funder'),
			problem: translate(ctx.language, field === 'organisations' ? 'atlas_entry.problem_organisation_unknown' : 'atlas_entry.problem_funder_unknown', { name })
		});
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
		else errors[`organisations.${position}.organisation`] = unknown('organisations', position, written);
	});
	// a yearly amount's funder, as written: one of the organisations above (one proposed there too)
	const proposedNames = new Map(toCreate.map((position) => [rows[position].organisation.trim().toLowerCase(), position]));
	const yearlyFunder: number[] = [];
	yearly.forEach((entry, position) => {
		const written = entry.organisation?.trim();
		if (!written) return;
		const found = matcher.match({ ref: null, key: written, names: [written] });
		if (found) {
			entry.organisation = found.slug;
			values[`yearlyAmounts.${position}.organisation`] = found.slug;
		} else if (proposedNames.has(written.toLowerCase())) yearlyFunder.push(position);
		else errors[`yearlyAmounts.${position}.organisation`] = unknown('yearlyAmounts', position, written);
	});
	if (Object.keys(errors).length || !toCreate.length) return errors;
	// Nothing is created for a form that will be refused anyway.
	const placeholder = {
		...initiative,
		organisations: entries.map((entry) => ({ ...entry, organisation: entry.organisation || 'x' })),
		yearlyAmounts: yearly.map((entry) => ({ ...entry, organisation: entry.organisation || null }))
	};
	if (!InitiativeInput.safeParse(placeholder).success) return errors;
	const pending = !ctx.can('atlas.moderate');
	for (const position of toCreate) {
		const created = await matcher.resolve(ctx, { ref: null, key: null, names: [rows[position].organisation], type: null, role: 'partner' }, null, { pending });
		if (!created) continue;
		entries[position].organisation = created.slug;
		for (const index of yearlyFunder) {
			if (proposedNames.get(yearly[index].organisation!.trim().toLowerCase()) === position) yearly[index].organisation = created.slug;
		}
	}
	return errors;
}

/** The form's format problems (amounts, dates, years… on their rows), to say with the others at once. */
function formatProblems(language: Language, initiative: Record<string, unknown>, values: ProposalFormValues): Record<string, string> {
	const checked = InitiativeInput.safeParse(
		{
			...initiative,
			// names not yet matched to organisations are not a format problem
			organisations: ((initiative.organisations ?? []) as Record<string, unknown>[]).map((entry) => ({ ...entry, organisation: entry.organisation || 'x' }))
		},
		{ reportInput: true }
	);
	const errors: Record<string, string> = {};
	if (checked.success) return errors;
	for (const problem of fieldProblems(checked.error.issues)) {
		const field = formFieldOf(problem.path);
		// the title and the sources: said when the rest is right (the service's own words)
		if (field && !/^(title|sources)$/.test(field)) errors[field] ??= problemText(language, field, problem, values);
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
	const communes = (values: ProposalFormValues) => communeGroupsFor(ctx.language, values);
	const more = withAddedRow(sent);
	if (more) return { answer: { values: more, errors: {}, stale: false, communes: communes(more) } };
	// "update the communes" (no JavaScript): the form again, as typed, listing the communes of the provinces ticked
	if (sent.refreshCommunes) {
		const { refreshCommunes: _asked, ...kept } = sent;
		return { answer: { values: kept, errors: {}, stale: false, communes: communes(kept) } };
	}
	if (resumePath && sent.saveDraft) {
		const draftId = await saveDraft(ctx, { draftId: typeof sent.draft === 'string' ? sent.draft : null, resumePath, values: sent });
		return { answer: { values: { ...sent, saveDraft: '', draft: draftId }, errors: {}, stale: false, draftSaved: true, communes: communes(sent) } };
	}
	const values = compactRows(sent);
	const initiative = initiativeFromForm(values);
	const errors = await nameFormOrganisations(ctx, values, initiative);
	const duration = durationOf(values);
	if (duration && 'problem' in duration) {
		errors.durationMonths = translate(ctx.language, duration.problem.includes('.') ? duration.problem : `errors.${duration.problem}`);
	}
	if (Object.keys(errors).length) {
		// every row's format problem at once, beside the organisations not found
		for (const [field, message] of Object.entries(formatProblems(ctx.language, initiative, values))) errors[field] ??= message;
		return { answer: fail(400, { values, errors, stale: false, communes: communes(values) }) };
	}
	return { answer: null, values, initiative, draftId: typeof sent.draft === 'string' && sent.draft ? sent.draft : null };
}
export interface ProposalFormReply {
	values: ProposalFormValues;
	errors: Record<string, string>;
	stale: boolean;
	draftSaved?: boolean;
	/** the communes the form lists for these values (communeGroupsFor) */
	communes: ReturnType<typeof communeGroupsFor>;
}
