import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { placeChoices } from '#modules/strategy/places.ts';
import { EVIDENCE_KIND, evidenceDocuments, historyOf, indicatorsOf, periodYears, submitValue, valuesOf } from '#modules/strategy/results.service.ts';
import { linkChoices } from '#platform/kernel/links.ts';
import { translate } from '#platform/i18n/translator.ts';
import { NATIONALITY_ROWS, partsFromForm, resultsFailure } from '#modules/strategy/results-form.ts';
import { AGE_GROUPS, SEX_CATEGORIES } from '#modules/strategy/strategy.model.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { partsLine } from '#modules/strategy/value-parts.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';

const shownDocument = (link: { label: string; path: string; lang?: string } | undefined) => (link ? { label: link.label, path: link.path, lang: link.lang ?? null } : null);

export async function load({ params, locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const row = await strategyForPage(ctx, params.slug, 'strategy.report');
	const mine = await valuesOf(app.database.db, row.id, { reporterId: ctx.actor!.userId });
	const history = await historyOf(app.database.db, mine.map((value) => value.id));
	const documents = await evidenceDocuments(app.database.db, mine.map((value) => value.evidenceDocument), locals.language);
	const sample = translate(locals.language, 'strategy.sample_badge');
	return {
		strategy: { slug: row.slug, titles: row.title as Record<string, string> },
		indicators: (await indicatorsOf(app.database.db, row, locals.language)).map((item) => ({ id: item.id, code: item.code, definition: item.definition, unit: item.unit, byRegion: item.disaggregations.includes('region'), breakdowns: item.disaggregations.filter((name) => name !== 'region'), isSample: item.isSample })),
		years: periodYears(row),
		// the regions of the strategy's country only
		regions: placeChoices(row.country, locals.language).map(({ value, label }) => ({ value, label })),
		breakdown: { sex: SEX_CATEGORIES, age: AGE_GROUPS, nationalityRows: NATIONALITY_ROWS, countries: countryOptions(locals.language) },
		// the library's documents a value may give as evidence (none when the Knowledge module is not installed)
		documents: (await linkChoices(app.database.db, EVIDENCE_KIND, locals.language)).map((choice) => ({ value: choice.value, label: choice.isSample ? `${choice.label} (${sample})` : choice.label, keywords: choice.keywords, lang: choice.lang })),
		values: mine.map((value) => ({ ...value, partsLine: partsLine(locals.language, value.parts), history: history.get(value.id) ?? [], document: shownDocument(documents.get(value.evidenceDocument ?? '')) })),
		done: url.searchParams.get('done')
	};
}

export const actions = {
	submit: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		const field = (name: string) => String(form.get(name) ?? '');
		try {
			await submitValue(ctx, params.slug, { indicatorId: field('indicatorId'), year: field('year'), region: field('region'), value: field('value'), parts: partsFromForm(form), comment: field('comment'), evidenceUrl: field('evidenceUrl'), evidenceDocument: field('evidenceDocument') });
		} catch (failure) {
			return resultsFailure(locals.language, failure, form, field('formId') || 'new');
		}
		redirect(303, `/${locals.language}/strategy/${params.slug}/report?done=submitted`);
	}
};
