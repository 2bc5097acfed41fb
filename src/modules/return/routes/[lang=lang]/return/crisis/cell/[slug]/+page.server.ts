import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { forPage } from '#platform/http/page.ts';
import { isAppError } from '#platform/http/app-error.ts';
import type { RequestContext } from '#platform/kernel/context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { countryName } from '#platform/geo/countries.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { closeCrisis, crisisDashboard, purgeDate } from '#modules/return/crisis/crisis.service.ts';

/** A crisis's dashboard: its counts (the cell: every registration; a relay: those assigned to it), each a filter of the list. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const dashboard = await forPage(crisisDashboard(ctx, params.slug));
	const { crisis } = dashboard;
	return {
		done: url.searchParams.get('done') ?? '',
		canManage: dashboard.canManage,
		crisis: { slug: crisis.slug, title: pickText(crisis.title, locals.language), status: crisis.status, countries: crisis.countries.map((code) => countryName(code, locals.language)), purgeOn: purgeDate(crisis)?.toISOString() ?? null, purgedAt: crisis.purgedAt?.toISOString() ?? null },
		totals: dashboard.totals,
		byStatus: dashboard.byStatus,
		byNeed: dashboard.byNeed,
		byCity: dashboard.byCity,
		possibleDuplicates: dashboard.possibleDuplicates
	};
}

const conflicts: Record<string, string> = { status_transition: 'return.crisis_error_transition', crisis_closed: 'return.crisis_closed_notice' };

async function act(ctx: RequestContext, data: FormData, work: () => Promise<unknown>, done: string) {
	try {
		await work();
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		const reason = isAppError(failure) ? String(failure.extra?.reason ?? '') : '';
		if (conflicts[reason]) return fail(409, { values: formValues(data), errors: { '': translate(ctx.language, conflicts[reason]) } });
		return formFailureFrom(ctx.language, failure, data);
	}
	return { done };
}

type Event = { request: Request; locals: App.Locals; params: { slug: string } };
const contextOf = async (locals: App.Locals) => requestContext(await getApp(), locals);

export const actions = {
	close: async ({ request, locals, params }: Event) => {
		const ctx = await contextOf(locals);
		const data = await request.formData();
		return act(ctx, data, () => closeCrisis(ctx, params.slug), 'closed');
	}
};
