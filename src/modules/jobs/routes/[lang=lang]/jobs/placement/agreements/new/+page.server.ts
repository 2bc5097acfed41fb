import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { createAgreement } from '#modules/jobs/placement/placement.service.ts';
import { addedRow, agreementFormChoices, agreementInputFrom, agreementRowFields } from '#modules/jobs/placement/placement-forms.ts';

/** The division adds a partnership agreement. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { choices: await agreementFormChoices(app.database.db, locals.language) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const more = addedRow(data, agreementRowFields);
		if (more) return { values: more, errors: {} };
		let id: string;
		try {
			id = (await createAgreement(ctx, agreementInputFrom(data))).id;
		} catch (failure) {
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/agreements/${id}?done=created`);
	}
};
