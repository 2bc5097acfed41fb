import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { placeChoices } from '#modules/strategy/places.ts';
import { partsLine } from '#modules/strategy/value-parts.ts';
import { completenessOf, evidenceDocuments, historyOf, periodYears, reviewValue, valuesOf } from '#modules/strategy/results.service.ts';
import { resultsFailure } from '#modules/strategy/results-form.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';

export async function load({ params, locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const row = await strategyForPage(ctx, params.slug, 'strategy.review');
	const waiting = await valuesOf(app.database.db, row.id, { status: ['submitted'] });
	const history = await historyOf(app.database.db, waiting.map((value) => value.id));
	const documents = await evidenceDocuments(app.database.db, waiting.map((value) => value.evidenceDocument), locals.language);
	const years = periodYears(row);
	// the year asked for, or else the last year of the period that has begun
	const asked = Number(url.searchParams.get('year'));
	const thisYear = ctx.now().getUTCFullYear();
	const year = years.includes(asked) ? asked : ([...years].reverse().find((each) => each <= thisYear) ?? years[0]);
	return {
		strategy: { slug: row.slug, titles: row.title as Record<string, string> },
		waiting: waiting.map((value) => {
			// the library document given as evidence: its title linking to it (left out when it is gone)
			const document = value.evidenceDocument ? documents.get(value.evidenceDocument) : undefined;
			return { ...value, partsLine: partsLine(locals.language, value.parts), history: history.get(value.id) ?? [], document: document ? { label: document.label, path: document.path, lang: document.lang ?? null } : null };
		}),
		years,
		completeness: year ? await completenessOf(app.database.db, row, year) : null,
		regions: placeChoices(row.country, locals.language).map(({ value, label }) => ({ value, label })),
		done: url.searchParams.get('done')
	};
}

async function decide(decision: 'approve' | 'return', { params, request, locals }: { params: { slug: string }; request: Request; locals: App.Locals }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const form = await request.formData();
	const valueId = String(form.get('valueId') ?? '');
	try {
		await reviewValue(ctx, params.slug, valueId, { decision, reason: String(form.get('reason') ?? '') });
	} catch (failure) {
		const result = resultsFailure(locals.language, failure, form, valueId);
		// the reason's field is the one of this value's form
		const errors = result.data.errors;
		if (errors.reason) {
			errors[`reason-${valueId}`] = errors.reason;
			delete errors.reason;
		}
		return result;
	}
	redirect(303, `/${locals.language}/strategy/${params.slug}/review?done=${decision === 'approve' ? 'approved' : 'returned'}`);
}

export const actions = {
	approve: (event) => decide('approve', event),
	return: (event) => decide('return', event)
};
