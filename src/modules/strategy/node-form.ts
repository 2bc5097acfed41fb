// The planners' node form: FormData to the service's input, failures to localised field messages, and
// the controlled lists (organisations, regions, GCM objectives, SDG targets) named in the page's language.
import { fail } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { formLists, formValues } from '../../platform/http/form.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { isolate } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { GCM_OBJECTIVES, SDG_TARGETS, gcmKey, sdgKey } from './codelists.ts';
import { NODE_KINDS, NODE_STATUSES } from './strategy.model.ts';
import type { TreeNode } from './strategy.schemas.ts';
import { placeChoices } from './places.ts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The form's fields as the service's input (empty fields become absent; boxes become lists). */
export function nodeFromForm(form: FormData) {
	return {
		kind: text(form, 'kind') || undefined,
		parentId: text(form, 'parentId') || null,
		title: { fr: text(form, 'title_fr'), ar: text(form, 'title_ar'), en: text(form, 'title_en') },
		description: { fr: text(form, 'description_fr'), ar: text(form, 'description_ar') },
		originalLanguage: text(form, 'originalLanguage') || 'fr',
		leadOrganisationId: text(form, 'leadOrganisationId') || null,
		partnerIds: form.getAll('partners').map(String),
		periodStart: text(form, 'periodStart') || null,
		periodEnd: text(form, 'periodEnd') || null,
		status: text(form, 'status') || 'planned',
		national: form.get('national') === 'on',
		regions: form.getAll('regions').map(String),
		gcm: form.getAll('gcm').map(String),
		sdg: form.getAll('sdg').map(String)
	};
}

/** The form field a service's field path names (`title.fr` → `title_fr`, `regions.2` → `regions`). */
function formFieldOf(path: string): string {
	if (path.startsWith('title.') || path.startsWith('description.')) return path.replace('.', '_');
	if (path.startsWith('partnerIds')) return 'partners';
	return path.split('.')[0];
}

/** A refused write as the form's failure: values kept, one message per field, the tree rule in words. */
export function nodeFailure(language: Language, error: unknown, form: FormData) {
	if (!isAppError(error)) throw error;
	const errors: Record<string, string> = {};
	const reason = typeof error.extra?.reason === 'string' ? error.extra.reason : null;
	if (reason === 'wrong_parent_kind' || reason === 'parent_required') errors.parentId = translate(language, 'strategy.reason_wrong_parent_kind', { kind: translate(language, `strategy.kind_${String(error.extra?.parentKind)}`) });
	if (reason === 'region_of_another_country') errors.regions = translate(language, 'strategy.reason_region_of_another_country');
	if (reason === 'has_children') errors.withChildren = translate(language, 'strategy.reason_has_children');
	if (reason === 'has_contents') errors.withChildren = translate(language, 'strategy.reason_has_contents');
	for (const problem of error.fields) errors[formFieldOf(problem.path)] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	if (!Object.keys(errors).length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values: formValues(form), lists: { ...formLists(form), ...Object.fromEntries(['partners', 'regions', 'gcm', 'sdg'].map((name) => [name, form.getAll(name).map(String)])) }, errors });
}

/** The controlled lists of the node form, in the page's language; the places are the strategy's country's. */
export async function nodeFormChoices(db: DbOrTx, language: Language, country: string) {
	const organisations = await db.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym }).from(organisation).where(eq(organisation.status, 'active')).orderBy(asc(organisation.name));
	return {
		kinds: NODE_KINDS.map((value) => ({ value, label: translate(language, `strategy.kind_${value}`) })),
		statuses: NODE_STATUSES.map((value) => ({ value, label: translate(language, `strategy.node_status_${value}`) })),
		languages: (['fr', 'ar', 'en'] as const).map((value) => ({ value, label: translate(language, `strategy.lang_${value}`) })),
		organisations: organisations.map((entry) => ({ value: entry.id, label: entry.acronym ? `${entry.name} (${entry.acronym})` : entry.name, keywords: entry.acronym ?? '', isolate: true })),
		// the lead's list is a plain select: a name in any language, isolated from the page's direction
		leads: organisations.map((entry) => ({ value: entry.id, label: isolate(entry.acronym ? `${entry.name} (${entry.acronym})` : entry.name) })),
		regions: placeChoices(country, language),
		gcm: GCM_OBJECTIVES.map((code) => ({ value: code, label: translate(language, gcmKey(code)) })),
		sdg: SDG_TARGETS.map((code) => ({ value: code, label: translate(language, sdgKey(code)) }))
	};
}

/** Every node that can hold children, as "Kind: title" options indented by depth (the parent pickers). */
export function parentOptions(tree: TreeNode[], language: Language, except?: string) {
	const options: { value: string; label: string; kind: string }[] = [];
	// each title set apart (U+2068…U+2069): it may be in another language than the page's kind label
	const walk = (items: TreeNode[], depth: number) => {
		for (const item of items) {
			if (item.kind === 'action' || item.id === except) continue;
			options.push({ value: item.id, kind: item.kind, label: `${'\u00a0\u00a0'.repeat(depth)}${translate(language, `strategy.kind_${item.kind}`)} : \u2068${item.title}\u2069`.replace(' :', language === 'fr' ? '\u00a0:' : ':') });
			walk(item.children, depth + 1);
		}
	};
	walk(tree, 0);
	return options;
}
