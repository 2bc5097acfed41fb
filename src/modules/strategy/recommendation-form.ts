// The recommendation form's parts shared by the new and edit pages: its choices in the page's language, the
// submitted fields as the service's input, and a refusal as the form's failure (values kept, a message per field).
import { fail } from '@sveltejs/kit';
import { and, asc, eq } from 'drizzle-orm';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { formLists, formValues } from '../../platform/http/form.ts';
import { isolate, pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { linkChoices } from '../../platform/kernel/links.ts';
import { recommendationHorizons, recommendationKinds, recommendationStatuses } from './strategy.model.ts';
import { bodyOptions } from './concertation-form.ts';
import { SOURCE_KIND } from './recommendations.service.ts';
import { node, strategy, type Translated } from './strategy.table.ts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export function recommendationFromForm(form: FormData) {
	return {
		text: { fr: text(form, 'text_fr'), ar: text(form, 'text_ar'), en: text(form, 'text_en') },
		originalLanguage: text(form, 'originalLanguage') || 'fr',
		horizon: text(form, 'horizon'),
		ownerOrganisationId: text(form, 'ownerOrganisationId'),
		dueYear: text(form, 'dueYear'),
		source: text(form, 'source'),
		sourceCitation: text(form, 'sourceCitation'),
		actions: form.getAll('actions').map(String),
		kind: text(form, 'kind'),
		concertationBodyId: text(form, 'concertationBodyId'),
		dueOn: text(form, 'dueOn')
	};
}

/** A refused recommendation as the form's failure: values and ticked actions kept, one message per field. */
export function recommendationFailure(language: Language, error: unknown, form: FormData) {
	if (!isAppError(error)) throw error;
	const errors: Record<string, string> = {};
	for (const problem of error.fields) {
		const field = problem.path.startsWith('text.') ? problem.path.replace('.', '_') : problem.path.split('.')[0];
		errors[field] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	}
	if (errors.text_fr && !text(form, 'text_fr') && !text(form, 'text_ar') && !text(form, 'text_en')) errors.text_fr = translate(language, 'strategy.recommendation_error_text');
	if (errors.sourceCitation && !text(form, 'source')) errors.sourceCitation = translate(language, 'strategy.recommendation_error_source');
	if (errors.dueYear && text(form, 'dueOn')) errors.dueYear = translate(language, 'strategy.recommendation_error_due_year');
	if (!Object.keys(errors).length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values: formValues(form), lists: { ...formLists(form), actions: form.getAll('actions').map(String) }, errors });
}

/** The form's controlled lists: horizons, states, organisations, the library's documents and the published strategies' actions. */
export async function recommendationChoices(db: DbOrTx, language: Language) {
	const organisations = await db.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym }).from(organisation).where(eq(organisation.status, 'active')).orderBy(asc(organisation.name));
	const actions = await db
		.select({ id: node.id, title: node.title, strategyTitle: strategy.title })
		.from(node)
		.innerJoin(strategy, eq(strategy.id, node.strategyId))
		.where(and(eq(node.kind, 'action'), eq(strategy.published, true)))
		.orderBy(asc(node.isSample), asc(strategy.slug), asc(node.position));
	const sample = translate(language, 'strategy.sample_badge');
	return {
		horizons: recommendationHorizons.map((value) => ({ value, label: translate(language, `strategy.horizon_${value}`) })),
		kinds: recommendationKinds.map((value) => ({ value, label: translate(language, `strategy.kind_item_${value}`) })),
		bodies: (await bodyOptions(db, language)).map(({ value, label, lang }) => ({ value, label, lang })),
		statuses: recommendationStatuses.map((value) => ({ value, label: translate(language, `strategy.recommendation_status_${value}`) })),
		owners: organisations.map((entry) => ({ value: entry.id, label: isolate(entry.acronym ? `${entry.name} (${entry.acronym})` : entry.name) })),
		sources: (await linkChoices(db, SOURCE_KIND, language)).map((choice) => ({ value: choice.value, label: choice.isSample ? `${choice.label} (${sample})` : choice.label, keywords: choice.keywords, lang: choice.lang })),
		actions: actions.map((entry) => {
			const title = pickText(entry.title as Record<string, string>, language);
			return { value: entry.id, label: `${title.text} — ${pickText(entry.strategyTitle as Translated as Record<string, string>, language).text}`, lang: title.lang };
		})
	};
}
