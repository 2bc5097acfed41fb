import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { countryName, countryOptions } from '#platform/geo/countries.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { listCrises, openCrisis, purgeDate } from '#modules/return/crisis/crisis.service.ts';
import { DEFAULT_RETENTION_DAYS } from '#modules/return/crisis/crisis.model.ts';

/** The crisis cell's crises (a relay sees them to reach its lists) and, for the cell, the form that opens one. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const canManage = ctx.can('return.crisis.manage');
	const rows = await listCrises(ctx);
	return {
		canManage,
		defaultRetention: DEFAULT_RETENTION_DAYS,
		countries: countryOptions(locals.language),
		crises: rows.map((row) => ({
			slug: row.slug,
			title: pickText(row.title, locals.language),
			countries: row.countries.map((code) => countryName(code, locals.language)),
			status: row.status,
			startedOn: row.startedOn,
			closedAt: row.closedAt?.toISOString() ?? null,
			purgeOn: purgeDate(row)?.toISOString() ?? null,
			purgedAt: row.purgedAt?.toISOString() ?? null
		}))
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		let opened;
		try {
			opened = await openCrisis(ctx, { ...Object.fromEntries(data), countries: data.getAll('countries') });
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/return/crisis/cell/${opened.slug}?done=opened`);
	}
};
