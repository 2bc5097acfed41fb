// The web side of content pages: what the collection's page files call (they stay a few lines).
import { fail, redirect } from '@sveltejs/kit';
import { translate } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import { formFailureFrom, formValues, parseForm } from '../http/form.ts';
import { isAppError } from '../http/app-error.ts';
import { forPage } from '../http/page.ts';
import { pickText } from '../i18n/content-language.ts';
import type { RequestContext } from '../kernel/context.ts';
import { ContentPageForm, oneLanguageFields } from './content-pages.form.ts';
import {
	contentPageDetail,
	contentPageFormValues,
	contentPageHistory,
	contentPageSummary,
	getContentPage,
	listContentPages,
	reviseContentPage,
	type ContentCollection
} from './content-pages.service.ts';

/** The list page: pages grouped by topic, in the collection's order; empty topics left out. */
export async function loadContentList(ctx: RequestContext, collection: ContentCollection) {
	const pages = (await listContentPages(ctx.db, collection)).map(({ page, version }) => ({ ...contentPageSummary(collection, page, version, ctx.language), sample: version.isSample }));
	return {
		/** whether any page is a sample (the list then says what its badge means) */
		hasSamples: pages.some((page) => page.sample),
		topics: collection.topics
			.map((topic) => ({ topic, pages: pages.filter((page) => page.topic === topic) }))
			.filter((group) => group.pages.length > 0)
	};
}

/** One page, at `?version=N` when asked (an old version says so and links to the current one). */
export async function loadContentPage(ctx: RequestContext, collection: ContentCollection, slug: string, url: URL) {
	const asked = url.searchParams.get('version');
	const versionNumber = asked && /^\d{1,6}$/.test(asked) ? Number(asked) : undefined;
	const found = await forPage(getContentPage(ctx.db, collection, slug, versionNumber));
	return {
		page: { ...contentPageDetail(collection, found.page, found.version, found.latest, ctx.language), sample: found.version.isSample },
		currentHref: collection.path(ctx.language, found.page.slug),
		isCurrent: found.version.version === found.latest,
		canEdit: ctx.can(collection.editAction),
		saved: url.searchParams.get('saved') === '1'
	};
}

/** A page's versions, newest first. */
export async function loadContentHistory(ctx: RequestContext, collection: ContentCollection, slug: string) {
	const history = await forPage(contentPageHistory(ctx.db, collection, slug));
	const title = pickText(history.versions[0]?.title, ctx.language);
	return {
		pageHref: collection.path(ctx.language, history.page.slug),
		title: title.text,
		titleLanguage: title.lang,
		versions: history.versions.map(({ title: _title, ...row }) => ({ ...row, createdAt: row.createdAt.toISOString() }))
	};
}

/** The edit form, filled from the current version (editors only: the service's rule, asked first). */
export async function loadContentEdit(ctx: RequestContext, collection: ContentCollection, slug: string) {
	await forPage(async () => ctx.require(collection.editAction));
	const found = await forPage(getContentPage(ctx.db, collection, slug));
	const title = pickText(found.version.title, ctx.language);
	return { pageHref: collection.path(ctx.language, found.page.slug), title: title.text, titleLanguage: title.lang, values: contentPageFormValues(found.version) };
}

/**
 * Publishes the submitted version and goes back to the page; a refused form comes back with every
 * problem named, a save made meanwhile by someone else with its own message.
 */
export async function saveContentEdit(ctx: RequestContext, collection: ContentCollection, slug: string, data: FormData) {
	const parsed = parseForm(ctx.language, ContentPageForm, data);
	if (!parsed.ok) return fail(400, { ...parsed.failure.data, errors: clarifyContentErrors(ctx.language, parsed.failure.data.errors) });
	let saved;
	try {
		saved = await reviseContentPage(ctx, collection, slug, parsed.data);
	} catch (failure) {
		return contentFormFailure(ctx.language, failure, data);
	}
	redirect(303, `${collection.path(ctx.language, saved.page.slug)}?saved=1`);
}

/** "Required" on a text asked in three languages means "in at least one of them". */
function clarifyContentErrors(language: Language, errors: Record<string, string>): Record<string, string> {
	const result = { ...errors };
	for (const field of oneLanguageFields) if (result[`${field}_fr`]) result[`${field}_fr`] = translate(language, 'content.error_one_language');
	return result;
}

function contentFormFailure(language: Language, error: unknown, data: FormData) {
	if (isAppError(error) && error.extra?.reason === 'stale_version') {
		return fail(409, {
			values: formValues(data),
			errors: { '': translate(language, 'content.error_stale_version', { version: Number(error.extra.currentVersion) }) }
		});
	}
	return formFailureFrom(language, error, data);
}
