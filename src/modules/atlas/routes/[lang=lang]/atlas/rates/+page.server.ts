import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { can } from '#platform/policy/policy.ts';
import { RateForm } from '#modules/atlas/rates/rates.schemas.ts';
import { listExchangeRates, setExchangeRate } from '#modules/atlas/rates/rates.service.ts';

/**
 * The exchange-rate table: public reading (every budget shown in EUR or MAD is converted with it);
 * moderators and administrators also get the form, started from a row's "Change" link (?currency=&year=).
 */
export async function load({ url, locals }) {
	const app = await getApp();
	const { rates, unconverted } = await listExchangeRates(app.database.db);
	const canEdit = can(locals.actor, 'atlas.rates.edit');
	const currency = (url.searchParams.get('currency') ?? '').trim().toUpperCase().slice(0, 3);
	const year = Number(url.searchParams.get('year'));
	const chosen = rates.find((rate) => rate.currency === currency && rate.year === year);
	const values: Record<string, string> = chosen
		? {
				currency: chosen.currency,
				year: String(chosen.year),
				perEur: String(chosen.perEur),
				source: chosen.source ?? '',
				note: chosen.note ?? '',
				checked: chosen.checked ? 'yes' : ''
			}
		: { currency, year: Number.isInteger(year) && year > 0 ? String(year) : String(new Date().getFullYear()), perEur: '', source: '', note: '', checked: '' };
	return { rates, unconverted, canEdit, values: canEdit ? values : null };
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, RateForm, data);
		if (!parsed.ok) return parsed.failure;
		const { currency, year, ...rate } = parsed.data;
		try {
			const result = await setExchangeRate(requestContext(app, locals), { currency, year }, rate);
			return { saved: { currency, year, recomputed: result.recomputed } };
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
	}
};
