import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { countryName } from '#platform/geo/countries.ts';
import { platformDay } from '#platform/time-zone.ts';
import { dueFollowUps, recordFollowUp } from '#modules/jobs/placement/circular.service.ts';

/** Follow-ups due 3 and 12 months after arrival (long-term departures), each with its form. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const rows = await dueFollowUps(ctx);
	return { rows: rows.map((row) => ({ ...row, country: countryName(row.hostCountry, locals.language) })), today: platformDay(ctx.now()) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		// the entry picked: `<candidate id>:<months>`
		const [candidateId = '', months = ''] = String(data.get('entry') ?? '').split(':');
		return formAction(ctx.language, data, () => recordFollowUp(ctx, { candidateId, months, doneOn: data.get('doneOn') ?? '', outcome: data.get('outcome') ?? '', note: data.get('note') ?? '' }), {
			done: () => ({ saved: true }),
			adjust: (errors) => {
				for (const name of ['candidateId', 'months']) if (errors[name]) errors.entry ??= errors[name];
			}
		});
	}
};
